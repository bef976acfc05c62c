"""Pieces of the shell commands: date ranges, picking an entity, completion, serving."""

from __future__ import annotations

import shlex
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from test_search import make_case  # tests/unit is on sys.path (rootdir)

from casefile import serve
from casefile.shell import (
    BadDate,
    best_entity,
    document_candidates,
    events_between,
    find_document,
    in_range,
    name_candidates,
    period,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def case() -> dict[str, Any]:
    return make_case()


# --- dates as periods -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2020", date(2020, 1, 1), date(2020, 12, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-02", date(2023, 2, 1), date(2023, 2, 28)),
        ("2024-01-03", date(2024, 1, 3), date(2024, 1, 3)),
        (" 2021-11 ", date(2021, 11, 1), date(2021, 11, 30)),
    ],
)
def test_period(text: str, first: date, last: date) -> None:
    assert period(text) == (first, last)


@pytest.mark.parametrize("text", ["", "20", "2020-1", "2020-13", "2021-02-29", "2020/01", "x"])
def test_period_rejects(text: str) -> None:
    with pytest.raises(BadDate):
        period(text)


def test_ranges_compare_by_overlap() -> None:
    start, end = period("2020-06")[0], period("2021")[1]
    assert in_range("2020", start, end)  # the year 2020 overlaps June 2020 onwards
    assert in_range("2020-06", start, end) and in_range("2021-12-31", start, end)
    assert not in_range("2020-05", start, end) and not in_range("2022", start, end)
    assert in_range("2020", None, period("2020-03")[1])
    assert not in_range(None, start, None) and not in_range("someday", None, end)
    assert in_range(None, None, None)


def test_events_between_and_of_an_entity() -> None:
    events = [
        {"id": "a", "date": "2019", "entities": ["e-1"]},
        {"id": "b", "date": "2020-07", "entities": ["e-2"]},
        {"id": "c", "date": "2020", "entities": ["e-1"]},
        {"id": "d", "date": None, "entities": ["e-1"]},
    ]
    ids = [e["id"] for e in events_between(events, period("2020-06")[0], period("2021")[1])]
    assert ids == ["b", "c"]
    assert [e["id"] for e in events_between(events, entity="e-1")] == ["a", "c", "d"]


# --- what a query names -----------------------------------------------------------------


def test_best_entity(case: dict[str, Any]) -> None:
    assert best_entity(case, "sidorow").id == "e-ivan"
    assert best_entity(case, "e-nlu").label == "Northern Logistics Union"  # an id as given
    assert best_entity(case, "injured") is None  # a claim's word, not a name
    assert best_entity(case, "qqqzzz") is None


def test_find_document(case: dict[str, Any]) -> None:
    assert find_document(case, "alpha.txt")["id"] == "d-a"
    assert find_document(case, "d-b")["name"] == "beta.txt"
    assert find_document(case, "BET")["id"] == "d-b"  # a unique part of a name
    assert find_document(case, ".txt") is None  # ambiguous
    assert find_document(case, "gamma") is None


# --- completion -------------------------------------------------------------------------


def test_name_candidates_by_word_prefix(case: dict[str, Any]) -> None:
    got = name_candidates(case, "sido")
    assert got[0] == "Ivan Petrovich Sidorov"  # canonical names first
    assert {"Ivan Petrovitch Sidorow", "Sidorov"} <= set(got)
    assert name_candidates(case, "GREY") == ["Grey Fox"]
    assert "Novograd" in name_candidates(case, "nov")


def test_name_candidates_continue_typed_words(case: dict[str, Any]) -> None:
    got = name_candidates(case, "petrovi", typed=["ivan"])
    assert set(got) == {"Petrovich Sidorov", "Petrovitch Sidorow"}
    assert name_candidates(case, "", typed=["northern", "logistics"]) == ["Union"]


def test_name_candidates_fuzzy_and_empty(case: dict[str, Any]) -> None:
    assert name_candidates(case, "sidorv") == ["Ivan Petrovich Sidorov"]  # no prefix: fuzzy
    assert name_candidates(case, "qqqzz") == []
    everyone = name_candidates(case, "")
    assert set(everyone) == {e["name"] for e in case["entities"]}  # canonical names only


def test_candidates_never_carry_control_characters() -> None:
    case = make_case()
    case["entities"][0]["aliases"].append({"name": "Sid\x1b]52;c;eA==\x07orov", "type": "aka"})
    assert all(n.isprintable() for n in name_candidates(case, "sid"))
    case["documents"][0]["name"] = "alpha\x1b[2J.txt"
    assert document_candidates(case, "") == ["beta.txt"]
    assert document_candidates(case, "B") == ["beta.txt"]


# --- serve ------------------------------------------------------------------------------


def test_served_command_runs_casefile_open(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my cases").mkdir()
    line = serve.served_command(Path("my cases/case.db"), python="/opt/py/bin/python")
    argv = shlex.split(line)
    assert argv == ["/opt/py/bin/python", "-m", "casefile", "open", argv[-1]]
    assert argv[-1] == str(tmp_path / "my cases" / "case.db")  # absolute, spaces survive
    assert shlex.split(serve.served_command(Path("c.db")))[0] == sys.executable


def test_ssh_line_and_what_is_printed(monkeypatch) -> None:
    assert serve.ssh_line(8000, "ana@example.org") == "ssh -L 8000:127.0.0.1:8000 ana@example.org"
    monkeypatch.setenv("SSH_CONNECTION", "192.0.2.7 51234 198.51.100.3 22")
    assert serve.ssh_line(9000).endswith("@198.51.100.3")  # the address the reader used
    lines = serve.reach_lines("127.0.0.1", 9000, "http://127.0.0.1:9000", "ana@host")
    assert "  ssh -L 9000:127.0.0.1:9000 ana@host" in lines
    assert any("http://127.0.0.1:9000" in line for line in lines)
    lines = serve.reach_lines("0.0.0.0", 9000, "http://box:9000")
    assert any(line.startswith("Warning:") for line in lines)
    assert not any("ssh -L" in line for line in lines)


def test_loopback_and_public_url() -> None:
    assert serve.is_loopback("127.0.0.1") and serve.is_loopback("localhost")
    assert serve.is_loopback("::1") and not serve.is_loopback("0.0.0.0")
    assert not serve.is_loopback("example.org")
    assert serve.public_url("127.0.0.1", 8000) == "http://127.0.0.1:8000"
    assert serve.public_url("::1", 8000) == "http://[::1]:8000"
    assert serve.public_url("0.0.0.0", 80) == f"http://{socket.gethostname()}:80"


def test_serve_without_textual_serve_is_one_clear_error(monkeypatch) -> None:
    monkeypatch.setattr(serve, "available", lambda: False)
    with pytest.raises(serve.ServeError, match="pip install 'textual-serve>=1.1,<2'"):
        serve.serve(Path("c.db"), "127.0.0.1", 8000, "http://127.0.0.1:8000", "t")


def test_a_taken_port_is_one_clear_error() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        with pytest.raises(serve.ServeError, match=f"cannot listen on 127.0.0.1:{port}: "):
            serve.check_port("127.0.0.1", port)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str, deadline: float) -> bytes:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                return r.read()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@pytest.mark.skipif(not serve.available(), reason="textual-serve is not installed")
def test_serve_answers_once_and_stops(sample_case: Path) -> None:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "casefile.cli", "serve", "--case", str(sample_case)]
        + ["--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        page = _fetch(f"http://127.0.0.1:{port}/", time.monotonic() + 20)
        assert f"ws://127.0.0.1:{port}/ws".encode() in page
    finally:
        proc.terminate()
        try:
            _, err = proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
    assert b"ssh -L" in err

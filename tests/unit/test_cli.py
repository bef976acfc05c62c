"""The `casefile` command, run as a user runs it: in a subprocess, through the console script."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def cf(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "casefile.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


@pytest.mark.parametrize("command", ["build", "lookup", "export", "open"])
def test_every_command_has_help(command: str) -> None:
    r = cf(command, "--help")
    assert r.returncode == 0
    assert "Usage: casefile " + command in r.stdout


def test_lookup_prints_the_person_with_aliases_and_sentences(sample_case: Path) -> None:
    r = cf("lookup", "tanveer", "--case", str(sample_case))
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "Mohammad Imran Tanvir" in out
    for name in ("Abu Imran", "Abu Omran", "Mohammad Omran Tanveer"):
        assert name in out
    assert "000_427842da66ef77b3.txt" in out and "003_fc3f24696485a95c.txt" in out
    assert "[[Mohammad Omran Tanveer]]" in out  # the matched words marked in the sentence
    assert "\x1b" not in out  # piped: plain text


def test_lookup_json(sample_case: Path) -> None:
    r = cf("lookup", "touhidi", "--case", str(sample_case), "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["best"]["name"] == "Abdul Hakim Tawhidi"
    assert data["hits"]


def test_lookup_nothing_matches(sample_case: Path) -> None:
    r = cf("lookup", "qqqqzzzz", "--case", str(sample_case))
    assert r.returncode == 1
    assert r.stdout == ""
    assert r.stderr.strip().startswith("casefile:") and "nothing matches" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("command", ["lookup tanveer", "export"])
def test_reading_commands_import_neither_spacy_nor_textual(sample_case: Path, command) -> None:
    code = (
        "import sys, runpy\n"
        f"sys.argv = ['casefile', *{command.split()!r}, '--case', {str(sample_case)!r}]\n"
        "try:\n"
        "    runpy.run_module('casefile.cli', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = [m for m in ('spacy', 'textual', 'rich', 'dateparser', 'trafilatura', 'thinc') "
        "if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert "HEAVY []" in r.stdout, r.stdout[-300:] + r.stderr
    assert "Mohammad Imran Tanvir" in r.stdout


def test_export_json_matches_the_format(sample_case: Path, tmp_path: Path) -> None:
    out = tmp_path / "case.json"
    r = cf("export", "--case", str(sample_case), "--format", "json", "-o", str(out))
    assert r.returncode == 0, r.stderr
    data = json.loads(out.read_text())
    assert data["format"] == "casefile/1"
    assert {"documents", "entities", "events", "claims", "relations"} <= data.keys()
    doc = data["documents"][0]
    assert {
        "id",
        "name",
        "title",
        "published",
        "reference_date",
        "reference_basis",
        "sha256",
        "chars",
    } <= doc.keys()
    assert "text" not in doc
    texts = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "data").glob("*.txt")}
    names = {d["id"]: d["name"] for d in data["documents"]}
    for e in data["entities"]:
        assert e["kind"] in ("person", "organization", "place")
        for a in e["aliases"]:
            assert a["type"] in ("aka", "variant", "short", "acronym")
        for m in e["mentions"]:
            assert texts[names[m["doc"]]][m["start"] : m["end"]] == m["text"]
    for ev in data["events"]:
        assert len(ev["date"]) in (4, 7, 10)
    # stdout by default, and the format guessed from the extension
    r = cf("export", "--case", str(sample_case))
    assert json.loads(r.stdout)["format"] == "casefile/1"


def test_build_then_rebuild_reuses_unchanged_documents(sample_copy: Path, tmp_path: Path) -> None:
    case = tmp_path / "c.db"
    r = cf("build", str(sample_copy), "-o", str(case))
    assert r.returncode == 0, r.stderr
    assert "2 parsed" in r.stderr
    (sample_copy / "new.txt").write_text("Anna Berg met Karl Vogel in Vienna on March 3, 2021.\n")
    r = cf("build", str(sample_copy), "-o", str(case))
    assert r.returncode == 0, r.stderr
    assert "3 documents (1 parsed, 2 unchanged)" in r.stderr


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda d: (d / "blob.txt").write_bytes(bytes(range(256)) * 40), "binary"),
        (lambda d: (d / "empty.txt").write_text(""), "empty"),
    ],
)
def test_bad_documents_leave_the_case_untouched(sample_copy, tmp_path, setup, message) -> None:
    case = tmp_path / "c.db"
    assert cf("build", str(sample_copy), "-o", str(case)).returncode == 0
    before = case.read_bytes()
    setup(sample_copy)
    r = cf("build", str(sample_copy), "-o", str(case))
    assert r.returncode != 0
    assert message in r.stderr and "Traceback" not in r.stderr
    assert r.stderr.strip().splitlines()[-1].startswith("casefile:")
    assert case.read_bytes() == before
    # --skip-bad builds the rest
    r = cf("build", str(sample_copy), "-o", str(case), "--skip-bad")
    assert r.returncode == 0 and "skipped" in r.stderr


def test_missing_folder_and_foreign_case(tmp_path: Path) -> None:
    r = cf("build", str(tmp_path / "nope"), "-o", str(tmp_path / "c.db"))
    assert r.returncode != 0 and "no such file or folder" in r.stderr
    assert "Traceback" not in r.stderr
    foreign = tmp_path / "notes.db"
    foreign.write_text('{"something": "else"}')
    r = cf("lookup", "x", "--case", str(foreign))
    assert r.returncode == 1 and "not a casefile case file" in r.stderr
    r = cf("build", str(ROOT / "data"), "-o", str(foreign))
    assert r.returncode == 1 and foreign.read_text() == '{"something": "else"}'


def test_default_case_is_built_once_and_opened(tmp_path: Path) -> None:
    env = {"CASEFILE_CACHE": str(tmp_path / "cache")}
    r = cf("--summary", cwd=tmp_path, env=env)
    assert r.returncode == 0, r.stderr
    assert "Building the sample case" in r.stderr
    assert "Mohammad Imran Tanvir" in r.stdout
    r = cf("--summary", cwd=tmp_path, env=env)
    assert r.returncode == 0 and "Building" not in r.stderr
    # lookup without --case uses the default case too
    r = cf("lookup", "soleimani", cwd=tmp_path, env=env)
    assert r.returncode == 0 and "Qasem Soleimani" in r.stdout


def test_local_case_is_the_default(sample_case: Path, tmp_path: Path) -> None:
    (tmp_path / "case.db").write_bytes(sample_case.read_bytes())
    r = cf("lookup", "aminian", cwd=tmp_path, env={"CASEFILE_CACHE": str(tmp_path / "none")})
    assert r.returncode == 0 and "Bahador Aminian" in r.stdout
    assert not (tmp_path / "none").exists()


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("report.md", lambda p: "Mohammad Imran Tanvir" in p.read_text()),
        ("report.html", lambda p: p.read_text().lstrip().lower().startswith("<!doctype html")),
        ("case.ftm.json", lambda p: all(json.loads(x) for x in p.read_text().splitlines())),
        ("case.gexf", lambda p: "<gexf" in p.read_text()),
        ("tables.zip", lambda p: p.read_bytes()[:2] == b"PK"),
    ],
)
def test_export_format_guessed_from_the_extension(sample_case, tmp_path, name, check) -> None:
    out = tmp_path / name
    r = cf("export", "--case", str(sample_case), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert check(out)
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left


def test_export_csv_to_a_folder(sample_case: Path, tmp_path: Path) -> None:
    r = cf("export", "--case", str(sample_case), "--format", "csv", "-o", str(tmp_path / "t"))
    assert r.returncode == 0, r.stderr
    assert {"entities.csv", "events.csv"} <= {p.name for p in (tmp_path / "t").iterdir()}

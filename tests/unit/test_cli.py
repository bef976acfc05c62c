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


COMMANDS = [
    "build", "lookup", "show", "timeline", "sources", "export", "open", "serve",
    "merge", "different", "split", "rename", "kind", "alias", "dismiss", "judgements",
]  # fmt: skip


@pytest.mark.parametrize("command", [*COMMANDS, "completion"])
def test_every_command_has_help(command: str) -> None:
    r = cf(command, "--help")
    assert r.returncode == 0
    assert "Usage: casefile " + command in r.stdout


def test_every_command_is_tested_for_help() -> None:
    from casefile.cli import cli

    assert set(cli.commands) == {*COMMANDS, "completion"}


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


@pytest.mark.parametrize(
    ("command", "expect"),
    [
        ("lookup tanveer", "Mohammad Imran Tanvir"),
        ("show tanveer", "Mohammad Imran Tanvir"),
        ("timeline --entity soleimani", "Qasem Soleimani"),
        ("sources tanveer", "Mohammad Imran Tanvir"),
        ("sources explosive vests", "[[explosive]]"),
        ("export", "Mohammad Imran Tanvir"),
    ],
)
def test_reading_commands_import_neither_spacy_nor_textual(
    sample_case: Path, command: str, expect: str
) -> None:
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
    assert expect in r.stdout


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


# --- answers from a plain shell: show, timeline, sources, lookup filters -----------------


def test_show_prints_the_whole_dossier(sample_case: Path) -> None:
    r = cf("show", "omran", "tanveer", "--case", str(sample_case))  # words need no quotes
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert out.startswith("Mohammad Imran Tanvir  (person, e-")
    assert "  Abu Omran  (aka)  in 003_fc3f24696485a95c.txt" in out
    assert "Attributes:\n  role: specialist in bomb-making" in out
    assert "Sources (5 mentions in 2 documents):\n  000_427842da66ef77b3.txt\n" in out
    assert "was [[Mohammad Omran Tanveer]], also known as [[Abu Omran]]." in out
    assert "Relations:\n  Mohammad Imran Tanvir linked to Abdullah Tajiki" in out
    assert "imran~omran: same consonant skeleton" in out
    assert "\x1b" not in out


def test_show_json_and_no_match(sample_case: Path) -> None:
    r = cf("show", "soleimani", "--case", str(sample_case), "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["name"] == "Qasem Soleimani" and r.stdout.isascii()
    assert [e["date"] for e in data["events"]] == ["2020-01", "2024-01-03", "2024-01-04"]
    r = cf("show", "qqqqzzzz", "--case", str(sample_case))
    assert r.returncode == 1 and r.stdout == ""
    assert r.stderr.strip().splitlines() == [
        "casefile: no person, organization or place matches 'qqqqzzzz'"
    ]


def test_timeline_dates_ranges_and_conflicts(sample_case: Path) -> None:
    r = cf("timeline", "--case", str(sample_case))
    assert r.returncode == 0, r.stderr
    dates = [line.split()[0] for line in r.stdout.splitlines() if not line.startswith(" ")]
    assert dates == sorted(dates) and {"2020", "2020-11", "2024-01-03"} <= set(dates)
    assert "conflict: killed: more than 90 vs at least 91" in r.stdout
    r = cf("timeline", "--case", str(sample_case), "--from", "2020-06", "--to", "2021")
    assert r.returncode == 0, r.stderr
    dates = [line.split()[0] for line in r.stdout.splitlines() if not line.startswith(" ")]
    assert dates == ["2020", "2020", "2020-11"]  # a year overlaps a range that starts mid-year


def test_timeline_of_an_entity_as_json(sample_case: Path) -> None:
    r = cf("timeline", "--case", str(sample_case), "--entity", "soleimany", "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["entity"]["name"] == "Qasem Soleimani"
    events = data["events"]
    assert [e["date"] for e in events] == ["2020-01", "2024-01-03", "2024-01-04"]
    assert events[1]["conflicts"][0]["with"][0]["value"] == "at least 91"
    assert all("Qasem Soleimani" in [x["name"] for x in e["entities"]] for e in events)


def test_sources_of_a_name_or_of_text(sample_case: Path) -> None:
    r = cf("sources", "abu", "omran", "--case", str(sample_case))
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith("Mohammad Imran Tanvir  (person")
    assert "000_427842da66ef77b3.txt" in lines and "003_fc3f24696485a95c.txt" in lines
    assert lines[1:3] == [
        "  matched: [[Abu]] [[Omran]]",
        "  5 mentions in 3 sentences of 2 documents",
    ]
    assert sum("[[" in line for line in lines[3:]) == 3  # three sentences, mentions marked
    r = cf("sources", "explosive vests", "--case", str(sample_case), "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["entity"] is None
    assert [m["text"] for m in data["sentences"][0]["marks"]] == ["explosive", "vests"]


def test_lookup_kind_and_doc_filters(sample_case: Path) -> None:
    base = ("lookup", "kerman", "--case", str(sample_case), "--json")
    r = cf(*base, "--kind", "event", "--kind", "claim", "--doc", "003_fc3")
    assert r.returncode == 0, r.stderr
    hits = json.loads(r.stdout)["hits"]
    assert hits and {h["kind"] for h in hits} <= {"event", "claim"}
    assert all(s["doc"] == hits[0]["spans"][0]["doc"] for h in hits for s in h["spans"])
    r = cf(*base, "--doc", "nothing-like-it")
    assert r.returncode == 1 and "no single document matches 'nothing-like-it'" in r.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["timeline", "--from", "2020-13"],
        ["timeline", "--from", "2022", "--to", "2021"],
        ["timeline", "--entity", "qqqqzzzz"],
        ["show"],
        ["sources", "x", "--case", "/nonexistent/case.db"],
        ["frobnicate"],
    ],
)
def test_bad_input_is_one_line(sample_case: Path, args: list[str]) -> None:
    if "--case" not in args:
        args = [*args, "--case", str(sample_case)]
    r = cf(*args)
    assert r.returncode != 0 and r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("casefile: "), r.stderr
    assert "Traceback" not in r.stderr


def test_foreign_case_is_one_line_for_every_reading_command(tmp_path: Path) -> None:
    foreign = tmp_path / "notes.db"
    foreign.write_text('{"something": "else"}')
    for args in (["show", "x"], ["timeline"], ["sources", "x"], ["serve"]):
        r = cf(*args, "--case", str(foreign))
        assert r.returncode == 1, args
        assert r.stderr == f"casefile: {foreign}: not a casefile case file\n"


def _on_a_terminal(args: list[str], env: dict[str, str]) -> bytes:
    """What the command writes when its standard output is a terminal (a pty)."""
    import pty

    leader, follower = pty.openpty()
    base = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "casefile.cli", *args],
        stdout=follower,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
        env={**base, "TERM": "xterm", **env},
    )
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the child has closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(leader)
    proc.wait(timeout=60)
    return out


def test_color_only_on_a_terminal_without_no_color(sample_case: Path) -> None:
    args = ["show", "tajiki", "--case", str(sample_case)]
    colored = _on_a_terminal(args, {})
    assert b"\x1b[1;7mAbdullah Tajiki\x1b[0m" in colored and b"[[" not in colored
    plain = _on_a_terminal(args, {"NO_COLOR": "1"})
    assert b"\x1b" not in plain and b"[[Abdullah Tajiki]]" in plain


# --- completion --------------------------------------------------------------------------


def test_completion_offers_names_from_the_case(sample_case: Path, tmp_path: Path) -> None:
    (tmp_path / "case.db").write_bytes(sample_case.read_bytes())
    env = {
        "_CASEFILE_COMPLETE": "bash_complete",
        "COMP_WORDS": "casefile show tan",
        "COMP_CWORD": "2",
        "CASEFILE_CACHE": str(tmp_path / "none"),
    }
    r = cf(cwd=tmp_path, env=env)
    assert r.returncode == 0, r.stderr
    assert "plain,Mohammad Imran Tanvir" in r.stdout.splitlines()
    words = f"casefile timeline --case {sample_case} --entity soleim"
    r = cf(env={**env, "COMP_WORDS": words, "COMP_CWORD": "5"})
    assert "plain,'Qasem Soleimani'" in r.stdout.splitlines()  # bash: one option value
    assert not (tmp_path / "none").exists()  # completion never builds the sample case


@pytest.mark.parametrize(
    ("shell", "marker"),
    [("bash", "_casefile_completion"), ("zsh", "#compdef casefile"), ("fish", "complete")],
)
def test_completion_prints_the_script(shell: str, marker: str) -> None:
    from click.testing import CliRunner

    from casefile.cli import cli

    r = CliRunner().invoke(cli, ["completion", shell], prog_name="casefile")
    assert r.exit_code == 0, r.output
    assert marker in r.output and "_CASEFILE_COMPLETE" in r.output


def test_building_other_paths_never_drops_documents_silently(sample_copy, tmp_path) -> None:
    case = tmp_path / "c.db"
    assert cf("build", str(sample_copy), "-o", str(case)).returncode == 0
    before = case.read_bytes()
    one = sample_copy / "000_427842da66ef77b3.txt"
    r = cf("build", str(one), "-o", str(case))
    assert r.returncode == 1 and "--replace" in r.stderr and "003_fc3f24696485a95c.txt" in r.stderr
    assert case.read_bytes() == before
    r = cf("build", str(one), "-o", str(case), "--replace")
    assert r.returncode == 0 and "1 documents" in r.stderr


def test_export_choices_are_the_export_formats() -> None:
    from casefile import exports
    from casefile.cli import EXPORT_FORMATS

    assert tuple(exports.FORMATS) == EXPORT_FORMATS


def test_lookup_reads_text_only_when_names_do_not_answer(story_case: Path) -> None:
    """A name is answered from the light part of the case, its sentences fetched by offset;
    words found only in the documents' text still find their sentence."""
    r = cf("lookup", "nazarow", "--case", str(story_case))
    assert r.returncode == 0 and "Rustam Nazarov" in r.stdout
    assert "[[" in r.stdout  # the sentences, quoted from the texts, marks and all
    r = cf("lookup", "harbor", "gate", "--case", str(story_case), "--kind", "sentence")
    assert r.returncode == 0 and "[[harbor]] [[gate]]" in r.stdout
    r = cf("lookup", "warehouse", "--case", str(story_case))
    assert r.returncode == 0 and "warehouse" in r.stdout

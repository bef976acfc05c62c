"""Hostile documents: the build never crashes, limits are stated, and nothing a document
carries reaches a terminal or runs in an export."""

from __future__ import annotations

import codecs
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from casefile import exports, ingest, invisible, store
from casefile.build import BadInput, build
from casefile.model import Document

ROOT = Path(__file__).resolve().parents[2]

# ESC and every other C0 control but tab and line breaks, DEL, C1, bidi controls and marks
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

MARKUP = (
    "[b]Rustam Nazarov[/] met [link=https://evil.example]Ahmed Karimov[/link] and "
    "[@click=app.quit]Omar Hadi[/] in Vienna on March 3, 2021. [/] [bold red]x "
    "Police said at least 12 people were killed.\n"
)
ESCAPES = (
    "Ahmed Karimov\x1b[2J\x1b[H was seen in Kabul on 4 May 2022.\x1b]52;c;ZXZpbA==\x07 "
    "See \x1b]8;;https://evil.example\x1b\\Rustam Nazarov\x1b]8;;\x1b\\ and \x9b31m Omar Hadi "
    "\x9d0;title\x9c in Herat.\x1b[31m\n"
)
BIDI = (
    "Police in Vienna said \u202eVOKIRAK\u202c was arrested on 5 June 2021 with "
    "\u2067Omar Hadi\u2069 and \u200fRustam\u200e Nazarov. At least 3 people were wounded.\n"
)
ZERO_WIDTH = "Rus\u200btam Nazarov, 41, was arrested in Vienna on 6 July 2021 by Omar Ha\u200ddi.\n"


def _files() -> dict[str, bytes]:
    return {
        "markup.txt": MARKUP.encode(),
        "escapes.txt": ESCAPES.encode(),
        "bidi.txt": BIDI.encode(),
        "zero_width.txt": ZERO_WIDTH.encode(),
        "nul.txt": b"Omar Hadi\x00 met Ahmed Karimov\x00 in Kabul on 4 May 2022.\n",
        "invalid_utf8.txt": b"Jos\xe9 Garc\xeda met Omar Hadi in Madrid on 5 June 2021.\xff\n",
        "utf16.txt": codecs.BOM_UTF16_LE + "Omar Hadi visited Herat in 2020.\n".encode("utf-16-le"),
        "page.html": (
            b"<html><head><title>&lt;script&gt;alert(1)&lt;/script&gt;</title>"
            b"<script>alert(2)</script></head><body><article><p>Omar Hadi met "
            b"<b>Ahmed Karimov</b> in Herat on 3 March 2021. [b]bold[/b] "
            b"&lt;img src=x onerror=alert(3)&gt; \xe2\x80\xae reversed.</p>"
            b"<p>Police said at least 7 people were killed in the attack in Herat.</p>"
            b"</article></body></html>"
        ),
        "front.md": (
            b"---\ntitle: <script>alert(4)</script>\nsource: javascript:alert(5)\n---\n"
            b'# =HYPERLINK("http://evil.example")\n\n'
            b"+Omar Hadi met -Ahmed Karimov in @Herat on 3 March 2021.\n"
        ),
        # a file name that tries it too
        "\x1b[2J=cmd()|[b]\u202eevil.txt".encode(): b"Omar Hadi spoke in Herat in 2019.\n",
        "binary.txt": bytes(range(256)) * 40,
        "one_line.txt": b"word " * 1_000_000,  # 5 MB, one line
        "long.txt": ("Omar Hadi " * 100_000).encode() + b"x",  # one character too long
        "huge.txt": b"Omar Hadi was here.\n" * (ingest.MAX_BYTES // 20),  # 50 MB
        "empty.txt": b"\n\n  \n",
    }


REFUSED = {
    "binary.txt": "looks like a binary file",
    "one_line.txt": "text too long (more than 1,000,000 characters; the limit is 1,000,000",
    "long.txt": "text too long (1,000,001 characters; the limit is 1,000,000 per document)",
    "huge.txt": "text too long (more than 1,000,000 characters; the limit is 1,000,000",
    "empty.txt": "empty document",
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, Path, Any]:
    folder = tmp_path_factory.mktemp("hostile")
    docs = folder / "docs"
    docs.mkdir()
    for name, raw in _files().items():
        (docs / os.fsdecode(name)).write_bytes(raw)
    out = folder / "case.db"
    with pytest.raises(BadInput) as err:
        build([docs], out)
    assert "\n" not in str(err.value) and not out.exists()
    report = build([docs], out, skip_bad=True)
    return docs, out, report


def test_the_build_never_crashes_and_says_what_it_refused(hostile) -> None:
    _, out, report = hostile
    assert len(report.errors) == len(REFUSED)
    for name, reason in REFUSED.items():
        line = next(e for e in report.errors if e.startswith(name))
        assert reason in line and "\n" not in line
    case = store.load(out)
    assert len(case["documents"]) == len(_files()) - len(REFUSED)
    texts = {d["id"]: d["text"] for d in case["documents"]}
    for s in _spans(case):
        assert texts[s["doc"]][s["start"] : s["end"]] == s["text"]
    assert any("\x1b" in t for t in texts.values())  # the case keeps the text as written


def _spans(case: dict[str, Any]) -> list[dict[str, Any]]:
    spans = [m for e in case["entities"] for m in e["mentions"]]
    spans += [s for e in case["entities"] for a in e["aliases"] for s in a["sources"]]
    spans += [s for ev in case["events"] for s in ev["sources"] + ev["date_sources"]]
    spans += [s for c in case["claims"] for s in c["sources"] + [c["sentence"]]]
    return spans + [s for r in case["relations"] for s in r["sources"]]


def _cf(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "casefile", *args],
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "NO_COLOR": "1"},
    )


@pytest.mark.parametrize(
    "args",
    [
        ["lookup", "Nazarov"],
        ["lookup", "Karimov", "--json"],
        ["lookup", "killed", "--limit", "50"],
        ["show", "Omar Hadi"],
        ["show", "Ahmed Karimov", "--json"],
        ["timeline"],
        ["sources", "Omar Hadi", "--json"],
        ["sources", "Herat"],
        ["open", "--summary"],  # the case file comes after
    ],
)
def test_cli_output_is_inert(hostile, args: list[str]) -> None:
    _, out, _ = hostile
    where = [str(out)] if args[0] == "open" else ["--case", str(out)]
    r = _cf(*args, *where)
    assert r.returncode == 0, r.stderr.decode(errors="replace")
    text = r.stdout.decode("utf-8") + r.stderr.decode("utf-8")
    assert not UNSAFE.findall(text), UNSAFE.findall(text)
    assert len(text.strip()) > 0


# The JSON-family exports write ASCII escapes, so C1 controls and bidi overrides from a
# document never reach a terminal raw.
@pytest.mark.parametrize("fmt", list(exports.FORMATS))
def test_every_export_is_inert(hostile, fmt: str) -> None:
    case = store.load(hostile[1])
    data = exports.render(case, fmt)
    if isinstance(data, bytes):  # csv: a zip of tables
        import io
        import zipfile

        with zipfile.ZipFile(io.BytesIO(data)) as z:
            data = "".join(z.read(n).decode("utf-8") for n in z.namelist())
    data = data.replace("\r\n", "\n")
    assert not UNSAFE.findall(data), sorted({hex(ord(c)) for c in UNSAFE.findall(data)})


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs


def test_html_export_runs_nothing(hostile) -> None:
    page = exports.render(store.load(hostile[1]), "html")
    assert isinstance(page, str)
    p = _Tags()
    p.feed(page)
    assert not {"script", "img", "iframe", "object", "embed", "form", "b", "link"} & set(p.tags)
    assert not [a for a, _ in p.attrs if a.startswith("on") or a == "src"]
    assert all(v.startswith("#") for a, v in p.attrs if a == "href" and v)
    assert "javascript:" not in page.replace("javascript:alert(5)", "")  # only as inert text
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in page


def test_csv_cells_never_start_a_formula(hostile) -> None:
    import csv as csv_mod
    import io

    case = store.load(hostile[1])
    for name, text in exports.csv.files(case).items():
        for row in csv_mod.reader(io.StringIO(text, newline="")):
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (name, cell)


def test_nothing_from_a_document_chooses_a_path(hostile, tmp_path: Path) -> None:
    """Exports write exactly where they are told, whatever the documents are called."""
    _, out, _ = hostile
    target = tmp_path / "exports"
    target.mkdir()
    names = {f: f"x.{'zip' if f == 'csv' else f}" for f in exports.FORMATS}
    for fmt, name in names.items():
        r = _cf("export", "--case", str(out), "--format", fmt, "-o", str(target / name))
        assert r.returncode == 0, r.stderr
    r = _cf("export", "--case", str(out), "--format", "csv", "-o", str(target / "tables"))
    assert r.returncode == 0, r.stderr
    written = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*"))
    assert written == sorted(
        [
            "exports",
            *(f"exports/{n}" for n in names.values()),
            "exports/tables",
            *(f"exports/tables/{n}" for n in exports.csv.files(store.load(out))),
        ]
    )


# --- limits ----------------------------------------------------------------------------------


def test_the_text_limit_is_within_what_spacy_takes(nlp) -> None:
    assert nlp.max_length >= ingest.MAX_CHARS


def test_too_many_documents_is_one_clear_line(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(ingest, "MAX_DOCUMENTS", 3)
    for i in range(4):
        (tmp_path / f"{i}.txt").write_text(f"Document {i} about Omar Hadi.\n")
    with pytest.raises(ingest.IngestError, match=r"too many documents .*the limit is 3 per build"):
        ingest.collect([tmp_path])


def test_a_file_over_the_byte_limit_is_not_read(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(ingest, "MAX_BYTES", 1000)
    (tmp_path / "big.html").write_bytes(b"<p>x</p>" * 200)
    docs, errors, _ = ingest.collect([tmp_path])
    assert not docs and errors == ["big.html: too large (1600 bytes; the limit is 1000 bytes)"]


def test_unpaired_surrogates_never_reach_the_case_file(tmp_path: Path, monkeypatch) -> None:
    # a broken PDF text layer can yield them; UTF-8 cannot store them
    monkeypatch.setattr(ingest, "_decode", lambda name, raw, declared=None: ("Ann \ud800Lee", "x"))
    (tmp_path / "a.txt").write_text("anything")
    doc = ingest.read_document(tmp_path / "a.txt")
    assert doc.text == "Ann \ufffdLee"


# --- zero-width and other invisible characters ---------------------------------------------


def test_view_drops_invisible_characters_and_maps_back() -> None:
    text = "\u202eRus\u200btam\u202c Naz\u00adarov\x00x"
    seen = invisible.view(text)
    assert seen is not None
    view, index = seen
    assert view == "Rustam Nazarov x"
    assert len(index) == len(view) + 1 and index[-1] == len(text)
    assert all(text[index[i]] == c for i, c in enumerate(view) if c != " ")
    assert invisible.view("plain text") is None


def test_zero_width_names_are_found_with_true_spans(nlp) -> None:
    """Through `invisible`: "Rus\u200btam Nazarov" is a person, its span as written."""
    from casefile.extract import extract_parsed

    text = ZERO_WIDTH + "Police said \u202eOmar Hadi\u202c was there.\n"
    doc = Document(id="d-1", name="z.txt", path="z.txt", text=text, sha256="z")
    vdoc, index = invisible.view_document(doc) or (doc, [])
    ex = invisible.remap(extract_parsed(vdoc, nlp(vdoc.text), "test"), index, text)
    people = {m.text for m in ex.mentions if m.kind == "person"}
    assert "Rus\u200btam Nazarov" in people
    assert "Omar Hadi" in people  # the overrides around it stay out of the span
    for m in ex.mentions:
        assert text[m.start : m.end] == m.text
    for a, b in ex.sentences:
        assert 0 <= a <= b <= len(text)


def test_the_build_finds_zero_width_names(hostile) -> None:
    case = store.load(hostile[1])
    texts = [m["text"] for e in case["entities"] if e["kind"] == "person" for m in e["mentions"]]
    assert "Rus\u200btam Nazarov" in texts


def test_hostile_file_names_in_messages_are_inert(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from casefile.cli import cli

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "\x1b]52;c;ZXZpbA==\x07\u202ebin.txt").write_bytes(bytes(range(256)) * 8)
    (docs / "good.txt").write_text("Omar Hadi met Ahmed Karimov in Herat on 3 March 2021.\n")
    out = tmp_path / "case.db"
    for extra in ([], ["--skip-bad"]):
        r = CliRunner().invoke(cli, ["build", str(docs), "-o", str(out), "-q", *extra])
        assert "bin.txt" in r.stderr and not UNSAFE.findall(r.stderr), repr(r.stderr)
    assert r.exit_code == 0 and out.exists()

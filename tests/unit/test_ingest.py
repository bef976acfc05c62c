"""casefile.ingest: decoding, metadata, formats and folder collection."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest

from casefile import ingest
from casefile.ingest import IngestError, collect, document_id, read_document

LATIN = (
    "Le café de la place Saint-Étienne a été fermé après l'incident, "
    "selon le préfet. Der Bürgermeister von Zürich äußerte sich später zu den Vorfällen "
    "und sprach von einer schwierigen Lage für die Gemeinde.\n"
)

NEWS_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Blasts hit Kerman memorial | Daily Wire Service</title>
<meta property="article:published_time" content="2024-01-04T09:30:00Z">
<link rel="canonical" href="https://news.example.com/world/kerman-blasts">
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li>Subscribe to our newsletter</li></ul></nav>
<article>
<h1>Blasts hit Kerman memorial</h1>
<p>Two explosions struck a memorial gathering in the southeastern Iranian city of Kerman on
Wednesday, killing dozens of people who had come to mark the anniversary of a general's death.</p>
<p>Officials said the blasts happened about twenty minutes apart near the cemetery where the
ceremony was being held, and that emergency crews were still searching the area late into the
evening.</p>
<p>No group immediately claimed responsibility for the attack, which the provincial governor
described as an act of terrorism against ordinary citizens.</p>
</article>
<footer><p>Copyright 2024 Daily Wire Service. All rights reserved. Cookie settings.</p></footer>
</body>
</html>
"""


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def make_pdf(lines: list[str], title: str | None = None, password: str | None = None) -> bytes:
    """A one-page PDF whose content stream shows `lines` in Helvetica."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(width=612, height=792)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    fonts = DictionaryObject({NameObject("/F1"): writer._add_object(font)})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
    shown = " ".join(f"({line}) Tj T*" for line in lines)
    stream = DecodedStreamObject()
    stream.set_data(f"BT /F1 12 Tf 72 720 Td 14 TL {shown} ET".encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(stream)
    if title:
        writer.add_metadata({"/Title": title})
    if password:
        writer.encrypt(password)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


# --- plain text -----------------------------------------------------------------------------


def test_plain_text_is_kept_verbatim_so_offsets_are_file_offsets(tmp_path: Path) -> None:
    content = "Kerman blasts kill dozens\r\n\r\nTwo blasts   \r\nstruck the crowd.  \n\tEnd\n"
    path = write(tmp_path, "story.txt", content)
    doc = read_document(path)
    assert doc.text == content
    start = content.index("struck")
    assert doc.text[start : start + 6] == "struck"
    assert doc.title == "Kerman blasts kill dozens"
    assert doc.published is None
    assert doc.media_type == "text/plain"
    assert doc.encoding == "utf-8"
    assert doc.body_start == 0
    raw = content.encode("utf-8")
    assert doc.id == document_id(raw) == "d-" + hashlib.sha256(raw).hexdigest()[:12]
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()
    assert doc.name == "story.txt"
    assert doc.path == str(path)


@pytest.mark.parametrize(
    ("content", "title"),
    [
        ("Photo: Social Media\n\nIran Reports Killing Two\n\nBody.\n", "Iran Reports Killing Two"),
        ("Credit: AP\nImage: Reuters\n  Headline Here  \nBody.\n", "Headline Here"),
        ("This first line is a sentence.\nMore.\n", None),
        ("Was it a headline?\nMore.\n", None),
        ("Reported by:\nMore.\n", None),
        ("x" * 150 + "\nMore.\n", None),
    ],
)
def test_plain_text_title_guess(tmp_path: Path, content: str, title: str | None) -> None:
    assert read_document(write(tmp_path, "a.txt", content)).title == title


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.txt", b"\xef\xbb\xbfCaf\xc3\xa9 news\nBody text.\n")
    doc = read_document(path)
    assert doc.text == "Café news\nBody text.\n"
    assert doc.encoding == "utf-8-sig"


def test_utf16_with_bom_is_decoded_not_called_binary(tmp_path: Path) -> None:
    content = "Zürich report\nThe mayor spoke on Tuesday.\n"
    doc = read_document(write(tmp_path, "u16.txt", content.encode("utf-16")))
    assert doc.text == content
    assert doc.encoding == "utf-16"


def test_cp1252_text_is_detected(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "latin.txt", LATIN.encode("cp1252")))
    assert doc.text == LATIN
    assert doc.encoding != "utf-8"


def test_undecodable_text_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import charset_normalizer

    class NoMatch:
        def best(self) -> None:
            return None

    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda raw: NoMatch())
    with pytest.raises(IngestError, match=r"^odd\.txt: cannot decode the text"):
        read_document(write(tmp_path, "odd.txt", LATIN.encode("cp1252")))


def test_binary_file_is_refused(tmp_path: Path) -> None:
    blob = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8 + b"\x00" * 512
    with pytest.raises(IngestError, match=r"^pic\.txt: looks like a binary file, not a document$"):
        read_document(write(tmp_path, "pic.txt", blob))


def test_a_few_stray_nuls_and_escapes_are_still_a_document(tmp_path: Path) -> None:
    content = "Headline\n" + "Ordinary words in a sentence. " * 20 + "\x00 \x1b[1mbold\x1b[0m\n"
    doc = read_document(write(tmp_path, "stray.txt", content))
    assert doc.text == content  # kept verbatim: display code sanitises


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n  "])
def test_empty_file_is_refused(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(IngestError, match=r"^e\.txt: empty document$"):
        read_document(write(tmp_path, "e.txt", data))


def test_too_large_file_names_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_BYTES", 100)
    with pytest.raises(IngestError, match=r"^big\.txt: too large .*limit is 100 bytes"):
        read_document(write(tmp_path, "big.txt", "word " * 50))


def test_folder_passed_to_read_document_is_an_ingest_error(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="not a regular file"):
        read_document(tmp_path)


# --- markdown -------------------------------------------------------------------------------


def test_markdown_front_matter(tmp_path: Path) -> None:
    front = (
        "---\r\n"
        'title: "Odessa: two suspects held"\r\n'
        "published: 2024-01-19\r\n"
        "url: https://news.example.com/odessa\r\n"
        "---\r\n"
    )
    content = front + "\r\nThe ministry said two suspects were killed.\r\n"
    doc = read_document(write(tmp_path, "story.md", content))
    assert doc.title == "Odessa: two suspects held"
    assert doc.published == "2024-01-19"
    assert doc.source == "https://news.example.com/odessa"
    assert doc.media_type == "text/markdown"
    assert doc.body_start == len(front)
    assert doc.text == content  # offsets are file offsets
    assert doc.text[doc.body_start :].startswith("\r\nThe ministry")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("published: 2024-01-19T10:30:00Z", "2024-01-19"),
        ("published: '2024-01'", "2024-01"),
        ("date: 2023", "2023"),
        ("date: January 19, 2024", "2024-01-19"),
        ("date: not a date", None),
    ],
)
def test_markdown_published_keeps_its_precision(
    tmp_path: Path, line: str, expected: str | None
) -> None:
    doc = read_document(write(tmp_path, "p.md", f"---\n{line}\nsource: Wire\n---\nBody.\n"))
    assert doc.published == expected
    assert doc.source == "Wire"


@pytest.mark.parametrize(
    "content",
    [
        "---\ntitle: [unclosed\n---\nBody text here.\n",
        "---\ndate: 2024-02-30\n---\nBody text here.\n",  # YAML date that does not exist
        "---\nJust a rule above prose, no closing fence.\n",
        "---\nProse between two rules.\n---\nBody text here.\n",
    ],
)
def test_markdown_without_valid_front_matter_keeps_whole_file(tmp_path: Path, content: str) -> None:
    doc = read_document(write(tmp_path, "bad.md", content))
    assert doc.text == content
    assert doc.body_start == 0
    assert doc.published is None


def test_markdown_heading_is_the_title_guess(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "h.md", "# Kerman blasts\n\nBody.\n"))
    assert doc.title == "Kerman blasts"


def test_markdown_with_only_front_matter_is_empty(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="empty document"):
        read_document(write(tmp_path, "fm.md", "---\ntitle: Nothing\n---\n\n"))


# --- HTML -----------------------------------------------------------------------------------


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "page.html", NEWS_HTML))
    assert doc.media_type == "text/html"
    assert "Two explosions struck a memorial gathering" in doc.text
    assert "No group immediately claimed responsibility" in doc.text
    for boilerplate in ("Subscribe", "newsletter", "Copyright", "Cookie", "Home"):
        assert boilerplate not in doc.text
    assert doc.title == "Blasts hit Kerman memorial"
    assert doc.published == "2024-01-04"
    assert doc.source == "https://news.example.com/world/kerman-blasts"


def test_html_time_element_gives_the_date(tmp_path: Path) -> None:
    html = NEWS_HTML.replace(
        '<meta property="article:published_time" content="2024-01-04T09:30:00Z">', ""
    ).replace("<article>", '<article><time datetime="2023-12-30">30 December</time>')
    assert read_document(write(tmp_path, "t.htm", html)).published == "2023-12-30"


def test_html_declared_charset_is_used(tmp_path: Path) -> None:
    html = NEWS_HTML.replace('charset="utf-8"', 'charset="iso-8859-1"').replace(
        "Two explosions", "Zwei Explosionen in Zürich: two explosions"
    )
    doc = read_document(write(tmp_path, "l1.html", html.encode("iso-8859-1")))
    assert "Zürich" in doc.text
    assert doc.encoding == "latin-1" or "8859" in doc.encoding


def test_html_without_article_text_is_an_error(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Gallery</title><script>var x = 1;</script></head>"
        "<body><div><img src='a.jpg'></div><script>track();</script></body></html>"
    )
    with pytest.raises(IngestError, match=r"^menu\.html: no article text found in the HTML$"):
        read_document(write(tmp_path, "menu.html", html))


# --- PDF ------------------------------------------------------------------------------------


def test_pdf_text_and_title(tmp_path: Path) -> None:
    raw = make_pdf(["Iran reports two arrests", "after the Kerman attack."], title="Kerman report")
    doc = read_document(write(tmp_path, "report.pdf", raw))
    assert doc.media_type == "application/pdf"
    assert "Iran reports two arrests" in doc.text
    assert "after the Kerman attack." in doc.text
    assert doc.title == "Kerman report"
    assert doc.id == document_id(raw)


def test_pdf_pages_are_joined_by_blank_line(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for words in (["First page"], ["Second page"]):
        writer.add_page(PdfReader(io.BytesIO(make_pdf(words))).pages[0])
    buf = io.BytesIO()
    writer.write(buf)
    doc = read_document(write(tmp_path, "two.pdf", buf.getvalue()))
    pages = [page.extract_text() for page in PdfReader(buf).pages]
    assert "First page" in pages[0] and "Second page" in pages[1]
    assert doc.text == "\n\n".join(pages)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (make_pdf([]), "no extractable text"),
        (make_pdf(["secret"], password="pw"), "encrypted"),
        (b"%PDF-1.4\n" + b"garbage " * 40, "PDF"),
    ],
)
def test_unreadable_pdfs_are_clear_errors(tmp_path: Path, raw: bytes, reason: str) -> None:
    with pytest.raises(IngestError, match=rf"^x\.pdf: .*{reason}") as info:
        read_document(write(tmp_path, "x.pdf", raw))
    assert "\n" not in str(info.value)


# --- collect --------------------------------------------------------------------------------


def test_collect_folder(tmp_path: Path) -> None:
    write(tmp_path, "b.txt", "Same story\nBody.\n")
    write(tmp_path, "a.txt", "Same story\nBody.\n")
    write(tmp_path, "sub/c.md", "# Other story\nBody.\n")
    write(tmp_path, "sub/notes.docx", "not read")
    write(tmp_path, "README.md", "About this folder\n")
    write(tmp_path, ".hidden.txt", "Hidden file\n")
    write(tmp_path, ".git/x.txt", "Hidden folder\n")
    write(tmp_path, "sub/empty.txt", "")

    docs, errors, notes = collect([tmp_path])

    assert [d.name for d in docs] == ["a.txt", "c.md"]  # first by sorted path wins
    assert errors == ["empty.txt: empty document"]
    assert len(notes) == 3
    assert any("b.txt" in n and "same content as" in n and "a.txt" in n for n in notes)
    assert any("notes.docx" in n and "unsupported" in n for n in notes)
    assert any("README.md" in n for n in notes)
    assert not any("hidden" in n.lower() or ".git" in n for n in notes)


def test_collect_explicit_unsupported_file_is_read_as_text(tmp_path: Path) -> None:
    path = write(tmp_path, "story.log", "Plain words in a log file.\n")
    docs, errors, notes = collect([path])
    assert [d.text for d in docs] == ["Plain words in a log file.\n"]
    assert (errors, notes) == ([], [])


def test_collect_same_file_twice_is_read_once_without_note(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Story\nBody.\n")
    docs, errors, notes = collect([tmp_path, path])
    assert len(docs) == 1
    assert (errors, notes) == ([], [])


def test_collect_missing_path_raises(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="nope"):
        collect([tmp_path / "nope"])


def test_same_content_same_id(tmp_path: Path) -> None:
    a = write(tmp_path, "a.txt", "Story\nBody.\n")
    b = write(tmp_path, "copy/renamed.txt", "Story\nBody.\n")
    assert read_document(a).id == read_document(a).id == read_document(b).id
    assert read_document(a).id != read_document(write(tmp_path, "c.txt", "Story\nBody!\n")).id

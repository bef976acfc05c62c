"""Read a folder of news documents (text, Markdown, HTML, PDF) into `Document`s.

Plain text is kept exactly as decoded so that span offsets are file offsets.
trafilatura and pypdf are imported lazily: the package must import fast.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import io
import logging
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NoReturn

from casefile.model import Document

__all__ = [
    "MAX_BYTES",
    "MAX_CHARS",
    "MAX_DOCUMENTS",
    "SUPPORTED_SUFFIXES",
    "IngestError",
    "collect",
    "document_id",
    "read_document",
]

TEXT_SUFFIXES = frozenset({".txt", ".text"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
SUPPORTED_SUFFIXES: frozenset[str] = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | {".pdf"}
# Limits, stated in the README and enforced with a message that names them:
MAX_BYTES: int = 50 * 1024 * 1024  # a file as stored (HTML and PDF carry much markup)
# the text of one document: spaCy's own max_length (a longer text makes it raise E088)
MAX_CHARS: int = 1_000_000
MAX_DOCUMENTS: int = 100_000  # documents (files) per build

_SNIFF = 8192
_BINARY_RATIO = 0.10
# Longest BOMs first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1b")
_CONTROL_BYTES = frozenset(range(0x20)) - {ord(c) for c in _ALLOWED_CONTROLS} | {0x7F}
_CAPTION = re.compile(r"(photo|image|picture|credit|caption|video|illustration)s?\s*:", re.I)
_HEADING = re.compile(r"^#{1,6}\s+")
_SURROGATE = re.compile("[\ud800-\udfff]")
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_ISO_DATE = re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?![\d])")
_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%B %Y", "%b %Y")


class IngestError(Exception):
    """One-line, user-facing message naming the file and the problem (no traceback text).

    File names come from the documents' folder and may hold escape sequences: the message
    is made inert here, once, for every place that prints it.
    """

    def __init__(self, message: str) -> None:
        from casefile.sanitize import one_line

        super().__init__(one_line(message))


def document_id(raw: bytes) -> str:
    return "d-" + hashlib.sha256(raw).hexdigest()[:12]


def read_document(path: Path) -> Document:
    path = Path(path)
    return _parse(path, _read_raw(path))


def collect(paths: Iterable[Path]) -> tuple[list[Document], list[str], list[str]]:
    """Read every document under `paths`; returns (documents, errors, notes)."""
    candidates: dict[Path, Path] = {}  # resolved -> path as found (each file read once)
    notes: list[str] = []
    for given in map(Path, paths):
        if not given.exists():
            raise IngestError(f"{given}: no such file or folder")
        if given.is_dir():
            for found in _walk(given):
                skip = _skip_reason(found)
                if skip:
                    notes.append(f"{found}: skipped ({skip})")
                else:
                    candidates.setdefault(found.resolve(), found)
        else:  # named explicitly: read whatever the suffix (unknown ones as plain text)
            candidates.setdefault(given.resolve(), given)
        if len(candidates) > MAX_DOCUMENTS:  # stop early: do not read a million files first
            raise IngestError(
                f"too many documents (the limit is {MAX_DOCUMENTS:,} per build); "
                "build from a smaller folder"
            )

    documents: list[Document] = []
    errors: list[str] = []
    seen: dict[str, Path] = {}  # sha256 -> first path with that content
    for path in sorted(candidates.values()):
        try:
            raw = _read_raw(path)
            digest = hashlib.sha256(raw).hexdigest()
            if digest in seen:
                notes.append(f"{path}: skipped (same content as {seen[digest]})")
                continue
            seen[digest] = path
            documents.append(_parse(path, raw))
        except IngestError as exc:
            errors.append(str(exc))
    return documents, errors, notes


def _walk(folder: Path) -> list[Path]:
    """Files under `folder`, recursively, hidden files and folders left out."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(root, f) for f in files if not f.startswith("."))
    return sorted(found)


def _skip_reason(path: Path) -> str | None:
    if path.name.upper().startswith("README"):
        return "README file"
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return f"unsupported file type '{path.suffix or path.name}'"
    return None


def _read_raw(path: Path) -> bytes:
    name = path.name
    try:
        if not path.is_file():
            raise IngestError(f"{name}: not a regular file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise IngestError(f"{name}: too large ({_size(size)}; the limit is {_size(MAX_BYTES)})")
        return path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{name}: cannot read the file ({exc.strerror or exc})") from None


def _too_long(name: str, chars: int | None) -> NoReturn:
    size = f"{chars:,} characters" if chars is not None else f"more than {MAX_CHARS:,} characters"
    raise IngestError(f"{name}: text too long ({size}; the limit is {MAX_CHARS:,} per document)")


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n} bytes"


def _parse(path: Path, raw: bytes) -> Document:
    name = path.name
    suffix = path.suffix.lower()
    if not raw.strip():
        raise IngestError(f"{name}: empty document")
    if suffix not in HTML_SUFFIXES and suffix != ".pdf" and len(raw) > 4 * MAX_CHARS:
        _too_long(name, None)  # even at 4 bytes a character: no need to decode it all
    try:
        if suffix == ".pdf":
            fields = _read_pdf(name, raw)
        elif suffix in HTML_SUFFIXES:
            fields = _read_html(name, raw)
        elif suffix in MARKDOWN_SUFFIXES:
            fields = _read_markdown(name, raw)
        else:  # .txt/.text, or an explicitly named file of another type
            text, encoding = _decode(name, raw)
            fields = {"text": text, "encoding": encoding, "title": _guess_title(text)}
    except IngestError:
        raise
    except Exception as exc:  # a parser bug must not take the whole run down
        raise IngestError(f"{name}: cannot read the document ({_one_line(exc)})") from None
    if not fields["text"][fields.get("body_start", 0) :].strip():
        raise IngestError(f"{name}: empty document")
    if len(fields["text"]) > MAX_CHARS:
        _too_long(name, len(fields["text"]))
    # Unpaired surrogates (a broken PDF text layer) cannot be written as UTF-8; U+FFFD has
    # the same length, so offsets hold.
    fields = {
        k: _SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v for k, v in fields.items()
    }
    return Document(
        id=document_id(raw),
        name=name,
        path=str(path),
        sha256=hashlib.sha256(raw).hexdigest(),
        **fields,
    )


def _one_line(exc: BaseException) -> str:
    first = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {first[0]}" if first else type(exc).__name__


# --- decoding -------------------------------------------------------------------------------


def _control_ratio(sample: str | bytes) -> float:
    if not sample:
        return 0.0
    if isinstance(sample, bytes):
        bad = sum(1 for b in sample if b in _CONTROL_BYTES)
    else:
        bad = sum(
            1 for c in sample if (c < " " or "\x7f" <= c <= "\x9f") and c not in _ALLOWED_CONTROLS
        )
    return bad / len(sample)


def _decode(name: str, raw: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode `raw` to text; returns (text, encoding). `declared`: e.g. an HTML meta charset."""
    binary = IngestError(f"{name}: looks like a binary file, not a document")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(encoding)
            except UnicodeError:
                raise IngestError(f"{name}: cannot decode the text (invalid {encoding})") from None
            break
    else:
        # No BOM: NULs and control bytes in the raw bytes mean binary, not text.
        if _control_ratio(raw[:_SNIFF]) > _BINARY_RATIO:
            raise binary
        text, encoding = _decode_without_bom(name, raw, declared)
    if _control_ratio(text[:_SNIFF]) > _BINARY_RATIO:
        raise binary
    return text, encoding


def _decode_without_bom(name: str, raw: bytes, declared: str | None) -> tuple[str, str]:
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return raw.decode(declared), codecs.lookup(declared).name
        except (LookupError, UnicodeError):
            pass  # a wrong declaration: fall back to detection
    from charset_normalizer import from_bytes

    results = from_bytes(raw)
    best = results.best()
    if best is None:
        raise IngestError(
            f"{name}: cannot decode the text (not UTF-8 and no reliable encoding found)"
        )
    # Windows code pages often tie (é/è/ü are valid in cp1250 too); for news text cp1252
    # is by far the likelier one.
    for match in results:
        if (
            "cp1252" in match.could_be_from_charset
            and match.chaos <= best.chaos
            and match.coherence >= best.coherence
        ):
            try:
                return raw.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                break
    return str(best), best.encoding


def _guess_title(text: str) -> str | None:
    """The first non-empty line (captions skipped), if it looks like a headline."""
    for line in text.splitlines():
        line = line.strip()
        if not line or _CAPTION.match(line):
            continue
        line = _HEADING.sub("", line)
        if line and len(line) < 150 and not line.endswith((".", "!", "?", ":")):
            return line
        return None
    return None


def _normalise_date(value: Any) -> str | None:
    """An ISO date at its true precision (YYYY, YYYY-MM or YYYY-MM-DD), or None."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:04d}" if 1000 <= value <= 9999 else None
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    if m := _ISO_DATE.match(value):
        year, month, day = (int(g) if g else None for g in m.groups())
        try:
            dt.date(year or 0, month or 1, day or 1)
        except ValueError:
            return None
        if day is not None:
            return f"{year:04d}-{month:02d}-{day:02d}"
        return f"{year:04d}-{month:02d}" if month is not None else f"{year:04d}"
    for fmt in _DATE_FORMATS:
        try:
            parsed = dt.datetime.strptime(value, fmt)
        except ValueError:
            continue
        return parsed.strftime("%Y-%m-%d" if "%d" in fmt else "%Y-%m")
    return None


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


# --- formats --------------------------------------------------------------------------------


def _read_markdown(name: str, raw: bytes) -> dict[str, Any]:
    text, encoding = _decode(name, raw)
    meta, offset = _front_matter(text)
    body = text[offset:]
    # the whole file is the text, so offsets stay file offsets; the front matter is skipped
    return {
        "text": text,
        "encoding": encoding,
        "media_type": "text/markdown",
        "title": _clean(meta.get("title")) or _guess_title(body),
        "published": _normalise_date(meta.get("published") or meta.get("date")),
        "source": _clean(meta.get("source") or meta.get("url")),
        "body_start": offset,
    }


def _front_matter(text: str) -> tuple[dict[str, Any], int]:
    """YAML front matter between `---` lines: (metadata, offset of the body); ({}, 0) if none."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return {}, 0
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            break
    else:
        return {}, 0
    import yaml

    try:
        meta = yaml.safe_load("".join(lines[1:i]))
    except Exception:  # bad YAML (or an impossible date in it): not front matter after all
        return {}, 0
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):  # e.g. a `---` rule above plain prose
        return {}, 0
    return {str(k).lower(): v for k, v in meta.items()}, sum(map(len, lines[: i + 1]))


def _read_html(name: str, raw: bytes) -> dict[str, Any]:
    declared = _HTML_CHARSET.search(raw[:4096])
    html, encoding = _decode(name, raw, declared[1].decode("ascii") if declared else None)

    import trafilatura

    text = trafilatura.extract(
        html,
        output_format="txt",
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    if not text or not text.strip():
        raise IngestError(f"{name}: no article text found in the HTML")
    # extensive=False: dates from markup only; guessing from body text (e.g. a
    # copyright year) would give a wrong reference date.
    meta = trafilatura.extract_metadata(html, extensive=False)
    return {
        "text": text,
        "encoding": encoding,
        "media_type": "text/html",
        "title": _clean(meta.title),
        "published": _normalise_date(meta.date),
        "source": _clean(meta.url or meta.sitename),
    }


def _read_pdf(name: str, raw: bytes) -> dict[str, Any]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # it warns about every odd xref
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(f"{name}: the PDF is encrypted (password required)")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
        title = _clean(info.title) if info else None
    except IngestError:
        raise
    except PdfReadError as exc:
        raise IngestError(f"{name}: broken or unreadable PDF ({_one_line(exc)})") from None
    except Exception as exc:
        raise IngestError(f"{name}: cannot read the PDF ({_one_line(exc)})") from None
    text = "\n\n".join(pages)
    if not text.strip():
        raise IngestError(f"{name}: no extractable text in the PDF (scanned images?)")
    return {"text": text, "media_type": "application/pdf", "title": title}

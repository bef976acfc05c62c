"""Export formats: one module per format, each with `render(case) -> str | bytes`.

`FORMATS` maps a format name to (render function, default file extension); `csv` also has
a writer (`WRITERS`) that makes a folder, or a zip when the target ends in .zip. `guess`
picks a format from an output file name. Heavy libraries (followthemoney, networkx) are
imported only when their format is rendered, so importing this package stays cheap.
"""

# No `from __future__ import annotations` here: it would bind the name `annotations`
# before the submodule of that name is imported.
from collections.abc import Callable
from pathlib import Path
from typing import Any

from casefile.exports import (
    annotations,
    casefile1,
    csv,
    ftm,
    graph,
    html,
    markdown,
    timelinejs,
)

Case = dict[str, Any]

FORMATS: dict[str, tuple[Callable[[Case], str | bytes], str]] = {
    "json": (casefile1.render, ".json"),
    "markdown": (markdown.render, ".md"),
    "html": (html.render, ".html"),
    "csv": (csv.render, ".zip"),
    "ftm": (ftm.render, ".ftm.json"),
    "timelinejs": (timelinejs.render, ".timeline.json"),
    "gexf": (graph.render_gexf, ".gexf"),
    "graphml": (graph.render_graphml, ".graphml"),
    "annotations": (annotations.render, ".jsonld"),
}
WRITERS: dict[str, Callable[[Case, Path], None]] = {"csv": csv.write}

# Longest suffix first when guessing: "x.timeline.json" is TimelineJS, not casefile/1.
EXTENSIONS: dict[str, str] = {
    ".timeline.json": "timelinejs",
    ".ftm.json": "ftm",
    ".ftm": "ftm",
    ".jsonl": "ftm",
    ".jsonld": "annotations",
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
    ".zip": "csv",
    ".gexf": "gexf",
    ".graphml": "graphml",
}


def guess(path: str) -> str | None:
    """The format an output file name asks for, or None ("-" and unknown suffixes)."""
    name = Path(path).name.lower()
    for suffix in sorted(EXTENSIONS, key=len, reverse=True):
        if name.endswith(suffix) and len(name) > len(suffix):
            return EXTENSIONS[suffix]
    return None


def render(case: Case, fmt: str) -> str | bytes:
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
    return FORMATS[fmt][0](case)


def write(case: Case, fmt: str, target: Path | str) -> None:
    """Render `fmt` into `target` (csv: a folder, or a zip if `target` ends in .zip)."""
    target = Path(target)
    if fmt in WRITERS:
        WRITERS[fmt](case, target)
        return
    out = render(case, fmt)
    if isinstance(out, bytes):
        target.write_bytes(out)
    else:
        target.write_text(out, encoding="utf-8")

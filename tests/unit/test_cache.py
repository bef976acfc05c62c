"""Per-document extraction is cached by content hash, model and extractor version."""

from __future__ import annotations

from pathlib import Path

from casefile import build as build_mod


def test_unchanged_documents_are_not_parsed_again(tmp_path: Path, monkeypatch) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Anna Berg met Karl Vogel in Vienna on March 3, 2021.\n")
    out = tmp_path / "c.db"
    first = build_mod.build([docs], out)
    assert (first.extracted, first.reused) == (1, 0)
    again = build_mod.build([docs], out)
    assert (again.extracted, again.reused) == (0, 1)
    assert again.case["entities"] == first.case["entities"]
    # new extraction code: the cached result of the old code is not trusted
    build_mod.extractor_version.cache_clear()
    monkeypatch.setattr(build_mod, "extractor_version", lambda: "changed")
    changed = build_mod.build([docs], out)
    assert (changed.extracted, changed.reused) == (1, 0)

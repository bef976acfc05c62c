"""The development corpus (tests/data): four invented stories, scored against their keys.

The keys were written before the code was tuned on them. Targets: people F1 >= 0.95,
people clusters F1 >= 0.90, every explicit alias found, events recall >= 0.85, years all
inferred, no false span.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from casefile import export, store
from casefile.build import build

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SHARED = ROOT.parent / "shared" / "eval" / "score.py"
SCORER = SHARED if SHARED.exists() else ROOT / "tests" / "scoring" / "score.py"
STORIES = sorted(p.name for p in DATA.iterdir() if (p / "gold.json").exists())


def test_the_corpus_has_four_stories() -> None:
    assert len(STORIES) >= 4


@pytest.mark.parametrize("story", STORIES)
def test_story_scores(story: str, tmp_path: Path) -> None:
    folder = DATA / story
    build([folder], tmp_path / "case.db")
    out = tmp_path / "case.json"
    out.write_text(export.render(store.load(tmp_path / "case.db"), "json"))
    r = subprocess.run(
        [
            sys.executable,
            str(SCORER),
            str(out),
            str(folder / "gold.json"),
            "--docs",
            str(folder),
            "--json",
        ],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    s = json.loads(r.stdout)
    assert s["spans_false"] == 0
    assert s["people"]["mention_f"] >= 0.95
    assert s["people"]["cluster_f"] >= 0.90
    assert s["alias_recall"] == 1.0
    assert s["event_recall"] >= 0.85
    got, wanted = s["year_inferred"].split("/")
    assert got == wanted

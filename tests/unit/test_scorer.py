"""The sample, scored by the shared scorer against its hand-made answer key."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from casefile import export, store

ROOT = Path(__file__).resolve().parents[2]
# The scorer and key live in ../shared; a copy is kept in tests/scoring for checkouts without it.
SHARED = ROOT.parent / "shared" / "eval"
SCORER = SHARED / "score.py" if (SHARED / "score.py").exists() else ROOT / "tests/scoring/score.py"
GOLD = (
    SHARED / "seeds/gold.json"
    if (SHARED / "seeds/gold.json").exists()
    else ROOT / "tests/scoring/gold.json"
)


def score(case_path: Path, tmp_path: Path) -> dict:
    out = tmp_path / "case.json"
    out.write_text(export.render(store.load(case_path), "json"))
    r = subprocess.run(
        [sys.executable, str(SCORER), str(out), str(GOLD), "--docs", str(ROOT / "data"), "--json"],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    return json.loads(r.stdout)


def test_sample_scores(sample_case: Path, tmp_path: Path) -> None:
    s = score(sample_case, tmp_path)
    assert s["spans_false"] == 0 and s["spans_checked"] > 50
    people = s["people"]
    assert people["mention_f"] == 1.0
    assert people["cluster_f"] >= 0.95
    assert people["cross_doc_links"] == "11/11"
    assert s["alias_recall"] == 1.0
    assert s["organizations"]["mention_f"] >= 0.85
    assert s["places"]["mention_f"] >= 0.85
    assert s["event_recall"] >= 0.85
    assert s["year_inferred"] == "2/2"

"""The code must not know the stories it is measured on: no full name of a person from the
sample's or any held-out set's answer key appears in casefile/ or tui/, code or comment."""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# public figures the code's examples may name (the role-before-name docstring)
PUBLIC = {"Bashar al-Assad"}


def _key_names() -> set[str]:
    keys = list((ROOT / "tests").glob("heldout*/*/gold.json"))
    sample = ROOT.parent / "shared" / "eval" / "seeds" / "gold.json"
    keys += [sample] if sample.exists() else []
    names = set()
    for key in keys:
        for person in json.loads(key.read_text(encoding="utf-8"))["people"]:
            for surfaces in person["variants"].values():
                names |= {s for s in surfaces if len(s.split()) >= 2}
    return names - PUBLIC


def test_no_answer_key_name_in_the_code() -> None:
    names = _key_names()
    assert len(names) > 100  # the keys were found
    sources = [*(ROOT / "casefile").rglob("*.py"), *(ROOT / "tui").rglob("*.py")]
    text = {p: p.read_text(encoding="utf-8") for p in sources}
    found = [
        f"{n} in {p.relative_to(ROOT)}"
        for n in sorted(names)
        for p, t in text.items()
        if re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", t)
    ]
    assert not found, found

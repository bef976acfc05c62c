"""Mechanical check of the held-out answer keys in tests/heldout*/<story>/gold.json.

    .venv/bin/python tests/heldout/check_keys.py [SET_FOLDER ...] [--words 250-500] [--uncovered]

With no folder, the set this script lives in (tests/heldout); every held-out set uses this
one script.

For every story folder holding a gold.json it checks that:
- the documents in the key are exactly the .txt articles in the folder;
- every surface (variants, aliases, claim values) occurs verbatim in its file;
- ids are unique across people, organizations and places;
- every alias is a listed variant of its person in that file;
- one (file, surface) never belongs to two entities, also after the scorer's
  normalisation (lowercased words);
- titles occur in their file, dates are YYYY[-MM[-DD]], published agrees with
  inferred_year, event sources name known files;
- each article has 200-450 words (or the range --words gives).

--uncovered lists capitalised words that no surface covers (a review aid, not an error).
Exits 1 on any error. Standard library only.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = ("people", "organizations", "places")
SECTIONS = ("documents", *KINDS, "aliases", "events", "claims")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
MIN_WORDS, MAX_WORDS = 200, 450


def words(s: str) -> tuple[str, ...]:
    """The normalisation shared/eval/score.py compares surfaces with."""
    return tuple(re.findall(r"[\w'’.-]+", s.lower()))


def check_story(folder: Path, uncovered: bool) -> tuple[list[str], list[str]]:
    errors: list[str] = []
    notes: list[str] = []
    story = folder.name
    try:
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    except ValueError as err:
        return [f"{story}: gold.json is not JSON: {err}"], notes
    missing = [k for k in SECTIONS if k not in gold]
    if missing:
        return [f"{story}: gold.json lacks {', '.join(missing)}"], notes

    files = {p.name for p in folder.glob("*.txt")}
    keyed = set(gold["documents"])
    errors += [f"{story}: {f} is in the folder but not in the key" for f in sorted(files - keyed)]
    errors += [f"{story}: {f} is in the key but not in the folder" for f in sorted(keyed - files)]
    texts = {f: (folder / f).read_text(encoding="utf-8") for f in files & keyed}

    for f, meta in gold["documents"].items():
        if f not in texts:
            continue
        n = len(texts[f].split())
        if not MIN_WORDS <= n <= MAX_WORDS:
            errors.append(f"{story}/{f}: {n} words, want {MIN_WORDS}-{MAX_WORDS}")
        year = meta.get("inferred_year")
        if not isinstance(year, int):
            errors.append(f"{story}/{f}: inferred_year {year!r} is not a year")
        pub = meta.get("published")
        if pub is not None:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(pub)):
                errors.append(f"{story}/{f}: published {pub!r} is not YYYY-MM-DD")
            elif int(pub[:4]) != year:
                errors.append(f"{story}/{f}: published {pub} disagrees with year {year}")
        title = meta.get("title")
        if title is not None and title not in texts[f]:
            errors.append(f"{story}/{f}: title {title!r} not in the file")

    ids: set[str] = set()
    owner: dict[tuple[str, str], str] = {}
    norm_owner: dict[tuple[str, tuple[str, ...]], str] = {}
    variants_of: dict[str, dict[str, list[str]]] = {}
    for kind in KINDS:
        for ent in gold[kind]:
            eid = ent.get("id")
            if not eid or eid in ids:
                errors.append(f"{story}: id {eid!r} missing or used twice")
            ids.add(eid)
            if not ent.get("name"):
                errors.append(f"{story}: {eid} has no name")
            variants_of[eid] = ent.get("variants", {})
            if not variants_of[eid]:
                errors.append(f"{story}: {eid} has no variants")
            for f, surfaces in variants_of[eid].items():
                if f not in texts:
                    errors.append(f"{story}: {eid} names unknown file {f}")
                    continue
                if len(set(surfaces)) != len(surfaces):
                    errors.append(f"{story}/{f}: {eid} lists a surface twice")
                for s in surfaces:
                    if s not in texts[f]:
                        errors.append(f"{story}/{f}: {kind} {eid} surface {s!r} not in the text")
                    elif not re.search(r"(?<!\w)" + re.escape(s) + r"(?!\w)", texts[f]):
                        notes.append(
                            f"{story}/{f}: {eid} surface {s!r} only occurs glued to a word"
                        )
                    prev = owner.setdefault((f, s), eid)
                    if prev != eid:
                        errors.append(f"{story}/{f}: surface {s!r} belongs to {prev} and {eid}")
                    nprev = norm_owner.setdefault((f, words(s)), eid)
                    if nprev != eid:
                        errors.append(
                            f"{story}/{f}: {s!r} ({eid}) normalises like a surface of {nprev}"
                        )

    people = {e["id"] for e in gold["people"]}
    for row in gold["aliases"]:
        if not (isinstance(row, list) and len(row) == 3):
            errors.append(f"{story}: alias row {row!r} is not [person, alias, file]")
            continue
        pid, alias, f = row
        if pid not in people:
            errors.append(f"{story}: alias {alias!r} names unknown person {pid}")
        elif alias not in variants_of[pid].get(f, []):
            errors.append(f"{story}/{f}: alias {alias!r} is not a variant of {pid} in that file")

    for ev in gold["events"]:
        if not DATE_RE.match(str(ev.get("date"))):
            errors.append(f"{story}: event date {ev.get('date')!r} is not YYYY[-MM[-DD]]")
        if not ev.get("what"):
            errors.append(f"{story}: event {ev.get('date')} has no 'what'")
        if not ev.get("sources"):
            errors.append(f"{story}: event {ev.get('what')!r} has no sources")
        for f in ev.get("sources", []):
            if f not in texts:
                errors.append(f"{story}: event {ev.get('what')!r} cites unknown file {f}")

    for claim in gold["claims"]:
        for f, value in claim.get("values", {}).items():
            if f not in texts:
                errors.append(f"{story}: claim {claim.get('what')!r} cites unknown file {f}")
            elif value not in texts[f]:
                errors.append(f"{story}/{f}: claim value {value!r} not in the text")

    if uncovered:
        for f, text in sorted(texts.items()):
            spans = [
                (m.start(), m.end())
                for (ff, s) in owner
                if ff == f
                for m in re.finditer(re.escape(s), text)
            ]
            for m in re.finditer(r"\b[A-Z][\w'’.-]*", text):
                if not any(a <= m.start() < b for a, b in spans):
                    notes.append(f"{story}/{f}: uncovered {m.group()!r}")
    return errors, notes


def main(argv: list[str]) -> int:
    global MIN_WORDS, MAX_WORDS
    uncovered = "--uncovered" in argv
    args = [a for a in argv if a != "--uncovered"]
    if "--words" in args:
        i = args.index("--words")
        lo, _, hi = args[i + 1].partition("-")
        MIN_WORDS, MAX_WORDS = int(lo), int(hi)
        del args[i : i + 2]
    sets = [Path(a) for a in args] or [HERE]
    stories = sorted(p.parent for s in sets for p in s.glob("*/gold.json"))
    if not stories:
        print("no stories found")
        return 1
    failed = False
    for folder in stories:
        errors, notes = check_story(folder, uncovered)
        for line in notes:
            print("note ", line)
        for line in errors:
            print("ERROR", line)
        failed |= bool(errors)
        print(f"{folder.name}: {'ok' if not errors else f'{len(errors)} errors'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Mechanical check of the answer keys in tests/data/<story>/gold.json.

    .venv/bin/python tests/data/check_keys.py [--uncovered]

For every story folder holding a gold.json it checks that:
- the documents in the key are exactly the article files in the folder;
- every surface in variants, aliases and claim values occurs verbatim in its file's text
  (for .md files: in the body after the YAML front matter, which is all the tool keeps);
- ids are unique, every alias is a listed variant of its person in that file, and one
  (file, surface) never belongs to two entities (also after the scorer's normalisation);
- dates, years, titles and sources are well formed; articles are 150-450 words.

--uncovered lists capitalised words that no surface covers (a review aid, not an error).
Exits 1 on any error. Standard library only.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLE_SUFFIXES = {".txt", ".md"}
KINDS = ("people", "organizations", "places")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def words(s: str) -> list[str]:
    """The scorer's normalisation (shared/eval/score.py)."""
    return re.findall(r"[\w'’.-]+", s.lower())


def body_of(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md" and text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[end + 5 :]
    return text


def front_matter(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md" and text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        return text[4:end] if end != -1 else ""
    return ""


def at_word_boundary(text: str, surface: str) -> bool:
    pat = r"(?<![\w])" + re.escape(surface) + r"(?![\w])"
    return re.search(pat, text) is not None


def check_story(folder: Path, uncovered: bool) -> tuple[list[str], list[str]]:
    errors: list[str] = []
    notes: list[str] = []
    name = folder.name
    try:
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    except ValueError as err:
        return [f"{name}: gold.json is not JSON: {err}"], notes

    for key in ("documents", *KINDS, "aliases", "events", "claims"):
        if key not in gold:
            errors.append(f"{name}: key '{key}' missing")
    if errors:
        return errors, notes

    files = {p.name for p in folder.iterdir() if p.suffix in ARTICLE_SUFFIXES}
    keyed = set(gold["documents"])
    for f in sorted(files - keyed):
        errors.append(f"{name}: {f} is in the folder but not in the key")
    for f in sorted(keyed - files):
        errors.append(f"{name}: {f} is in the key but not in the folder")
    bodies = {f: body_of(folder / f) for f in files & keyed}

    for f, meta in gold["documents"].items():
        if f not in bodies:
            continue
        n = len(bodies[f].split())
        if not 150 <= n <= 450:
            errors.append(f"{name}/{f}: {n} words, want 150-450")
        year = meta.get("inferred_year")
        if not isinstance(year, int):
            errors.append(f"{name}/{f}: inferred_year {year!r} is not a year")
        pub = meta.get("published")
        if pub is not None:
            if not re.match(r"^\d{4}-\d{2}-\d{2}$", str(pub)):
                errors.append(f"{name}/{f}: published {pub!r} is not YYYY-MM-DD")
            elif int(pub[:4]) != year:
                errors.append(f"{name}/{f}: published {pub} disagrees with year {year}")
        title = meta.get("title")
        full = (folder / f).read_text(encoding="utf-8")
        if title is not None and title not in full:
            errors.append(f"{name}/{f}: title {title!r} not in the file")
        if f.endswith(".md"):
            fm = front_matter(folder / f)
            if pub is not None and f"published: {pub}" not in fm:
                errors.append(f"{name}/{f}: front matter lacks 'published: {pub}'")

    ids: set[str] = set()
    owner: dict[tuple[str, str], str] = {}
    norm_owner: dict[tuple[str, tuple[str, ...]], str] = {}
    variants_of: dict[str, dict[str, list[str]]] = {}
    for kind in KINDS:
        for ent in gold[kind]:
            eid = ent.get("id")
            if eid in ids:
                errors.append(f"{name}: id {eid} used twice")
            ids.add(eid)
            if not ent.get("name"):
                errors.append(f"{name}: {eid} has no name")
            variants_of[eid] = ent["variants"]
            for f, surfaces in ent["variants"].items():
                if f not in bodies:
                    errors.append(f"{name}: {eid} names unknown file {f}")
                    continue
                if len(set(surfaces)) != len(surfaces):
                    errors.append(f"{name}/{f}: {eid} lists a surface twice")
                for s in surfaces:
                    if s not in bodies[f]:
                        errors.append(f"{name}/{f}: {kind} {eid} surface {s!r} not in the text")
                    elif not at_word_boundary(bodies[f], s):
                        notes.append(f"{name}/{f}: {eid} surface {s!r} only occurs glued to a word")
                    prev = owner.setdefault((f, s), eid)
                    if prev != eid:
                        errors.append(f"{name}/{f}: surface {s!r} belongs to {prev} and {eid}")
                    nprev = norm_owner.setdefault((f, tuple(words(s))), eid)
                    if nprev != eid:
                        errors.append(
                            f"{name}/{f}: {s!r} ({eid}) normalises like a surface of {nprev}"
                        )

    person_ids = {e["id"] for e in gold["people"]}
    for row in gold["aliases"]:
        if len(row) != 3:
            errors.append(f"{name}: alias row {row!r} is not [person, alias, file]")
            continue
        pid, alias, f = row
        if pid not in person_ids:
            errors.append(f"{name}: alias {alias!r} names unknown person {pid}")
        elif alias not in variants_of[pid].get(f, []):
            errors.append(f"{name}/{f}: alias {alias!r} is not a variant of {pid} in that file")
        if f in bodies and alias not in bodies[f]:
            errors.append(f"{name}/{f}: alias {alias!r} not in the text")

    for ev in gold["events"]:
        if not DATE_RE.match(str(ev.get("date"))):
            errors.append(f"{name}: event date {ev.get('date')!r} is not YYYY[-MM[-DD]]")
        if not ev.get("what"):
            errors.append(f"{name}: event {ev.get('date')} has no 'what'")
        for f in ev.get("sources", []):
            if f not in bodies:
                errors.append(f"{name}: event {ev.get('what')!r} cites unknown file {f}")
        if not ev.get("sources"):
            errors.append(f"{name}: event {ev.get('what')!r} has no sources")

    for claim in gold["claims"]:
        for f, value in claim.get("values", {}).items():
            if f not in bodies:
                errors.append(f"{name}: claim {claim.get('what')!r} cites unknown file {f}")
            elif value not in bodies[f]:
                errors.append(f"{name}/{f}: claim value {value!r} not in the text")

    if uncovered:
        for f, body in sorted(bodies.items()):
            spans = [
                (m.start(), m.end())
                for (ff, s) in owner
                if ff == f
                for m in re.finditer(re.escape(s), body)
            ]
            for m in re.finditer(r"\b[A-Z][\w'’.-]*", body):
                if not any(a <= m.start() < b for a, b in spans):
                    notes.append(f"{name}/{f}: uncovered {m.group()!r}")
    return errors, notes


def main(argv: list[str]) -> int:
    uncovered = "--uncovered" in argv
    stories = sorted(p.parent for p in HERE.glob("*/gold.json"))
    if not stories:
        print("no stories found")
        return 1
    all_errors: list[str] = []
    for folder in stories:
        errors, notes = check_story(folder, uncovered)
        all_errors += errors
        for line in notes:
            print("note ", line)
        for line in errors:
            print("ERROR", line)
        docs = len(json.loads((folder / "gold.json").read_text(encoding="utf-8"))["documents"])
        print(f"{folder.name}: {docs} documents, {'ok' if not errors else f'{len(errors)} errors'}")
    return 1 if all_errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

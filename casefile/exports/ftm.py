"""The case as FollowTheMoney entities, one JSON object per line (Aleph, OpenAleph, `ftm`).

Schemas, and why:

- `Document` per source document: fileName, title, mimeType, encoding, publishedAt, and
  the reference date as `date` (how it was found in `description`, with the SHA-256).
  Not `contentHash`: the model defines it as the SHA-1 of the file (max. 40 characters)
  and Aleph treats it as a key into its archive, so a SHA-256 there would be invalid and
  dangling. The id is derived from the SHA-256, so one document gets one id in every case.
  No `bodyText`: like the casefile/1 export, texts stay in the case file.
- `Person` / `Organization` for people and organizations (LegalEntity subtypes: they can
  be `involved` in events and `resolved` from mentions).
- `Address` for places. It is the schema `Event.addressEntity` points to and it has
  `full`, `country`, names and aliases; `Territory` would suit countries but cities are not
  territories and events cannot link to it. `country` is the library's own reading of the
  name (Kabul -> af, Khujand -> nothing), which locates a place but does not claim more.
- Names: `aka` and `variant` -> `alias`, `short` -> `weakAlias`, `acronym` ->
  `abbreviation` for people and organizations (`weakAlias` for places). `previousName` is
  not used: nothing in the case says a name was given up.
- Person attributes: role -> `position`, nationality -> `nationality`; age and relatives
  have no property without inventing a birth date or a relative, so they go to `notes`.
- `Event` per timeline event: `date` at its true precision (FtM dates may be YYYY or
  YYYY-MM), people and organizations as `involved` (the text does not say who organized
  what, so no `organizer`), places as `addressEntity` + `location`, `proof` = documents.
- `Documentation` (entity -> document, role "mentioned") for every entity and document it
  appears in, and `Mention` (the name as written in one document, `resolved` to the entity)
  for people and organizations (`resolved` only takes LegalEntities).
- `UnknownLink` for relations (subject/object any Thing, `role` = the relation type).
- `Note` for each claim (a figure such as "killed: at least 91"), attached to its event.

followthemoney is imported inside `render`: `casefile` itself must import fast.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from followthemoney.proxy import EntityProxy

_SCHEMA = {"person": "Person", "organization": "Organization", "place": "Address"}
_NAME_PROP = {"aka": "alias", "variant": "alias", "short": "weakAlias"}
_NAME_MAX = 200  # event names are summaries; FtM names are short labels


def _short(s: str, most: int = _NAME_MAX) -> str:
    s = " ".join(s.split())
    return s if len(s) <= most else s[: most - 1].rsplit(" ", 1)[0] + "…"


class _Builder:
    def __init__(self) -> None:
        from followthemoney import model
        from followthemoney.types import registry

        self.model = model
        self.country = registry.country
        self.out: list[EntityProxy] = []

    def make(self, schema: str, *key: str) -> EntityProxy:
        proxy = self.model.make_entity(schema)
        proxy.make_id("casefile", schema, *key)
        self.out.append(proxy)
        return proxy

    def countries(self, *names: str) -> list[str]:
        codes = (self.country.clean(n) for n in names if n)
        return sorted({c for c in codes if c})


def render(case: dict[str, Any]) -> str:
    b = _Builder()
    docs = {d["id"]: _document(b, d) for d in case.get("documents", [])}
    ents: dict[str, EntityProxy] = {}
    places: dict[str, EntityProxy] = {}
    for e in case.get("entities", []):
        proxy = _entity(b, e, docs)
        ents[e["id"]] = proxy
        if e["kind"] == "place":
            places[e["id"]] = proxy
        _mentions(b, e, proxy, docs)
    events: dict[str, EntityProxy] = {}
    for ev in case.get("events", []):
        events[ev["id"]] = _event(b, ev, ents, places, docs)
    for r in case.get("relations", []):
        if r.get("source") in ents and r.get("target") in ents:
            link = b.make("UnknownLink", r["source"], r["target"], r.get("type", ""))
            link.add("subject", ents[r["source"]].id)
            link.add("object", ents[r["target"]].id)
            link.add("role", r.get("type"))
            link.add("summary", [s["text"] for s in r.get("sources", [])])
            link.add("proof", _proofs(r.get("sources", []), docs))
    claims = {c["id"]: c for c in case.get("claims", [])}
    for c in case.get("claims", []):
        _claim(b, c, claims, events, docs)
    lines = [json.dumps(p.to_dict(), ensure_ascii=True, sort_keys=True) for p in b.out]
    return "\n".join(lines) + ("\n" if lines else "")


def _proofs(spans: list[dict[str, Any]], docs: dict[str, EntityProxy]) -> list[str]:
    return sorted({docs[s["doc"]].id for s in spans if s["doc"] in docs})


def _document(b: _Builder, d: dict[str, Any]) -> EntityProxy:
    doc = b.make("Document", d.get("sha256") or d["id"])
    doc.add("fileName", d.get("name"))
    doc.add("title", d.get("title"))
    doc.add("mimeType", d.get("media_type"))
    doc.add("encoding", d.get("encoding"))
    doc.add("publishedAt", d.get("published"))
    doc.add("date", d.get("reference_date"))
    about = [f"SHA-256 {d['sha256']}"] if d.get("sha256") else []
    if d.get("reference_date"):
        about.append(f"reference date {d['reference_date']}: {d.get('reference_basis') or '?'}")
    doc.add("description", "; ".join(about) or None)
    doc.add("processingAgent", "casefile")
    return doc


def _entity(b: _Builder, e: dict[str, Any], docs: dict[str, EntityProxy]) -> EntityProxy:
    schema = _SCHEMA.get(e["kind"], "LegalEntity")
    proxy = b.make(schema, e["id"])
    proxy.add("name", e["name"])
    for a in e.get("aliases", []):
        if a.get("type") == "acronym":
            prop = "weakAlias" if schema == "Address" else "abbreviation"
        else:
            prop = _NAME_PROP.get(a.get("type", ""), "alias")
        proxy.add(prop, a["name"])
    if schema == "Address":
        proxy.add("full", e["name"])
        proxy.add("country", b.countries(e["name"]))
    notes = []
    for at in e.get("attributes") or []:
        kind, value = at.get("type"), at.get("value")
        if kind == "role" and proxy.schema.get("position"):
            proxy.add("position", value)
        elif kind == "nationality" and proxy.schema.get("nationality"):
            proxy.add("nationality", b.countries(str(value)))
        else:
            notes.append(f"{kind}: {value}")
    for m in e.get("merges", []):
        if m.get("a") != m.get("b"):
            notes.append(f"merged '{m['a']}' = '{m['b']}': {'; '.join(m.get('reasons', []))}")
    proxy.add("notes", notes)
    proxy.add("proof", sorted({docs[d].id for d in e.get("documents", []) if d in docs}))
    return proxy


def _mentions(
    b: _Builder, e: dict[str, Any], proxy: EntityProxy, docs: dict[str, EntityProxy]
) -> None:
    written: dict[str, set[str]] = {}
    for m in e.get("mentions", []):
        if m["doc"] in docs:
            written.setdefault(m["doc"], set()).add(" ".join(m["text"].split()))
    for doc_id, names in written.items():
        link = b.make("Documentation", e["id"], doc_id)
        link.add("entity", proxy.id)
        link.add("document", docs[doc_id].id)
        link.add("role", "mentioned")
        link.add("summary", f"written as: {', '.join(sorted(names))}")
        if proxy.schema.is_a("LegalEntity"):
            for name in sorted(names):
                mention = b.make("Mention", e["id"], doc_id, name)
                mention.add("name", name)
                mention.add("document", docs[doc_id].id)
                mention.add("resolved", proxy.id)
                mention.add("detectedSchema", proxy.schema.name)


def _event(
    b: _Builder,
    ev: dict[str, Any],
    ents: dict[str, EntityProxy],
    places: dict[str, EntityProxy],
    docs: dict[str, EntityProxy],
) -> EntityProxy:
    proxy = b.make("Event", ev["id"])
    summary = ev.get("summary") or ev.get("date_text") or ev["id"]
    proxy.add("name", _short(summary))
    proxy.add("summary", summary)
    proxy.add("date", ev.get("date"))
    said = f"date as written: '{ev['date_text']}'" if ev.get("date_text") else ""
    proxy.add("description", "; ".join(x for x in (said, ev.get("date_basis")) if x) or None)
    for eid in ev.get("entities", []):
        if eid in places:
            proxy.add("addressEntity", places[eid].id)
            proxy.add("location", places[eid].first("name"))
            proxy.add("country", places[eid].get("country"))
        elif eid in ents:
            proxy.add("involved", ents[eid].id)
    proxy.add("proof", _proofs(ev.get("sources", []), docs))
    return proxy


def _claim(
    b: _Builder,
    c: dict[str, Any],
    claims: dict[str, dict[str, Any]],
    events: dict[str, EntityProxy],
    docs: dict[str, EntityProxy],
) -> None:
    note = b.make("Note", c["id"])
    note.add("name", f"{c.get('what')}: {c.get('value')}")
    note.add("description", (c.get("sentence") or {}).get("text"))
    if c.get("event") in events:
        note.add("entity", events[c["event"]].id)
    others = [claims[o] for o in c.get("conflicts_with", []) if o in claims]
    if others:
        values = ", ".join(f"{o.get('what')}: {o.get('value')}" for o in others)
        verdict = f" ({c['agreement']})" if c.get("agreement") else ""
        note.add("summary", f"differs from {values}{verdict}")
    note.add("proof", _proofs(c.get("sources", []), docs))

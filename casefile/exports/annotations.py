"""Entity mentions as W3C Web Annotations (JSON-LD), for Hypothesis-style viewers,
Recogito, INCEpTION and other annotation tools.

One `AnnotationCollection` with a single page; one annotation (motivation `identifying`)
per entity mention. The target is the document, named `urn:sha256:<hex>` (so it matches
the file wherever it lives), with two selectors: a `TextPositionSelector` (start/end in
code points, which are Python string offsets) and a `TextQuoteSelector` (the exact text
with up to 32 characters of prefix and suffix). Offsets are into the document text as the
case stores it, which for plain text is the file as decoded.

The body says which entity the mention is: a `SpecificResource` naming the entity
(`urn:casefile:entity:<id>`, purpose `identifying`), a `TextualBody` with its canonical
name (`identifying`) and one with its kind (`classifying`).

Texts are not escaped: JSON carries them safely, and the selectors must match the document
character for character.
"""

from __future__ import annotations

import json
from typing import Any

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_AFFIX = 32


def _source(doc: dict[str, Any]) -> str:
    if doc.get("sha256"):
        return f"urn:sha256:{doc['sha256']}"
    return f"urn:casefile:document:{doc['id']}"


def annotations(case: dict[str, Any]) -> list[dict[str, Any]]:
    docs = {d["id"]: d for d in case.get("documents", [])}
    out = []
    for e in case.get("entities", []):
        entity_urn = f"urn:casefile:entity:{e['id']}"
        body = [
            {"type": "SpecificResource", "purpose": "identifying", "source": entity_urn},
            {
                "type": "TextualBody",
                "purpose": "identifying",
                "value": e["name"],
                "format": "text/plain",
            },
            {
                "type": "TextualBody",
                "purpose": "classifying",
                "value": e["kind"],
                "format": "text/plain",
            },
        ]
        for m in e.get("mentions", []):
            doc = docs.get(m["doc"])
            if doc is None:
                continue
            start, end = m["start"], m["end"]
            text = doc.get("text")
            quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": m["text"]}
            if isinstance(text, str) and text[start:end] == m["text"]:
                quote["prefix"] = text[max(0, start - _AFFIX) : start]
                quote["suffix"] = text[end : end + _AFFIX]
            out.append(
                {
                    "id": f"urn:casefile:annotation:{e['id']}:{m['doc']}:{start}-{end}",
                    "type": "Annotation",
                    "motivation": "identifying",
                    "body": body,
                    "target": {
                        "source": _source(doc),
                        "selector": [
                            quote,
                            {"type": "TextPositionSelector", "start": start, "end": end},
                        ],
                    },
                }
            )
    return out


def render(case: dict[str, Any]) -> str:
    items = annotations(case)
    built = ", ".join(str(x) for x in case.get("built_from") or [])
    collection = {
        "@context": CONTEXT,
        "id": "urn:casefile:annotations",
        "type": "AnnotationCollection",
        "label": f"Entity mentions in the case file {built}".strip(),
        "total": len(items),
        "first": {
            "id": "urn:casefile:annotations:page1",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }
    if case.get("generated"):
        collection["generated"] = case["generated"]
    collection["generator"] = {"type": "Software", "name": "casefile"}
    return json.dumps(collection, ensure_ascii=True, indent=1) + "\n"

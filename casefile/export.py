"""The `casefile/1` JSON export, the documented interchange form (other formats: exports/)."""

from __future__ import annotations

import json
from typing import Any


def to_json(case: dict[str, Any]) -> dict[str, Any]:
    """The `casefile/1` export: the case without document texts (spans carry their text)."""
    out = {k: v for k, v in case.items() if k != "documents"}
    # the texts stay in the case file; a local path means nothing to the reader of an export
    out["documents"] = [
        {k: v for k, v in d.items() if k not in ("text", "path")} for d in case.get("documents", [])
    ]
    order = [
        "format",
        "generated",
        "model",
        "documents",
        "entities",
        "events",
        "claims",
        "relations",
    ]
    return {k: out[k] for k in order if k in out} | {k: v for k, v in out.items() if k not in order}


def render(case: dict[str, Any], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(to_json(case), ensure_ascii=True, indent=1) + "\n"
    raise ValueError(f"unknown export format {fmt!r}: see casefile.exports")

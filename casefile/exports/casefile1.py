"""The documented `casefile/1` JSON export, which lives in `casefile.export`."""

from __future__ import annotations

from typing import Any

from casefile import export


def render(case: dict[str, Any]) -> str:
    return export.render(case, "json")

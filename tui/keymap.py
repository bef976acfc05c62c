"""An optional user keymap: `{binding_id = "key"}` in casefile/keymap.toml under the config dir."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path


def keymap_path(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    base = env.get("XDG_CONFIG_HOME") or str(Path(env.get("HOME") or Path.home()) / ".config")
    return Path(base) / "casefile" / "keymap.toml"


def load_keymap(path: Path | None = None) -> tuple[dict[str, str], list[str]]:
    """The keymap (binding id -> key string) and any problems found, one line each.

    A missing file is no problem; a broken one is reported and ignored, never fatal.
    """
    path = keymap_path() if path is None else path
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, []
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        return {}, [f"{path}: ignored ({err.__class__.__name__}: {err})"]
    # allow both a flat file and one [keymap] table
    table = raw.get("keymap", raw) if isinstance(raw.get("keymap"), dict) else raw
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, key in table.items():
        if isinstance(key, str) and key.strip():
            keymap[str(binding_id)] = key.strip()
        else:
            problems.append(f"{path}: {binding_id!r} ignored (the key must be a string)")
    return keymap, problems

"""Shared fixtures: the spaCy pipeline (loaded once) and a built sample case."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def nlp():
    from casefile import nlp as nlp_mod

    return nlp_mod.load()


@pytest.fixture(scope="session")
def sample_case(tmp_path_factory) -> Path:
    """The bundled sample, built once for the session (read-only for tests)."""
    from casefile.build import build

    out = tmp_path_factory.mktemp("sample") / "case.db"
    build([DATA], out)
    return out


@pytest.fixture(scope="session")
def story_case(tmp_path_factory) -> Path:
    """The invented two-article story in tests/fixtures/story, built once."""
    from casefile.build import build

    out = tmp_path_factory.mktemp("story") / "case.db"
    build([FIXTURES / "story"], out)
    return out


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    """A writable copy of the sample documents."""
    dst = tmp_path / "docs"
    shutil.copytree(DATA, dst)
    return dst

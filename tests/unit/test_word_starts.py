"""_word_starts finds whole-word occurrences the way the per-name regex it replaced did."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.extract import _word_starts


def _by_regex(text: str, *forms: str) -> list[int]:
    alts = "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True) if f)
    return [m.start() for m in re.finditer(rf"(?<![\w\-])(?:{alts})(?![\w\-])", text)]


def test_whole_words_only() -> None:
    text = "Kalor met Kalora; Kalor-Bey and Kalor_2 left. Kalor"
    assert _word_starts(text, "Kalor") == [0, 46]


def test_capitalised_article_found_beside_the_lower_case_one() -> None:
    text = "al-Wendi said. Al-Wendi left; Al-Wendis stayed"
    assert _word_starts(text, "al-Wendi", "Al-Wendi") == [0, 15]


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ab -_.é\n", max_size=40),
    st.text(alphabet="ab -é", min_size=1, max_size=4),
)
def test_same_as_the_regex(text: str, form: str) -> None:
    assert _word_starts(text, form) == _by_regex(text, form)

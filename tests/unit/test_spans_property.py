"""Every span the pipeline records is the text it claims, whatever the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefile.build import assemble
from casefile.extract import extract
from casefile.model import Document

WORDS = st.sampled_from(
    [
        "Rustam",
        "Nazarov",
        "also known as",
        "Abu",
        "Hafs",
        "(EFB)",
        "Eastern",
        "Front",
        "Brigade",
        "on",
        "March 3",
        "2021",
        "a day later",
        "four years ago",
        "killed",
        "at least",
        "12",
        "people",
        "were",
        "in",
        "Vienna",
        "U.S.",
        ",",
        ".",
        "\n",
        "“",
        "”",
        "’s",
        "[b]",
        "\x1b[2J",
        "\u200b",
        "SEE ALSO:",
        "Photo:",
        "Friday, January 19",
        "the",
        "General",
    ]
)
TEXTS = st.one_of(
    st.lists(WORDS, min_size=1, max_size=40).map(" ".join),
    st.text(min_size=1, max_size=300),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(a=TEXTS, b=TEXTS)
def test_every_span_is_true(nlp, a: str, b: str) -> None:
    docs = [
        Document(id=f"d-{i}", name=f"{i}.txt", path=f"{i}.txt", text=t, sha256=str(i))
        for i, t in enumerate((a, b))
    ]
    exs = [extract(d, nlp, "test") for d in docs]
    case = assemble(docs, exs)
    texts = {d.id: d.text for d in docs}
    spans = [m for e in case["entities"] for m in e["mentions"]]
    spans += [s for e in case["entities"] for a_ in e["aliases"] for s in a_["sources"]]
    spans += [s for ev in case["events"] for s in ev["sources"] + ev["date_sources"]]
    spans += [s for c in case["claims"] for s in c["sources"] + [c["sentence"]]]
    spans += [s for r in case["relations"] for s in r["sources"]]
    for s in spans:
        assert texts[s["doc"]][s["start"] : s["end"]] == s["text"]
    for ev in case["events"]:
        assert len(ev["date"]) in (4, 7, 10)

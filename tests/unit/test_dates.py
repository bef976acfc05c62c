"""Date expressions: detection, filters, reference-date inference and resolution.

All sentences are invented (people, places and events do not exist).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.dates import find_dates, infer_reference, resolve
from casefile.model import DateExpr

REF = "2024-01-19"  # a Friday


def found(text: str, hints: list[tuple[int, int]] | None = None) -> dict[str, DateExpr]:
    dates = find_dates(text, hints or [])
    for d in dates:
        assert text[d.start : d.end] == d.text
        assert d.value is None
    return {d.text: d for d in dates}


def the(text: str, snippet: str, reference: str | None = REF) -> DateExpr:
    """The expression whose text is exactly `snippet`, resolved against `reference`."""
    dates = find_dates(text)
    resolve(dates, reference)
    hits = [d for d in dates if d.text == snippet]
    assert hits, f"{snippet!r} not found in {[d.text for d in dates]}"
    d = hits[0]
    assert d.start == text.index(snippet) and d.end == d.start + len(snippet)
    return d


# ---------------------------------------------------------------- absolute


@pytest.mark.parametrize(
    ("text", "snippet", "parts", "value", "precision"),
    [
        ("Voters in Darrowby met on January 3 to choose.", "January 3", (None, 1, 3),
         "2024-01-03", "day"),
        ("The mayor of Kestrel Bay left on 3 January.", "3 January", (None, 1, 3),
         "2024-01-03", "day"),
        ("Crews arrived on Jan. 3 after the flood.", "Jan. 3", (None, 1, 3), "2024-01-03", "day"),
        ("The port reopened Sept 3 under guard.", "Sept 3", (None, 9, 3), "2023-09-03", "day"),
        ("It was signed on January 3, 2024, in Velmora.", "January 3, 2024", (2024, 1, 3),
         "2024-01-03", "day"),
        ("It was signed on 3 January 2024 in Velmora.", "3 January 2024", (2024, 1, 3),
         "2024-01-03", "day"),
        ("Ivo Marsh fled Ostrava Nova in November 2020.", "November 2020", (2020, 11, None),
         "2020-11", "month"),
        ("The mill closed in 2020, workers said.", "2020", (2020, None, None), "2020", "year"),
        ("Relatives of the 2020 attack gathered.", "2020", (2020, None, None), "2020", "year"),
        ("Exiles have lived abroad since the 1979 revolution.", "1979", (1979, None, None),
         "1979", "year"),
        ("The filing is dated 2024-01-03 in the registry.", "2024-01-03", (2024, 1, 3),
         "2024-01-03", "day"),
        ("Talks collapsed in mid-January, envoys said.", "mid-January", (None, 1, None),
         "2024-01", "month"),
        ("It was agreed on the 5th of May in Tarnholm.", "5th of May", (None, 5, 5),
         "2023-05-05", "day"),
        ("The dam was finished in May 2021.", "May 2021", (2021, 5, None), "2021-05", "month"),
        ("The siege began in March, aid groups said.", "March", (None, 3, None),
         "2023-03", "month"),
        ("The bridge was built in mid-2021.", "mid-2021", (2021, None, None), "2021", "year"),
    ],
)  # fmt: skip
def test_absolute(text, snippet, parts, value, precision):
    d = the(text, snippet)
    assert d.kind == "absolute"
    assert (d.year, d.month, d.day) == parts
    assert (d.value, d.precision) == (value, precision)


def test_explicit_bases():
    assert the("Ivo Marsh fled in November 2020.", "November 2020").basis == (
        "explicit month and year"
    )
    assert the("The mill closed in 2020.", "2020").basis == "explicit year"
    basis = the("Voters met on January 3 in Darrowby.", "January 3").basis
    assert basis.startswith("explicit day and month; year from the document's reference date")


def test_yearless_day_after_reference_in_past_context_is_previous_year():
    d = the("The convoy was attacked on December 30 near Fenwick.", "December 30")
    assert d.value == "2023-12-30"
    assert "previous year" in d.basis


def test_yearless_day_in_future_context_stays_ahead():
    assert the("The court will rule on March 4.", "March 4").value == "2024-03-04"
    assert the("The treaty was signed on March 4.", "March 4").value == "2023-03-04"


def test_weekday_with_date():
    d = the("In a statement on Friday, January 19, the council of Brenna spoke.",
            "Friday, January 19")  # fmt: skip
    assert (d.kind, d.weekday, d.month, d.day, d.year) == ("weekday", 4, 1, 19, None)
    assert d.value == "2024-01-19"


def test_weekday_with_date_moves_to_the_year_it_fits():
    # February 1 is a Thursday in 2024, not in 2023
    d = the("Aides said the vote would be held on Thursday, February 1.", "Thursday, February 1")
    assert d.value == "2024-02-01"


def test_weekday_contradicting_explicit_year_is_noted():
    d = the("It happened on Monday, January 3, 2024.", "Monday, January 3, 2024")
    assert d.value == "2024-01-03"
    assert "Wednesday" in d.basis


# ---------------------------------------------------------------- bare weekdays


def test_bare_weekday_on_reference_day_means_that_day():
    d = the("The minister of Arlen resigned on Friday.", "Friday")
    assert (d.kind, d.weekday, d.month) == ("weekday", 4, None)
    assert (d.value, d.precision) == ("2024-01-19", "day")
    assert "on or before" in d.basis and "itself a Friday" in d.basis


def test_bare_weekday_most_recent_before_reference():
    assert the("Police in Corvale said Tuesday that two men fled.", "Tuesday").value == (
        "2024-01-16"
    )


def test_last_and_next_weekday():
    assert the("Last Friday the court met.", "Last Friday").value == "2024-01-12"
    assert the("The panel meets next Monday.", "next Monday").value == "2024-01-22"
    assert the("She will speak on Wednesday.", "Wednesday").value == "2024-01-24"


def test_named_days_are_not_weekdays():
    assert found("Shops opened on Good Friday and Black Friday.") == {}
    assert found("The club meets every Monday.") == {}
    assert found("The Sunday Courier of Lindhaven reported it.") == {}


# ---------------------------------------------------------------- relative to the reference


@pytest.mark.parametrize(
    ("text", "snippet", "amount", "unit", "value", "precision"),
    [
        ("Rhea Tolan was killed four years ago.", "four years ago", -4, "year", "2020", "year"),
        ("The ferry sank two days ago.", "two days ago", -2, "day", "2024-01-17", "day"),
        ("The ferry sank 3 days ago.", "3 days ago", -3, "day", "2024-01-16", "day"),
        ("Yesterday the strike ended.", "Yesterday", -1, "day", "2024-01-18", "day"),
        ("The vote is today.", "today", 0, "day", "2024-01-19", "day"),
        ("The vote is tomorrow.", "tomorrow", 1, "day", "2024-01-20", "day"),
        ("Prices rose last month.", "last month", -1, "month", "2023-12", "month"),
        ("Prices rose this month.", "this month", 0, "month", "2024-01", "month"),
        ("Prices rose earlier this month.", "earlier this month", 0, "month", "2024-01", "month"),
        ("Prices will rise later this month.", "later this month", 0, "month", "2024-01",
         "month"),
        ("Output fell this year.", "this year", 0, "year", "2024", "year"),
        ("Output fell earlier this year.", "earlier this year", 0, "year", "2024", "year"),
        ("Output fell last year.", "last year", -1, "year", "2023", "year"),
        ("Output fell last week.", "last week", -1, "week", "2024-01", "month"),
        ("Talks resume next week.", "next week", 1, "week", "2024-01", "month"),
        ("Talks resume next year.", "next year", 1, "year", "2025", "year"),
        ("A year ago the mine shut.", "A year ago", -1, "year", "2023", "year"),
        ("Twenty-one years ago the mine shut.", "Twenty-one years ago", -21, "year", "2003",
         "year"),
    ],
)  # fmt: skip
def test_relative_to_reference(text, snippet, amount, unit, value, precision):
    d = the(text, snippet)
    assert (d.kind, d.anchor, d.amount, d.unit) == ("relative", "reference", amount, unit)
    assert (d.value, d.precision) == (value, precision)


def test_ago_basis():
    assert the("Rhea Tolan was killed four years ago.", "four years ago").basis == (
        "4 years before the reference date 2024-01-19"
    )


def test_week_across_months_is_only_the_year():
    d = the("Output fell last week.", "last week", reference="2024-02-05")
    assert (d.value, d.precision) == ("2024", "year")  # 2024-01-29 to 2024-02-04


def test_reference_with_month_precision_never_invents_a_day():
    d = the("The ferry sank two days ago.", "two days ago", reference="2024-01")
    assert (d.value, d.precision) == ("2024-01", "month")


# ---------------------------------------------------------------- relative to the previous date


def test_relative_chain():
    text = "Gale Orin was detained on January 3. A day later he was freed; two days later he fled."
    dates = find_dates(text)
    resolve(dates, REF)
    got = [(d.text, d.anchor, d.value) for d in dates]
    assert got == [
        ("January 3", None, "2024-01-03"),
        ("A day later", "previous", "2024-01-04"),
        ("two days later", "previous", "2024-01-06"),
    ]
    assert dates[1].basis == "a day after 'January 3' (2024-01-03)"


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("The next day", "2024-01-04"),
        ("The following day", "2024-01-04"),
        ("The day before", "2024-01-02"),
        ("The previous day", "2024-01-02"),
        ("A week earlier", "2023-12-27"),
        ("Hours later", "2024-01-03"),
        ("An hour later", "2024-01-03"),
        ("Later that day", "2024-01-03"),
    ],
)
def test_previous_anchor_phrases(phrase, value):
    text = f"Troops entered Halden on January 3. {phrase}, the mayor fled."
    d = the(text, phrase)
    assert (d.kind, d.anchor, d.value, d.precision) == ("relative", "previous", value, "day")


def test_ago_counts_from_reference_but_later_from_previous_date():
    text = "The mine at Serra Vale closed in March 2021. Two years later it reopened."
    later = the(text, "Two years later")
    assert later.value == "2023"
    ago = the("The mine at Serra Vale closed in March 2021. Two years ago it reopened.",
              "Two years ago")  # fmt: skip
    assert ago.value == "2022"  # from the reference date 2024-01-19


def test_day_offset_from_month_keeps_month_precision():
    d = the("Lio Brand fled in November 2020. A day later he was caught.", "A day later")
    assert (d.value, d.precision) == ("2020-11", "month")
    assert "gives no day" in d.basis


def test_day_offset_skips_a_background_year():
    text = "On January 3 the group, founded in 2015, marched. A day later it disbanded."
    assert the(text, "A day later").value == "2024-01-04"


def test_previous_without_earlier_date_falls_back_to_reference():
    d = the("A day later the militia withdrew.", "A day later")
    assert d.value == "2024-01-20"
    assert "no earlier resolved date" in d.basis and "reference date" in d.basis


def test_the_day_before_an_event_is_not_counted_from_the_previous_date():
    assert "the day before" not in found("Mira Oss was arrested the day before the vote.")


# ---------------------------------------------------------------- no reference


def test_no_reference():
    text = "Pell Idris was seized on January 3. A day later, guards moved him, as in 2019."
    dates = find_dates(text)
    resolve(dates, None)
    by = {d.text: d for d in dates}
    assert by["January 3"].value is None
    assert by["January 3"].basis == "no year: the document's reference date is unknown"
    assert by["A day later"].value is None and "unknown" in by["A day later"].basis
    assert by["2019"].value == "2019"  # explicit dates need no reference


def test_relative_without_reference():
    d = the("Rhea Tolan was killed four years ago.", "four years ago", reference=None)
    assert d.value is None and "reference date is unknown" in d.basis


# ---------------------------------------------------------------- reference inference


def test_reference_from_published():
    dates = find_dates("Quarry Hill flooded in 2019.")
    assert infer_reference(dates, "2024-03-02") == (
        "2024-03-02",
        "publication date from the document's metadata",
        2019,
    )


def test_reference_inferred_from_weekday_with_lower_bound():
    text = (
        "Dara Vosk was killed in January 2020, four years ago. On January 3 a rally was held. "
        "In a statement on Friday, January 19, the council replied."
    )
    ref, basis, lower = infer_reference(find_dates(text), None)
    # January 19 is a Friday in 2018 and 2024; 2020 is the lower bound
    assert (ref, lower) == ("2024-01-19", 2020)
    assert basis.startswith("inferred: 'Friday, January 19' is a Friday in 2024")
    assert "first such year after 2020, the latest year the text mentions" in basis
    assert "'four years ago' agrees with 2020" in basis


def test_lower_bound_changes_the_year():
    text = "Sela Grin left in 2010. On Friday, January 19, she returned."
    ref, _, lower = infer_reference(find_dates(text), None)
    assert (ref, lower) == ("2018-01-19", 2010)


def test_reference_is_latest_fully_dated_day():
    text = "Sela Grin left in 2023. On Friday, January 19, she spoke. On January 23, 2024 she left."
    ref, basis, _ = infer_reference(find_dates(text), None)
    assert ref == "2024-01-23"
    assert "latest fully-dated day" in basis


def test_nothing_to_infer_from():
    ref, basis, lower = infer_reference(find_dates("Oren Dahl fled in 2020."), None)
    assert ref is None and lower == 2020
    assert basis == (
        "no publication date, and no weekday-dated day to fix the year; "
        "the text mentions years up to 2020"
    )


def test_weekday_without_any_year_is_not_enough():
    ref, _, lower = infer_reference(find_dates("On Friday, January 19, she spoke."), None)
    assert ref is None and lower is None


# ---------------------------------------------------------------- filters


@pytest.mark.parametrize(
    "text",
    [
        "Shots came at a 20-minute interval.",
        "After spending a year in prison, Ulf Berg left.",
        "She lived in Norrby for two years.",
        "The town fell within hours.",
        "It ended an hours-long battle.",
        "A few days after the storm, roads opened.",
        "A three-day visit to Kelso began.",
        "The victim was a 35-year-old teacher.",
        "A man aged 35 was held.",
        "The blast came at 10 pm.",
        "Police found 2020 people at the rally.",
        "The crowd of 1,979 cheered.",
        "Cases of COVID-19 rose.",
        "Call 555-2020 for help.",
        "Order ID 4471-2020-88 shipped.",
        "They may leave soon.",
        "May the best team win.",
        "A protest march filled the square.",
        "The March on Corvale drew crowds.",
        "Ada May spoke and June Olsen replied.",
        "Over the last year prices rose.",
        "It rose by 2019 votes.",
        "The 1990s were calm in Brell.",
        "Some years ago, a few weeks later, several months ago.",
    ],
)
def test_not_dates(text):
    assert found(text) == {}


def test_may_as_month_needs_a_day_or_year():
    assert set(found("They may meet on May 5 in Orlo, or in May 2025.")) == {"May 5", "May 2025"}


def test_year_list_and_range():
    assert set(found("Floods hit in 2019, 2020 and 2021.")) == {"2019", "2020", "2021"}
    assert set(found("He served between 2015 and 2017.")) == {"2015", "2017"}


def test_month_range_shares_its_year():
    by = found("Between January and March 2023, exports from Quell fell.")
    assert (by["January"].year, by["January"].month) == (2023, 1)
    assert (by["March 2023"].year, by["March 2023"].month) == (2023, 3)


def test_possessive_before_year():
    assert set(found("The firm's 2023 revenue rose.")) == {"2023"}


def test_month_day_with_time_keeps_only_the_date():
    assert set(found("The shelling began on January 3 at 10 pm.")) == {"January 3"}


# ---------------------------------------------------------------- hints


def test_hints_admit_bare_year_and_month_only_where_model_saw_a_date():
    text = "Figures: 2020. Report, March."
    assert found(text) == {}
    hints = [(9, 13), (23, 28)]
    assert set(found(text, hints)) == {"2020", "March"}


def test_junk_hints_are_filtered():
    text = "She spent two years in Telmar, aged 35, for a three-day visit."
    hints = [(10, 19), (31, 38), (47, 56), (-5, 3), (40, 20), (0, 10_000)]
    assert found(text, hints) == {}


def test_numeric_date_in_hint_parsed():
    text = "The hearing, set for 14/02/2024, was moved."
    d = found(text, [(21, 31)])["14/02/2024"]
    assert (d.year, d.month, d.day) == (2024, 2, 14)
    # ambiguous (3 February or March 2): the year only
    d = found("The hearing, set for 03/02/2024, was moved.", [(21, 31)])["03/02/2024"]
    assert (d.year, d.month, d.day) == (2024, None, None)
    # a four-digit year needs no NER span; a two-digit one does
    d = found(text)["14/02/2024"]
    assert (d.year, d.month, d.day) == (2024, 2, 14)
    assert found("The hearing, set for 14/02/24, was moved.") == {}


def test_numeric_date_order_from_dots_and_from_the_document():
    d = found("Velma Orsk | 03.04.2021 - Update : 05.04.2021")
    assert (d["03.04.2021"].month, d["03.04.2021"].day) == (4, 3)  # dots: day first
    d = found("Posted 03/04/2021. The trial opened on 25/03/2021.")
    assert (d["03/04/2021"].month, d["03/04/2021"].day) == (4, 3)  # as the other date shows
    d = found("Posted 03/04/2021. The trial opened on 03/25/2021.")
    assert (d["03/04/2021"].month, d["03/04/2021"].day) == (3, 4)


# ---------------------------------------------------------------- structure


def test_sorted_non_overlapping_and_unresolved():
    text = (
        "On Friday, January 19, 2024, Cora Venn said that on January 3 and in 2020, "
        "two days later, she was in Ostmark; last week and yesterday too."
    )
    dates = find_dates(text)
    assert [d.text for d in dates] == [
        "Friday, January 19, 2024",
        "January 3",
        "2020",
        "two days later",
        "last week",
        "yesterday",
    ]
    for a, b in zip(dates, dates[1:], strict=False):
        assert a.end <= b.start
    assert all(d.value is None and d.basis is None for d in dates)


def test_resolve_is_repeatable():
    dates = find_dates("Gale Orin was detained on January 3. A day later he was freed.")
    resolve(dates, REF)
    first = [d.value for d in dates]
    resolve(dates, None)
    assert [d.value for d in dates] == [None, None]
    resolve(dates, REF)
    assert [d.value for d in dates] == first


_PIECES = st.sampled_from(
    ["January 3", " 2020", "May", " ago", "Friday, ", "two days later", "-", ",", "1979",
     "last", " week", "3 ", "the", " ", "\n", "Sept.", "aged 35", "mid-", "\u00a0", "ſ"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(_PIECES | st.text(max_size=3)).map("".join)))
def test_find_dates_never_raises_and_spans_are_true(text):
    dates = find_dates(text, [(0, len(text))])
    for d in dates:
        assert text[d.start : d.end] == d.text
    for a, b in zip(dates, dates[1:], strict=False):
        assert a.end <= b.start
    resolve(dates, REF)
    infer_reference(dates, None)


def test_background_month_rules_out_an_earlier_weekday_day():
    text = "Police said on Tuesday, March 5 that the port, last attacked in June 2019, was shut."
    ref, basis, _ = infer_reference(find_dates(text), None)
    # March 5 is a Tuesday in 2019 too, but the article mentions June 2019 as past
    assert ref == "2024-03-05", basis


def test_bare_weekday_nearest_an_inferred_reference():
    text = "The attack came on Monday, 5 February 2024. The body was buried on Tuesday."
    dates = find_dates(text)
    ref, _, _ = infer_reference(dates, None)
    assert ref == "2024-02-05"
    resolve(dates, ref, inferred=True)
    tuesday = next(d for d in dates if d.text == "Tuesday")
    assert tuesday.value == "2024-02-06" and "nearest" in tuesday.basis
    resolve(dates, ref)  # a publication date: the Tuesday before it
    assert tuesday.value == "2024-01-30"


def test_bare_weekday_before_an_inferred_reference_when_nearer():
    text = "ABUJA, Monday, March 11 - Gunmen struck the village on Sunday night."
    dates = find_dates(text)
    ref, _, _ = infer_reference(dates + find_dates("in 2023 and"), None)
    resolve(dates, "2024-03-11", inferred=True)
    sunday = next(d for d in dates if d.text == "Sunday")
    assert sunday.value == "2024-03-10"


def test_a_day_first_label_orders_an_ambiguous_slash_date() -> None:
    from casefile.dates import find_dates

    (d,) = [e for e in find_dates("Publié le 10/03/2025 à 18:42 | Sécurité\n\nText.", []) if e.day]
    assert (d.year, d.month, d.day) == (2025, 3, 10)
    (d,) = [e for e in find_dates("Veröffentlicht am 04/08/2024\n\nText.", []) if e.day]
    assert (d.month, d.day) == (8, 4)
    # with no label the order stays unknown: the year only
    assert [(e.year, e.day) for e in find_dates("Posted 10/03/2025\n\nText.", [])] == [(2025, None)]

"""Date expressions in news text: find them, infer the document's reference date, resolve them.

Detection is by regular expressions over general news English; each candidate is checked
against its context (a year needs a date-like context, "May" needs a day or a year, a weekday
is not "Good Friday"), so durations, ages and counts are never found. An NER model's DATE
spans (`hints`) only admit the weaker forms (a bare year or month) and numeric dates, which
`dateparser` parses. Resolution never invents precision: a value is as precise as the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Literal

from casefile.model import DateExpr

Precision = Literal["year", "month", "day"]
Unit = Literal["day", "week", "month", "year"]

# ---------------------------------------------------------------- vocabulary

MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()
MONTHS = {name.lower(): i for i, name in enumerate(MONTH_NAMES, 1)}
MONTHS.update(
    {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
     "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
)  # fmt: skip
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_WEEKDAY_INDEX = {w.lower(): i for i, w in enumerate(WEEKDAYS)}
WEEKDAY_ABBR = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
                "fri": 4, "sat": 5, "sun": 6}  # fmt: skip
_UNITS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()  # fmt: skip
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORDS = {"a": 1, "an": 1} | {w: i for i, w in enumerate(_UNITS, 1)}
NUMBER_WORDS |= {w: 10 * i for i, w in enumerate(_TENS, 2)}
# compound weekday names that are holidays or titles, not a day of the current week
_NAMED_DAYS = {"good", "black", "holy", "ash", "maundy", "cyber", "super", "bloody", "easter",
               "palm", "shrove", "whit", "low", "man", "girl", "every", "each"}  # fmt: skip

_FUTURE_WORDS = {"will", "shall", "scheduled", "due", "expected", "upcoming",
                 "planned", "plans", "planning", "next", "tomorrow", "won't",
                 "would"}  # fmt: skip
_PAST_WORDS = {"was", "were", "had", "did", "said", "told", "took", "went", "came", "began",
               "left", "fled", "died", "shot", "fought", "met", "held", "won", "lost", "found",
               "gave", "made", "saw", "struck", "broke", "sent", "spoke", "wrote", "led", "fell",
               "ran", "rose", "sought", "brought", "caught", "stood", "kept", "paid", "ago",
               "yesterday", "last", "earlier", "slain", "stole", "threw", "drove",
               "flew"}  # fmt: skip
_NOT_PAST = {"need", "indeed", "speed", "seed", "feed", "bred", "hundred", "united", "red",
             "naked", "sacred", "wicked", "beloved", "alleged", "proceed", "exceed"}  # fmt: skip
_BE = {"be", "been", "being"}

# ---------------------------------------------------------------- regex pieces

_SP = r"[\s\u00a0\u202f]{1,3}"
_Y = r"(?:1[89][0-9]{2}|20[0-9]{2})"
_YEAR_END = r"(?![0-9A-Za-z%]|[.,:/-][0-9])"  # not 20201, 2020s, 2020%, 2020-21, 2020/5
_MON = (
    r"(?<![A-Za-z])(?:" + "|".join(MONTH_NAMES)
    + "|" + "|".join(m.upper() for m in MONTH_NAMES)  # a page's "MARCH 2026"
    + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![A-Za-z])"
)  # fmt: skip
_NUM = (
    r"(?:[0-9]{1,3}|(?:" + "|".join(_TENS) + ")-(?:" + "|".join(_UNITS[:9]) + ")|"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
)  # fmt: skip


def _day(name: str) -> str:
    return rf"(?P<{name}>[0-3]?[0-9])(?:st|nd|rd|th)?(?![0-9A-Za-z%]|[.,:][0-9])"


def _year(name: str = "year") -> str:
    return rf"(?P<{name}>{_Y}){_YEAR_END}"


_P_ISO = rf"(?<![0-9A-Za-z/.-])(?P<year>{_Y})-(?P<mon>0[1-9]|1[0-2])-(?P<day>[0-3][0-9])(?![0-9])"
_P_MDY = rf"(?P<mon>{_MON}){_SP}(?:the{_SP})?{_day('day')}(?:,?{_SP}{_year()})?"
_P_DMY = (
    rf"(?<![0-9A-Za-z.,/-])(?:the{_SP})?(?P<s>{_day('day')}{_SP}(?:of{_SP})?(?P<mon>{_MON})"
    rf"(?:,?{_SP}{_year()})?)"
)
_P_MY = (
    rf"(?<![A-Za-z])(?P<mod>(?i:mid-|early{_SP}|late{_SP}))?(?P<mon>{_MON}),?{_SP}(?:of{_SP})?"
    + _year()
)
_P_MONTH = (
    rf"(?<![A-Za-z])(?P<mod>(?i:mid-|early{_SP}|late{_SP}|last{_SP}|this{_SP}|next{_SP}))?"
    r"(?P<mon>January|February|March|April|June|July|August|September|October|November"
    r"|December)(?![A-Za-z-])"
)  # "May" alone is a verb or a name more often than a month
_P_YEAR = rf"(?<![0-9A-Za-z$\u20ac\u00a3\u00a5#.,/:+'\u2019-]){_year()}"
_P_MID_YEAR = rf"(?<![A-Za-z])(?P<mod>(?i:mid|early|late))-{_year()}"
_WD = "|".join(WEEKDAYS)
_P_WD_DATE = (
    rf"(?<![A-Za-z])(?P<wd>{_WD}|(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.?),?{_SP}"
    rf"(?:(?P<mon>{_MON}){_SP}(?:the{_SP})?{_day('day')}"
    rf"|(?:the{_SP})?{_day('day2')}{_SP}(?:of{_SP})?(?P<mon2>{_MON}))(?:,?{_SP}{_year()})?"
)
_P_WD = (
    rf"(?:(?<![A-Za-z])(?P<mod>(?i:last|next|this|the{_SP}following|the{_SP}next|that)){_SP})?"
    rf"(?<![A-Za-z])(?P<wd>{_WD})(?![A-Za-z])"
)
_UNIT = r"(?P<unit>day|week|month|year)s?"
_P_AGO = rf"(?i:(?<![A-Za-z0-9-])(?P<num>{_NUM}){_SP}{_UNIT}{_SP}ago)(?![A-Za-z])"
_P_LATER = (
    rf"(?i:(?<![A-Za-z0-9-])(?P<num>{_NUM}){_SP}{_UNIT}{_SP}(?P<dir>later|earlier|before|after))"
    r"(?![A-Za-z])"
)
_P_SHORT = (
    rf"(?i:(?<![A-Za-z0-9-])(?:(?P<num>{_NUM}){_SP})?(?P<unit>hour|minute|moment|second)s?"
    rf"{_SP}(?P<dir>later|ago))(?![A-Za-z])"
)
_P_DAYWORD = (
    rf"(?i:(?<![A-Za-z])(?P<w>the{_SP}day{_SP}before{_SP}yesterday|the{_SP}day{_SP}after"
    rf"{_SP}tomorrow|yesterday|today|tomorrow|tonight|last{_SP}night"
    rf"|this{_SP}(?:morning|afternoon|evening))(?![A-Za-z]))"
)
_P_CALENDAR = (
    rf"(?i:(?<![A-Za-z])(?P<mod>(?:earlier|later){_SP}this|this|last|next){_SP}"
    r"(?P<unit>week|month|year))(?![A-Za-z])"
)
_P_PREVIOUS = (
    rf"(?i:(?<![A-Za-z])(?P<w>the{_SP}(?:next|following){_SP}(?:day|morning)"
    rf"|the{_SP}(?:following|previous){_SP}(?:day|week|month|year)|the{_SP}day{_SP}(?:before|after)"
    rf"|the{_SP}(?:very{_SP})?same{_SP}day|(?:later|earlier){_SP}that{_SP}(?:day|night|morning"
    rf"|afternoon|evening)|that{_SP}same{_SP}day)(?![A-Za-z]))"
)
_P_NUMERIC = r"(?<![0-9./-])(?:[0-9]{4}[/.-][0-9]{1,2}[/.-][0-9]{1,2}|[0-9]{1,2}[/.][0-9]{1,2}[/.](?:[0-9]{4}|[0-9]{2}))(?![0-9./-])"  # noqa: E501

# context checks, all on a few characters before or after a candidate
_WS = r"[\s\u00a0\u202f]+"
_OWS = r"[\s\u00a0\u202f]*"
_YEAR_CUE = re.compile(
    r"(?i:\b(?:in|since|until|till|during|before|after|through|throughout|circa|year|early|late"
    rf"|mid|(?:end|start|beginning|middle|half|spring|summer|autumn|fall|winter|class){_WS}of"
    rf"|spring|summer|autumn|fall|winter)){_WS}$"
)
_DET_CUE = re.compile(
    rf"(?i:\b(?:the|a|an|this|that|its|his|her|their|our|[a-z]+['\u2019]s)){_WS}$"
)
_WEAK_CUE = re.compile(
    rf"(?i:\b(?:by|from|to|between|and|or|around|of|on|as{_WS}of)|{_Y}{_OWS}[,\u2013\u2014-])"
    rf"{_OWS}$"
)
_MONTH_CUE = re.compile(
    rf"(?i:\b(?:in|since|until|till|by|from|through|during|before|after|of|between){_WS}$"
    rf"|(?:{'|'.join(MONTH_NAMES)}|[0-9]{{1,4}}){_WS}(?:and|to|or|through|until|till){_WS}$"
    rf"|(?:{'|'.join(MONTH_NAMES)}|[0-9]{{1,4}}){_OWS}[\u2013\u2014-]{_OWS}$)"
)
_AFTER_COUNT = re.compile(
    r"[\s\u00a0]*(?i:%|percent\b|per[\s]cent\b|[ap]\.?m\.?(?![a-z])|hours?\b|hrs\b|gmt\b|utc\b"
    r"|km\b|kilomet|miles?\b|kg\b|met(?:re|er)s?\b|feet\b|ft\b|people\b|persons\b|dollars\b"
    r"|euros\b|pounds\b|votes\b|times\b)"
)
_RANGE_YEAR = re.compile(
    rf"{_WS}(?:and|to|through|until|till|[\u2013\u2014-]){_OWS}{_MON}"
    rf"(?:{_SP}[0-9]{{1,2}})?,?{_SP}{_year()}"
)
_NEXT_WORD = re.compile(rf"{_WS}([A-Za-z][A-Za-z'-]*)")
_PREV_WORD = re.compile(rf"([A-Za-z]+)[,]?{_WS}$")
_NAME_AFTER = re.compile(rf"{_WS}[A-Z0-9]")
_CLAUSE_END = re.compile(r"[\s\u00a0]*(?:[,.;:!?)\]\"'\u201d\u2019]|$)")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*[\s\u00a0]+(?=[A-Z\"'\u201c\u2018]|$)|\n\s*\n")
_TOKEN = re.compile(r"[A-Za-z']+")
_DURATION_BEFORE = re.compile(
    rf"(?i:\b(?:for|over|within|throughout|spent|spending|lasting|served|serving){_WS}$)"
)
_FUNCTION_WORDS = {"and", "or", "to", "when", "as", "after", "before", "the", "a", "an", "that",
                   "which", "but", "until", "he", "she", "they", "it", "we", "i", "his", "her",
                   "their", "its", "in", "on", "at", "by", "for", "with", "from", "amid",
                   "alone", "was", "were", "had", "is", "are", "has", "have"}  # fmt: skip


# ---------------------------------------------------------------- candidates


@dataclass(frozen=True, slots=True)
class _Cand:
    expr: DateExpr
    strong: bool  # found without a hint; weak ones need an NER DATE span around them


def _expr(m: re.Match[str], kind: Any, group: str | None = None, **fields: Any) -> DateExpr:
    use = group is not None and group in m.re.groupindex and m.group(group) is not None
    s, e = m.span(group) if use else m.span()
    return DateExpr(s, e, m.string[s:e], kind, **fields)


def _num(word: str) -> int | None:
    w = word.lower()
    if w.isascii() and w.isdigit():
        return int(w)
    if "-" in w:
        tens, _, unit = w.partition("-")
        t, u = NUMBER_WORDS.get(tens), NUMBER_WORDS.get(unit)
        return t + u if t and u and t >= 20 and u < 10 else None
    return NUMBER_WORDS.get(w)


def _month(word: str) -> int | None:
    return MONTHS.get(word.rstrip(".").lower())


def _valid_day(day: str) -> int | None:
    d = int(day)
    return d if 1 <= d <= 31 else None


def _left(m: re.Match[str], pos: int | None = None, n: int = 40) -> str:
    pos = m.start() if pos is None else pos
    return m.string[max(0, pos - n) : pos]


def _b_iso(m: re.Match[str]) -> _Cand | None:
    y, mo, d = int(m["year"]), int(m["mon"]), int(m["day"])
    return _Cand(_expr(m, "absolute", year=y, month=mo, day=d), True) if 1 <= d <= 31 else None


def _b_month_day(m: re.Match[str]) -> _Cand | None:
    day, mon = _valid_day(m["day"]), _month(m["mon"])
    if day is None or mon is None:
        return None
    year = int(m["year"]) if m["year"] else None
    return _Cand(_expr(m, "absolute", "s", year=year, month=mon, day=day), True)


def _b_month_year(m: re.Match[str]) -> _Cand | None:
    mon = _month(m["mon"])
    return _Cand(_expr(m, "absolute", year=int(m["year"]), month=mon), True) if mon else None


def _b_month(m: re.Match[str]) -> _Cand | None:
    if _NAME_AFTER.match(m.string, m.end()):  # "June Carter", "April 3" (found elsewhere)
        return None
    shared = _RANGE_YEAR.match(m.string, m.end())  # "between January and March 2023"
    year = int(shared["year"]) if shared else None
    expr = _expr(m, "absolute", month=MONTHS[m["mon"].lower()], year=year)
    return _Cand(expr, bool(m["mod"]) or bool(_MONTH_CUE.search(_left(m))))


def _b_year(m: re.Match[str]) -> _Cand | None:
    text, s, e = m.string, m.start("year"), m.end("year")
    if _AFTER_COUNT.match(text, e):
        return None
    expr = _expr(m, "absolute", year=int(m["year"]))
    if m.groupdict().get("mod") or _YEAR_CUE.search(_left(m, s)):
        return _Cand(expr, True)
    nxt = _NEXT_WORD.match(text, e)
    content_next = bool(
        nxt and nxt[1][0].islower() and nxt[1].lower() not in _FUNCTION_WORDS
    )  # "of 2020 people": a count
    if _DET_CUE.search(_left(m, s)):  # "the 2020 attack", "since the 1979 revolution"
        return _Cand(expr, nxt is not None)
    if content_next:
        return None
    return _Cand(expr, bool(_WEAK_CUE.search(_left(m, s))))


def _b_weekday_date(m: re.Match[str]) -> _Cand | None:
    name = m["wd"].rstrip(".").lower()
    wd = _WEEKDAY_INDEX.get(name, WEEKDAY_ABBR.get(name))
    day = _valid_day(m["day"] or m["day2"])
    mon = _month(m["mon"] or m["mon2"])
    if wd is None or day is None or mon is None:
        return None
    year = int(m["year"]) if m["year"] else None
    return _Cand(_expr(m, "weekday", year=year, month=mon, day=day, weekday=wd), True)


def _b_weekday(m: re.Match[str]) -> _Cand | None:
    mod = " ".join((m["mod"] or "").lower().split())
    if not mod:
        prev = _PREV_WORD.search(_left(m))
        if prev and prev[1].lower() in _NAMED_DAYS:  # "Good Friday", "every Monday"
            return None
    after = _NEXT_WORD.match(m.string, m.end())
    if after and after[1][0].isupper() and _month(after[1]) is None:
        return None  # "The Sunday Times", "Monday Night Football"
    amount = {"last": -1, "next": 1, "the following": 1, "the next": 1}.get(mod, 0)
    anchor = "previous" if mod in ("the following", "the next", "that") else "reference"
    wd = WEEKDAYS.index(m["wd"])
    return _Cand(_expr(m, "weekday", weekday=wd, amount=amount, anchor=anchor), True)


def _unit(word: str) -> Unit | None:
    u = word.lower().rstrip("s")
    return u if u in ("day", "week", "month", "year") else None  # type: ignore[return-value]


def _b_ago(m: re.Match[str]) -> _Cand | None:
    n, unit = _num(m["num"]), _unit(m["unit"])
    if n is None or unit is None or _DURATION_BEFORE.search(_left(m)):
        return None
    return _Cand(_expr(m, "relative", amount=-n, unit=unit, anchor="reference"), True)


def _b_later(m: re.Match[str]) -> _Cand | None:
    n, unit, direction = _num(m["num"]), _unit(m["unit"]), m["dir"].lower()
    if n is None or unit is None or _DURATION_BEFORE.search(_left(m)):
        return None
    # "two days after the vote" counts from the vote, not from the previous date
    if direction in ("before", "after") and not _CLAUSE_END.match(m.string, m.end()):
        return None
    amount = -n if direction in ("earlier", "before") else n
    return _Cand(_expr(m, "relative", amount=amount, unit=unit, anchor="previous"), True)


def _b_short(m: re.Match[str]) -> _Cand | None:
    """Hours or minutes later/ago: the same day (whole days only when the hours say so)."""
    n = _num(m["num"]) if m["num"] else 0
    if n is None:
        return None
    days = n // 24 if m["unit"].lower().startswith("hour") else 0
    ago = m["dir"].lower() == "ago"
    anchor = "reference" if ago else "previous"
    expr = _expr(m, "relative", amount=-days if ago else days, unit="day", anchor=anchor)
    return _Cand(expr, True)


_DAYWORDS = {"the day before yesterday": -2, "the day after tomorrow": 2, "yesterday": -1,
             "today": 0, "tomorrow": 1, "tonight": 0, "last night": -1, "this morning": 0,
             "this afternoon": 0, "this evening": 0}  # fmt: skip


def _b_dayword(m: re.Match[str]) -> _Cand | None:
    amount = _DAYWORDS.get(" ".join(m["w"].lower().split()))
    if amount is None:
        return None
    return _Cand(_expr(m, "relative", amount=amount, unit="day", anchor="reference"), True)


def _b_calendar(m: re.Match[str]) -> _Cand | None:
    if re.search(rf"(?i:\bthe{_WS}$)", _left(m)):  # "over the last year": a span of time
        return None
    mod = " ".join(m["mod"].lower().split())
    amount = {"last": -1, "next": 1}.get(mod, 0)
    unit = _unit(m["unit"])
    return _Cand(_expr(m, "relative", amount=amount, unit=unit, anchor="reference"), True)


def _b_previous(m: re.Match[str]) -> _Cand | None:
    w = " ".join(m["w"].lower().split())
    if _DURATION_BEFORE.search(_left(m)):  # "for the following week"
        return None
    if w.startswith("the day ") and not _CLAUSE_END.match(m.string, m.end()):
        return None  # "the day before the vote" counts from the vote
    unit = _unit(w.split()[-1]) or "day"
    if "previous" in w or w.endswith("before"):
        amount = -1
    elif "next" in w or "following" in w or w.endswith("after"):
        amount = 1
    else:
        amount = 0  # the same day, later that day
    return _Cand(_expr(m, "relative", amount=amount, unit=unit, anchor="previous"), True)


_Builder = Callable[[re.Match[str]], _Cand | None]
_PATTERNS: list[tuple[re.Pattern[str], _Builder]] = [
    (re.compile(p), b)
    for p, b in (
        (_P_ISO, _b_iso),
        (_P_MDY, _b_month_day),
        (_P_DMY, _b_month_day),
        (_P_MY, _b_month_year),
        (_P_MONTH, _b_month),
        (_P_YEAR, _b_year),
        (_P_MID_YEAR, _b_year),
        (_P_WD_DATE, _b_weekday_date),
        (_P_WD, _b_weekday),
        (_P_AGO, _b_ago),
        (_P_LATER, _b_later),
        (_P_SHORT, _b_short),
        (_P_DAYWORD, _b_dayword),
        (_P_CALENDAR, _b_calendar),
        (_P_PREVIOUS, _b_previous),
    )
]
_NUMERIC_RE = re.compile(_P_NUMERIC)


def find_dates(text: str, hints: Iterable[tuple[int, int]] = ()) -> list[DateExpr]:
    """Every date expression in `text`, parsed but not yet resolved (value=None), sorted by start,
    non-overlapping, each with text[start:end] == expr.text. `hints` are (start, end) spans that a
    statistical NER model labelled DATE: use them as extra candidates (they may be durations or
    junk: filter them with the same rules), but regex detection must work without them."""
    spans = _clean_hints(hints, len(text))
    cands: list[DateExpr] = []
    for regex, build in _PATTERNS:
        for m in regex.finditer(text):
            c = build(m)
            if c is not None and (c.strong or _inside_any(c.expr, spans)):
                cands.append(c.expr)
    cands += _numeric_in_hints(text, spans)
    chosen = _non_overlapping(cands)
    for e in chosen:
        e.tense = _tense(text, e.start, e.end)
    return chosen


def _clean_hints(hints: Iterable[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    out = []
    for h in hints:
        try:
            s, e = int(h[0]), int(h[1])
        except (TypeError, ValueError, IndexError):
            continue
        if 0 <= s < e <= n:
            out.append((s, e))
    return out


def _inside_any(e: DateExpr, spans: list[tuple[int, int]]) -> bool:
    return any(s <= e.start and e.end <= t for s, t in spans)


def _non_overlapping(cands: list[DateExpr]) -> list[DateExpr]:
    """Longest first, then leftmost: "Friday, January 19, 2024" beats its parts."""
    starts: list[int] = []  # chosen spans, kept sorted by start
    chosen: list[DateExpr] = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, c.start)):
        i = bisect.bisect_right(starts, c.start)
        if (i and chosen[i - 1].end > c.start) or (i < len(chosen) and chosen[i].start < c.end):
            continue
        starts.insert(i, c.start)
        chosen.insert(i, c)
    return chosen


@lru_cache(maxsize=4)
def _numeric_parser(order: str, languages: tuple[str, ...] = ("en",)) -> Any:
    from dateparser.date import DateDataParser  # slow import: only when a hint needs it

    return DateDataParser(
        languages=list(languages), settings={"DATE_ORDER": order, "STRICT_PARSING": True}
    )


# the languages a translated page keeps its own date line in ("4 juin 2025", "17 shtator 2026")
# (and in Cyrillic: "20 октября 2025 г.")
PAGE_LANGUAGES = (
    "en", "fr", "es", "pt", "de", "nl", "it", "tr", "id", "sq", "sv", "da", "pl",
    "ru", "uk", "az", "uz", "hr", "tl",
)  # fmt: skip


# Month names the date parser's tables lack: Bosnian, Croatian and Serbian (Latin) genitive
# ("17. oktobra 2025.") and the Roman numerals of Central European dates ("15.X.2025")
_MORE_MONTHS = dict(
    zip(
        "januara februara marta aprila maja juna jula augusta avgusta septembra oktobra "
        "novembra decembra".split(),
        (1, 2, 3, 4, 5, 6, 7, 8, 8, 9, 10, 11, 12),
        strict=True,
    )
)
_ROMAN_MONTHS = {r: i for i, r in enumerate("I II III IV V VI VII VIII IX X XI XII".split(), 1)}
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})\.?\s*([^\W\d_]+)\.?,?\s*(\d{4})")


# year, month and day as Chinese and Korean pages write them: "2023年11月8日", "2024년 10월 15일"
CJK_DAY = r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]"
_CJK_DAY = re.compile(CJK_DAY)


def day_in_words(words: str) -> date | None:
    """The day that `words` ("4 juin 2025", "2 jun 2025", "15.X.2025") give in one of
    PAGE_LANGUAGES, or None when they give less than a day or none."""
    if m := _CJK_DAY.fullmatch(words.strip()):
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    if (m := _DAY_MONTH_YEAR.fullmatch(words.strip())) and (
        month := _ROMAN_MONTHS.get(m.group(2)) or _MORE_MONTHS.get(m.group(2).lower())
    ):
        try:
            return date(int(m.group(3)), month, int(m.group(1)))
        except ValueError:
            return None
    got = _numeric_parser("DMY", PAGE_LANGUAGES).get_date_data(words)
    if got is None or got.date_obj is None or got.period != "day":
        return None
    return got.date_obj.date()


_FULL_NUMERIC_RE = re.compile(
    r"(?<![0-9./-])[0-9]{1,2}([/.-])[0-9]{1,2}\1[0-9]{4}(?![0-9/-]|\.[0-9])"  # may end a sentence
)


def _numeric_in_hints(text: str, spans: list[tuple[int, int]]) -> list[DateExpr]:
    """Numeric dates ("13/01/2024") inside NER DATE spans, and anywhere when the year has four
    digits ("03.08.2024"). Day and month order: as the date itself shows (13 > 12), else as the
    document's other numeric dates show, else day first with dots ("03.08.2024", the European
    style); a slash date that stays ambiguous ("04/08/2024") gives its year only."""
    found = [m for s, t in spans for m in _NUMERIC_RE.finditer(text, s, t)]
    seen = {m.start() for m in found}
    found += [m for m in _FULL_NUMERIC_RE.finditer(text) if m.start() not in seen]
    orders = [_numeric_order(re.split(r"[/.-]", m[0])) for m in found]
    known = {o for o in orders if o in ("DMY", "MDY")}
    # the months the text writes out: "07-10-2025" in a note about "06/07 October" is 7 October
    named = {MONTHS[w.lower()] for w in re.findall(r"[A-Z][a-z]+", text) if w.lower() in MONTHS}
    out = []
    for m, order in zip(found, orders, strict=True):
        parts = re.split(r"[/.-]", m[0])
        if order is None and len(known) == 1:
            order = next(iter(known))
        elif order is None and ("." in m[0] or _day_first_label(text, m.start())):
            order = "DMY"
        elif order is None and (int(parts[1]) in named) != (int(parts[0]) in named):
            order = "DMY" if int(parts[1]) in named else "MDY"
        if order is None:
            if len(parts[2]) == 4 and 1800 <= int(parts[2]) <= 2099:
                out.append(_expr(m, "absolute", year=int(parts[2])))
            continue
        got = _numeric_parser(order).get_date_data(m[0])
        if got is None or got.date_obj is None or got.period != "day":
            continue
        d = got.date_obj
        if 1800 <= d.year <= 2099:
            out.append(_expr(m, "absolute", year=d.year, month=d.month, day=d.day))
    return out


# A site's own date label in a language that writes the day first ("Publié le 10/03/2025",
# "Veröffentlicht am", "Publicado el", "Опубликовано"), just before the date
_DAY_FIRST_LABEL = re.compile(
    r"(?i)(?:publi[ée]e?|mis à jour|mise à jour|ver[öo]ffentlicht|aktualisiert|publicado|"
    r"actualizado|pubblicato|aggiornato|gepubliceerd|opublikowano|опубликовано|обновлено|"
    r"yayınlanma|yayımlanma|dated)(?:\s+(?:le|am|el|il|on|op|:))?\s*:?\s*$"
)


def _day_first_label(text: str, at: int) -> bool:
    return _DAY_FIRST_LABEL.search(text, max(0, at - 40), at) is not None


def _numeric_order(parts: list[str]) -> str | None:
    if len(parts[0]) == 4:
        return "YMD"
    a, b = int(parts[0]), int(parts[1])
    if a > 12 >= b:
        return "DMY"
    if b > 12 >= a or a == b:
        return "MDY"
    return None  # 3/1/2024: March 1 or 3 January, and the text does not say


def _tense(text: str, start: int, end: int) -> Literal["past", "future"] | None:
    """The nearest tense marker in the same sentence: first looking back, then ahead."""
    left = text[max(0, start - 120) : start]
    cut = list(_SENTENCE_END.finditer(left))
    if cut:
        left = left[cut[-1].end() :]
    right = text[end : end + 80]
    stop = _SENTENCE_END.search(right)
    if stop:
        right = right[: stop.start()]
    before = [w.lower() for w in _TOKEN.findall(left)][-10:]
    after = [w.lower() for w in _TOKEN.findall(right)][:6]
    for i in range(len(before) - 1, -1, -1):
        t = _word_tense(before[i], before[i - 1] if i else "")
        if t:
            return t
    for i, w in enumerate(after):
        t = _word_tense(w, after[i - 1] if i else "")
        if t:
            return t
    return None


def _word_tense(word: str, prev: str) -> Literal["past", "future"] | None:
    word = word.strip("'")
    if word in _FUTURE_WORDS or word.endswith("'ll"):
        return "future"
    if prev in _BE:  # "will be held": the future marker comes further back
        return None
    if word in _PAST_WORDS or (len(word) >= 5 and word.endswith("ed") and word not in _NOT_PAST):
        return "past"
    return None


# ---------------------------------------------------------------- reference date


def infer_reference(
    dates: list[DateExpr], published: str | None, peer_days: Iterable[date] = ()
) -> tuple[str | None, str, int | None]:
    """(reference date, basis in words, lower-bound year): `published` when given, else a year
    fixed by a weekday-dated day ("Friday, January 19"): a year in which another document of
    the case dates the same days (`peer_days`), else the first such year after the background
    years the text mentions; the latest fully-dated day in the text is the reference. With no
    weekday-dated day, the latest fully-dated day the text gives."""
    years = sorted({e.year for e in dates if e.year is not None and e.tense != "future"})
    latest = years[-1] if years else None
    pub = _parse_partial(published) if published else None
    if pub is not None:
        return pub.iso(), "publication date from the document's metadata", latest
    keyed = [e for e in dates if e.kind == "weekday" and e.year is None and e.month and e.day]
    if not keyed:
        full = [d for e in dates if e.tense != "future" and (d := explicit_day(e)) is not None]
        if full:
            ref = max(full)
            return (
                ref.isoformat(),
                f"inferred: no publication date; {_long(ref)}, {LATEST_DAY}",
                latest,
            )
        mentions = f"years up to {latest}" if latest else "no year"
        return (
            None,
            f"no publication date, and no weekday-dated day to fix the year; "
            f"the text mentions {mentions}",
            latest,
        )
    peers = peer_days if isinstance(peer_days, PeerDays) else PeerDays(peer_days)
    peer_year = _peer_year(keyed, peers)
    if peer_year is not None:
        return _inferred(dates, keyed, peer_year, latest, peers)
    if latest is None:
        return (
            None,
            f"no publication date; '{keyed[0].text}' fits several years and the text mentions "
            "no year to choose among them",
            None,
        )
    # the weekday-dated day is recent news, later than the months and years given as
    # background: "in June 2019" rules out a Tuesday, March 5 in 2019
    # ("the 2020 attack" is background too: the news is from a later year)
    floor = max(
        (
            (e.year, e.month, 1) if e.month else (e.year + 1, 1, 1)
            for e in dates
            if e.year and not e.day and e.tense != "future"
        ),
        default=(0, 0, 0),
    )
    year = _weekday_year(keyed, latest, floor)
    if year is None:
        return None, f"no publication date; '{keyed[0].text}' fits no year from {latest}", latest
    return _inferred(dates, keyed, year, latest)


def _fits(e: DateExpr, year: int) -> bool:
    try:
        return date(year, e.month or 0, e.day or 0).weekday() == e.weekday
    except ValueError:
        return False


def _weekday_year(
    keyed: list[DateExpr], lower: int, floor: tuple[int, int, int] = (0, 0, 0)
) -> int | None:
    """The first year from `lower` (within 28, one calendar cycle) that the most keys fit,
    with the keyed days not before `floor`, the latest date the text gives."""
    scored = [
        (sum(_fits(e, y) and (y, e.month or 0, e.day or 0) >= floor for e in keyed), -y)
        for y in range(lower, lower + 29)
    ]
    best, neg_year = max(scored)
    return -neg_year if best else None


LATEST_DAY = "the latest fully dated day the text gives"


class PeerDays:
    """The days other documents of the case date, built once and looked up by many
    documents (`excluding` the days only one of them dates: its own are no evidence)."""

    def __init__(self, days: Iterable[date], excluding: frozenset[date] = frozenset()) -> None:
        self.days = days if isinstance(days, frozenset) else frozenset(days)
        self.sorted = sorted(self.days)
        self.excluding = excluding
        self.years = sorted({d.year + k for d in self.days for k in (-1, 0, 1)})

    def without(self, excluding: frozenset[date]) -> PeerDays:
        view = object.__new__(PeerDays)
        view.days, view.sorted, view.years = self.days, self.sorted, self.years
        view.excluding = excluding
        return view

    def __contains__(self, day: object) -> bool:
        return day in self.days and day not in self.excluding

    def near(self, day: date, within: int = 3) -> list[date]:
        """The days within `within` days of `day`, in order."""
        lo = bisect.bisect_left(self.sorted, _near(day, -within) or date.min)
        hi = bisect.bisect_right(self.sorted, _near(day, within) or date.max)
        return [d for d in self.sorted[lo:hi] if d not in self.excluding]


def _peer_year(keyed: list[DateExpr], peers: PeerDays) -> int | None:
    """A year fitting the weekday in which another document dates a day within 3 days."""
    fits = []
    for e in keyed:
        for y in peers.years:
            if not _fits(e, y):
                continue
            day = date(y, e.month, e.day)  # type: ignore[arg-type]
            if peers.near(day):
                fits.append(y)
    return min(fits) if fits else None


def _near(day: date, days: int) -> date | None:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def _long(d: date) -> str:
    return f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


def _inferred(
    dates: list[DateExpr],
    keyed: list[DateExpr],
    year: int,
    latest: int | None,
    peers: PeerDays | None = None,
) -> tuple[str, str, int | None]:
    key = next(e for e in keyed if _fits(e, year))
    days = [date(year, e.month, e.day) for e in keyed if _fits(e, year)]  # type: ignore[arg-type]
    days += [d for e in dates if e.tense != "future" and (d := explicit_day(e)) is not None]
    ref = max(days).isoformat()
    wd = WEEKDAYS[key.weekday or 0]
    near = peers.near(date(year, key.month, key.day)) if peers else []  # type: ignore[arg-type]
    if near:
        basis = (
            f"inferred: '{key.text}' is a {wd} in {year}, the year in which another document "
            f"of the case dates {_long(near[0])} (in its text or its publication date)"
        )
    else:
        since = "from" if year == latest else "after"
        basis = (
            f"inferred: '{key.text}' is a {wd} in {year}, the first such year {since} {latest}, "
            "the latest year the text mentions"
        )
    if ref != date(year, key.month, key.day).isoformat():  # type: ignore[arg-type]
        basis += f"; reference {ref}, the latest fully-dated day in the text"
    mentioned = {e.year for e in dates if e.year is not None}
    for e in dates:
        if e.kind == "relative" and e.anchor == "reference" and e.unit == "year" and e.amount:
            then = year + e.amount
            verdict = "agrees with" if then in mentioned else "would be"
            basis += f"; '{e.text}' {verdict} {then}"
    return ref, basis, latest


def explicit_day(e: DateExpr) -> date | None:
    if e.year is None or e.month is None or e.day is None:
        return None
    try:
        return date(e.year, e.month, e.day)
    except ValueError:
        return None


# ---------------------------------------------------------------- resolution

_RANK = {"year": 0, "month": 1, "day": 2}


@dataclass(frozen=True, slots=True)
class _Partial:
    """A date known to year, month or day precision."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        return "day" if self.day else "month" if self.month else "year"

    def rep(self) -> date:
        """The middle of the period: offsets from a month count from its 15th."""
        return date(self.year, self.month or 7, self.day or (15 if self.month else 1))

    def iso(self) -> str:
        return _fmt(self.rep(), self.precision)


def _parse_partial(s: str | None) -> _Partial | None:
    m = re.match(r"\s*([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?", s or "")
    if not m:
        return None
    y, mo, d = int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None
    try:
        date(y, mo or 1, d or 1)
    except ValueError:
        return None
    return _Partial(y, mo, d)


def _fmt(d: date, precision: Precision) -> str:
    return d.isoformat()[: {"year": 4, "month": 7, "day": 10}[precision]]


def _coarser(a: Precision, b: Precision) -> Precision:
    return a if _RANK[a] <= _RANK[b] else b


def _shift(d: date, amount: int, unit: Unit) -> date:
    if unit in ("day", "week"):
        return d + timedelta(days=amount * (7 if unit == "week" else 1))
    months = d.year * 12 + d.month - 1 + amount * (12 if unit == "year" else 1)
    y, m = divmod(months, 12)
    return _clamped(y, m + 1, d.day)


def _clamped(y: int, m: int, d: int) -> date:
    """Day `d` of the month, or its last day (January 31 + a month = February 28/29)."""
    while True:
        try:
            return date(y, m, d)
        except ValueError:
            d -= 1


def resolve(dates: list[DateExpr], reference: str | None, inferred: bool = False) -> None:
    """Fill `value`, `precision` and `basis` of each expression in place, in text order.
    `reference` is YYYY, YYYY-MM or YYYY-MM-DD or None. `inferred`: the reference is a day
    the text gives, not a publication date; the article may be written days after it, so a
    bare weekday ("on Tuesday") is the one nearest that day, before or after."""
    ref = _parse_partial(reference)
    last: DateExpr | None = None  # the previous resolved date
    last_fine: DateExpr | None = None  # ... with a month or a day
    for e in sorted(dates, key=lambda x: x.start):
        e.value = e.precision = None
        # "a day later" counts from the last month or day, not from a background year
        # in between ("the group, founded in 2015, ..."); a year offset from any date
        prev = last_fine if e.unit in ("day", "week") and last_fine is not None else last
        try:
            _resolve_one(e, ref, prev)
            if inferred and ref is not None and ref.precision == "day":
                _nearest_weekday(e, ref.rep(), reference or "")
        except (ValueError, OverflowError):  # a date outside the calendar
            e.value = e.precision = None
            e.basis = "no valid calendar date"
        if e.value is not None:
            last = e
            last_fine = e if e.precision != "year" else last_fine


def _nearest_weekday(e: DateExpr, day: date, label: str) -> None:
    if e.kind != "weekday" or e.month is not None or e.amount or e.anchor != "reference":
        return
    wd = e.weekday or 0
    after = (wd - day.weekday()) % 7
    before = (day.weekday() - wd) % 7
    d = day + timedelta(days=after) if after < before else day - timedelta(days=before)
    basis = (
        f"the {WEEKDAYS[wd]} nearest {label}, the day the text dates (no publication date: "
        "the article may be written after it)"
    )
    _set(e, d, "day", basis)


def _set(e: DateExpr, d: date, precision: Precision, basis: str) -> None:
    e.value, e.precision, e.basis = _fmt(d, precision), precision, basis


def _resolve_one(e: DateExpr, ref: _Partial | None, prev: DateExpr | None) -> None:
    if e.kind == "relative" or (e.kind == "weekday" and e.month is None):
        _resolve_relative(e, ref, prev)
    elif e.year is not None:
        _resolve_explicit(e)
    elif e.month is not None:
        _resolve_yearless(e, ref)
    else:
        e.basis = "nothing to resolve"


def _resolve_explicit(e: DateExpr) -> None:
    y = e.year or 0
    if e.month is None:
        _set(e, date(y, 1, 1), "year", "explicit year")
    elif e.day is None:
        _set(e, date(y, e.month, 1), "month", "explicit month and year")
    else:
        d = date(y, e.month, e.day)
        _set(e, d, "day", "explicit date" + _weekday_note(e, d))


def _weekday_note(e: DateExpr, d: date) -> str:
    if e.weekday is None or d.weekday() == e.weekday:
        return ""
    return f" (but {d.isoformat()} was a {WEEKDAYS[d.weekday()]}, not a {WEEKDAYS[e.weekday]})"


def _resolve_yearless(e: DateExpr, ref: _Partial | None) -> None:
    if ref is None:
        e.basis = "no year: the document's reference date is unknown"
        return
    year, note = _pick_year(e, ref)
    if e.weekday is not None and e.day and not _fits(e, year):
        year, note = _weekday_fix(e, year, note)
    what = "explicit day and month" if e.day else "explicit month"
    basis = f"{what}; year from the document's reference date {ref.iso()}{note}"
    if e.day is None:
        _set(e, date(year, e.month or 1, 1), "month", basis)
        return
    try:
        d = date(year, e.month or 1, e.day)
    except ValueError:
        e.basis = f"{what}, but no such day in {year}"
        return
    _set(e, d, "day", basis + _weekday_note(e, d))


def _direction(e: DateExpr) -> Literal["past", "future", "last", "next"] | None:
    first = e.text.split()[0].lower() if e.text.split() else ""
    if first in ("last", "next"):
        return first  # type: ignore[return-value]
    return e.tense


def _pick_year(e: DateExpr, ref: _Partial) -> tuple[int, str]:
    """The reference year, or the one before/after when the day would fall on the wrong side
    of the reference date: news reports the past, so only a future cue moves it forward."""
    y = ref.year
    if ref.month is None:
        return y, ""
    direction = _direction(e)
    if e.day and ref.day:
        ahead = (_clamped(y, e.month or 1, e.day) - ref.rep()).days
        late, early, vague = ahead > 1, ahead < 0, ahead > 90
    else:
        ahead = (e.month or 1) - ref.month
        late, early, vague = ahead > 0, ahead < 0, ahead > 3
    label = f"'{e.text}'"
    if direction == "last" and ahead >= 0:
        return y - 1, f"; the previous year, as {label} in {y} would not be past"
    if direction == "next" and ahead <= 0:
        return y + 1, f"; the next year, as {label} in {y} would not be ahead"
    if direction == "past" and late:
        return y - 1, (
            f"; the previous year, as {label} would fall after the reference date "
            "and the sentence speaks of the past"
        )
    if direction == "future" and early:
        return y + 1, (
            f"; the next year, as {label} would fall before the reference date "
            "and the sentence speaks of the future"
        )
    if direction is None and vague:
        return y - 1, (
            f"; the previous year, as {label} would otherwise fall months after the reference date"
        )
    return y, ""


def _weekday_fix(e: DateExpr, year: int, note: str) -> tuple[int, str]:
    order = (1, -1) if e.tense == "future" else (-1, 1)
    for step in order:
        if _fits(e, year + step):
            wd = WEEKDAYS[e.weekday or 0]
            return year + step, f"; {year + step}, not {year}, since the day is a {wd} then"
    return year, note


# ------------------------------------------------ relative expressions and bare weekdays


def _anchor(
    e: DateExpr, ref: _Partial | None, prev: DateExpr | None
) -> tuple[_Partial | None, str, str]:
    """(what it counts from, how to name it, a note)."""
    if e.anchor == "previous":
        p = _parse_partial(prev.value) if prev is not None else None
        if prev is not None and p is not None:
            return p, f"'{prev.text}' ({prev.value})", ""
        if ref is None:
            return None, "", "no earlier resolved date in the text, and "
        note = "no earlier resolved date in the text, so counted from the reference date; "
        return ref, f"the reference date {ref.iso()}", note
    if ref is None:
        return None, "", ""
    return ref, f"the reference date {ref.iso()}", ""


_CALENDAR_WEEK = re.compile(r"(?i)\b(?:this|last|next|previous|following)\W+week")


def _resolve_relative(e: DateExpr, ref: _Partial | None, prev: DateExpr | None) -> None:
    anchor, label, note = _anchor(e, ref, prev)
    if anchor is None:
        e.basis = note + "the document's reference date is unknown"
        return
    if e.kind == "weekday":
        _resolve_weekday(e, anchor, label, note)
    elif e.unit == "week" and _CALENDAR_WEEK.search(e.text):
        _resolve_week(e, anchor, label, note)
    else:
        _resolve_offset(e, anchor, label, note)


def _amount_words(n: int, unit: str) -> str:
    return f"a {unit}" if n == 1 else f"{n} {unit}s"


def _cap_note(anchor: _Partial, natural: Precision, label: str) -> str:
    if _RANK[anchor.precision] >= _RANK[natural]:
        return ""
    return f"; {label} gives no {natural}, so only the {anchor.precision} is known"


def _resolve_offset(e: DateExpr, anchor: _Partial, label: str, note: str) -> None:
    amount, unit = e.amount or 0, e.unit or "day"
    natural: Precision = "day" if unit in ("day", "week") else unit  # type: ignore[assignment]
    precision = _coarser(natural, anchor.precision)
    d = _shift(anchor.rep(), amount, unit)
    if amount == 0:
        how = f"the same {natural} as {label}"
    else:
        side = "before" if amount < 0 else "after"
        how = f"{_amount_words(abs(amount), unit)} {side} {label}"
    _set(e, d, precision, note + how + _cap_note(anchor, natural, label))


def _resolve_week(e: DateExpr, anchor: _Partial, label: str, note: str) -> None:
    """A calendar week (Monday to Sunday): as precise as its first and last days agree."""
    amount = e.amount or 0
    start = _shift(anchor.rep(), amount, "week")
    monday = start - timedelta(days=start.weekday())
    sunday = monday + timedelta(days=6)
    if anchor.precision != "day":
        precision = anchor.precision
    elif monday.month == sunday.month:
        precision = "month"
    else:
        precision = "year"
    which = {-1: "the week before that of", 0: "the week of", 1: "the week after that of"}
    how = which.get(amount, f"{amount:+d} weeks from that of")
    basis = f"{note}{how} {label}: {monday.isoformat()} to {sunday.isoformat()}"
    if monday.year != sunday.year and anchor.precision == "day":
        e.basis = basis + ", across two years"
        return
    _set(e, monday, precision, basis + _cap_note(anchor, "day", label))


def _resolve_weekday(e: DateExpr, anchor: _Partial, label: str, note: str) -> None:
    """The nearest such weekday on the side the words point to ("last", "next", tense)."""
    wd_name = WEEKDAYS[e.weekday or 0]
    if anchor.precision != "day":
        e.value, e.precision = anchor.iso(), anchor.precision
        e.basis = f"{note}a {wd_name} near {label}, which gives no day"
        return
    a, amount = anchor.rep(), e.amount or 0
    forward = amount > 0 or (amount == 0 and (e.tense == "future" or e.anchor == "previous"))
    wd = e.weekday or 0
    delta = (wd - a.weekday()) % 7 if forward else (a.weekday() - wd) % 7
    if amount and delta == 0:
        delta = 7  # "last Friday" said on a Friday is a week back
    d = a + timedelta(days=delta if forward else -delta)
    side = "after" if forward else "before"
    if not amount:
        side = "on or " + side
    basis = f"{note}the {wd_name} {side} {label}"
    if delta == 0:
        basis += f", itself a {wd_name}"
    _set(e, d, "day", basis)

"""Dates and events: each document's reference date, resolved dates, events across documents,
claims tied to events, and conflicting counts.

A document without a year of its own borrows one from the documents it shares the most
with (dated days and people): a folder is about one story. Every choice says how it was made.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from casefile import dates as dates_mod
from casefile.model import Document, Extraction, RawClaim, Span

SUMMARY_MAX = 240


@dataclass
class Event:
    date: str
    date_text: str
    date_basis: str
    summary: str
    sources: list[Span]
    date_spans: list[Span]
    entities: set[str]  # named in the sentence: the participants
    near: set[str]  # named near the date: what decides whether two reports are one event
    keywords: set[str]
    docs: set[str] = field(default_factory=set)
    id: str = ""


# ---------------------------------------------------------------- reference dates


def reference_dates(
    docs: dict[str, Document],
    extractions: dict[str, Extraction],
    doc_entities: dict[str, set[str]],
) -> None:
    """Set each document's reference date and basis, borrowing a year where the text has none."""
    bounds: dict[str, int | None] = {}
    days = {d: _explicit_days(extractions[d]) + _published_day(doc) for d, doc in docs.items()}
    # every day some document dates, with how many documents date it: another document's
    # days are those not dated by this one alone (distinct days, not a list per pair)
    dated = Counter(x for ds in days.values() for x in set(ds))
    every = dates_mod.PeerDays(dated)
    for doc_id, doc in docs.items():
        peers = every.without(frozenset(x for x in set(days[doc_id]) if dated[x] == 1))
        page = None if doc.published else _page_date(doc.text, extractions[doc_id])
        ref, basis, lower = dates_mod.infer_reference(
            extractions[doc_id].dates, doc.published or (page and page[0]), peers
        )
        if page and ref == page[0]:
            basis = f"publication date the page gives ('{page[1]}')"
        doc.reference_date, doc.reference_basis = ref, basis
        bounds[doc_id] = lower
    known = {d: doc for d, doc in docs.items() if doc.reference_date}
    for doc_id, doc in sorted(docs.items()):
        if doc.reference_date:
            continue
        borrowed = _borrow(doc_id, docs, known, extractions, doc_entities, bounds[doc_id])
        if borrowed:
            doc.reference_date, doc.reference_basis = borrowed


# the page's own date line: "Published: 15 February 2025", "Updated: Aug. 17, 2025"
_PAGE_DATE_LABEL = re.compile(
    r"(?i)\b(?:published|updated|last updated|posted|publicado|publié|veröffentlicht)"
    r"(?:\s+(?:on|at|em|el|le|am))?\s*:?\s*$"
)


# what else a page's own date line may hold: its weekday, the time and zone, separators, a
# label ("Aangepast:", "Updated:") and short words (a weekday's abbreviation, "le", "ma")
_WEEKDAY = "|".join(dates_mod.WEEKDAYS)
_DATE_LINE_REST = re.compile(  # (atomic: a word like "EST" is read one way, not three)
    rf"(?>[\s|·•,\-–—/]|\b(?:{_WEEKDAY})\b|\d{{1,2}}[:.]\d{{2}}(?:\s*[AaPp]\.?[Mm]\.?)?|"
    r"\b(?:[A-Z]{1,3}[SD]?T|IST|PKT|EAT|WAT|CAT|UTC|GMT|\d+\s+min(?:ute)?s?\s+read)\b|"
    r"\b[^\W\d_]+\s?:|\b[^\W\d_]{1,3}\b\.?)*"
)
# a day, a month's name and a year in the page's own language, as translated pages keep their
# date line ("4 juin 2025", "17 shtator 2026", "ma 2 jun 2025"): read by dateparser
_HEADER_DATE = re.compile(
    r"(?<![\w.])(?:\d{1,2}\.(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)\.\d{4}"  # "15.X.2025"
    rf"|{dates_mod.CJK_DAY.replace('(', '(?:')}"  # "2023年11月8日"
    r"|\d{1,2}(?:st|nd|rd|th)?\.?\s+[^\W\d_]{3,12}\.?,?\s+\d{4}"
    r"|[^\W\d_]{3,12}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})(?!\d)"
)
# a byline's first word in the languages of PAGE_LANGUAGES ("By", "Par", "Por", "Von", "Ni")
_BYLINE_OPENS = re.compile(r"[ \t]*(?:By|Par|Por|Von|Di|Ni|Oleh|Door|Av|Af|Text|Автор)\b")
_PAGE_DATE_SEP = re.compile(r"[|·•–—]\s*$")
# (one word, or two ending with a comma: "Jeudi", "E enjte,"; not "Victim died")
_WEEKDAY_PREFIX = re.compile(r"\s*(?:[^\W\d_]+,?\s+|[^\W\d_]+\s+[^\W\d_]+,\s+)?")


def _header_days(text: str, ex: Extraction, limit: int) -> list[tuple[int, int, dt.date]]:
    """Fully dated days before `limit`: those extraction found, and those in another
    language's month names that it did not."""
    out = [
        (e.start, e.end, day)
        for e in ex.dates
        if e.start < limit and (day := dates_mod.explicit_day(e)) is not None
    ]
    for m in _HEADER_DATE.finditer(text, 0, limit):
        if any(a < m.end() and m.start() < b for a, b, _ in out) or (
            m.group().split()[0].rstrip(".,").lower() in dates_mod.MONTHS
        ):
            continue  # (an English month extraction did not take is no date)
        if (day := dates_mod.day_in_words(m.group())) is not None:
            out.append((m.start(), m.end(), day))
    return sorted(out)


def _page_date(text: str, ex: Extraction) -> tuple[str, str] | None:
    """(YYYY-MM-DD, the words that give it) for a fully dated day the page labels as its
    publication or update date, near its top, or that stands above the story's first
    paragraph on a line of its own ("Tuesday, March 3, 2026 | 10:32") or after a byline's
    separator ("Par A. Writer · 4 juin 2025"); None when it gives none."""
    story = _story_start(text)
    days = _header_days(text, ex, 2000)
    spans = [(a, b) for a, b, _ in days]
    found = None
    for a, b, day in days:
        line = text.rfind("\n", 0, a) + 1
        end = text.find("\n", b)
        end = len(text) if end < 0 else end
        if _PAGE_DATE_LABEL.search(text, line, a):
            return day.isoformat(), text[line:b].strip()
        # (a byline's date may stand below a headline long enough to pass for prose: "Ni
        # A. Writer | Nobyembre 5, 2025")
        if found is not None or a >= story and not _BYLINE_OPENS.match(text, line, a):
            continue
        # the line without its dates: nothing but a date line's furniture, after at most a
        # weekday in the page's language ("Jeudi 12 mars 2026")
        rest = "".join(text[x:y] for x, y in _gaps(a, end, [s for s in spans if a <= s[0] < end]))
        weekday = _WEEKDAY_PREFIX.fullmatch(text, line, a)
        # (or a short line where a separator stands beside the date: "Par A. Writer · 4 juin
        # 2025", "Jeudi 12 mars 2026 | Translated from French")
        beside = _PAGE_DATE_SEP.search(text, line, a) or re.match(r"\.?[ \t]*[|·•–—]", text[b:end])
        byline = beside and len(re.findall(r"[^\W\d_]+", text[line:end])) <= 8
        if (weekday and _DATE_LINE_REST.fullmatch(rest)) or byline:
            found = day.isoformat(), text[line:end].strip()
    return found or _numeric_date_line(text, story)


# a date line of digits alone above the story: "02/11/2026", "14.03.2026, 10:15"
_NUMERIC_DATE_LINE = re.compile(
    r"(?m)^[ \t]*(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?:,?[ \t]+\d{1,2}[:.]\d{2})?[ \t]*$"
)


def _numeric_date_line(text: str, story: int) -> tuple[str, str] | None:
    """(date, its words) for a line of digits alone above the story's first paragraph: the
    day when the order of day and month shows (a part above 12), else the year alone, which
    either order gives ("02/11/2026" is 2 November or 11 February, in 2026 both ways)."""
    m = _NUMERIC_DATE_LINE.search(text, 0, story)
    if m is None:
        return None
    a, b, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
    order = [(b, a)] if a > 12 else [(a, b)] if b > 12 else [(a, b), (b, a)]
    days = []
    for month, day in order:
        try:
            days.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not days:
        return None
    return (days[0].isoformat() if len(days) == 1 else str(year)), m.group().strip()


def _story_start(text: str) -> int:
    """Where the first line of prose (twelve words or more, ending a sentence) starts in the
    page's first 3,000 characters: a date after it is no longer the page's; 0 if none."""
    at = 0
    for line in text[:3000].split("\n"):
        if len(line.split()) >= 12 and line.rstrip()[-1:] in '.!?”"':
            return at
        at += len(line) + 1
    return 0


def _gaps(start: int, end: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of [start, end) outside `spans` (sorted, inside it)."""
    out, at = [], start
    for a, b in spans:
        out.append((at, a))
        at = b
    return [*out, (at, end)]


def _published_day(doc: Document) -> list[dt.date]:
    """A publication date from metadata is the best evidence of the story's days."""
    try:
        return (
            [dt.date.fromisoformat(doc.published)]
            if doc.published and len(doc.published) == 10
            else []
        )
    except ValueError:
        return []


def _explicit_days(ex: Extraction) -> list[dt.date]:
    """Days a document dates in full ("3 March 2023"): evidence for other documents' years."""
    return [d for e in ex.dates if (d := dates_mod.explicit_day(e)) is not None]


def _month_days(ex: Extraction) -> set[tuple[int, int]]:
    return {(d.month, d.day) for d in ex.dates if d.month and d.day and d.year is None}


# a dateline's place in capitals before the day: "HONG KONG, " at a line's start
_DATELINE_BEFORE = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Z .'’\-]{1,40}(?:,[ \t]*[A-Z][\w .]{1,30})?,[ \t]*$"
)


def _nearest_year(month_day: tuple[int, int], reference: str) -> tuple[int, int] | None:
    """(year, days apart) for the year in which `month_day` falls within six weeks of the
    fully dated `reference`, if there is one: the reports of one story come days apart."""
    if len(reference) < 10:
        return None
    ref = dt.date.fromisoformat(reference[:10])
    best = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            gap = abs((dt.date(year, *month_day) - ref).days)
        except ValueError:
            continue  # (29 February)
        if gap <= 42 and (best is None or gap < best[1]):
            best = (year, gap)
    return best


def _borrow(doc_id, docs, known, extractions, doc_entities, lower):
    mine = _month_days(extractions[doc_id])
    latest = max(mine) if mine else None
    # the dateline's day ("HONG KONG, Nov 9 (Agency) –") is the report's own: its year is
    # the one that puts it beside another report of the story (a day in the body may be
    # an old event's, retold a year later)
    text = docs[doc_id].text
    own = next(
        (
            (d.month, d.day)
            for d in extractions[doc_id].dates
            if d.month
            and d.day
            and d.year is None
            and _DATELINE_BEFORE.search(text, max(0, d.start - 60), d.start)
        ),
        None,
    )
    best = None
    for other_id, other in known.items():
        year = int(other.reference_date[:4])
        near = _nearest_year(own, other.reference_date) if own else None
        if near is not None:
            year = near[0]  # "Nov 9" the day after another report's 8 November: its year
        if lower is not None and year < lower:
            continue
        shared_days = mine & _month_days(extractions[other_id])
        shared_people = doc_entities.get(doc_id, set()) & doc_entities.get(other_id, set())
        score = 3 * len(shared_days) + len(shared_people)
        if score and near is not None:
            score += 1000 - near[1]  # (the report closest in time, among those of the story)
        if score and (best is None or score > best[0]):
            best = (score, other_id, year, shared_days, shared_people, near)
    if best is None:
        return None
    _, other_id, year, shared_days, shared_people, near = best
    ref = f"{year}-{latest[0]:02d}-{latest[1]:02d}" if latest else str(year)
    parts = []
    if near is not None:
        parts.append(f"its dateline's day falls {near[1]} day(s) from that reference")
    if shared_days:
        parts.append(f"{len(shared_days)} day(s) dated in both")
    if shared_people:
        parts.append(f"{len(shared_people)} shared entities")
    basis = (
        f"inferred: the text gives no year; {year} borrowed from {docs[other_id].name} "
        f"(reference {docs[other_id].reference_date}), which tells the same story "
        f"({', '.join(parts)})"
    )
    if lower is not None:
        basis += f"; consistent with the latest year in the text, {lower}"
    return ref, basis


# ---------------------------------------------------------------- events


def build_events(
    docs: dict[str, Document],
    extractions: dict[str, Extraction],
    sentence_entities: dict[tuple[str, int], set[str]],
    mention_entities: dict[str, list[tuple[int, str]]],
) -> list[Event]:
    """One event per dated sentence and date; the same event across documents is merged."""
    events: list[Event] = []
    for doc_id, ex in extractions.items():
        doc = docs[doc_id]
        # a day the text gives may be days before the writing; a publication date is not
        published = (doc.reference_basis or "").startswith("publication date")
        dates_mod.resolve(ex.dates, doc.reference_date, inferred=not published)
        starts = [s for s, _ in ex.sentences]
        for d in ex.dates:
            if not d.value:
                continue
            i = bisect.bisect_right(starts, d.start) - 1
            if i < 0:
                continue
            a, b = ex.sentences[i]
            text = doc.text
            lo, hi, lemmas = ex.contexts.get(d.start, (a, b, []))
            events.append(
                Event(
                    date=d.value,
                    date_text=d.text,
                    date_basis=d.basis or "",
                    summary=_summary(text[a:b]),
                    sources=[Span(doc_id, a, b, text[a:b])],
                    date_spans=[Span(doc_id, d.start, d.end, d.text)],
                    entities=set(sentence_entities.get((doc_id, a), set())),
                    near={e for pos, e in mention_entities.get(doc_id, []) if lo <= pos < hi},
                    keywords=set(lemmas),
                    docs={doc_id},
                )
            )
    merged = _merge_events(events)
    for ev in merged:
        # the date expression, not the sentence: one sentence may date two events
        first = min(ev.date_spans, key=lambda s: (s.doc, s.start))
        ev.id = (
            "ev-" + hashlib.sha1(f"{first.doc}|{first.start}|{ev.date}".encode()).hexdigest()[:10]
        )
    merged.sort(key=lambda e: (e.date, e.id))
    return merged


def _summary(sentence: str) -> str:
    one = " ".join(sentence.split())
    return one if len(one) <= SUMMARY_MAX else one[: SUMMARY_MAX - 1].rstrip() + "…"


def _compatible(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _same_event(x: Event, y: Event) -> bool:
    if x.docs & y.docs or not _compatible(x.date, y.date):
        return False
    shared = len(x.near & y.near) + len(x.keywords & y.keywords)
    if x.date == y.date:
        return shared >= (1 if len(x.date) == 10 else 2)
    # a day within a month needs less agreement than a month or day within a bare year
    return shared >= (2 if min(len(x.date), len(y.date)) >= 7 else 3)


def _merge_events(events: list[Event]) -> list[Event]:
    """Greedy: an event joins the first merged event of its year that is the same event.

    Candidates are looked up, not scanned: `_same_event` needs compatible dates (one a
    prefix of the other) and at least one shared nearby entity or keyword, so merged events
    are indexed by (date, word) and by (coarser date, word).
    """
    by_year: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        by_year[e.date[:4]].append(e)
    merged: list[Event] = []  # keys hold the date, so candidates are of one year
    exact: dict[tuple[str, tuple[str, str]], list[int]] = defaultdict(list)
    coarse: dict[tuple[str, tuple[str, str]], list[int]] = defaultdict(list)

    def add(n: int, m: Event, words: set[tuple[str, str]]) -> None:
        for w in words:
            exact[(m.date, w)].append(n)
            for c in {m.date[:4], m.date[:7]} - {m.date}:
                coarse[(c, w)].append(n)

    for group in by_year.values():
        group.sort(key=lambda e: -len(e.date))  # the most precise date leads a merged event
        for e in group:
            words = _words(e)
            found: set[int] = set()
            for w in words:
                for p in {e.date, e.date[:4], e.date[:7]}:
                    found.update(exact.get((p, w), ()))
                found.update(coarse.get((e.date, w), ()))
            n = next((n for n in sorted(found) if _same_event(merged[n], e)), None)
            if n is None:
                add(len(merged), e, words)
                merged.append(e)
                continue
            target = merged[n]
            add(n, target, words - _words(target))
            target.sources += e.sources
            target.date_spans += e.date_spans
            target.entities |= e.entities
            target.near |= e.near
            target.keywords |= e.keywords
            target.docs |= e.docs
    return merged


def _words(e: Event) -> set[tuple[str, str]]:
    return {("n", x) for x in e.near} | {("k", x) for x in e.keywords}


# ---------------------------------------------------------------- claims


@dataclass
class Claim:
    raw: RawClaim
    doc: str
    event: str | None
    event_basis: str
    entities: set[str]
    id: str = ""
    conflicts_with: list[str] = field(default_factory=list)
    agreement: str | None = None


def tie_claims(
    extractions: dict[str, Extraction],
    events: list[Event],
    sentence_entities: dict[tuple[str, int], set[str]],
) -> list[Claim]:
    """A claim belongs to the event of its sentence, else to its document's lead event."""
    by_sentence: dict[tuple[str, int], list[Event]] = defaultdict(list)
    lead: dict[str, tuple[int, Event]] = {}
    for ev in events:
        for s in ev.sources:
            by_sentence[(s.doc, s.start)].append(ev)
        for s in ev.date_spans:  # the first date the document gives leads it
            if s.doc not in lead or s.start < lead[s.doc][0]:
                lead[s.doc] = (s.start, ev)
    out = []
    for doc_id, ex in extractions.items():
        for rc in ex.claims:
            here = by_sentence.get((doc_id, rc.sentence[0]))
            if here:
                ev, basis = here[0], "the date in the same sentence"
            elif doc_id in lead:
                ev, basis = (
                    lead[doc_id][1],
                    "no date in its sentence: the document's first dated event",
                )
            else:
                ev, basis = None, "no dated event in the document"
            c = Claim(
                rc,
                doc_id,
                ev.id if ev else None,
                basis,
                set(sentence_entities.get((doc_id, rc.sentence[0]), set())),
            )
            c.id = "c-" + hashlib.sha1(f"{doc_id}|{rc.start}".encode()).hexdigest()[:10]
            out.append(c)
    _conflicts(out, {e.id: e for e in events})
    return out


def _interval(number: int, bound: str) -> tuple[float, float]:
    return {
        "=": (number, number),
        ">": (number + 1, float("inf")),
        ">=": (number, float("inf")),
        "<": (0, number - 1),
        "<=": (0, number),
        "~": (number * 0.9, number * 1.1),
    }[bound]


def _conflicts(claims: list[Claim], events: dict[str, Event]) -> None:
    """Counts of the same thing from different documents that are stated differently."""
    # only claims of compatible dates can be one count: by what, then by the event's date;
    # a date is compared with itself and with its own year and month (the less precise)
    by_date: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        ev = events.get(c.event or "")
        if ev is not None:
            by_date[(c.raw.what, ev.date)].append(c)
    pairs: list[tuple[Claim, Claim]] = []
    for (what, date), group in by_date.items():
        pairs += [(x, y) for i, x in enumerate(group) for y in group[i + 1 :]]
        for coarse in {date[:4], date[:7]} - {date}:
            pairs += [(x, y) for x in by_date.get((what, coarse), []) for y in group]
    order = {id(c): n for n, c in enumerate(claims)}
    pairs = [(x, y) if order[id(x)] < order[id(y)] else (y, x) for x, y in pairs]
    pairs.sort(key=lambda p: (order[id(p[0])], order[id(p[1])]))
    for x, y in pairs:
        if x.doc == y.doc or (x.raw.number, x.raw.bound) == (y.raw.number, y.raw.bound):
            continue
        if not _same_count(x, y, events):
            continue
        lo_x, hi_x = _interval(x.raw.number, x.raw.bound)
        lo_y, hi_y = _interval(y.raw.number, y.raw.bound)
        overlap = max(lo_x, lo_y) <= min(hi_x, hi_y)
        for a, b in ((x, y), (y, x)):
            a.conflicts_with.append(b.id)
            a.agreement = (
                "contradictory"
                if not overlap or a.agreement == "contradictory"
                else "stated differently, not contradictory"
            )


LARGE_COUNT = 10  # tolls this size, close in value and date, are rarely two different tolls


def _same_count(x: Claim, y: Claim, events: dict[str, Event]) -> bool:
    """One count reported twice: the same event; or compatible dates and numbers within a
    factor of 1.5 that are either both large or in sentences naming a common entity."""
    if x.event and x.event == y.event:
        return True
    ex, ey = events.get(x.event or ""), events.get(y.event or "")
    if not ex or not ey or not _compatible(ex.date, ey.date):
        return False
    small, big = sorted((max(x.raw.number, 1), max(y.raw.number, 1)))
    if big / small > 1.5:
        return False
    return small >= LARGE_COUNT or bool(x.entities & y.entities)

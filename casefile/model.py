"""Plain data passed between the stages. No behaviour beyond (de)serialisation.

Every fact carries `Span`s: character offsets into `Document.text`, with the text
they cover, so that `document.text[span.start:span.end] == span.text` always holds.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Kind = Literal["person", "organization", "place"]
KINDS: tuple[Kind, ...] = ("person", "organization", "place")
AliasType = Literal["aka", "variant", "short", "acronym"]


@dataclass(frozen=True, slots=True)
class Span:
    doc: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(d["doc"], d["start"], d["end"], d["text"])


@dataclass(slots=True)
class Document:
    id: str
    name: str  # file name, as the scorer and users see it
    path: str  # where it was read from (may move; not part of identity)
    text: str  # the text every span points into
    sha256: str  # of the raw bytes: the document's identity
    media_type: str = "text/plain"
    title: str | None = None
    published: str | None = None  # ISO date from metadata, at its true precision
    source: str | None = None
    encoding: str = "utf-8"
    body_start: int = 0  # where the story starts in `text` (after Markdown front matter)
    reference_date: str | None = None
    reference_basis: str | None = None

    @property
    def chars(self) -> int:
        return len(self.text)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["chars"] = self.chars
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        d = {k: v for k, v in d.items() if k in cls.__dataclass_fields__}
        return cls(**d)


@dataclass(slots=True)
class DateExpr:
    """A date expression found in a text, before and after resolution."""

    start: int
    end: int
    text: str
    # absolute: "November 2020", "January 3", "2020"; weekday: "Friday, January 19";
    # relative: "a day later", "four years ago", "earlier this month"
    kind: Literal["absolute", "weekday", "relative"]
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday
    # relative expressions: offset in `unit` (negative = past), and what it counts from
    amount: int | None = None
    unit: Literal["day", "week", "month", "year"] | None = None
    anchor: Literal["reference", "previous"] | None = None
    precision: Literal["year", "month", "day"] | None = None
    value: str | None = None  # resolved: YYYY, YYYY-MM or YYYY-MM-DD
    basis: str | None = None  # how `value` was found, in words
    # tense of the words around the expression, when they show it: picks the year of a
    # yearless day ("will meet on March 3") and the direction of a bare weekday
    tense: Literal["past", "future"] | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DateExpr:
        return cls(**d)


@dataclass(slots=True)
class Mention:
    """A name in one document. `local` groups the mentions of one entity in that document."""

    start: int
    end: int
    text: str
    kind: Kind
    local: int  # within-document entity number
    role: Literal["name", "aka", "short", "acronym"] = "name"
    source: str = "ner"  # which component proposed it: ner, rule:<name>, propagate

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Mention:
        return cls(**d)


@dataclass(slots=True)
class Link:
    """Why two names in one document were put in one local entity."""

    local: int
    a: str
    b: str
    type: AliasType
    reason: str
    start: int  # the evidence (e.g. the "also known as" phrase)
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Link:
        return cls(**d)


@dataclass(slots=True)
class Attribute:
    """Something the text says about a person, with the span that says it."""

    local: int
    type: Literal["age", "nationality", "role", "relative"]
    value: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Attribute:
        return cls(**d)


@dataclass(slots=True)
class RawClaim:
    start: int  # the count phrase, e.g. "more than 90"
    end: int
    text: str
    what: str  # killed, wounded, arrested, ...
    number: int
    bound: Literal["=", ">", ">=", "<", "<=", "~"]
    sentence: tuple[int, int]

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["sentence"] = list(self.sentence)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> RawClaim:
        d = dict(d)
        d["sentence"] = tuple(d["sentence"])
        return cls(**d)


@dataclass(slots=True)
class Extraction:
    """Everything per-document extraction found: a pure function of the document."""

    doc: str
    model: str
    mentions: list[Mention] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    dates: list[DateExpr] = field(default_factory=list)
    claims: list[RawClaim] = field(default_factory=list)
    attributes: list[Attribute] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    # date start -> (window start, window end, content lemmas): the words around a date, to
    # tell whether two dated statements report one event
    contexts: dict[int, tuple[int, int, list[str]]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "model": self.model,
            "mentions": [m.to_dict() for m in self.mentions],
            "links": [x.to_dict() for x in self.links],
            "dates": [x.to_dict() for x in self.dates],
            "claims": [x.to_dict() for x in self.claims],
            "attributes": [x.to_dict() for x in self.attributes],
            "sentences": [list(s) for s in self.sentences],
            "contexts": {str(k): list(v) for k, v in self.contexts.items()},
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Extraction:
        return cls(
            doc=d["doc"],
            model=d["model"],
            mentions=[Mention.from_dict(x) for x in d["mentions"]],
            links=[Link.from_dict(x) for x in d["links"]],
            dates=[DateExpr.from_dict(x) for x in d["dates"]],
            claims=[RawClaim.from_dict(x) for x in d["claims"]],
            attributes=[Attribute.from_dict(x) for x in d.get("attributes", [])],
            sentences=[(a, b) for a, b in d["sentences"]],
            contexts={int(k): (v[0], v[1], v[2]) for k, v in d.get("contexts", {}).items()},
        )

"""Build a case file: ingest → extract (cached per document) → resolve → timeline → store."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casefile import ingest, judgements, store
from casefile.model import Document, Extraction, Span
from casefile.names import fold, spelling
from casefile.relations import find_relations
from casefile.resolve import Cluster, canonical_name, cluster, entity_id, locals_of
from casefile.timeline import build_events, reference_dates, tie_claims

Progress = Callable[[int, int, str], None]


class BadInput(Exception):
    """Some documents could not be read; nothing was written."""

    def __init__(self, errors: list[str]) -> None:
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(f"{errors[0]}{more}; nothing written (--skip-bad builds the rest)")
        self.errors = errors


@dataclass
class BuildReport:
    documents: int = 0
    extracted: int = 0
    reused: int = 0
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    case: dict[str, Any] | None = None


def build(
    paths: list[Path],
    out: Path,
    *,
    model: str | None = None,
    progress: Progress | None = None,
    skip_bad: bool = False,
    wait: float = 0,
    replace: bool = False,
) -> BuildReport:
    """Build (or rebuild) the case at `out` from `paths`; only new or changed documents are parsed.

    Nothing is written unless the whole build succeeds, and then in one atomic replace. A
    document that cannot be read stops the build (BadInput) unless `skip_bad`. The case's
    write lock is held from start to end, so a second build of the same case stops at once
    (store.CaseBusy) or waits up to `wait` seconds (< 0: for ever).
    """
    with store.writing(out, wait):
        return _build(
            paths, out, model=model, progress=progress, skip_bad=skip_bad, replace=replace
        )


def _build(
    paths: list[Path],
    out: Path,
    *,
    model: str | None,
    progress: Progress | None,
    skip_bad: bool,
    replace: bool,
) -> BuildReport:
    report = BuildReport()
    docs, report.errors, report.notes = ingest.collect(list(paths))
    if not replace:
        _refuse_to_drop(out, docs)
    if report.errors and not skip_bad:
        raise BadInput(report.errors)
    if not docs:
        raise ingest.IngestError(
            "no readable documents" + (f": {report.errors[0]}" if report.errors else "")
        )
    _make(docs, out, model, progress, report, built_from=[str(p) for p in paths])
    return report


Change = Callable[[list[judgements.Judgement]], list[judgements.Judgement]]


def rejudge(
    out: Path,
    change: Change,
    *,
    check: Callable[[dict[str, Any]], None] | None = None,
    model: str | None = None,
    wait: float = 0,
) -> BuildReport:
    """Change the judgements of the case at `out` (`change` gets the table, oldest first,
    and returns the new one), assemble the case again from its own documents, and save both
    in one write, under the write lock, so that two people judging at once lose nothing.

    `check` sees the new case before it is saved and may raise to keep the old one.
    Extractions come from the case's cache, so this needs no model unless the extractor
    changed since the last build.
    """
    with store.writing(out, wait):
        held = store.load(out)
        judged = change(list(held.get("judgements", [])))
        docs = [Document.from_dict(d) for d in held["documents"]]
        cache = store.load_extractions(out)
        # the model the case was built with, whatever the shell's default
        model = model or _model_of(cache, docs)
        report = BuildReport()
        _make(
            docs,
            out,
            model,
            None,
            report,
            built_from=held.get("built_from", []),
            judged=judged,
            check=check,
            cache=cache,
        )
        return report


def _make(
    docs: list[Document],
    out: Path,
    model: str | None,
    progress: Progress | None,
    report: BuildReport,
    *,
    built_from: list[str],
    judged: list[judgements.Judgement] | None = None,
    check: Callable[[dict[str, Any]], None] | None = None,
    cache: dict[str, dict[str, Any]] | None = None,
) -> None:
    """Extract what the cache lacks, assemble with the judgements, save."""
    if cache is None:
        cache = store.load_extractions(out)
    if judged is None:
        judged = store.load_judgements(out)
    extractions: dict[str, Extraction] = {}
    todo: list[Document] = []
    model_name = _model_name(model)
    for d in docs:
        hit = cache.get(_cache_key(d, model_name))
        if hit:
            extractions[d.id] = Extraction.from_dict(hit)
        else:
            todo.append(d)
    report.reused = len(extractions)
    if todo:
        from casefile import extract, nlp

        pipeline = nlp.load(model_name)
        described = nlp.describe(pipeline)
        for i, ex in enumerate(extract.extract_many(todo, pipeline, described)):
            extractions[todo[i].id] = ex
            if progress:
                progress(i + 1, len(todo), todo[i].name)
    report.extracted = len(todo)
    report.documents = len(docs)
    # cached as extracted: assembling resolves dates in place, with the folder's evidence
    keep = {_cache_key(d, model_name): extractions[d.id].to_dict() for d in docs}
    case = assemble(docs, [extractions[d.id] for d in docs], judged)
    case["built_from"] = built_from
    # keep the cache of documents that left the folder, so putting them back costs nothing;
    # what an older extractor or another model made is dropped
    current = f"|{model_name}@{_model_version(model_name)}|{extractor_version()}"
    for k, v in cache.items():
        if k.endswith(current):
            keep.setdefault(k, v)
    if check:
        check(case)
    store.save(out, case, keep, judgements=judged)
    if judged:
        case["judgements"] = judged  # as `store.load` will read it
    report.case = case


# The modules whose code decides what extraction finds: a change to any of them is a new
# extractor, and cached extractions made by the old one are not reused.
EXTRACTOR_MODULES = (
    "extract",
    "names",
    "places",
    "dates",
    "claims",
    "attributes",
    "model",
    "matching",
    "invisible",
)


@functools.cache
def extractor_version() -> str:
    h = hashlib.sha1()
    for name in EXTRACTOR_MODULES:
        h.update((Path(__file__).parent / f"{name}.py").read_bytes())
    return h.hexdigest()[:12]


def _cache_key(doc: Document, model: str) -> str:
    # the file (an extraction names its document) and the decoded text (a new decoder must
    # not reuse old offsets); the model's installed version, not only its name
    text = hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return (
        f"{doc.sha256}:{text}:{doc.body_start}|{model}@{_model_version(model)}"
        f"|{extractor_version()}"
    )


@functools.cache
def _model_version(model: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(model.replace("_", "-"))
    except PackageNotFoundError:
        return "?"


class WouldDrop(Exception):
    """The build would drop documents the case holds; nothing was written."""


def _refuse_to_drop(out: Path, docs: list[Document]) -> None:
    """A build of other paths must not silently drop what the case already holds."""
    if not out.exists():
        return
    try:
        light, texts = store.load_light(out)
        texts.close()
        held = light["documents"]
    except store.CaseError:
        return  # store.save refuses what is not a case file, with its own message
    have = {d.id for d in docs}
    gone = [d["name"] for d in held if d["id"] not in have]
    if gone:
        shown = ", ".join(gone[:3]) + (f" and {len(gone) - 3} more" if len(gone) > 3 else "")
        raise WouldDrop(
            f"{out} holds {len(gone)} document(s) not in this build ({shown}); add their "
            "files, or pass --replace to drop them; nothing written"
        )


def _model_of(cache: dict[str, Any], docs: list[Document]) -> str | None:
    """The model whose extraction of these documents the case's cache holds."""
    if not docs:
        return None
    prefix = f"{docs[0].sha256}:"
    for key in sorted(cache):
        if key.startswith(prefix) and key.endswith(f"|{extractor_version()}"):
            return key.split("|")[1].rsplit("@", 1)[0]
    return None


def _model_name(model: str | None) -> str:
    if model:
        return model
    from casefile import nlp

    return nlp.model_name()


def assemble(
    docs: list[Document],
    extractions: list[Extraction],
    judged: list[judgements.Judgement] | None = None,
) -> dict[str, Any]:
    """The case in the `casefile/1` shape (documents carry their text), with a person's
    judgements (`judged`, oldest first) applied; what became of each is in
    `judgement_report`."""
    by_id = {d.id: d for d in docs}
    plan = None
    if judged:
        plan, extractions = judgements.prepare(judged, extractions, {d.id: d.name for d in docs})
    ex_by_id = {ex.doc: ex for ex in extractions}
    clusters = _resolve(extractions, plan)
    entities, owner = _entities(clusters, by_id)
    sentence_entities: dict[tuple[str, int], set[str]] = defaultdict(set)
    mention_entities: dict[str, list[tuple[int, str]]] = defaultdict(list)
    doc_entities: dict[str, set[str]] = defaultdict(set)
    import bisect

    for ex in extractions:
        starts = [s for s, _ in ex.sentences]
        for m in ex.mentions:
            eid = owner[(ex.doc, m.local)]
            mention_entities[ex.doc].append((m.start, eid))
            i = bisect.bisect_right(starts, m.start) - 1
            if i >= 0:
                sentence_entities[(ex.doc, starts[i])].add(eid)
            if m.kind != "place":
                doc_entities[ex.doc].add(eid)
    reference_dates(by_id, ex_by_id, doc_entities)
    events = build_events(by_id, ex_by_id, sentence_entities, mention_entities)
    claims = tie_claims(ex_by_id, events, sentence_entities)
    relations = _relations(extractions, owner, by_id)
    return {
        "format": store.FORMAT,
        "generated": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "model": sorted({ex.model for ex in extractions}),
        **({"judgement_report": plan.summary()} if plan else {}),
        "documents": [d.to_dict() for d in docs],
        "entities": entities,
        "events": [
            {
                "id": e.id,
                "date": e.date,
                "date_text": e.date_text,
                "date_basis": e.date_basis,
                "summary": e.summary,
                "entities": sorted(e.entities),
                "sources": [s.to_dict() for s in e.sources],
                "date_sources": [s.to_dict() for s in e.date_spans],
            }
            for e in events
        ],
        "claims": [
            {
                "id": c.id,
                "what": c.raw.what,
                "value": c.raw.text,
                "number": c.raw.number,
                "bound": c.raw.bound,
                "event": c.event,
                "event_basis": c.event_basis,
                "sources": [Span(c.doc, c.raw.start, c.raw.end, c.raw.text).to_dict()],
                "sentence": _sentence_span(by_id[c.doc], c.raw.sentence).to_dict(),
                "conflicts_with": c.conflicts_with,
                **({"agreement": c.agreement} if c.agreement else {}),
            }
            for c in claims
        ],
        "relations": relations,
    }


def _resolve(extractions: list[Extraction], plan: judgements.Plan | None) -> list[Cluster]:
    """Resolution, and the judgements on whole entities: a name split out of an entity or a
    changed kind need the entity, so they are made after a first pass, which is then run
    again; renames and hand aliases are set on the entity an anchor ends up in."""
    locs = locals_of(extractions)
    clusters = cluster(locs, plan)
    if plan is None:
        return clusters
    if plan.name_splits and judgements.split_names(plan, _members(clusters)):
        locs = locals_of(extractions)
        clusters = cluster(locs, plan)
    if plan.kinds:
        # the kind goes to every local of the anchor's entity, as the splits left it
        members = _members(clusters)
        kinds: dict[tuple[str, int], str] = {}
        for mk, j in plan.kinds:
            la = plan.local(mk)
            for k in members.get(la, [la]) if la else []:
                kinds[k] = j["value"]
        for loc in locs:
            loc.kind = kinds.get(loc.key, loc.kind)  # type: ignore[assignment]
        clusters = cluster(locs, plan)
    home = {loc.key: c for c in clusters for loc in c.locals}
    for edits, field_ in ((plan.names, "name"), (plan.kinds, "kind"), (plan.aliases, None)):
        for mk, j in edits:
            c = home.get(plan.local(mk))  # type: ignore[arg-type]
            if c is None:
                plan.report(j, "orphan", "its mention was dismissed")
            elif field_ is None:
                c.hand_aliases.append(j)
            else:
                setattr(c, field_, j["value"])
    return clusters


def _members(clusters: list[Cluster]) -> dict[tuple[str, int], list[tuple[str, int]]]:
    """Each local's entity, as the keys of its locals."""
    return {loc.key: [x.key for x in c.locals] for c in clusters for loc in c.locals}


def _sentence_span(doc: Document, sent: tuple[int, int]) -> Span:
    return Span(doc.id, sent[0], sent[1], doc.text[sent[0] : sent[1]])


def _entities(
    clusters: list[Cluster], docs: dict[str, Document]
) -> tuple[list[dict[str, Any]], dict[tuple[str, int], str]]:
    owner: dict[tuple[str, int], str] = {}
    out = []
    ids: dict[int, str] = {}
    for n, c in enumerate(clusters):
        all_m = [(loc.doc, m) for loc in c.locals for m in loc.mentions]
        first = min(all_m, key=lambda x: (docs[x[0]].name, x[1].start))
        ids[n] = entity_id(
            c.locals[0].kind, Span(first[0], first[1].start, first[1].end, first[1].text)
        )
    for n, c in enumerate(clusters):
        eid = ids[n]
        name = c.name or canonical_name(c)
        kind = c.kind or c.locals[0].kind
        mentions, aliases = [], {}
        for loc in c.locals:
            owner[loc.key] = eid
            for m in sorted(loc.mentions, key=lambda m: m.start):
                span = Span(loc.doc, m.start, m.end, m.text).to_dict()
                mentions.append(span)
                # (each spelling its own alias: "El Zorzál" in one source, "El Zorzal" in
                # another)
                if spelling(m.text) == spelling(name):
                    continue
                typ = {"aka": "aka", "short": "short", "acronym": "acronym"}.get(m.role, "variant")
                rec = aliases.setdefault(
                    spelling(m.text), {"name": m.text, "type": typ, "sources": []}
                )
                if _ALIAS_RANK[typ] > _ALIAS_RANK[rec["type"]]:
                    rec["type"] = typ
                rec["sources"].append(span)
        merges = [
            {
                "a": x.a,
                "b": x.b,
                "score": 1.0,
                "reasons": [f"{x.reason} ({docs[loc.doc].name})"],
                "type": x.type,
                "evidence": Span(
                    loc.doc, x.start, x.end, docs[loc.doc].text[x.start : x.end]
                ).to_dict(),
            }
            for loc in c.locals
            for x in loc.links
        ] + c.merges
        for j in c.hand_aliases:
            key = spelling(j["value"])
            if key == spelling(name):
                continue
            seen = [s for s in mentions if spelling(s["text"]) == key]
            rec = aliases.setdefault(key, {"name": j["value"], "type": "aka", "sources": seen})
            rec.update(type="aka", by="judgement", judgement=j["id"])
            if j.get("note"):
                rec["note"] = j["note"]
        docs_of = sorted({loc.doc for loc in c.locals}, key=lambda d: docs[d].name)
        attributes = _attributes(c, docs)
        out.append(
            {
                "id": eid,
                "kind": kind,
                "name": name,
                "aliases": sorted(
                    aliases.values(), key=lambda a: (_ALIAS_ORDER[a["type"]], a["name"])
                ),
                "mentions": sorted(mentions, key=lambda s: (docs[s["doc"]].name, s["start"])),
                "documents": docs_of,
                "attributes": attributes,
                "merges": merges,
                "possible_same": [
                    {"entity": ids[p["other"]], **{k: v for k, v in p.items() if k != "other"}}
                    for p in c.possible
                ],
            }
        )
    out.sort(key=lambda e: (e["kind"], -len(e["mentions"]), e["name"]))
    return out, owner


def _attributes(c: Cluster, docs: dict[str, Document]) -> list[dict[str, Any]]:
    """One record per distinct value; differing ages from different sources are marked."""
    recs: dict[tuple[str, str], dict[str, Any]] = {}
    for loc in c.locals:
        text = docs[loc.doc].text
        for a in loc.attributes:
            span = Span(loc.doc, a.start, a.end, text[a.start : a.end]).to_dict()
            rec = recs.setdefault(
                (a.type, fold(a.value)), {"type": a.type, "value": a.value, "sources": []}
            )
            rec["sources"].append(span)
    out = sorted(recs.values(), key=lambda r: (r["type"], r["value"]))
    ages = [r for r in out if r["type"] == "age"]
    for r in ages:
        if len(ages) > 1:
            r["conflicts"] = [x["value"] for x in ages if x is not r]
    return out


_ALIAS_RANK = {"variant": 0, "short": 1, "acronym": 2, "aka": 3}
_ALIAS_ORDER = {"aka": 0, "variant": 1, "acronym": 2, "short": 3}


def _relations(
    extractions: list[Extraction], owner: dict[tuple[str, int], str], docs: dict[str, Document]
) -> list[dict[str, Any]]:
    seen: dict[tuple[str, str, str], dict[str, Any]] = {}
    for ex in extractions:
        text = docs[ex.doc].text
        ms = [(Span(ex.doc, m.start, m.end, m.text), owner[(ex.doc, m.local)]) for m in ex.mentions]
        for src, dst, typ, span in find_relations(ms, ex.sentences, text):
            rec = seen.setdefault(
                (src, dst, typ), {"source": src, "target": dst, "type": typ, "sources": []}
            )
            rec["sources"].append(span.to_dict())
    return list(seen.values())

"""The case as a network for Gephi, Cytoscape, yEd: GEXF 1.2 and GraphML, via networkx.

Nodes are entities (label, kind, mentions, documents). Edges, in an undirected multigraph
so that a relation and a co-occurrence between one pair stay two edges:

- `kind=relation`: a relation the text states; `label` = its type, `weight` = number of
  source spans; its direction is kept as `from` (the subject's entity id).
- `kind=co-occurrence`: both entities take part in the same event (an event is one or a
  few sentences that report the same dated happening); `weight` = number of shared events,
  `date` = the earliest shared event date at its true precision.

GEXF is written in dynamic mode: a co-occurrence edge has `start` = the first day of its
earliest shared event date ("2020" -> 2020-01-01), because Gephi's timeline needs full
dates; the exact precision stays in `date`. Strings are made inert (`sanitize.one_line`)
since XML 1.0 cannot even carry most control characters.

networkx is imported inside the functions: `casefile` itself must import fast.
"""

from __future__ import annotations

import io
from itertools import combinations
from typing import TYPE_CHECKING, Any

from casefile.sanitize import one_line

if TYPE_CHECKING:
    import networkx as nx


def _first_day(date: str) -> str:
    parts = date.split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


def build(case: dict[str, Any], dynamic: bool = False) -> nx.MultiGraph:
    """The graph both formats write; `dynamic` adds GEXF `start` attributes."""
    import networkx as nx

    g = nx.MultiGraph(name=one_line("casefile " + ", ".join(case.get("built_from") or [])))
    if dynamic:
        g.graph["mode"] = "dynamic"
    for e in case.get("entities", []):
        g.add_node(
            e["id"],
            label=one_line(e["name"]),
            kind=e["kind"],
            mentions=len(e.get("mentions", [])),
            documents=len(e.get("documents", [])),
            aliases=one_line("; ".join(a["name"] for a in e.get("aliases", []))),
        )
    for i, r in enumerate(case.get("relations", [])):
        a, b = r.get("source"), r.get("target")
        if a not in g or b not in g:
            continue
        _edge(
            g,
            a,
            b,
            f"rel-{i}",
            dynamic,
            kind="relation",
            label=one_line(r.get("type", "related to")),
            weight=len(r.get("sources", [])),
            **{"from": a},
            quote=one_line(" | ".join(s.get("text", "") for s in r.get("sources", []))),
        )
    pairs: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for ev in case.get("events", []):
        ids = sorted({i for i in ev.get("entities", []) if i in g})
        for pair in combinations(ids, 2):
            pairs.setdefault(pair, []).append(ev)
    for (a, b), evs in sorted(pairs.items()):
        dates = sorted(ev["date"] for ev in evs if ev.get("date"))
        data: dict[str, Any] = {
            "kind": "co-occurrence",
            "label": "same event",
            "weight": len(evs),
            "events": " ".join(ev["id"] for ev in evs),
        }
        if dates:
            data["date"] = dates[0]
            if dynamic:
                data["start"] = _first_day(dates[0])
        _edge(g, a, b, f"co-{a}-{b}", dynamic, **data)
    return g


def _edge(g: nx.MultiGraph, a: str, b: str, key: str, gexf: bool, **data: Any) -> None:
    if gexf:
        data["id"] = key  # networkx numbers GEXF edges otherwise; GraphML uses the key
    g.add_edge(a, b, key=key, **data)


def render_gexf(case: dict[str, Any]) -> str:
    import networkx as nx

    buf = io.BytesIO()
    nx.write_gexf(build(case, dynamic=True), buf, encoding="utf-8", version="1.2draft")
    return buf.getvalue().decode("utf-8")


def render_graphml(case: dict[str, Any]) -> str:
    import networkx as nx

    buf = io.BytesIO()
    nx.write_graphml(build(case), buf, encoding="utf-8")
    return buf.getvalue().decode("utf-8")


render = render_gexf

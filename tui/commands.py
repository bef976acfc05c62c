"""Command palette (ctrl+p) entries: documents, entities, timeline filter, export."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider

from casefile.sanitize import one_line

if TYPE_CHECKING:
    from tui.app import CasefileApp

Command = tuple[str, Callable[[], object], str]


def safe_highlight(matcher: Matcher, candidate: str) -> Text:
    """Like `Matcher.highlight`, which parses the candidate as markup; names must not be."""
    text = Text(candidate)
    _, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    for offset in offsets:
        if not candidate[offset].isspace():
            text.stylize("reverse", offset, offset + 1)
    return text


class CaseCommands(Provider):
    def _app(self) -> CasefileApp:
        return self.app  # type: ignore[return-value]

    def _main(self) -> list[Command]:
        app = self._app()
        return [
            (
                "Filter timeline to the selected entity",
                app.action_filter_timeline,
                "Show only the events of the entity selected in the people tree",
            ),
            (
                "Show all events in the timeline",
                partial(app.timeline.set_filter, None),
                "Clear the timeline filter",
            ),
            (
                "Why merged: explain the selected entity",
                app.action_why,
                "Each merge with its score and reasons, and the sources of each name",
            ),
            (
                "Review the merge queue",
                app.action_review,
                "Decide, pair by pair, whether two names are one entity (same / different)",
            ),
            (
                "Undo my last correction",
                app.action_undo,
                "Take back the newest judgement made in this session",
            ),
            (
                "Export the case as JSON",
                app.action_export,
                "Write the casefile/1 JSON next to the case file",
            ),
            (
                "Toggle narrow / wide layout",
                app.action_toggle_layout,
                "One pane at a time, or all panes side by side",
            ),
        ]

    def _all(self) -> list[Command]:
        app = self._app()
        cmds = self._main()
        for doc in app.cases.documents:
            label = one_line(doc.get("name") or doc["id"])
            title = one_line(doc.get("title") or "")[:60]
            cmds.append(
                (f"Show document left: {label}", partial(app.show_doc, "left", doc["id"]), title)
            )
            cmds.append(
                (f"Show document right: {label}", partial(app.show_doc, "right", doc["id"]), title)
            )
        for ent in app.cases.entities.summaries():
            names = ", ".join(one_line(a["name"]) for a in ent.get("aliases", [])[:4])
            cmds.append(
                (
                    f"Jump to {ent.get('kind', 'entity')}: {one_line(ent['name'])}",
                    partial(app.jump_to_entity, ent["id"]),
                    f"also {names}" if names else "",
                )
            )
        return cmds

    async def discover(self) -> Hits:
        for text, command, help_text in self._main():
            yield DiscoveryHit(Text(text), command, text=text, help=_escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, command, help_text in self._all():
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score,
                    safe_highlight(matcher, text),
                    command,
                    text=text,
                    help=_escape(help_text),
                )


def _escape(s: str) -> str:
    # the palette parses help text as markup
    from textual.markup import escape

    return escape(s)

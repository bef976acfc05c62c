"""People, organizations and places → entity → its names → its mentions.

Children are added when a node is first expanded, so a large case opens at once.
Highlighting any node posts `EntitySelected` with exactly that node's spans.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from casefile.sanitize import one_line
from tui.case import (
    ALIAS_LABELS,
    KIND_TITLES,
    CaseIndex,
    Name,
    Span,
    entity_spans,
    names_of,
    plural,
    quote,
)


@dataclass
class NodeData:
    """What a tree node stands for."""

    level: str  # "kind" | "entity" | "name" | "mention"
    kind: str = ""
    entity: str | None = None
    name: Name | None = None
    span: Span | None = None
    loaded: bool = False
    spans: list[Span] | None = field(default_factory=list)  # None: not read yet


class PeopleTree(Tree[NodeData]):
    """Who is who, under which names, and where each name is found."""

    HELP = """
## People, organizations, places

Each entity shows its mentions and documents; expand it for its names (alias, spelling
variant, short form…) and expand a name for its mentions. Highlighting a node highlights
exactly its spans in the source panes. `w` explains why names were merged.

Corrections (each is kept in the case file and re-applied by every build; `z` undoes the
last): `m` merge the entity with another, `x` split the selected name or mention out of
its entity, `R` rename, `K` change kind, `a` add an alias, `d` dismiss a name or mention.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="people.down", tooltip="Next node"),
        Binding("k", "cursor_up", "Up", show=False, id="people.up", tooltip="Previous node"),
        Binding("l", "expand", "Expand", show=False, id="people.expand", tooltip="Expand node"),
        Binding("h", "collapse", "Collapse", show=False, id="people.collapse", tooltip="Collapse"),
        Binding(
            "w",
            "why",
            "Why merged",
            id="people.why",
            tooltip="Show the merges behind this entity and the sources of each name",
        ),
        Binding(
            "m", "edit('merge')", "Merge", id="people.merge",
            tooltip="Merge the selected entity with another (pick it by name)",
        ),
        Binding(
            "x", "edit('split')", "Split", id="people.split",
            tooltip="Split the selected name, or the selected mention, out of its entity",
        ),
        Binding(
            "R", "edit('rename')", "Rename", show=False, id="people.rename",
            tooltip="Give the selected entity another name",
        ),
        Binding(
            "K", "edit('kind')", "Kind", show=False, id="people.kind",
            tooltip="Make the selected entity a person, organization or place",
        ),
        Binding(
            "a", "edit('alias')", "Alias", show=False, id="people.alias",
            tooltip="Add a name to the selected entity by hand, with a note",
        ),
        Binding(
            "d,delete", "edit('dismiss')", "Dismiss", show=False, id="people.dismiss",
            tooltip="The selected name or mention is not an entity",
        ),
    ]  # fmt: skip

    DEFAULT_CSS = """
    PeopleTree {
        height: 1fr;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        &:focus { border: round $accent; border-title-color: $text; }
    }
    """

    @dataclass
    class EntitySelected(Message):
        """A node was highlighted: `spans` are exactly the node's spans."""

        tree: PeopleTree
        entity_id: str | None
        spans: list[Span]

    @dataclass
    class WhyRequested(Message):
        tree: PeopleTree
        entity_id: str

    @dataclass
    class EditRequested(Message):
        """An edit key on a node: `op` is merge | split | rename | kind | alias | dismiss."""

        tree: PeopleTree
        op: str
        node: NodeData

    def __init__(self, index: CaseIndex, *, id: str | None = None) -> None:
        super().__init__("Case", data=NodeData("root"), id=id)
        self.index = index
        self.show_root = False
        self.guide_depth = 3
        self._entity_nodes: dict[str, TreeNode[NodeData]] = {}
        self._kind_nodes: dict[str, TreeNode[NodeData]] = {}
        self.border_title = "People · Organizations · Places"

    def on_mount(self) -> None:
        self._populate()

    def set_index(self, index: CaseIndex) -> None:
        """Show another version of the case (after an edit); the cursor goes to the top."""
        self.index = index
        self.clear()
        self._entity_nodes.clear()
        self._kind_nodes.clear()
        self._populate()

    def _populate(self) -> None:
        counts = {k: 0 for k, _ in KIND_TITLES}
        for ent in self.index.entities.summaries():
            counts[ent["kind"]] = counts.get(ent["kind"], 0) + 1
        for kind, title in KIND_TITLES:
            label = Text(title, style="bold")
            label.append(f"  {counts.get(kind, 0)}", style="dim")
            node = self.root.add(label, data=NodeData("kind", kind=kind))
            self._kind_nodes[kind] = node
        if (people := self._kind_nodes.get("person")) is not None:
            self._load(people)
            people.expand()

    # --- lazy children -----------------------------------------------------------------

    def _load(self, node: TreeNode[NodeData]) -> None:
        data = node.data
        if data is None or data.loaded:
            return
        data.loaded = True
        if data.level == "kind":
            ents = [e for e in self.index.entities.summaries() if e["kind"] == data.kind]
            ents.sort(key=lambda e: (-e["mention_count"], e["name"].casefold()))
            for ent in ents:
                child = node.add(self._entity_label(ent), data=self._entity_data(ent))
                self._entity_nodes[ent["id"]] = child
        elif data.level == "entity" and data.entity:
            ent = self.index.entities[data.entity]
            for name in names_of(ent):
                nd = NodeData("name", kind=data.kind, entity=ent["id"], name=name, spans=name.spans)
                if name.spans:
                    node.add(self._name_label(name), data=nd)
                else:
                    node.add_leaf(self._name_label(name), data=nd)
        elif data.level == "name" and data.name:
            for span in data.name.spans:
                doc = self.index.docs.get(span["doc"], {})
                label = Text(self.index.doc_label(span["doc"]) + ": ", style="dim")
                label.append_text(quote(doc.get("text", ""), span))
                node.add_leaf(
                    label,
                    data=NodeData(
                        "mention", kind=data.kind, entity=data.entity, span=span, spans=[span]
                    ),
                )

    def _entity_data(self, ent: dict[str, Any]) -> NodeData:
        # an entity's spans are read with its row, when the node is first highlighted
        return NodeData("entity", kind=ent["kind"], entity=ent["id"], spans=None)

    def spans_of(self, data: NodeData) -> list[Span]:
        """Exactly the node's spans (an entity's: every span that names it)."""
        if data.spans is None:
            ent = self.index.entities.get(data.entity or "")
            data.spans = entity_spans(ent) if ent else []
        return data.spans

    def _entity_label(self, ent: dict[str, Any]) -> Text:
        """From the entity's summary: name, mentions, documents, merges."""
        label = Text(one_line(ent["name"]), style="bold")
        label.append(
            f"  {plural(ent['mention_count'], 'mention')} · {plural(ent['doc_count'], 'doc')}",
            style="dim",
        )
        if ent["merge_count"]:
            label.append(f"  ⇄{ent['merge_count']}", style="dim italic")
        return label

    def _name_label(self, name: Name) -> Text:
        label = Text(one_line(name.name))
        label.append(f"  {ALIAS_LABELS.get(name.type, name.type)}", style="italic cyan")
        if name.docs:
            label.append("  " + ", ".join(self.index.doc_label(d) for d in name.docs), style="dim")
        return label

    @on(Tree.NodeExpanded)
    def _expanded(self, event: Tree.NodeExpanded[NodeData]) -> None:
        self._load(event.node)

    # --- selection ---------------------------------------------------------------------

    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted[NodeData]) -> None:
        data = event.node.data
        if data is None or data.level in ("root", "kind"):
            return
        self.post_message(self.EntitySelected(self, data.entity, list(self.spans_of(data))))

    @property
    def selected_entity(self) -> str | None:
        node = self.cursor_node
        return node.data.entity if node is not None and node.data is not None else None

    def select_entity(self, entity_id: str) -> bool:
        """Expand the way to `entity_id` and put the cursor on it."""
        if entity_id not in self.index.entities:
            return False
        kind_node = self._kind_nodes.get(self.index.entities.summary(entity_id)["kind"])
        if kind_node is None:
            return False
        self._load(kind_node)
        kind_node.expand()
        node = self._entity_nodes.get(entity_id)
        if node is None:
            return False
        self._tree_lines  # noqa: B018 — rebuilds line numbers now, so the node has its line
        if self.cursor_node is node:
            # same node: no NodeHighlighted would come, so say it again
            self.post_message(self.EntitySelected(self, entity_id, list(self.spans_of(node.data))))
        self.move_cursor(node)
        self.scroll_to_node(node, animate=False)
        return True

    def select_name(self, entity_id: str, name: str, span: Span | None = None) -> bool:
        """Put the cursor on a name node of `entity_id` (or on one of its mentions)."""
        if not self.select_entity(entity_id):
            return False
        node = self._entity_nodes[entity_id]
        self._load(node)
        node.expand()
        child = next(
            (c for c in node.children if c.data and c.data.name and c.data.name.name == name),
            None,
        )
        if child is None:
            return True
        if span is not None:
            self._load(child)
            child.expand()
            key = (span["doc"], span["start"], span["end"])
            child = next(
                (
                    c
                    for c in child.children
                    if c.data and c.data.span
                    and (c.data.span["doc"], c.data.span["start"], c.data.span["end"]) == key
                ),
                child,
            )  # fmt: skip
        self._tree_lines  # noqa: B018 — line numbers for the new children
        self.move_cursor(child)
        self.scroll_to_node(child, animate=False)
        return True

    def action_edit(self, op: str) -> None:
        node = self.cursor_node
        if node is None or node.data is None or node.data.entity is None:
            self.notify(
                "Select a person, organization or place first", severity="warning", markup=False
            )
            return
        self.post_message(self.EditRequested(self, op, node.data))

    def action_expand(self) -> None:
        node = self.cursor_node
        if node is not None and node.allow_expand:
            self._load(node)
            node.expand()

    def action_collapse(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.is_expanded:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)

    def action_why(self) -> None:
        entity = self.selected_entity
        if entity is None:
            self.app.bell()
            return
        self.post_message(self.WhyRequested(self, entity))

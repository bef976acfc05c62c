"""A person's judgements: applied by resolution, kept through rebuilds, reported when they
cannot be, undone exactly. Two levels: hand-made extractions (fast, every rule), and real
builds of the invented story (the whole path, through the CLI)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from casefile import judgements as J
from casefile import store
from casefile.build import assemble, build, rejudge
from casefile.model import Document, Extraction, Mention

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

# ---------------------------------------------------------------- hand-made extractions


def doc(doc_id: str, *names: tuple[str, str, int, str]) -> tuple[Document, Extraction]:
    """A document whose text is its names, one sentence each, and its extraction."""
    text, ms = "", []
    for name, kind, local, role in names:
        ms.append(Mention(len(text), len(text) + len(name), name, kind, local, role))  # type: ignore[arg-type]
        text += name + " spoke. "
    d = Document(doc_id, f"{doc_id}.txt", "", text, doc_id)
    sentences = [(m.start, m.end + len(" spoke.")) for m in ms]
    return d, Extraction(doc=doc_id, model="test", mentions=ms, sentences=sentences)


def case_of(pairs: list[tuple[Document, Extraction]], judged: list[J.Judgement] | None = None):
    return assemble([d for d, _ in pairs], [e for _, e in pairs], judged)


def ent(case: dict[str, Any], name: str) -> dict[str, Any]:
    found = [e for e in case["entities"] if any(m["text"] == name for m in e["mentions"])]
    assert len(found) == 1, [e["name"] for e in found]
    return found[0]


def at(case: dict[str, Any], name: str, doc_id: str | None = None) -> J.Anchor:
    e = ent(case, name)
    m = next(m for m in e["mentions"] if m["text"] == name and doc_id in (None, m["doc"]))
    return J.anchor(m, e)


def status(case: dict[str, Any]) -> dict[str, str]:
    return {o["id"]: o["status"] for o in case["judgement_report"]}


@pytest.fixture
def three() -> list[tuple[Document, Extraction]]:
    """The machine merges Nazarov with Nazarow and Dmitri with Dmitry Volkov; the kunyas
    Abu Hafs and Abu Khafs are only a possible pair."""
    return [
        doc(
            "d1",
            ("Rustam Nazarov", "person", 0, "name"),
            ("Abu Hafs", "person", 0, "aka"),
            ("Odessa", "place", 1, "name"),
        ),
        doc("d2", ("Rustam Nazarow", "person", 0, "name"), ("Dmitri Volkov", "person", 1, "name")),
        doc("d3", ("Abu Khafs", "person", 0, "name"), ("Dmitry Volkov", "person", 1, "name")),
    ]


def test_machine_merges_name_their_two_mentions(three) -> None:
    case = case_of(three)
    merge = next(m for m in ent(case, "Rustam Nazarov")["merges"] if m.get("sources"))
    assert {s["text"] for s in merge["sources"]} == {"Rustam Nazarov", "Rustam Nazarow"}
    assert "by" not in merge


def test_different_splits_a_machine_merge_and_it_is_never_asked_again(three) -> None:
    case = case_of(three)
    assert any(i["type"] == "merge" for i in J.queue(case))
    j = J.make("different", at(case, "Rustam Nazarov"), at(case, "Rustam Nazarow"), by="t")
    after = case_of(three, [j])
    assert ent(after, "Rustam Nazarov")["id"] != ent(after, "Rustam Nazarow")["id"]
    assert status(after) == {j["id"]: "applied"}
    after["judgements"] = [j]
    assert not any(
        {i["names"][0], i["names"][1]} == {"Rustam Nazarov", "Rustam Nazarow"}
        for i in J.queue(after)
    )


def test_same_merges_and_is_marked_by_judgement(three) -> None:
    case = case_of(three)
    a, b = at(case, "Dmitri Volkov"), at(case, "Dmitry Volkov")
    assert ent(case, "Dmitri Volkov")["id"] == ent(case, "Dmitry Volkov")["id"]  # the machine's
    first = J.make("different", a, b, by="t", when="2026-01-01T00:00:00Z")
    apart = case_of(three, [first])
    assert ent(apart, "Dmitri Volkov")["id"] != ent(apart, "Dmitry Volkov")["id"]
    # a person's "same" confirms the pair: one merge, made by judgement, with the note
    same = J.make("same", a, b, note="one man", by="t")
    joined = case_of(three, [same])
    merges = ent(joined, "Dmitri Volkov")["merges"]
    mine = [m for m in merges if m.get("by") == "judgement"]
    assert len(mine) == 1 and mine[0]["judgement"] == same["id"]
    assert any("note: one man" in r for r in mine[0]["reasons"])
    assert not [m for m in merges if m.get("by") != "judgement" and m.get("sources")]


def test_transitive_same_then_different_keeps_apart_and_reports_contradictions(three) -> None:
    case = case_of(three)
    a, b, c = at(case, "Rustam Nazarov"), at(case, "Rustam Nazarow"), at(case, "Abu Khafs")
    same = J.make("same", a, b, by="t", when="2026-01-01T00:00:00Z")
    diff = J.make("different", b, c, by="t", when="2026-01-02T00:00:00Z")
    after = case_of(three, [same, diff])
    after["judgements"] = [same, diff]
    # A = B and B ≠ C: A and C are apart, and no pair between them is offered
    assert ent(after, "Abu Khafs")["id"] != ent(after, "Rustam Nazarov")["id"]
    for item in J.queue(after):
        assert {item["a"], item["b"]} != {ent(after, "Abu Khafs")["id"], item["a"]} or (
            item["a"] == item["b"]
        )
    assert not ent(after, "Abu Khafs")["possible_same"]
    # A = C now contradicts: reported, kept, not applied
    bad = J.make("same", a, c, by="t", when="2026-01-03T00:00:00Z")
    worse = case_of(three, [same, diff, bad])
    assert status(worse)[bad["id"]] == "contradiction"
    assert diff["id"] in next(o for o in worse["judgement_report"] if o["id"] == bad["id"])["why"]
    assert ent(worse, "Abu Khafs")["id"] != ent(worse, "Rustam Nazarov")["id"]


def test_possible_pairs_are_queued_best_first_with_anchors(three) -> None:
    case = case_of(three)
    queue = J.queue(case)
    assert queue == sorted(queue, key=lambda i: (i["unsure"], -i["score"], i["names"]))
    possible = [i for i in queue if i["type"] == "possible"]
    assert possible, "Nazaroff is a possible same, not a merge"
    item = possible[0]
    texts = {d.id: d.text for d, _ in three}
    ents = {e["id"]: e for e in case["entities"]}
    for side, owner in (("anchor_a", "a"), ("anchor_b", "b")):
        a = item[side]
        assert texts[a["doc"]][a["start"] : a["end"]] == a["text"]
        assert {k: a[k] for k in ("doc", "start", "end", "text")} in ents[item[owner]]["mentions"]
    # judged unsure: still asked, but last
    unsure = J.make("unsure", item["anchor_a"], item["anchor_b"], by="t")
    case["judgements"] = [unsure]
    assert J.queue(case)[-1]["names"] == item["names"] and J.queue(case)[-1]["unsure"]


def test_split_rename_kind_alias_dismiss(three) -> None:
    pairs = [
        *three,
        doc(
            "d4",
            ("Rustam Nazarov", "person", 0, "name"),
            ("Abu Hafs", "person", 0, "aka"),
            ("Read More", "organization", 1, "name"),
        ),
    ]
    case = case_of(pairs)
    nazarov = ent(case, "Abu Hafs")
    base = J.anchor(next(m for m in nazarov["mentions"] if m["text"] == "Rustam Nazarov"), nazarov)
    judged = [
        J.make("split", base, at(case, "Abu Hafs"), scope="name", by="t"),
        J.make("rename", base, value="Rustam Nazarov (the driver)", by="t"),
        J.make("kind", at(case, "Odessa"), value="organization", by="t"),
        J.make("alias", base, value="the driver", note="a caption", by="t"),
        J.make("dismiss", at(case, "Read More"), scope="name", by="t"),
    ]
    after = case_of(pairs, judged)
    assert set(status(after).values()) == {"applied"}
    hafs, main = ent(after, "Abu Hafs"), ent(after, "Rustam Nazarov")
    assert hafs["id"] != main["id"] and {m["text"] for m in hafs["mentions"]} == {"Abu Hafs"}
    assert main["name"] == "Rustam Nazarov (the driver)"
    hand = next(a for a in main["aliases"] if a["name"] == "the driver")
    assert hand["by"] == "judgement" and hand["note"] == "a caption" and hand["sources"] == []
    assert ent(after, "Odessa")["kind"] == "organization"
    assert not any(m["text"] == "Read More" for e in after["entities"] for m in e["mentions"])


def test_a_single_mention_splits_out_and_a_single_mention_is_dismissed(three) -> None:
    pairs = [*three, doc("d4", ("Rustam Nazarov", "person", 0, "name"))]
    case = case_of(pairs)
    main = ent(case, "Rustam Nazarov")
    one = at(case, "Rustam Nazarov", "d4")
    split = J.make("split", at(case, "Rustam Nazarov", "d1"), one, scope="mention", by="t")
    after = case_of(pairs, [split])
    owners = {
        m["doc"]: e["id"]
        for e in after["entities"]
        for m in e["mentions"]
        if m["text"] == "Rustam Nazarov"
    }
    assert owners["d4"] != owners["d1"]
    gone = case_of(pairs, [J.make("dismiss", one, scope="mention", by="t")])
    assert (
        sum(len(e["mentions"]) for e in gone["entities"])
        == sum(len(e["mentions"]) for e in case["entities"]) - 1
    )
    assert len(main["mentions"]) >= 3


def test_a_judgement_whose_mention_is_gone_is_found_by_name_or_reported(three) -> None:
    case = case_of(three)
    a = at(case, "Rustam Nazarov")
    moved = {**a, "start": a["start"] + 100, "end": a["end"] + 100}  # the document changed
    j = J.make("rename", moved, value="R. N.", by="t")
    after = case_of(three, [j])
    assert status(after)[j["id"]] == "moved" and ent(after, "Rustam Nazarov")["name"] == "R. N."
    lost = J.make("rename", {**moved, "text": "Nobody Here", "name": "Nobody"}, value="X", by="t")
    after = case_of(three, [lost])
    assert status(after)[lost["id"]] == "orphan"
    assert "Nobody Here" in after["judgement_report"][0]["why"]


def test_undo_restores_the_state_before(three) -> None:
    before = case_of(three)
    j = J.make("different", at(before, "Rustam Nazarov"), at(before, "Rustam Nazarow"), by="t")
    assert case_of(three, [j])["entities"] != before["entities"]
    assert case_of(three, [])["entities"] == before["entities"]


def test_bad_judgements_are_refused_in_one_line() -> None:
    a = {"doc": "d1", "start": 0, "end": 3, "text": "abc"}
    for args, kw in [
        (("merge", a, a), {}),
        (("same", a), {}),
        (("kind", a), {"value": "ship"}),
        (("rename", a), {"value": "  "}),
        (("rename", {**a, "start": 5}), {"value": "x"}),
    ]:
        with pytest.raises(J.JudgementError) as err:
            J.make(*args, **kw)
        assert "\n" not in str(err.value)


# ---------------------------------------------------------------- real builds, real CLI


def cf(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "casefile", *args], capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def story_built(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("story")
    shutil.copytree(FIXTURES / "story", folder / "docs")
    build([folder / "docs"], folder / "case.db")
    return folder


@pytest.fixture
def story(story_built: Path, tmp_path: Path) -> Path:
    shutil.copytree(story_built, tmp_path, dirs_exist_ok=True)
    return tmp_path


def test_cli_judgements_survive_rebuild_and_a_new_document(story: Path) -> None:
    db = str(story / "case.db")
    assert cf("different", "Dmitri Volkov", "Dmitry Volkov", "--case", db).returncode == 0
    assert cf("rename", "Rustam Nazarov", "Rustam N.", "--note", "as in court", "--case", db)
    assert cf("kind", "Kherson", "organization", "--case", db).returncode == 0
    assert cf("alias", "EFB", "the Brigade", "--case", db).returncode == 0
    assert cf("dismiss", "Moldova", "--case", db).returncode == 0
    r = cf("split", "Rustam N.", "Abu Khafs", "--case", db)
    assert r.returncode == 0, r.stderr

    def check(case: dict[str, Any]) -> None:
        assert len(case["judgements"]) == 6
        assert {o["status"] for o in case["judgement_report"]} == {"applied"}
        volkovs = [e for e in case["entities"] if "Volkov" in e["name"]]
        assert len(volkovs) == 2
        nazarov = ent(case, "Rustam Nazarov")
        assert nazarov["name"] == "Rustam N."
        assert "Abu Khafs" not in {m["text"] for m in nazarov["mentions"]}
        efb = ent(case, "EFB")
        assert any(a["name"] == "the Brigade" and a["by"] == "judgement" for a in efb["aliases"])
        assert not any(m["text"] == "Moldova" for e in case["entities"] for m in e["mentions"])

    check(store.load(db))
    # rebuild: every judgement re-applied
    r = cf("build", str(story / "docs"), "-o", db)
    assert r.returncode == 0 and "6 judgement(s) re-applied" in r.stderr, r.stderr
    check(store.load(db))
    # a new document: judgements kept, the newcomer resolved around them
    (story / "docs" / "c_update.txt").write_text(
        "Rustam Nazarov appeared in court in Odessa on Friday. Dmitry Volkov did not.\n"
    )
    r = cf("build", str(story / "docs"), "-o", db)
    assert r.returncode == 0, r.stderr
    case = store.load(db)
    check(case)
    assert len(case["documents"]) == 3
    newcomer = next(d["id"] for d in case["documents"] if d["name"] == "c_update.txt")
    assert newcomer in ent(case, "Rustam Nazarov")["documents"]
    # the export says which merges a person made
    out = json.loads(cf("export", "--case", db).stdout)
    assert out["judgements"] and out["judgement_report"]


def test_cli_export_import_undo(story: Path, tmp_path: Path) -> None:
    db = str(story / "case.db")
    before = store.load(db)["entities"]
    assert cf("merge", "Dmitri Volkov", "Rustam Nazarov", "--case", db).returncode == 0
    merged = store.load(db)
    joined = ent(merged, "Dmitri Volkov")
    assert joined["id"] == ent(merged, "Rustam Nazarov")["id"]
    assert [m for m in joined["merges"] if m.get("by") == "judgement"]
    exported = cf("judgements", "export", "--case", db).stdout
    assert len(exported.splitlines()) == 1
    # undo: the case is as before
    r = cf("judgements", "undo", "--case", db)
    assert r.returncode == 0 and "undone" in r.stdout
    assert store.load(db)["entities"] == before
    # import into a fresh build of the same documents: applied again
    fresh = tmp_path / "fresh.db"
    build([story / "docs"], fresh)
    (tmp_path / "j.jsonl").write_text(exported)
    r = cf("judgements", "import", str(tmp_path / "j.jsonl"), "--case", str(fresh))
    assert r.returncode == 0 and "imported 1" in r.stdout, r.stderr
    case = store.load(fresh)
    assert ent(case, "Dmitri Volkov")["id"] == ent(case, "Rustam Nazarov")["id"]
    # importing again adds nothing; a bad line adds nothing either
    assert (
        "imported 0"
        in cf("judgements", "import", str(tmp_path / "j.jsonl"), "--case", str(fresh)).stdout
    )
    (tmp_path / "bad.jsonl").write_text(exported + '{"op": "merge"}\n')
    r = cf("judgements", "import", str(tmp_path / "bad.jsonl"), "--case", str(fresh))
    assert r.returncode == 1 and "line 2" in r.stderr and "Traceback" not in r.stderr
    assert len(store.load(fresh)["judgements"]) == 1
    listed = cf("judgements", "list", "--case", str(fresh)).stdout
    assert "same:" in listed and "[applied]" in listed


def test_cli_refuses_what_it_cannot_do_and_keeps_the_case(story: Path) -> None:
    db = str(story / "case.db")
    raw = Path(db).read_bytes()
    for args in [
        ("merge", "Volkov", "Nobody at all"),  # no such name
        ("merge", "Dmitri Volkov", "Dmitry Volkov"),  # already one
        ("merge", "Odessa", "Rustam Nazarov"),  # kinds differ
        ("split", "Rustam Nazarov"),  # neither a name nor a mention
        ("split", "Rustam Nazarov", "Dmitri Volkov"),  # not its name
        ("dismiss", "--mention", "a_wire.txt:99999"),
        ("kind", "Odessa", "ship"),
        ("judgements", "undo"),  # nothing to undo
    ]:
        r = cf(*args, "--case", db)
        assert r.returncode != 0, args
        assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr, (args, r.stderr)
    assert Path(db).read_bytes() == raw
    # a contradiction is refused when made by hand, and the case is kept
    assert cf("different", "Rustam Nazarov", "Dmitri Volkov", "--case", db).returncode == 0
    raw = Path(db).read_bytes()
    r = cf("merge", "Rustam Nazarov", "Dmitri Volkov", "--case", db)
    assert r.returncode == 1 and "contradicts" in r.stderr and "nothing written" in r.stderr
    assert Path(db).read_bytes() == raw


def test_rejudge_needs_no_model(story: Path) -> None:
    """Judging re-assembles from the case's cached extractions: spaCy is never imported."""
    code = (
        "import sys, casefile.build as b;"
        f"b.rejudge(__import__('pathlib').Path({str(story / 'case.db')!r}), lambda js: js);"
        "print('spacy' in sys.modules)"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.stdout.strip() == "False", r.stderr


def test_one_writer_at_a_time(story: Path) -> None:
    """Judging holds the write lock: a second writer waits its turn or is refused."""
    db = story / "case.db"
    with store.writing(db):
        r = cf("rename", "Odessa", "Odesa", "--case", str(db))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert ent(store.load(db), "Odessa")["name"] == "Odessa"
    rejudge(db, lambda js: js)  # and afterwards it goes through


def test_reports_say_what_a_person_added(story: Path, tmp_path: Path) -> None:
    db = str(story / "case.db")
    assert cf("alias", "EFB", "the Brigade", "--note", "a caption", "--case", db).returncode == 0
    assert cf("merge", "Dmitri Volkov", "Rustam Nazarov", "--case", db).returncode == 0
    shown = cf("show", "EFB", "--case", db).stdout
    assert "the Brigade  (aka, by hand: a caption)" in shown
    assert "by judgement" in cf("show", "Dmitri Volkov", "--case", db).stdout
    report = cf("export", "--format", "markdown", "--case", db).stdout
    assert "the Brigade (added by hand: a caption)" in report
    assert "confirmed by a person" in report
    r = cf("export", "--format", "csv", "--case", db, "-o", str(tmp_path / "csv"))
    assert r.returncode == 0, r.stderr
    names = (tmp_path / "csv" / "names.csv").read_text()
    assert "the Brigade,aka" in names


def test_judgements_after_a_split_follow_their_mention(story: Path) -> None:
    """A rename or kind change anchored on a name split out earlier lands on the part split
    out, not on what stayed; the document's own "known as" goes along with the name."""
    db = str(story / "case.db")
    assert cf("split", "Rustam Nazarov", "Rustam Nazarow", "--case", db).returncode == 0
    r = cf("rename", "Rustam Nazarow", "R. N. (daily)", "--case", db)
    assert r.returncode == 0, r.stderr
    # merging the part back contradicts the split: refused, the case kept
    r = cf("merge", "Rustam Nazarov", "R. N. (daily)", "--case", db)
    assert r.returncode == 1 and "contradicts" in r.stderr, r.stderr
    assert cf("kind", "Rustam Nazarow", "organization", "--case", db).returncode == 0
    case = store.load(db)
    part, rest = ent(case, "Rustam Nazarow"), ent(case, "Rustam Nazarov")
    assert part["id"] != rest["id"]
    assert (part["name"], part["kind"]) == ("R. N. (daily)", "organization")
    assert (rest["name"], rest["kind"]) == ("Rustam Nazarov", "person")
    assert ent(case, "Abu Khafs")["id"] == part["id"]  # "known as" went with the name
    assert {o["status"] for o in case["judgement_report"]} == {"applied"}


def test_a_one_mention_judgement_is_not_moved_to_another_mention(story: Path) -> None:
    db = str(story / "case.db")
    case = store.load(db)
    odessa_b = next(
        m
        for m in ent(case, "Odessa")["mentions"]
        if m["doc"] == next(d["id"] for d in case["documents"] if d["name"] == "b_daily.txt")
    )
    r = cf("dismiss", "--mention", f"b_daily.txt:{odessa_b['start']}", "--case", db)
    assert r.returncode == 0, r.stderr
    (story / "docs" / "b_daily.txt").unlink()
    r = cf("build", str(story / "docs"), "-o", db, "--replace")
    assert r.returncode == 0 and "orphan" in r.stderr, r.stderr
    case = store.load(db)
    assert ent(case, "Odessa")["mentions"]  # the Odessa of the other document stays
    assert case["judgement_report"][0]["status"] == "orphan"


def test_hostile_or_malformed_imports_are_refused_in_one_line(story: Path, tmp_path: Path) -> None:
    db = str(story / "case.db")
    assert cf("rename", "Odessa", "Odesa", "--case", db).returncode == 0
    good = json.loads(cf("judgements", "export", "--case", db).stdout)
    cf("judgements", "undo", "--case", db)
    raw = Path(db).read_bytes()
    for bad in [
        {**good, "id": "j-\x1b]0;pwned\x07"},
        {**good, "when": "2026\x1b[2J"},
        {**good, "value": 5},
        {**good, "note": {"a": 1}},
        {**good, "a": {**good["a"], "name": ["z"]}},
    ]:
        (tmp_path / "bad.jsonl").write_text(json.dumps(bad) + "\n")
        r = cf("judgements", "import", str(tmp_path / "bad.jsonl"), "--case", db)
        assert r.returncode == 1, (bad, r.stderr)
        assert r.stderr.count("\n") == 1 and "\x1b" not in r.stderr and "internal" not in r.stderr
    assert Path(db).read_bytes() == raw
    # a name from a document that carries an escape is shown inert
    hostile = {**good, "id": "j-0123456789", "a": {**good["a"], "name": "Ode\x1b[2Jsa"}}
    (tmp_path / "h.jsonl").write_text(json.dumps(hostile) + "\n")
    assert cf("judgements", "import", str(tmp_path / "h.jsonl"), "--case", db).returncode == 0
    for args in (("judgements", "list"), ("judgements", "undo")):
        r = cf(*args, "--case", db)
        assert r.returncode == 0 and "\x1b" not in r.stdout + r.stderr


def test_empty_values_and_no_ops_are_refused_in_one_line(story: Path) -> None:
    db = str(story / "case.db")
    for args in [
        ("rename", "Odessa", ""),
        ("alias", "Odessa", "  "),
        ("rename", "Odessa", "Odessa"),
        ("kind", "Odessa", "place"),
        ("alias", "Odessa", "odessa"),
        ("different", "Odessa", "odessa"),
    ]:
        r = cf(*args, "--case", db)
        assert r.returncode == 1 and r.stderr.count("\n") == 1, (args, r.stderr)
        assert "internal error" not in r.stderr

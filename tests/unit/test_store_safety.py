"""The case file under crashes, concurrent use, and files that are not (or no longer) ours.

Writers and readers are real processes. Randomness is seeded (CASEFILE_TEST_SEED, default
7) so a failure can be replayed.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from casefile import store
from casefile.cli import cli

ROOT = Path(__file__).resolve().parents[2]
SEED = int(os.environ.get("CASEFILE_TEST_SEED", "7"))
KILLS = 60

BUSY = r"is being written by another build \(pid {pid}\)"


def _state(n: int, size: int = 1_000_000) -> dict[str, Any]:
    """A case of about `size` characters, different for each n."""
    text = f"State {n}: Rustam Nazarov met [b]Ann[/b] in Vienna \u202e\x1b[2J. " * (size // 60)
    docs = [{"id": f"d-{n}-{i}", "name": f"{i}.txt", "text": text} for i in range(3)]
    return {
        "format": store.FORMAT,
        "generated": f"seq {n}",
        "model": ["test"],
        "documents": docs,
        "entities": [
            {"id": f"e-{n}-{i}", "kind": "person", "name": f"P{i}", "mentions": []}
            for i in range(200)
        ],
        "events": [],
        "claims": [],
        "relations": [],
    }


@pytest.fixture(scope="module")
def states(tmp_path_factory) -> tuple[Path, list[dict[str, Any]]]:
    """Three big states on disk for the writer processes, and each as `load` returns it."""
    folder = tmp_path_factory.mktemp("states")
    raw = [_state(n) for n in range(3)]
    (folder / "states.json").write_text(json.dumps(raw), encoding="utf-8")
    loaded = []
    for n, s in enumerate(raw):
        store.save(folder / f"{n}.db", s, {f"k{n}": {"n": n}})
        loaded.append(store.load(folder / f"{n}.db"))
    return folder / "states.json", loaded


def _expected(loaded: list[dict[str, Any]], seq: int) -> dict[str, Any]:
    return {**loaded[seq % 3], "generated": f"seq {seq}"}


# A writer that saves state seq % 3 as "seq <seq>" for seq = start, start+1, …, saying
# before ("w") and after ("d") each save; `count` saves, or for ever if count < 0.
WRITER = r"""
import json, random, sys, time
from casefile import store
path, states_file, start, count, seed = sys.argv[1:6]
states = json.load(open(states_file, encoding="utf-8"))
rnd = random.Random(int(seed))
print("ready", flush=True)
seq, left = int(start), int(count)
while left != 0:
    print("w", seq, flush=True)
    case = {**states[seq % 3], "generated": f"seq {seq}"}
    store.save(path, case, {f"k{seq % 3}": {"n": seq % 3}})
    print("d", seq, flush=True)
    seq, left = seq + 1, left - 1
    time.sleep(rnd.random() * 0.004)
"""


def _writer(path: Path, states_file: Path, start: int, count: int, seed: int) -> subprocess.Popen:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            WRITER,
            str(path),
            str(states_file),
            str(start),
            str(count),
            str(seed),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready", proc.stderr.read() if proc.stderr else ""
    return proc


def _seq(case: dict[str, Any]) -> int:
    return int(case["generated"].split()[1])


# --- crash safety ----------------------------------------------------------------------------


def test_sigkill_during_saves_leaves_the_state_before_or_after(states, tmp_path: Path) -> None:
    states_file, loaded = states
    rnd = random.Random(SEED)
    path = tmp_path / "case.db"
    store.save(path, _state(0), {"k0": {"n": 0}})
    store.save(path, _state(0), {"k0": {"n": 0}})  # there is a backup from the start
    current, mid_write = 0, 0
    for kill in range(KILLS):
        proc = _writer(path, states_file, current + 1, -1, rnd.randrange(1 << 30))
        time.sleep(rnd.uniform(0.0, 0.25))
        proc.send_signal(signal.SIGKILL)
        assert proc.stdout is not None
        out = proc.stdout.read()  # not communicate(): readline() may hold lines in its buffer
        proc.wait(timeout=30)
        done = [int(x.split()[1]) for x in out.splitlines() if x.startswith("d ")]
        started = [int(x.split()[1]) for x in out.splitlines() if x.startswith("w ")]
        last_done = done[-1] if done else current
        allowed = {last_done, started[-1] if started else current}
        mid_write += any(path.parent.glob(".case.db.*.tmp"))

        case = store.load(path)  # always loads
        seq = _seq(case)
        assert seq in allowed, f"kill {kill} (seed {SEED}): seq {seq}, expected {allowed}"
        assert case == _expected(loaded, seq), f"kill {kill} (seed {SEED}): state {seq} differs"
        assert store.load_extractions(path) == {f"k{seq % 3}": {"n": seq % 3}}
        backup = store.load(store.backup_path(path))
        assert _seq(backup) in {seq - 1, seq}, f"kill {kill}: backup {_seq(backup)} for {seq}"
        assert backup == _expected(loaded, _seq(backup))
        current = seq
    # the kills must have hit the write itself, not only the pauses between writes
    assert mid_write >= KILLS // 10, f"only {mid_write} of {KILLS} kills landed mid-write"
    store.save(path, _state(1), {})  # the next writer sweeps what the killed ones left
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.db", "case.db.bak"]


def test_sigkill_during_real_builds(tmp_path: Path) -> None:
    """`casefile build` killed at random moments: the case is the one before or after."""
    from casefile.build import build
    from casefile.ingest import document_id

    docs = tmp_path / "docs"
    docs.mkdir()
    texts = sorted((ROOT / "data").glob("*.txt"))
    for p in texts:
        (docs / p.name).write_bytes(p.read_bytes())
    out = tmp_path / "case.db"
    build([docs], out)  # every extraction cached: each later build is quick
    both = {d["id"] for d in store.load(out)["documents"]}
    one = both - {document_id(texts[0].read_bytes())}
    rnd = random.Random(SEED)
    for kill in range(6):
        before = {d["id"] for d in store.load(out)["documents"]}
        # alternate: drop one document, then put it back (both builds hit the cache)
        dropped = docs / texts[0].name
        if dropped.exists():
            dropped.unlink()
            target = one
        else:
            dropped.write_bytes(texts[0].read_bytes())
            target = both
        proc = subprocess.Popen(
            [sys.executable, "-m", "casefile", "build", str(docs), "-o", str(out), "-q"],
            cwd=ROOT,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rnd.uniform(0.3, 1.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        after = {d["id"] for d in store.load(out)["documents"]}
        assert after in (before, target), f"kill {kill} (seed {SEED})"


# --- concurrent use ------------------------------------------------------------------------


READER = r"""
import json, sys
from casefile import store
path, n = sys.argv[1], int(sys.argv[2])
seen, errors = [], []
for _ in range(n):
    try:
        c = store.load(path)
        docs = c["documents"]
        seen.append([c["generated"], len(docs), len(c["entities"]), docs[0]["id"]])
    except Exception as e:
        errors.append(f"{type(e).__name__}: {e}")
print(json.dumps({"seen": seen, "errors": errors}))
"""


def test_readers_never_see_a_half_written_file(states, tmp_path: Path) -> None:
    states_file, loaded = states
    path = tmp_path / "case.db"
    store.save(path, {**_state(0), "generated": "seq 0"}, {})
    writer = _writer(path, states_file, 1, 40, SEED)
    reader = subprocess.run(
        [sys.executable, "-c", READER, str(path), "60"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    here = []  # this process reads too, comparing whole cases
    while writer.poll() is None:
        case = store.load(path)
        assert case == _expected(loaded, _seq(case))
        here.append(_seq(case))
    assert writer.wait(timeout=60) == 0, writer.stderr.read() if writer.stderr else ""
    report = json.loads(reader.stdout)
    assert report["errors"] == []
    for generated, ndocs, nents, first in report["seen"]:
        want = _expected(loaded, int(generated.split()[1]))
        assert (ndocs, nents, first) == (
            len(want["documents"]),
            len(want["entities"]),
            want["documents"][0]["id"],
        )
    assert len({s[0] for s in report["seen"]} | {f"seq {s}" for s in here}) > 2  # overlapped


HOLDER = r"""
import sys, time
from casefile import store
with store.writing(sys.argv[1]):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def _holder(path: Path, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_a_second_writer_stops_with_one_line_or_waits(tmp_path: Path) -> None:
    path = tmp_path / "case.db"
    store.save(path, _state(0, 1000), {})
    before = path.read_bytes()
    holder = _holder(path, 30)
    try:
        with pytest.raises(store.CaseBusy, match=BUSY.format(pid=holder.pid)) as err:
            store.save(path, _state(1, 1000), {})
        assert "\n" not in str(err.value)
        t = time.monotonic()
        with pytest.raises(store.CaseBusy, match=r"waited 0\.3 s"):
            store.save(path, _state(1, 1000), {}, wait=0.3)
        assert time.monotonic() - t >= 0.3
        assert path.read_bytes() == before

        from casefile.build import build

        t = time.monotonic()
        with pytest.raises(store.CaseBusy):  # stops before reading or parsing anything
            build([ROOT / "data"], path)
        assert time.monotonic() - t < 1

        (tmp_path / "docs").mkdir()
        (tmp_path / "docs" / "a.txt").write_text("Ann Lee met Bob Ray in Paris.\n")
        r = CliRunner().invoke(cli, ["build", str(tmp_path / "docs"), "-o", str(path)])
        assert r.exit_code == 1
        assert r.stderr.count("\n") == 1
        assert r.stderr.startswith(f"casefile: {path} is being written by another build")
        assert path.read_bytes() == before
    finally:
        holder.kill()
        holder.wait()
    store.save(path, _state(1, 1000), {})  # the dead holder's lock went with it
    assert _seq(store.load(path)) == 1


def test_a_waiting_writer_goes_on_when_the_first_is_done(tmp_path: Path) -> None:
    path = tmp_path / "case.db"
    holder = _holder(path, 0.5)
    t = time.monotonic()
    store.save(path, _state(2, 1000), {}, wait=20)
    assert time.monotonic() - t >= 0.3
    assert holder.wait(timeout=10) == 0
    assert _seq(store.load(path)) == 2
    assert not store.backup_path(path).exists() or store.load(store.backup_path(path))
    assert not (tmp_path / "case.db.lock").exists()  # removed by whoever held it last


COUNTER = r"""
import sys, time
from pathlib import Path
from casefile import store
case, counter = sys.argv[1], Path(sys.argv[2])
for _ in range(25):
    with store.writing(case, wait=-1):
        n = int(counter.read_text())
        time.sleep(0.001)
        counter.write_text(str(n + 1))
"""


def test_the_lock_excludes(tmp_path: Path) -> None:
    """Three processes increment a counter under the lock: no increment is lost."""
    counter = tmp_path / "n"
    counter.write_text("0")
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", COUNTER, str(tmp_path / "case.db"), str(counter)], cwd=ROOT
        )
        for _ in range(3)
    ]
    assert [p.wait(timeout=60) for p in procs] == [0, 0, 0]
    assert counter.read_text() == "75"


# --- corrupt, foreign, older and newer case files --------------------------------------------


def _good(tmp_path: Path) -> bytes:
    p = tmp_path / "good.db"
    store.save(p, _state(0, 1000), {})
    return p.read_bytes()


BAD = {
    "truncated": (lambda good: good[: len(good) // 2], "not a case file"),
    "binary": (lambda good: bytes(range(256)) * 4, "not a case file"),
    "not json": (lambda good: b"hello, world\n", "not a case file"),
    "json list": (lambda good: b"[1, 2, 3]", "not a casefile case file"),
    "json string": (lambda good: b'"casefile/1"', "not a casefile case file"),
    "foreign tinydb": (lambda good: b'{"_default": {"1": {"a": 1}}}', "not a casefile case file"),
    "other format": (
        lambda good: b'{"meta": {"1": {"format": "other/1", "schema": 1}}}',
        "not a casefile case file",
    ),
    "no schema": (
        lambda good: b'{"meta": {"1": {"format": "casefile/1"}}}',
        "no schema version",
    ),
    "schema text": (
        lambda good: b'{"meta": {"1": {"format": "casefile/1", "schema": "1"}}}',
        "no schema version",
    ),
    "schema bool": (
        lambda good: b'{"meta": {"1": {"format": "casefile/1", "schema": true}}}',
        "no schema version",
    ),
    "newer": (
        lambda good: good.replace(
            b'"schema":%d' % store.SCHEMA, b'"schema":%d' % (store.SCHEMA + 1), 1
        ),
        rf"newer casefile \(schema {store.SCHEMA + 1}; this one reads {store.SCHEMA}\); "
        "upgrade casefile",
    ),
    "negative schema": (
        lambda good: good.replace(b'"schema":%d' % store.SCHEMA, b'"schema":-1', 1),
        "unknown casefile",
    ),
    "damaged table": (
        lambda good: b'{"meta": {"1": {"format": "casefile/1", "schema": 1}}, "entities": [1]}',
        "damaged case file",
    ),
    "latin-1 text": (lambda good: "caf\xe9 ".encode("latin-1") * 50, "not a case file"),
    "deeply nested": (lambda good: b"[" * 200_000, "not a case file"),
    "empty": (lambda good: b"", "not a casefile case file"),
    "nul bytes": (lambda good: b"\x00" * 100, "not a case file"),
}


@pytest.mark.parametrize("kind", list(BAD))
def test_bad_case_files_are_one_line_and_never_overwritten(tmp_path: Path, kind: str) -> None:
    make, message = BAD[kind]
    path = tmp_path / "case.db"
    content = make(_good(tmp_path))
    path.write_bytes(content)
    for call in (
        lambda: store.load(path),
        lambda: store.load_extractions(path),
        lambda: store.save(path, _state(1, 1000), {}),
    ):
        with pytest.raises(store.CaseError, match=message) as err:
            call()
        assert "\n" not in str(err.value)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Ann Lee met Bob Ray in Paris on 3 May 2020.\n")
    runner = CliRunner()
    for args in (
        ["lookup", "--case", str(path), "Ann"],
        ["export", "--case", str(path)],
        ["build", str(docs), "-o", str(path)],
    ):
        r = runner.invoke(cli, args)
        assert r.exit_code == 1, (args, r.output)
        assert r.stderr.startswith(f"casefile: {path}") and r.stderr.count("\n") == 1, r.stderr
        assert "Traceback" not in r.output
    assert path.read_bytes() == content
    assert not store.backup_path(path).exists()


def test_a_damaged_case_points_at_its_backup(tmp_path: Path) -> None:
    path = tmp_path / "case.db"
    store.save(path, _state(0, 1000), {})
    store.save(path, _state(1, 1000), {})
    path.write_bytes(path.read_bytes()[:-10])
    with pytest.raises(store.CaseError, match=r"previous version is kept in .*case\.db\.bak"):
        store.load(path)
    assert _seq(store.load(store.backup_path(path))) == 0


def test_every_write_keeps_the_previous_version(tmp_path: Path) -> None:
    path = tmp_path / "case.db"
    store.save(path, _state(0, 1000), {})
    assert not store.backup_path(path).exists()
    os.chmod(path, 0o644)
    for n in (1, 2, 3):
        before = path.read_bytes()
        store.save(path, _state(n, 1000), {})
        assert store.backup_path(path).read_bytes() == before
        assert _seq(store.load(path)) == n
        assert path.stat().st_mode & 0o777 == 0o644  # the case keeps its permissions
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.db", "case.db.bak"]


def test_missing_and_folder(tmp_path: Path) -> None:
    with pytest.raises(store.CaseError, match="no such case file"):
        store.load(tmp_path / "nope.db")
    assert store.load_extractions(tmp_path / "nope.db") == {}
    with pytest.raises(store.CaseError, match="is a folder"):
        store.load(tmp_path)


# A schema-0 case file, written by hand: no `_order` (doc-id order is the order), no
# extraction cache.
SCHEMA0 = {
    "meta": {"1": {"format": "casefile/1", "schema": 0, "generated": "2025-01-01T00:00:00Z"}},
    "documents": {
        "2": {"id": "d-b", "name": "b.txt", "text": "Bob Ray"},
        "1": {"id": "d-a", "name": "a.txt", "text": "Ann Lee"},
    },
    "entities": {
        "10": {"id": "e-3", "kind": "person", "name": "C"},
        "2": {"id": "e-1", "kind": "person", "name": "A"},
        "3": {"id": "e-2", "kind": "person", "name": "B"},
    },
    "events": {},
    "claims": {},
}


def test_schema_0_is_migrated_on_load_and_rewritten_by_the_next_save(tmp_path: Path) -> None:
    path = tmp_path / "case.db"
    original = json.dumps(SCHEMA0).encode()
    path.write_bytes(original)
    case = store.load(path)
    assert [d["id"] for d in case["documents"]] == ["d-a", "d-b"]
    assert [e["id"] for e in case["entities"]] == ["e-1", "e-2", "e-3"]
    assert case["relations"] == [] and "_order" not in case["entities"][0]
    assert case["generated"] == "2025-01-01T00:00:00Z"
    assert store.load_extractions(path) == {}
    assert path.read_bytes() == original  # reading never writes

    store.save(path, case, {})
    assert json.loads(path.read_bytes())["meta"]["1"]["schema"] == store.SCHEMA
    assert store.load(path) == case
    assert store.backup_path(path).read_bytes() == original  # the old version is kept
    assert set(store.MIGRATIONS) == set(range(store.SCHEMA))  # every older schema has a step


def test_round_trip_keeps_every_top_level_field(tmp_path: Path) -> None:
    path = tmp_path / "case.db"
    case = {**_state(0, 1000), "built_from": ["a", "b"], "note": {"x": [1, 2]}}
    store.save(path, case, {"a|m": {"doc": "d"}})
    assert store.load(path) == case


def test_odd_case_names_and_stale_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "case [1] *.db"
    store.save(path, _state(0, 1000), {})
    stale = tmp_path / ".case [1] *.db.abc123.tmp"
    stale.write_text("half a case")
    other = tmp_path / ".case.db.abc123.tmp"  # another case's: not ours to remove
    other.write_text("x")
    store.save(path, _state(1, 1000), {})
    assert not stale.exists() and other.exists()
    assert _seq(store.load(path)) == 1 and _seq(store.load(store.backup_path(path))) == 0


def test_backup_when_the_last_writer_died_between_backup_and_replace(tmp_path: Path) -> None:
    path = tmp_path / "case.db"
    store.save(path, _state(0, 1000), {})
    os.link(path, store.backup_path(path))  # the backup already is the case file itself
    store.save(path, _state(1, 1000), {})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.db", "case.db.bak"]
    assert _seq(store.load(store.backup_path(path))) == 0

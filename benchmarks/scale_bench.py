"""Scale benchmark for issue #8 (run on purpose, not part of the test suite).

    python benchmarks/scale_bench.py [--sizes 100,1000,10000] [--out DIR] [--keep]
                                     [--ner-sample 1000] [--seed 8] [--repeat 5]
                                     [--add-one-sizes 1000] [--resume]

For each size, generates a corpus (benchmarks/gen_corpus.py) and measures, every step in a
process of its own so that memory and cold starts are real:

- the bare spaCy pass (`nlp.pipe` over the same texts, same model, same batch size) - the
  floor - over at most --ner-sample documents (throughput per word does not depend on the
  corpus size, and the full pass at 10,000 documents would double the run);
- `casefile build` end to end (words/s, peak RSS, case-file size), with its phases;
- adding one document to the case (a rebuild that reuses the extraction cache);
- resolution on cached extractions: `resolve.locals_of` + `resolve.cluster`, and the
  whole `build.assemble`, with the growth ratio from one size to the next;
- a cold `casefile lookup NAME` (a new process) next to `python -c pass` and
  `grep -ril NAME`, and how many spellings of that person grep misses;
- TUI first paint and search latency per keystroke (benchmarks/tui_bench.py --case).

Prints a markdown table (target and pass/fail per row) and writes results.md and
results.json to --out (default: a temporary folder, removed unless --keep).
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve()
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH.parent))

GB = 1024**3

# --- child processes ------------------------------------------------------------------


@dataclass
class Run:
    seconds: float
    max_rss: int  # bytes: the largest single process (ru_maxrss of the child and its reaped)
    tree_rss: int  # bytes: the largest sum over the process tree, sampled every 0.2 s
    stdout: str
    returncode: int

    @property
    def peak(self) -> int:
        return max(self.max_rss, self.tree_rss)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    # the checkout's code first (a worktree's, not an installed casefile)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.pop("CASEFILE_DEBUG", None)
    return env


def _tree_rss(pid: int) -> int:
    """Resident bytes of `pid` and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
        children.setdefault(ppid, []).append(int(d))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo += children.get(p, [])
        try:
            with open(f"/proc/{p}/statm") as f:
                total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            pass
    return total


def run(cmd: list[str], *, check: bool = True, quiet: bool = True) -> Run:
    """Run `cmd`, with its wall time, peak RSS (wait4's ru_maxrss) and sampled tree RSS."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL if quiet else None,
        text=True,
    )
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            peak[0] = max(peak[0], _tree_rss(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if check and proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {shlex.join(cmd)}")
    return Run(seconds, usage.ru_maxrss * 1024, peak[0], out, proc.returncode)


def median_run(cmd: list[str], repeat: int) -> float:
    """Median wall time of `repeat` runs after one unmeasured run (files in the page cache)."""
    run(cmd, check=False)
    return statistics.median(run(cmd, check=False).seconds for _ in range(repeat))


def me(*args: str) -> list[str]:
    return [sys.executable, str(BENCH), *args]


# --- workers (run as `scale_bench.py _name ...` in a child process) -------------------


def _docs(folder: str) -> list[Any]:
    from casefile import ingest

    docs, errors, _ = ingest.collect([Path(folder)])
    assert not errors, errors
    return docs


def worker_ner(folder: str, limit: str) -> None:
    """The floor: the bare spaCy pass over the texts the build reads."""
    from casefile import nlp

    docs = _docs(folder)[: int(limit)]
    texts = [d.text for d in docs]
    pipeline = nlp.load(nlp.model_name())
    t = time.perf_counter()
    for _ in pipeline.pipe(texts, batch_size=16):  # extract.extract_many's batch size
        pass
    seconds = time.perf_counter() - t
    print(json.dumps({"docs": len(texts), "words": _words(texts), "seconds": seconds}))


def worker_build(out: str, *paths: str) -> None:
    """`casefile.build.build` as the CLI runs it, with the time of each phase."""
    from casefile import build, extract, ingest, store

    phases: dict[str, float] = {}

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                phases[name] = phases.get(name, 0.0) + time.perf_counter() - t

        return wrapper

    def extract_many(*args: Any, **kwargs: Any) -> Any:  # a generator: time its whole run
        t = time.perf_counter()
        yield from original_extract_many(*args, **kwargs)
        phases["extract"] = time.perf_counter() - t

    original_extract_many = extract.extract_many
    extract.extract_many = extract_many
    ingest.collect = timed("ingest", ingest.collect)
    store.load_extractions = timed("load cache", store.load_extractions)
    store.load = timed("load case", store.load)
    build.assemble = timed("assemble", build.assemble)
    store.save = timed("save", store.save)
    t = time.perf_counter()
    report = build.build([Path(p) for p in paths], Path(out))
    total = time.perf_counter() - t
    print(
        json.dumps(
            {
                "seconds": total,
                "phases": phases,
                "extracted": report.extracted,
                "reused": report.reused,
                "entities": len((report.case or {}).get("entities", [])),
            }
        )
    )


def worker_resolve(case: str, folder: str) -> None:
    """Resolution on cached extractions: `build.assemble`, step by step (cold, once)."""
    from casefile import build, store
    from casefile.model import Extraction

    docs = _docs(folder)
    t = time.perf_counter()
    cache = store.load_extractions(case)
    load_s = time.perf_counter() - t
    model = build._model_name(None)
    raw = [cache[build._cache_key(d, model)] for d in docs]

    def fresh() -> list[Extraction]:  # assemble resolves dates in place: new objects each time
        return [Extraction.from_dict(r) for r in raw]

    t = time.perf_counter()
    exs = fresh()
    from_dict_s = time.perf_counter() - t
    # one cold assemble, as a build runs it, with the time of each of its steps
    steps: dict[str, float] = {}
    counts: dict[str, int] = {}
    for name in (
        "locals_of",
        "cluster",
        "_entities",
        "reference_dates",
        "build_events",
        "tie_claims",
        "_relations",
    ):
        fn = getattr(build, name)

        def timed(*a: Any, _fn: Callable[..., Any] = fn, _name: str = name, **k: Any) -> Any:
            t = time.perf_counter()
            out = _fn(*a, **k)
            steps[_name] = time.perf_counter() - t
            if isinstance(out, list):
                counts[_name] = len(out)
            return out

        setattr(build, name, timed)
    t = time.perf_counter()
    build.assemble(docs, exs)
    assemble_s = time.perf_counter() - t
    print(
        json.dumps(
            {
                "load_cache_s": load_s,
                "from_dict_s": from_dict_s,
                "cluster_s": steps["locals_of"] + steps["cluster"],
                "assemble_s": assemble_s,
                "steps": steps,
                "locals": counts.get("locals_of"),
                "clusters": counts.get("cluster"),
            }
        )
    )


def worker_load(case: str) -> None:
    """Reading the case as the read-only commands do."""
    from casefile import store

    t = time.perf_counter()
    raw = Path(case).read_bytes()
    read_s = time.perf_counter() - t
    t = time.perf_counter()
    json.loads(raw)
    json_s = time.perf_counter() - t
    t = time.perf_counter()
    store.load(case)
    load_s = time.perf_counter() - t
    print(json.dumps({"read_s": read_s, "json_s": json_s, "store_load_s": load_s}))


WORKERS: dict[str, Callable[..., None]] = {
    "_ner": worker_ner,
    "_build": worker_build,
    "_resolve": worker_resolve,
    "_load": worker_load,
}


def _words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


# --- one size ---------------------------------------------------------------------------


@dataclass
class Size:
    n: int
    figures: dict[str, Any] = field(default_factory=dict)


def _say(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def bench_size(n: int, base: Path, args: argparse.Namespace) -> dict[str, Any]:
    """All measurements at one size. Each step's figures are saved to nN/figures.json as it
    ends: with --resume, the steps already there are not run again (a run is long)."""
    import gen_corpus

    work = base / f"n{n}"
    docs, extra, case = work / "docs", work / "extra", work / "case.db"
    saved = work / "figures.json"
    f: dict[str, Any] = {"docs": n}
    if args.resume and saved.exists() and case.exists():
        f = json.loads(saved.read_text(encoding="utf-8"))
        _say(f"{n}: resuming after {', '.join(f.get('done', []))}")
    else:
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)

    def step(name: str, fn: Callable[[], None]) -> None:
        if name in f.setdefault("done", []):
            return
        fn()
        f["done"].append(name)
        saved.write_text(json.dumps(f, indent=1), encoding="utf-8")

    manifest: dict[str, Any] = {}

    def corpus() -> None:
        t = time.perf_counter()
        gen_corpus.write(n, docs, args.seed, extra_dir=extra)
        texts = [p.read_text(encoding="utf-8") for p in sorted(docs.glob("*.txt"))]
        f["words"] = _words(texts)
        _say(f"{n}: corpus of {f['words']:,} words in {time.perf_counter() - t:.1f} s")

    step("corpus", corpus)
    manifest = json.loads((docs / ".manifest.json").read_text(encoding="utf-8"))
    f["people"] = len(manifest["people"])

    def ner() -> None:
        sample = min(n, args.ner_sample)
        out = json.loads(run(me("_ner", str(docs), str(sample))).stdout)
        f["ner_docs"] = out["docs"]
        f["ner_wps"] = out["words"] / out["seconds"]
        _say(f"{n}: bare spaCy {f['ner_wps']:,.0f} words/s over {out['docs']} documents")

    step("ner", ner)

    def build() -> None:
        r = run(me("_build", str(case), str(docs)))
        b = json.loads(r.stdout)
        f.update(
            build_s=r.seconds,
            build_wps=f["words"] / r.seconds,
            build_in_process_s=b["seconds"],
            phases=b["phases"],
            entities=b["entities"],
            build_max_rss=r.max_rss,
            build_tree_rss=r.tree_rss,
            build_peak=r.peak,
            case_bytes=case.stat().st_size,
        )
        f["extract_wps"] = f["words"] / b["phases"]["extract"]
        _say(f"{n}: build {r.seconds:.1f} s, peak {r.peak / GB:.2f} GB, {b['phases']}")

    step("build", build)

    def add_one() -> None:
        if args.add_one_sizes is not None and n not in args.add_one_sizes:
            return
        plus = work / "plus.case.db"
        shutil.copyfile(case, plus)
        r = run(me("_build", str(plus), str(docs), str(extra)))
        a = json.loads(r.stdout)
        f.update(add_one_s=r.seconds, add_one_phases=a["phases"], add_one_peak=r.peak)
        for leftover in (plus, plus.with_name(plus.name + ".bak")):
            leftover.unlink(missing_ok=True)
        _say(f"{n}: add one document {r.seconds:.1f} s, {a['phases']}")

    step("add_one", add_one)

    def resolve() -> None:
        r = run(me("_resolve", str(case), str(docs)))
        f["resolve"] = json.loads(r.stdout)
        f["resolve_peak"] = r.peak
        _say(f"{n}: resolution {f['resolve']}")

    step("resolution", resolve)

    def load() -> None:
        f["load"] = json.loads(run(me("_load", str(case))).stdout)

    step("store_load", load)

    # the person with the most documents; the query is the surname as most sources spell it
    pid, person = max(manifest["people"].items(), key=lambda kv: (kv[1]["documents"], kv[0]))
    name = person["surname"][0]
    spellings = person["spellings"]
    lookup = [sys.executable, "-m", "casefile", "lookup", name, "--case", str(case)]

    def cold_lookup() -> None:
        f["lookup_s"] = median_run(lookup, args.repeat)
        f["python_s"] = median_run([sys.executable, "-c", "pass"], args.repeat)
        grep = ["grep", "-ril", name, str(docs)]
        f["grep_s"] = median_run(grep, args.repeat)
        grep_docs = {Path(p).name for p in run(grep, check=False).stdout.split()}
        person_docs = set(manifest["mentions"][pid])
        missed = [s for s in spellings if name.casefold() not in s.casefold()]
        f["query"] = name
        f["grep_spellings_missed"] = (len(missed), len(spellings))
        f["grep_docs_missed"] = (len(person_docs - grep_docs), len(person_docs))
        found = json.loads(run([*lookup, "--json"], check=False).stdout or "{}").get("best") or {}
        names = {found.get("name", "").casefold()} | {
            a["name"].casefold() for a in found.get("aliases", [])
        }
        found_docs = {m.get("doc_name") for m in found.get("mentions", [])}
        f["lookup_spellings_found"] = (
            sum(1 for s in spellings if s.casefold() in names),
            len(spellings),
        )
        f["lookup_docs_found"] = (len(person_docs & found_docs), len(person_docs))
        _say(
            f"{n}: lookup {f['lookup_s']:.2f} s, python {f['python_s']:.2f} s, grep "
            f"{f['grep_s']:.3f} s; grep misses {missed} of {spellings}"
        )

    step("lookup", cold_lookup)

    def tui() -> None:
        # what a user would type: the person under two spellings, a kunya, counts, an org
        queries = [person["name"], spellings[-1], *person["kunya"][:1]]
        queries += ["killed at least", "arrested", "liberation front"]
        bench = str(BENCH.parent / "tui_bench.py")
        typed = ",".join(q.lower() for q in queries)
        r = run([sys.executable, bench, "--case", str(case), "--json", "--queries", typed])
        f["tui"] = json.loads(r.stdout.strip().splitlines()[-1])
        f["tui_peak"] = r.peak
        # what tui_bench's clock leaves out: a new process importing the app
        f["tui_import_s"] = median_run([sys.executable, "-c", "import tui.app"], args.repeat)
        _say(f"{n}: tui {f['tui']}")

    step("tui", tui)
    return f


# --- the report ---------------------------------------------------------------------------


def _fmt_s(x: float) -> str:
    return f"{x:.2f} s" if x < 10 else f"{x:.0f} s"


def report(sizes: list[dict[str, Any]], command: str) -> str:
    ns = [s["docs"] for s in sizes]
    by = {s["docs"]: s for s in sizes}
    big = max(ns)

    def cells(fn: Callable[[dict[str, Any]], str]) -> list[str]:
        return [fn(by[n]) for n in ns]

    def ratio_cells(key: Callable[[dict[str, Any]], float]) -> list[str]:
        out, prev = [], None
        for n in ns:
            v = key(by[n])
            if prev is None:
                out.append(_fmt_s(v))
            else:
                pn, pv = prev
                out.append(f"{_fmt_s(v)} (×{v / pv:.1f} for ×{n / pn:.0f} docs)")
            prev = (n, v)
        return out

    def verdict(ok: bool | None) -> str:
        return "-" if ok is None else ("**pass**" if ok else "**FAIL**")

    rows: list[tuple[str, list[str], str, bool | None]] = []
    rows.append(("words", cells(lambda s: f"{s['words']:,}"), "-", None))
    rows.append(
        (
            "bare spaCy `nlp.pipe` (floor)",
            cells(lambda s: f"{s['ner_wps']:,.0f} w/s ({s['ner_docs']} docs)"),
            "-",
            None,
        )
    )
    rows.append(("build end to end", cells(lambda s: f"{s['build_wps']:,.0f} w/s"), "-", None))
    ratios = {n: by[n]["build_wps"] / by[n]["ner_wps"] for n in ns}
    rows.append(
        (
            "build ÷ bare NER",
            [f"{ratios[n]:.2f}×" for n in ns],
            "≥ 0.7× (≥ 1,000 docs)",
            all(ratios[n] >= 0.7 for n in ns if n >= 1000) if big >= 1000 else None,
        )
    )
    rows.append(
        (
            "build wall time",
            cells(
                lambda s: (
                    f"{_fmt_s(s['build_s'])}: "
                    + ", ".join(f"{k} {v:.1f}" for k, v in s["phases"].items())
                )
            ),
            "-",
            None,
        )
    )
    rows.append(
        (
            "add one document (cached rebuild)",
            cells(
                lambda s: (
                    f"{_fmt_s(s['add_one_s'])}: "
                    + ", ".join(f"{k} {v:.1f}" for k, v in s["add_one_phases"].items())
                    if "add_one_s" in s
                    else "not run (--add-one-sizes)"
                )
            ),
            "-",
            None,
        )
    )
    rows.append(
        (
            "resolution: locals_of + cluster",
            ratio_cells(lambda s: s["resolve"]["cluster_s"]),
            "near-linear",
            None,
        )
    )
    big_assemble = by[big]["resolve"]["assemble_s"]
    rows.append(
        (
            "resolution: whole assemble",
            ratio_cells(lambda s: s["resolve"]["assemble_s"]),
            "< 60 s at 10,000",
            big_assemble < 60 if big >= 10000 else None,
        )
    )
    rows.append(
        (
            "  of which",
            cells(
                lambda s: ", ".join(
                    f"{k} {v:.1f}" for k, v in s["resolve"]["steps"].items() if v >= 0.05
                )
            ),
            "-",
            None,
        )
    )
    rows.append(
        (
            "peak RSS of the build",
            cells(lambda s: f"{s['build_peak'] / GB:.2f} GB"),
            "< 4 GB at 10,000",
            by[big]["build_peak"] < 4 * GB if big >= 10000 else None,
        )
    )
    rows.append(("case file size", cells(lambda s: f"{s['case_bytes'] / 1e6:.1f} MB"), "-", None))
    rows.append(
        (
            "store.load (json.loads of it)",
            cells(lambda s: f"{s['load']['store_load_s']:.2f} s ({s['load']['json_s']:.2f} s)"),
            "-",
            None,
        )
    )
    rows.append(
        (
            "cold `casefile lookup NAME`",
            cells(lambda s: _fmt_s(s["lookup_s"])),
            "≤ 0.5 s at 10,000",
            by[big]["lookup_s"] <= 0.5 if big >= 10000 else None,
        )
    )
    rows.append(("`python -c pass`", cells(lambda s: _fmt_s(s["python_s"])), "-", None))
    rows.append(("`grep -ril NAME`", cells(lambda s: f"{s['grep_s'] * 1000:.0f} ms"), "-", None))
    rows.append(
        (
            "spellings grep misses (docs missed)",
            cells(
                lambda s: "{}/{} ({}/{} docs)".format(
                    *s["grep_spellings_missed"], *s["grep_docs_missed"]
                )
            ),
            "-",
            None,
        )
    )
    rows.append(
        (
            "spellings lookup's best match has (docs)",
            cells(
                lambda s: "{}/{} ({}/{} docs)".format(
                    *s["lookup_spellings_found"], *s["lookup_docs_found"]
                )
            ),
            "-",
            None,
        )
    )
    paint_ok = [
        by[n]["tui"]["first_paint_s"] <= (1.0 if n <= 1000 else 2.0) for n in ns if n >= 1000
    ]
    rows.append(
        (
            "TUI first paint",
            cells(lambda s: _fmt_s(s["tui"]["first_paint_s"])),
            "≤ 1 s at 1,000; ≤ 2 s at 10,000",
            all(paint_ok) if paint_ok else None,
        )
    )
    rows.append(
        (
            "  + new process importing tui.app",
            cells(lambda s: _fmt_s(s["tui_import_s"])),
            "-",
            None,
        )
    )
    rows.append(
        (
            "TUI search index ready",
            cells(lambda s: _fmt_s(s["tui"]["index_ready_s"])),
            "-",
            None,
        )
    )
    rows.append(
        (
            "search per keystroke p50 / p95",
            cells(
                lambda s: f"{s['tui']['search_p50_ms']:.1f} / {s['tui']['search_p95_ms']:.1f} ms"
            ),
            "p95 ≤ 50 ms at 10,000",
            by[big]["tui"]["search_p95_ms"] <= 50 if big >= 10000 else None,
        )
    )
    head = "| measure | " + " | ".join(f"{n:,} docs" for n in ns) + " | target | result |"
    lines = [head, "|" + "---|" * (len(ns) + 3)]
    for name, values, target, ok in rows:
        lines.append(f"| {name} | " + " | ".join(values) + f" | {target} | {verdict(ok)} |")
    lines += ["", f"Command: `{command}`"]
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] in WORKERS:
        WORKERS[sys.argv[1]](*sys.argv[2:])
        return
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", default="100,1000,10000", help="comma-separated corpus sizes")
    ap.add_argument("--out", type=Path, help="working folder (default: a temporary one)")
    ap.add_argument("--keep", action="store_true", help="keep corpora and case files")
    ap.add_argument("--ner-sample", type=int, default=1000, help="documents for the bare pass")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--repeat", type=int, default=5, help="runs per cold-start timing")
    ap.add_argument(
        "--add-one-sizes",
        help="sizes at which to time adding one document (default: all; the issue asks 1000)",
    )
    ap.add_argument(
        "--resume",
        action="store_true",
        help="with --out: keep the steps a previous run of the same sizes finished",
    )
    args = ap.parse_args()
    if args.add_one_sizes is not None:
        args.add_one_sizes = {int(x) for x in args.add_one_sizes.split(",")}
    sizes = [int(x) for x in args.sizes.split(",")]
    base = args.out or Path(tempfile.mkdtemp(prefix="casefile-bench-"))
    base.mkdir(parents=True, exist_ok=True)
    command = shlex.join([Path(sys.executable).name, *sys.argv])
    t0 = time.perf_counter()
    results = []
    try:
        for n in sizes:
            results.append(bench_size(n, base, args))
            if not args.keep:
                shutil.rmtree(base / f"n{n}", ignore_errors=True)
    finally:
        if not args.keep and not args.out:
            shutil.rmtree(base, ignore_errors=True)
    table = report(results, command)
    table += f"\n\nTotal run: {(time.perf_counter() - t0) / 60:.1f} min on {os.cpu_count()} cores."
    print(table)
    if args.out:
        (args.out / "results.md").write_text(table + "\n", encoding="utf-8")
        (args.out / "results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

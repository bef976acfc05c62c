"""The `casefile` command. Errors are one line and a non-zero exit, never a traceback.

Commands that only read a case (lookup, show, timeline, sources, export) import neither
spaCy nor Textual: over SSH an answer has to come at once.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shlex
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from casefile import store

LOCAL_CASE = "case.db"  # the case in the current folder, when there is one
COMPLETE_VAR = "_CASEFILE_COMPLETE"


class Failure(click.ClickException):
    """A one-line error; exit status 1."""

    def show(self, file: Any = None) -> None:
        click.echo(f"casefile: {self.format_message()}", err=True)


class NoMatch(Failure):
    exit_code = 1


def _app_options(f):
    f = click.option("--summary", is_flag=True, help="Print a summary instead of opening the app.")(
        f
    )
    f = click.option("--no-mouse", is_flag=True, help="Do not capture the mouse (the app).")(f)
    return click.option("--no-animations", is_flag=True, help="Turn the app's animations off.")(f)


def case_option(f):
    return click.option(
        "--case",
        "case_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help=f"Case file to read (default: ./{LOCAL_CASE} if present, else the sample case).",
    )(f)


# ---------------------------------------------------------------- output


@dataclass(frozen=True)
class Output:
    """How a reading command prints: JSON, or text with color marks only on a terminal."""

    json: bool = False
    color: bool = False

    def lines(self, lines: Iterable[str]) -> None:
        """Text, one line at a time as it is made (a pipe sees the first lines at once)."""
        for line in lines:
            click.echo(line, color=self.color)

    def data(self, obj: Any) -> None:
        # ASCII escapes keep C1 and bidi characters of document text away from the terminal
        click.echo(json.dumps(obj, ensure_ascii=True, indent=1))


def wants_color() -> bool:
    """Color only on a terminal that has it, and never when NO_COLOR is set."""
    return (
        sys.stdout.isatty()
        and "NO_COLOR" not in os.environ
        and os.environ.get("TERM", "") != "dumb"
    )


def output_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """`--json` for a reading command, which then gets an `out: Output` argument."""

    @functools.wraps(f)
    def wrapper(*args: Any, as_json: bool, **kwargs: Any) -> Any:
        return f(*args, out=Output(json=as_json, color=not as_json and wants_color()), **kwargs)

    return click.option(
        "--json",
        "as_json",
        is_flag=True,
        help="Print JSON (ASCII only, for scripts) instead of text. Text is plain when piped; "
        "matches are marked [[like this]], or in reverse video on a terminal unless NO_COLOR "
        "is set.",
    )(wrapper)


# ---------------------------------------------------------------- completion


def _completion_case(ctx: click.Context) -> dict[str, Any] | None:
    """The case a command line names, loaded for completion; never built (that is slow)."""
    given = ctx.params.get("case_path") or ctx.find_root().params.get("case_path")
    path = Path(given) if given else Path(LOCAL_CASE)
    if not path.exists():
        path = _cache_dir() / "default.case.db"
    try:
        return store.load(path)
    except (store.CaseError, OSError):
        return None


def _complete_name(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    from casefile.shell import name_candidates

    case = _completion_case(ctx)
    if case is None:
        return []
    if param.nargs == -1:  # NAME...: the words already typed narrow the names
        typed = [str(w) for w in ctx.params.get(param.name or "") or ()]
        return name_candidates(case, incomplete, typed)
    names = name_candidates(case, incomplete)
    # bash inserts a candidate as typed: a name for an option's one value needs quotes
    if os.environ.get(COMPLETE_VAR, "").startswith("bash"):
        names = [shlex.quote(n) for n in names]
    return names


def _complete_doc(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    from casefile.shell import document_candidates

    case = _completion_case(ctx)
    return document_candidates(case, incomplete) if case else []


def name_argument(name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """NAME...: the words are joined, so a name needs no quotes; Tab completes names."""
    return click.argument(name, nargs=-1, required=True, shell_complete=_complete_name)


@click.group(invoke_without_command=True)
@click.version_option(package_name="casefile")
@case_option
@_app_options
@click.pass_context
def cli(ctx: click.Context, case_path: Path | None, **app: bool) -> None:
    """Build a case file from a folder of documents, look things up in it, export it.

    With no command, opens the default case: ./case.db if present, else the bundled sample.
    """
    if ctx.invoked_subcommand is None:
        _open(resolve_case(case_path), **app)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path(LOCAL_CASE),
    show_default=True,
    help="Case file to write.",
)
@click.option(
    "--model",
    default=None,
    help="spaCy pipeline to use (default: $CASEFILE_MODEL or en_core_web_sm).",
)
@click.option(
    "--skip-bad", is_flag=True, help="Build from the readable documents even if some are not."
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary.")
@click.option(
    "--wait",
    type=float,
    default=0,
    show_default=True,
    help="Seconds to wait while another build writes the same case (-1: as long as it takes).",
)
@click.option(
    "--replace", is_flag=True, help="Drop documents the case holds that are not in PATHS."
)
def build(
    paths: tuple[Path, ...],
    out: Path,
    model: str | None,
    skip_bad: bool,
    quiet: bool,
    wait: float,
    replace: bool,
) -> None:
    """Build or update a case file from documents and folders of documents.

    Only new or changed documents are parsed again. Nothing is written unless the build
    succeeds; then the case file is replaced in one atomic step.
    """
    from casefile import ingest
    from casefile.build import BadInput, WouldDrop
    from casefile.build import build as run_build

    bar = _Bar() if not quiet and sys.stderr.isatty() else None
    try:
        report = run_build(
            list(paths),
            out,
            model=model,
            progress=bar,
            skip_bad=skip_bad,
            wait=wait,
            replace=replace,
        )
    except WouldDrop as err:
        raise Failure(str(err)) from None
    except BadInput as err:
        for line in err.errors[1:]:
            click.echo(f"casefile: {line}", err=True)
        raise Failure(str(err)) from None
    except (ingest.IngestError, store.CaseError) as err:
        raise Failure(str(err)) from None
    except _model_errors() as err:
        raise Failure(str(err)) from None
    finally:
        if bar:
            bar.close()
    for line in report.errors:
        click.echo(f"casefile: skipped {line}", err=True)
    case = report.case or {}
    if not quiet:
        click.echo(
            f"{out}: {report.documents} documents "
            f"({report.extracted} parsed, {report.reused} unchanged), "
            f"{len(case.get('entities', []))} entities, {len(case.get('events', []))} events, "
            f"{len(case.get('claims', []))} claims",
            err=True,
        )
    if case.get("judgements") and not quiet:
        cli_judge.tell(case)  # a person's work: say what was re-applied and what was not
    elif case.get("judgements"):
        cli_judge.tell(case, only_problems=True)


LOOKUP_KINDS = ("person", "organization", "place", "entity", "event", "claim", "sentence")


@cli.command()
@name_argument("query")
@case_option
@click.option(
    "--kind",
    "kinds",
    type=click.Choice(LOOKUP_KINDS),
    multiple=True,
    help="Only this kind of match; repeat for several (entity = the three name kinds).",
)
@click.option(
    "--doc",
    metavar="DOC",
    default=None,
    shell_complete=_complete_doc,
    help="Only facts found in this document (its file name, a unique part of it, or its id).",
)
@click.option(
    "--limit",
    type=click.IntRange(1, 1000),
    default=10,
    show_default=True,
    help="How many matches to consider.",
)
@output_options
def lookup(
    query: tuple[str, ...],
    case_path: Path | None,
    kinds: tuple[str, ...],
    doc: str | None,
    limit: int,
    out: Output,
) -> None:
    """Fuzzy lookup over names, aliases, spellings, events, claims and sentences.

    Prints the best match with its aliases and, for each fact, the document and the sentence
    it comes from, then the other matches. The documents' text is searched only when no
    name, event or claim matches well (or with --kind sentence). Exit status 1 when nothing
    matches.
    """
    from casefile import render
    from casefile.lookup_index import LookupIndex

    text = " ".join(query)
    path = _case_path(case_path)
    wanted = set(kinds) or None
    # the lookup index answers from the rows it shows; the whole case only for --doc, a file
    # without an index, or a query only the documents' text may answer
    quick = None if doc else LookupIndex.open(path)
    try:
        answered = _quick_answer(quick, text, wanted, limit) if quick else None
        if answered is not None:
            case, hits = answered
        else:
            case, hits = _whole_answer(path, text, wanted, limit, doc)
        if not hits:
            raise NoMatch(f"nothing matches {_quoted(text)}")
        if out.json:
            out.data(render.lookup_json(case, hits, query=text))
        else:
            out.lines(render.lookup_text(case, hits, color=out.color).splitlines())
    finally:
        if quick is not None:
            quick.close()


def _whole_answer(
    path: Path, text: str, wanted: set[str] | None, limit: int, doc: str | None
) -> tuple[dict[str, Any], list[Any]]:
    """A lookup over the light part of the case, and the documents' text when no name,
    event or claim matches well; texts are fetched for what is shown."""
    from casefile.search import SearchIndex

    case, texts = _load_light(path)
    try:
        doc_id = _document(case, doc)["id"] if doc else None
        hits = SearchIndex(case, sentences=False).search(
            text, limit=limit, kinds=wanted, doc=doc_id
        )
        if (wanted is None or "sentence" in wanted) and not _strong(hits):
            texts.fill(case)
            hits = SearchIndex(case).search(text, limit=limit, kinds=wanted, doc=doc_id)
        texts.fill(case, _docs_shown(case, hits))
    finally:
        texts.close()
    return case, hits


@cli.command()
@name_argument("name")
@case_option
@output_options
def show(name: tuple[str, ...], case_path: Path | None, out: Output) -> None:
    """The whole dossier of the entity NAME matches best (fuzzy, any spelling or alias).

    Its canonical name and kind; aliases and spellings with their type and documents;
    attributes (role, age, nationality…, and where sources disagree); every mention's
    sentence under its document, the mention marked; the events that list it, dated as
    precisely as the sources allow; relations with their evidence; names that may be the
    same but were not merged; and why its names were merged, with scores and reasons.
    An entity id (e-…) names that entity. Exit status 1 when nothing matches.
    """
    from casefile import render

    case = _load(_case_path(case_path))
    hit = _entity_hit(case, " ".join(name))
    if out.json:
        out.data(render.dossier_json(case, hit.id, hit=hit, query=" ".join(name)))
    else:
        out.lines(render.dossier_text(case, hit.id, hit=hit, color=out.color))


class PeriodParam(click.ParamType):
    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from casefile.shell import BadDate, period

        try:
            return period(str(value))
        except BadDate as err:
            self.fail(str(err), param, ctx)


@cli.command()
@case_option
@click.option(
    "--from",
    "start",
    type=PeriodParam(),
    default=None,
    help="Events from this date on (YYYY, YYYY-MM or YYYY-MM-DD).",
)
@click.option(
    "--to", "end", type=PeriodParam(), default=None, help="Events up to this date, inclusive."
)
@click.option(
    "--entity",
    metavar="NAME",
    default=None,
    shell_complete=_complete_name,
    help="Only the events that involve the person, organization or place this names (fuzzy).",
)
@output_options
def timeline(
    case_path: Path | None,
    start: tuple[Any, Any] | None,
    end: tuple[Any, Any] | None,
    entity: str | None,
    out: Output,
) -> None:
    """The events in date order: date, summary, who is involved, sources, conflicts.

    A date is printed exactly as precisely as the sources give it: 2020, 2020-11 or
    2024-01-03. Conflicting claims about an event are shown as, e.g., "killed: more than 90
    vs at least 91".

    --from and --to take YYYY, YYYY-MM or YYYY-MM-DD and compare by period overlap: each
    date stands for the whole year, month or day it names, and an event is kept when its
    period overlaps the range from the first day of --from to the last day of --to. So an
    event dated 2020 is kept by --from 2020-06 --to 2021, and by --to 2020-03; --to 2021
    keeps all of 2021. Undated events are left out when a range is given.
    """
    from casefile import render
    from casefile.shell import events_between

    case = _load(_case_path(case_path))
    if start and end and start[0] > end[1]:
        raise click.UsageError("--from is after --to")
    hit = _entity_hit(case, entity) if entity else None
    events = events_between(
        render.sorted_events(case),
        start[0] if start else None,
        end[1] if end else None,
        hit.id if hit else None,
    )
    if out.json:
        out.data(
            {
                "from": start[0].isoformat() if start else None,
                "to": end[1].isoformat() if end else None,
                "entity": _entity_ref(case, hit.id) if hit else None,
                "events": render.timeline_json(case, events),
            }
        )
        return
    if hit is not None:
        out.lines([f"Events involving {_entity_label(case, hit.id)}: {len(events)}"])
    elif not events:
        out.lines(["No events in that range."])
    out.lines(render.timeline_text(case, events, color=out.color))


@cli.command()
@name_argument("query")
@case_option
@click.option(
    "--limit",
    type=click.IntRange(1, 10000),
    default=None,
    help="At most this many sentences (default: all of a name's; 20 for a text search).",
)
@output_options
def sources(query: tuple[str, ...], case_path: Path | None, limit: int | None, out: Output) -> None:
    """The sentences behind a name, or the sentences that match some text.

    When QUERY names a person, organization or place (fuzzy, any spelling or alias), prints
    every sentence that mentions it, under its document, the mentions marked. Otherwise
    prints the document sentences that match QUERY, the matched words marked. Exit status
    1 when nothing matches.
    """
    from casefile import render
    from casefile.search import SearchIndex
    from casefile.shell import best_entity

    text = " ".join(query)
    case = _load(_case_path(case_path))
    hit = best_entity(case, text)
    if hit is not None:
        if out.json:
            out.data(render.mentions_json(case, hit.id, query=text, limit=limit))
        else:
            out.lines(render.mentions_text(case, hit.id, hit=hit, limit=limit, color=out.color))
        return
    hits = SearchIndex(case).search(text, limit=limit or 20, kinds={"sentence"})
    if not hits:
        raise NoMatch(f"no name or sentence matches {_quoted(text)}")
    if out.json:
        out.data(render.sentences_json(case, text, hits))
    else:
        out.lines(render.sentences_text(case, text, hits, color=out.color))


# casefile.exports.FORMATS, spelled out so that every command need not import the exports
# (tests/unit/test_cli.py keeps the two equal)
EXPORT_FORMATS = (
    "json",
    "markdown",
    "html",
    "csv",
    "ftm",
    "timelinejs",
    "gexf",
    "graphml",
    "annotations",
)


@cli.command()
@case_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    default=None,
    help="Output format (default: guessed from -o's extension, else json).",
)
@click.option(
    "-o",
    "--output",
    "out",
    default="-",
    show_default=True,
    help="File to write (csv: a folder, or a .zip), or - for standard output.",
)
def export(case_path: Path | None, fmt: str | None, out: str) -> None:
    """Export the case file where other tools read it.

    json is the documented casefile/1 form; markdown and html are readable reports with every
    fact footnoted to its source; csv has entities, names, mentions, events and claims; ftm is
    FollowTheMoney entities for Aleph; timelinejs, gexf and graphml (Gephi), and annotations
    (W3C Web Annotation JSON-LD, one per mention).
    """
    from casefile import exports

    if fmt is None:
        fmt = (exports.guess(out) if out != "-" else None) or "json"
    case = _load(_case_path(case_path))
    if out == "-":
        data = exports.render(case, fmt)
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            click.echo(data, nl=False)
        return
    target = Path(out)
    try:
        if fmt in exports.WRITERS and target.suffix.lower() != ".zip":
            exports.write(case, fmt, target)  # a folder of files
            return
        tmp = target.with_name(f".{target.stem}.tmp{target.suffix}")  # keeps .zip a zip
        exports.write(case, fmt, tmp)
        os.replace(tmp, target)  # never a half-written export under the real name
    except OSError as err:
        raise Failure(f"{out}: cannot write: {err.strerror or err}") from None


@cli.command(name="open")
@click.argument("case", type=click.Path(dir_okay=False, path_type=Path))
@_app_options
def open_case(case: Path, **app: bool) -> None:
    """Open a case file in the terminal app (a summary when not on a terminal)."""
    _open(case, **app)


@cli.command()
@case_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Anything but loopback lets others on the network in.",
)
@click.option(
    "--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port."
)
@click.option(
    "--public-url",
    default=None,
    help="The address browsers use, if not http://HOST:PORT (a proxy, another tunnel port).",
)
def serve(case_path: Path | None, host: str, port: int, public_url: str | None) -> None:
    """The app in a web browser (needs textual-serve).

    Each browser tab runs `casefile open CASE` of its own. The server listens on 127.0.0.1
    only, unless --host says otherwise; from your own machine, reach it through SSH:

    \b
        ssh -L 8000:127.0.0.1:8000 user@host
        then open http://127.0.0.1:8000
    """
    from casefile import serve as web

    path = _case_path(case_path).resolve()
    _load(path)  # a bad case file is one line now, not in every browser tab
    if not web.available():
        raise Failure(f"serving needs textual-serve, which is not installed: {web.PIP_LINE}")
    url = public_url or web.public_url(host, port)
    try:
        web.check_port(host, port)
        for line in web.reach_lines(host, port, url):
            click.echo(line, err=True)
        web.serve(path, host, port, url, title=f"casefile: {path.name}")
    except web.ServeError as err:
        raise Failure(str(err)) from None


SHELLS = ("bash", "zsh", "fish")


@cli.command()
@click.argument("shell", type=click.Choice(SHELLS), required=False)
def completion(shell: str | None) -> None:
    """Print the shell script that completes casefile's commands, options and names.

    SHELL defaults to the one in $SHELL. Tab then completes commands and options, and
    offers the case's names (names, aliases, spellings) for show, sources, lookup and
    --entity. To turn it on, add one line to your shell's startup file:

    \b
        bash (~/.bashrc):   eval "$(_CASEFILE_COMPLETE=bash_source casefile)"
        zsh (~/.zshrc):     eval "$(_CASEFILE_COMPLETE=zsh_source casefile)"
        fish (~/.config/fish/completions/casefile.fish):
                            _CASEFILE_COMPLETE=fish_source casefile | source

    or save this command's output to a file and source that (faster to start a shell).
    """
    from click.shell_completion import get_completion_class

    if shell is None:
        found = Path(os.environ.get("SHELL", "bash")).name
        shell = found if found in SHELLS else "bash"
    cls = get_completion_class(shell)
    assert cls is not None  # every name in SHELLS is one click knows
    click.echo(cls(cli, {}, "casefile", COMPLETE_VAR).source())


# ---------------------------------------------------------------- helpers


def _open(path: Path, summary: bool, no_mouse: bool, no_animations: bool) -> None:
    case = _load(path)  # a bad case file is one line here, before the screen is taken
    # textual-serve runs the app on pipes, with its web driver named in the environment
    served = "web_driver" in os.environ.get("TEXTUAL_DRIVER", "")
    if summary or not (served or (sys.stdin.isatty() and sys.stdout.isatty())):
        click.echo(summarise(case, path))
        return
    del case
    from tui.app import run

    run(path, mouse=not no_mouse, animations=not no_animations)


def summarise(case: dict[str, Any], path: Path) -> str:
    from casefile.sanitize import one_line

    docs = case.get("documents", [])
    lines = [f"Case {path}: {len(docs)} documents"]
    for d in docs:
        ref = d.get("reference_date") or "undated"
        lines.append(
            f"  {one_line(d['name'])}  ({ref}: {one_line(d.get('reference_basis') or '')})"
        )
    for kind, title in (
        ("person", "People"),
        ("organization", "Organizations"),
        ("place", "Places"),
    ):
        ents = [e for e in case.get("entities", []) if e["kind"] == kind]
        lines.append(f"{title} ({len(ents)}):")
        for e in ents[:15]:
            names = ", ".join(one_line(a["name"]) for a in e.get("aliases", [])[:4])
            lines.append(f"  {one_line(e['name'])}" + (f"  — also {names}" if names else ""))
    lines.append(f"Timeline ({len(case.get('events', []))} events):")
    for ev in case.get("events", [])[:20]:
        lines.append(f"  {ev['date']:<10}  {one_line(ev['summary'])[:100]}")
    lines.append("Look things up with: casefile lookup NAME" + (f" --case {path}" if path else ""))
    return "\n".join(lines)


def resolve_case(given: Path | None) -> Path:
    """--case, else ./case.db, else the bundled sample case (built once, then cached)."""
    if given is not None:
        return given
    local = Path(LOCAL_CASE)
    if local.exists():
        return local
    return default_case()


def bundled_data() -> Path:
    """The sample documents: casefile/data in an installed wheel, or data/ in a checkout."""
    here = Path(__file__).resolve().parent
    installed = here / "data"
    return installed if any(installed.glob("*.txt")) else here.parent / "data"


def _case_path(given: Path | None) -> Path:
    """--case given to the command, else to `casefile` itself, else the default case."""
    ctx = click.get_current_context(silent=True)
    root = ctx.find_root().params.get("case_path") if ctx else None
    return resolve_case(given or root)


def _cache_dir() -> Path:
    return Path(os.environ.get("CASEFILE_CACHE") or _user_cache())


def default_case() -> Path:
    path = _cache_dir() / "default.case.db"
    data = bundled_data()
    want = sorted(hashlib.sha256(p.read_bytes()).hexdigest() for p in data.glob("*.txt"))
    if path.exists():
        try:
            have = sorted(d["sha256"] for d in store.load(path)["documents"])
            if have == want:
                return path
        except store.CaseError:
            pass
    click.echo(f"Building the sample case from {data} (once) …", err=True)
    from casefile.build import BadInput
    from casefile.build import build as run_build
    from casefile.ingest import IngestError

    try:
        run_build([data], path, wait=60, replace=True)  # another terminal may be building too
    except (*_model_errors(), BadInput, IngestError, store.CaseError) as err:
        raise Failure(f"cannot build the sample case: {err}") from None
    return path


def _user_cache() -> str:
    from platformdirs import user_cache_dir

    return user_cache_dir("casefile")


def _quoted(text: str) -> str:
    from casefile.sanitize import one_line

    return repr(one_line(text))


def _entity_hit(case: dict[str, Any], query: str) -> Any:
    """The best entity match for `query` (a `search.Hit`), or a one-line NoMatch."""
    from casefile.shell import best_entity

    hit = best_entity(case, query)
    if hit is None:
        raise NoMatch(f"no person, organization or place matches {_quoted(query)}")
    return hit


def _entity_ref(case: dict[str, Any], eid: str) -> dict[str, Any]:
    ent = next(e for e in case.get("entities", []) if e["id"] == eid)
    return {k: ent.get(k) for k in ("id", "name", "kind")}


def _entity_label(case: dict[str, Any], eid: str) -> str:
    from casefile.sanitize import one_line

    ref = _entity_ref(case, eid)
    return f"{one_line(str(ref['name']))} ({ref['kind']}, {eid})"


def _document(case: dict[str, Any], name: str) -> dict[str, Any]:
    from casefile.sanitize import one_line
    from casefile.shell import find_document

    doc = find_document(case, name)
    if doc is None:
        docs = case.get("documents", [])
        names = ", ".join(one_line(str(d.get("name"))) for d in docs[:5])
        more = ", …" if len(docs) > 5 else ""
        raise Failure(f"no single document matches {_quoted(name)} (documents: {names}{more})")
    return doc


def _load(path: Path) -> dict[str, Any]:
    try:
        return store.load(path)
    except store.CaseError as err:
        raise Failure(str(err)) from None


def _load_light(path: Path) -> tuple[dict[str, Any], store.Texts]:
    try:
        return store.load_light(path)
    except store.CaseError as err:
        raise Failure(str(err)) from None


def _quick_answer(
    index: Any, text: str, wanted: set[str] | None, limit: int
) -> tuple[dict[str, Any], list[Any]] | None:
    """The answer from the case file's lookup index (a `LookupIndex`), or None when the
    documents' text must be searched too. A document is read when the answer names it."""
    case, hits = index.search(text, limit, wanted)
    if (wanted is None or "sentence" in wanted) and not _strong(hits):
        return None
    return case, hits


# A fact scoring this well outranks any sentence (their weight caps them at 80).
_STRONG = 80.0


def _strong(hits: list[Any]) -> bool:
    return bool(hits) and hits[0].score >= _STRONG


def _docs_shown(case: dict[str, Any], hits: list[Any]) -> set[str]:
    """The documents whose text an answer quotes: every span of the hits, and all the
    sources of the best hit's entity, event or claim."""
    docs = {s["doc"] for h in hits for s in h.spans}
    if hits:
        best = hits[0]
        for table in ("entities", "events", "claims"):
            for rec in case.get(table, []):
                if rec["id"] in (best.id, best.entity):
                    spans = [*rec.get("mentions", []), *rec.get("sources", [])]
                    spans += [s for a in rec.get("aliases", []) for s in a.get("sources", [])]
                    docs |= {s["doc"] for s in spans}
    return docs


def _model_errors() -> tuple[type[BaseException], ...]:
    from casefile.nlp import ModelError

    return (ModelError,)


class _Bar:
    """A progress bar on stderr, only on a terminal."""

    def __init__(self) -> None:
        self._bar: Any = None

    def __call__(self, done: int, total: int, name: str) -> None:
        if self._bar is None:
            self._bar = click.progressbar(length=total, label="Reading documents", file=sys.stderr)
            self._bar.__enter__()
        self._bar.update(1)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)


def main() -> None:
    """Run the command; every error is one `casefile: …` line on stderr."""
    try:
        rv = cli.main(prog_name="casefile", complete_var=COMPLETE_VAR, standalone_mode=False)
    except click.UsageError as err:  # one line, not click's usage block
        where = f" (see: {err.ctx.command_path} --help)" if err.ctx else ""
        click.echo(f"casefile: {err.format_message()}{where}", err=True)
        sys.exit(err.exit_code)
    except click.ClickException as err:
        click.echo(f"casefile: {err.format_message()}", err=True)
        sys.exit(err.exit_code)
    except (click.Abort, KeyboardInterrupt):
        click.echo("casefile: interrupted; nothing written", err=True)
        sys.exit(130)
    except BrokenPipeError:  # `casefile timeline | head`: the reader has all it wants
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except Exception as err:  # a bug: still one line, the traceback on request
        if os.environ.get("CASEFILE_DEBUG"):
            raise
        click.echo(
            f"casefile: internal error: {err.__class__.__name__}: {err} "
            "(set CASEFILE_DEBUG=1 to see where)",
            err=True,
        )
        sys.exit(2)
    sys.exit(rv if isinstance(rv, int) else 0)


from casefile import cli_judge  # noqa: E402  (registers merge, split, … judgements)

if __name__ == "__main__":
    # `python -m casefile.cli`: run the module the judgement commands registered with
    from casefile.cli import main as registered

    registered()

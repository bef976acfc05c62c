"""The `casefile` command. Errors are one line and a non-zero exit, never a traceback.

Commands that only read a case (lookup, export) import neither spaCy nor Textual.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from casefile import store

LOCAL_CASE = "case.db"  # the case in the current folder, when there is one


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
def build(
    paths: tuple[Path, ...], out: Path, model: str | None, skip_bad: bool, quiet: bool
) -> None:
    """Build or update a case file from documents and folders of documents.

    Only new or changed documents are parsed again. Nothing is written unless the build
    succeeds; then the case file is replaced in one atomic step.
    """
    from casefile import ingest
    from casefile.build import BadInput
    from casefile.build import build as run_build

    bar = _Bar() if not quiet and sys.stderr.isatty() else None
    try:
        report = run_build(list(paths), out, model=model, progress=bar, skip_bad=skip_bad)
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
    if not quiet:
        case = report.case or {}
        click.echo(
            f"{out}: {report.documents} documents "
            f"({report.extracted} parsed, {report.reused} unchanged), "
            f"{len(case.get('entities', []))} entities, {len(case.get('events', []))} events, "
            f"{len(case.get('claims', []))} claims",
            err=True,
        )


@cli.command()
@click.argument("query")
@case_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.option(
    "--limit",
    type=click.IntRange(1, 1000),
    default=10,
    show_default=True,
    help="How many matches to consider.",
)
def lookup(query: str, case_path: Path | None, as_json: bool, limit: int) -> None:
    """Fuzzy lookup over names, aliases, spellings, events and claims.

    Prints the best match with its aliases and, for each fact, the document and the sentence
    it comes from. Exit status 1 when nothing matches.
    """
    from casefile import render
    from casefile.search import SearchIndex

    case = _load(resolve_case(case_path))
    hits = SearchIndex(case).search(query, limit=limit)
    if not hits:
        raise NoMatch(f"nothing matches {query!r}")
    if as_json:
        # ASCII escapes keep C1 and bidi characters of document text away from the terminal
        click.echo(
            json.dumps(render.lookup_json(case, hits, query=query), ensure_ascii=True, indent=1)
        )
    else:
        color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
        click.echo(render.lookup_text(case, hits, color=color), color=color)


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
    case = _load(resolve_case(case_path))
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


# ---------------------------------------------------------------- helpers


def _open(path: Path, summary: bool, no_mouse: bool, no_animations: bool) -> None:
    case = _load(path)  # a bad case file is one line here, before the screen is taken
    if summary or not (sys.stdin.isatty() and sys.stdout.isatty()):
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


def default_case() -> Path:
    cache = Path(os.environ.get("CASEFILE_CACHE") or _user_cache())
    path = cache / "default.case.db"
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
        run_build([data], path)
    except (*_model_errors(), BadInput, IngestError, store.CaseError) as err:
        raise Failure(f"cannot build the sample case: {err}") from None
    return path


def _user_cache() -> str:
    from platformdirs import user_cache_dir

    return user_cache_dir("casefile")


def _load(path: Path) -> dict[str, Any]:
    try:
        return store.load(path)
    except store.CaseError as err:
        raise Failure(str(err)) from None


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
    try:
        cli(prog_name="casefile")
    except KeyboardInterrupt:
        click.echo("casefile: interrupted; nothing written", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()

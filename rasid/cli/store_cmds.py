"""Store commands: ingest, search, events, actors, quotes, export, serve.

Each is a thin shell over rasid.store (writing) and rasid.query (reading).
Output is a readable table by default and JSON with ``--json``.

This module is imported by every ``rasid`` command: each command imports the
library it runs (the store, the query API, the pipeline, the web app) when it
runs, so the others start without it.
"""
from __future__ import annotations

import json
import os
import sys

import click

from rasid.cli.main import cli, settings_from
from rasid.errors import InputError, PipelineError

DB_OPTION = click.option("--db", "db", default=None, metavar="FILE",
                         help="The SQLite store (default: the `db` setting, rasid.db).")
JSON_OPTION = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
PAGE_OPTIONS = [click.option("--limit", type=click.IntRange(1, 500), default=50, show_default=True,
                             help="Rows per page (at most 500)."),
                click.option("--offset", type=click.IntRange(0), default=0, show_default=True,
                             help="Rows to skip.")]


def paged(f):
    for opt in reversed(PAGE_OPTIONS):
        f = opt(f)
    return f


def _db_path(ctx, db):
    return db or settings_from(ctx).db


def _open_read(path):
    from rasid.store import connect

    if not os.path.exists(path):
        raise click.UsageError(f"no store at {path}: run `rasid ingest PATH --db {path}` first")
    return connect(path, readonly=True)


def _emit(page, as_json, columns, title):
    from rich.console import Console     # not imported by commands that print no table
    from rich.table import Table

    if as_json:
        click.echo(json.dumps(page.to_dict() if hasattr(page, "to_dict") else page, ensure_ascii=False, indent=1))
        return
    table = Table(title=f"{title} ({page.offset + 1}-{page.offset + len(page.items)} of {page.total})"
                  if page.items else f"{title}: none")
    for name, _ in columns:
        table.add_column(name, overflow="fold")
    for item in page.items:
        table.add_row(*[str(get(item) if get(item) is not None else "") for _, get in columns])
    Console().print(table)


def _names(actors):
    return "، ".join(f"{a.get('name_ar') or ''}" + (f" ({a['name_en']})" if a.get("name_en") else "")
                     for a in actors or [])


def _parties(event, role):
    """The event's parties of ``role``: named actors by name, descriptive ones as written with their codes."""
    out = []
    for p in event.get("participants") or []:
        if p["role"] != role:
            continue
        if p["kind"] == "named":
            out.append(_names([p]) if p.get("name_ar") else p["text"])
        else:
            codes = " ".join(c for c in (p.get("sector"), p.get("country")) if c)
            out.append(p["text"] + (f" [{codes}]" if codes else ""))
    return "، ".join(out) if out else _names(event.get(role))


def _what(event):
    """Type, mode, realis (when not actual) and casualties, on one cell."""
    bits = [event["type"] + (f" ({event['mode']})" if event.get("mode") else "")]
    if event.get("realis") not in (None, "actual"):
        bits.append(event["realis"].upper())
    toll = ", ".join(f"{n} {w}" for n, w in ((event.get("killed"), "killed"), (event.get("injured"), "injured"))
                     if n is not None)
    if toll:
        bits.append(toll)
    return " · ".join(bits)


REALIS_OPTION = click.option(
    "--realis", default="actual", show_default=True, metavar="VALUE[,VALUE]",
    help="Which events: actual (reported as having happened), or all, or comma-separated values of "
         "actual, negated, future, hypothetical, background, generic.")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@click.option("--published", metavar="YYYY-MM-DD", default=None,
              help="Publication date for articles that carry none.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar; only the summary and errors.")
@click.option("--workers", "-j", type=click.IntRange(1, 64), default=None,
              help="Processes running the pipeline in parallel (default: the `workers` setting, 1).")
@click.pass_context
def ingest(ctx, paths, db, published, quiet, workers):
    """Extract articles and store them (idempotent: stored articles are skipped)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from rasid.errors import StoreBusy
    from rasid.extract import Skipped, check_date, extract_paths
    from rasid.store import Store, prepare

    try:
        check_date(published)
    except Exception as exc:  # noqa: BLE001 - a usage error, reported as such
        raise click.BadParameter(str(exc), param_hint="--published") from None
    settings = settings_from(ctx, workers=workers)
    path = db or settings.db
    counts = {"stored": 0, "updated": 0, "skipped": 0, "duplicates": 0, "events_new": 0, "events_merged": 0, "failed": 0}
    progress = Progress(SpinnerColumn(), TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=Console(stderr=True), transient=True,
                        disable=quiet or not sys.stderr.isatty())

    def fail(line: str) -> None:
        """Report a failure as it happens (above the progress bar), not at the end."""
        counts["failed"] += 1
        if progress.disable:
            click.echo(f"rasid: error: {line}", err=True)
        else:
            progress.console.print(f"rasid: error: {line}", markup=False, highlight=False, soft_wrap=True)

    def store_batch(store, batch) -> None:
        for p, result in zip(batch, store.add_batch(batch)):   # one transaction per batch
            if isinstance(result, BaseException):
                fail(f"{p.article.source or p.id}: [store] {type(result).__name__}: {result}")
            elif not result.inserted:
                counts["skipped"] += 1
            else:
                counts["updated" if result.replaced else "stored"] += 1
                counts["duplicates"] += bool(result.duplicate_of)
                counts["events_new"] += result.events_new
                counts["events_merged"] += result.events_merged
        batch.clear()

    busy = None
    try:
        with Store(path, window_days=settings.window_days, busy_timeout=settings.busy_timeout) as store, progress:
            task = progress.add_task("", total=None)
            batch: list = []
            try:
                # the workers also make what the store needs without a lock (rasid.store.prepare)
                for item in extract_paths(list(paths), settings=settings, published=published, skip=store.known,
                                          then=prepare):
                    progress.advance(task)
                    if isinstance(item, Skipped):
                        counts["skipped"] += 1
                    elif isinstance(item, InputError):
                        fail(f"{item.source}: [{item.code}] {item.message}")
                    elif item.article.errors:
                        art = item.article
                        for e in art.errors:
                            fail(f"{art.source or art.id}: stage {e.stage} [{e.code}] {e.message}")
                        counts["failed"] -= len(art.errors) - 1          # one article, however many stages
                    else:
                        batch.append(item)
                        if len(batch) >= settings.batch_size:
                            store_batch(store, batch)
                store_batch(store, batch)
            except StoreBusy as exc:
                busy = exc
    except PipelineError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"{path}: {counts['stored']} stored ({counts['duplicates']} near-duplicates linked), "
               f"{counts['updated']} updated (edited versions replaced), "
               f"{counts['skipped']} already stored, {counts['failed']} failed; events: "
               f"{counts['events_new']} new, {counts['events_merged']} merged into earlier reports", err=True)
    if busy is not None:
        click.echo(f"rasid: error: {busy}", err=True)
        ctx.exit(2)
    ctx.exit(1 if counts["failed"] else 0)


@cli.command()
@click.argument("text")
@DB_OPTION
@JSON_OPTION
@paged
@click.pass_context
def search(ctx, text, db, as_json, limit, offset):
    """Full-text search over articles (normalised Arabic) and actor names (both scripts)."""
    from rasid import query

    conn = _open_read(_db_path(ctx, db))
    page = query.search(conn, text, limit=limit, offset=offset)
    _emit(page, as_json, [("id", lambda r: r["id"]), ("published", lambda r: r.get("published")),
                          ("publisher", lambda r: r.get("publisher")), ("title", lambda r: r.get("title"))],
          f"search «{text}»")


@cli.command()
@DB_OPTION
@JSON_OPTION
@click.option("--actor", default=None, help="Actor id or any of its names (Arabic or Latin).")
@click.option("--country", default=None, metavar="ISO3", help="Events with a source or target of this country.")
@click.option("--type", "type_", default=None, metavar="TYPE", help="PLOVER event type, e.g. CONSULT.")
@click.option("--since", default=None, metavar="DATE", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", default=None, metavar="DATE", help="Up to this date, inclusive.")
@REALIS_OPTION
@paged
@click.pass_context
def events(ctx, db, as_json, actor, country, type_, since, until, realis, limit, offset):
    """List stored events, newest first, with filters (actual events unless --realis asks for others)."""
    from rasid import query

    try:
        query.parse_realis(realis)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--realis") from None
    conn = _open_read(_db_path(ctx, db))
    try:
        page = query.events(conn, actor=actor, country=country.upper() if country else None,
                            type=type_.upper() if type_ else None, since=since, until=until,
                            limit=limit, offset=offset, realis=realis)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    _emit(page, as_json, [("date", lambda r: r.get("date")), ("event", _what),
                          ("source", lambda r: _parties(r, "source")), ("target", lambda r: _parties(r, "target")),
                          ("place", lambda r: (r.get("location") or {}).get("name")),
                          ("reports", lambda r: r.get("n_sources")), ("id", lambda r: r["id"])], "events")


@cli.group(invoke_without_command=True)
@DB_OPTION
@JSON_OPTION
@click.option("--name", "q", default=None, help="Only actors whose names match.")
@click.option("--country", default=None, metavar="ISO3", help="Only actors of this country.")
@click.option("--type", "type_", default=None, type=click.Choice(["PER", "ORG", "LOC", "MISC"]),
              help="Only actors of this type.")
@paged
@click.pass_context
def actors(ctx, db, as_json, q, country, type_, limit, offset):
    """List actors of the cross-article registry (or correct it: merge, split)."""
    from rasid import query

    if ctx.invoked_subcommand is not None:
        return
    conn = _open_read(_db_path(ctx, db))
    page = query.actors(conn, q=q, country=country.upper() if country else None, type=type_,
                        limit=limit, offset=offset)
    _emit(page, as_json, [("id", lambda r: r["id"]), ("type", lambda r: r["type"]),
                          ("name", lambda r: r.get("name_ar")), ("English", lambda r: r.get("name_en")),
                          ("country", lambda r: r.get("country")), ("sector", lambda r: r.get("sector")),
                          ("mentions", lambda r: r.get("mentions"))], "actors")


def _correct(ctx, db, action):
    from rasid.store import Store

    path = _db_path(ctx, db)
    if not os.path.exists(path):
        raise click.UsageError(f"no store at {path}: run `rasid ingest PATH --db {path}` first")
    with Store(path) as store:
        try:
            result = action(store)
        except KeyError as e:
            raise click.UsageError(str(e.args[0]) if e.args else str(e)) from None
    click.echo(json.dumps(result, ensure_ascii=False))


@actors.command("merge")
@DB_OPTION
@click.argument("keep")
@click.argument("drop")
@click.pass_context
def actors_merge(ctx, db, keep, drop):
    """Merge actor DROP into actor KEEP (recorded: a later ingest keeps it)."""
    from rasid.store.corrections import merge_actors

    _correct(ctx, db, lambda store: merge_actors(store, keep, drop))


@actors.command("split")
@DB_OPTION
@click.argument("actor")
@click.argument("name")
@click.pass_context
def actors_split(ctx, db, actor, name):
    """Take the name NAME off ACTOR into a new actor (recorded: never matched to ACTOR again)."""
    from rasid.store.corrections import split_actor

    _correct(ctx, db, lambda store: split_actor(store, actor, name))


@cli.command()
@DB_OPTION
@JSON_OPTION
@click.option("--speaker", default=None, help="Actor id or any of its names.")
@click.option("--text", "q", default=None, help="Only quotes containing this text.")
@paged
@click.pass_context
def quotes(ctx, db, as_json, speaker, q, limit, offset):
    """List stored quotations with their speakers."""
    from rasid import query

    conn = _open_read(_db_path(ctx, db))
    page = query.quotes(conn, speaker=speaker, q=q, limit=limit, offset=offset)
    _emit(page, as_json, [("published", lambda r: r.get("published")),
                          ("speaker", lambda r: r.get("speaker_name")), ("quote", lambda r: r["text"][:120]),
                          ("article", lambda r: r["article_id"])], "quotes")


@cli.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet", "plover"]), required=True,
              help="csv (UTF-8 with BOM, opens in Excel and R), jsonl, parquet (pyarrow), plover (PLOVER JSON lines).")
@click.option("--kind", type=click.Choice(["events", "event_sources", "event_participants", "actors", "quotes",
                                          "articles"]),
              default="events", show_default=True, help="What to export (plover always exports events).")
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, writable=True),
              help="The file to write.")
@REALIS_OPTION
@click.pass_context
def export(ctx, db, fmt, kind, output, realis):
    """Export the store for pandas, R and DuckDB (events: actual ones unless --realis asks for others)."""
    from rasid.store.export import export as do_export
    from rasid.store.reader import parse_realis

    try:
        parse_realis(realis)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--realis") from None
    conn = _open_read(_db_path(ctx, db))
    if fmt == "plover":
        kind, fmt = "plover", "jsonl"
    try:
        n = do_export(conn, kind, fmt, output, realis=realis)
    except ImportError as exc:
        raise click.UsageError(f"{exc}: install the export extra (pip install 'rasid[export]')") from None
    click.echo(f"{output}: {n} {kind} rows", err=True)


@cli.command()
@DB_OPTION
@click.option("--host", default=None, help="Address to listen on (default: the `host` setting, 127.0.0.1).")
@click.option("--port", type=int, default=None, help="Port (default: the `port` setting, 8321).")
@click.pass_context
def serve(ctx, db, host, port):
    """Serve the HTTP API and the web UI over a store."""
    from rasid.web.app import serve as run_server

    settings = settings_from(ctx)
    path = db or settings.db
    host, port = host or settings.host, port or settings.port
    click.echo(f"rasid: serving {path} at http://{host}:{port}/ (API at /api, OpenAPI at /openapi.json)", err=True)
    run_server(path, host=host, port=port, write_token=settings.write_token or None, settings=settings)

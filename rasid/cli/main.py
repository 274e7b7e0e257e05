"""The `rasid` command line: a thin shell over library functions.

Every command and option is documented in docs/CLI.md; a test fails when one is not.
Exit codes: 0 every input succeeded; 1 some input or article failed (each failure
on stderr, naming the input; the others are still written); 2 usage error.

Each command imports the library it runs when it runs, so ``rasid --help`` and
the commands that only read the store start without loading the pipeline.
"""
from __future__ import annotations

import json
import sys
import time
from dataclasses import asdict

import click

from rasid import __version__
from rasid.config import ConfigError, load_settings
from rasid.errors import PipelineError, RasidError, StoreError


class StoreFailure(click.ClickException):
    """A store that cannot be opened or used: its message, exit status 2, no traceback."""

    exit_code = 2


class _Group(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except StoreError as exc:
            raise StoreFailure(str(exc)) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rasid")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="TOML settings file (default: $RASID_CONFIG, then ~/.config/rasid/config.toml).")
@click.pass_context
def cli(ctx: click.Context, config_path: str | None) -> None:
    """rasid (راصد): Arabic news to clean text, entities, quotes and events."""
    ctx.obj = {"config_path": config_path}


def settings_from(ctx: click.Context, **overrides):
    try:
        return load_settings(ctx.obj.get("config_path"), **overrides)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", metavar="YYYY-MM-DD", default=None,
              help="Publication date for articles that carry none (dates in the text resolve against it).")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "pretty", "plover"]), default="pretty",
              show_default=True, help="json: one object (an array for several articles); jsonl: one line "
                                      "per article; pretty: a readable view; plover: one PLOVER JSON record "
                                      "per event, one per line.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to FILE (atomically: the file appears whole or not at all) instead of stdout.")
@click.option("--stages", default=None, metavar="NAME,NAME",
              help="Comma-separated pipeline stages (default: the `stages` setting).")
@click.option("--strict", is_flag=True, help="Stop at the first failure (error policy `raise`).")
@click.option("--no-tokens", is_flag=True, help="Leave the token layer out of JSON output.")
@click.option("--max-bytes", type=int, default=None, help="Largest single .txt/.html input, in bytes.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary on stderr.")
@click.option("--workers", "-j", type=click.IntRange(1, 64), default=None,
              help="Processes running the pipeline in parallel (default: the `workers` setting, 1).")
@click.option("--realis", default="actual", show_default=True, metavar="VALUE[,VALUE]",
              help="With --format plover: the events written, by realis (actual, negated, future, "
                   "hypothetical, background, generic, or all). JSON output always holds every event.")
@click.pass_context
def extract(ctx, paths, published, fmt, output, stages, strict, no_tokens, max_bytes, quiet, workers, realis):
    """Extract from articles: files, folders, globs, or - for stdin."""
    from rasid.cli.extract_cmd import run_extract
    from rasid.extract import check_date
    from rasid.query import parse_realis

    try:
        check_date(published)
    except RasidError as exc:
        raise click.BadParameter(str(exc), param_hint="--published") from None
    try:
        keep = parse_realis(realis)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--realis") from None
    settings = settings_from(ctx, stages=stages, errors="raise" if strict else None, max_bytes=max_bytes,
                             workers=workers)
    try:
        code = run_extract(list(paths), settings=settings, published=published, fmt=fmt, output=output,
                           tokens=not no_tokens, quiet=quiet, realis=keep)
    except PipelineError as exc:
        raise click.UsageError(str(exc)) from None
    ctx.exit(code)


@cli.command()
@click.pass_context
def stages(ctx):
    """List the known stages with the layers each reads and writes."""
    from rasid.stages import stage_classes

    settings = settings_from(ctx)
    for name, cls in sorted(stage_classes().items()):
        mark = "*" if name in settings.stages else " "
        reads = ", ".join(sorted(cls.requires) + [f"({x})" for x in sorted(cls.optional)]) or "-"
        click.echo(f"{mark} {name:<12} v{cls.version:<4} reads: {reads:<48} writes: {', '.join(sorted(cls.writes))}")
    click.echo("(* = in the default pipeline)")


@cli.command()
def schema():
    """Print the JSON Schema of the article document."""
    from rasid.doc.serialize import json_schema

    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=1))


@cli.command()
@click.pass_context
def settings(ctx):
    """Print the effective settings and where each comes from."""
    from rasid.config import setting_help

    values = asdict(settings_from(ctx))
    for name, text in setting_help().items():
        click.echo(f"{name} = {json.dumps(values[name], ensure_ascii=False)}\n    {text}")


@cli.command()
@click.option("--conll", "conll", type=click.Path(exists=True, dir_okay=False), required=True,
              help="CoNLL file: one 'token [tag...]' per line, a blank line between sentences.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to FILE (atomically) instead of stdout.")
def tag(conll, output):
    """Write the predicted IOB tag beside each token of a CoNLL file."""
    from rasid.cli.extract_cmd import open_output
    from rasid.ner import load_tagger, read_conll

    tagger = load_tagger()
    sentences = read_conll(conll)
    tagged = tagger.tag_document([tokens for tokens, _ in sentences])
    with open_output(output) as out:
        for (tokens, tags), predicted in zip(sentences, tagged):
            for row in zip(tokens, tags, predicted):
                out.write(" ".join(row) + "\n")
            out.write("\n")


@cli.group("eval")
def eval_group():
    """Measure a component against annotated data."""


@eval_group.command("ner")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--types", default="PER,LOC,ORG", show_default=True,
              help="Comma-separated entity types in the micro average (add MISC to count it).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_ner(path, types, as_json):
    """Per-type and micro precision, recall and F1 of the NER model on a CoNLL file (exact span and type)."""
    from rasid.ner import evaluate, load_tagger, read_conll, report

    tagger = load_tagger()
    sentences = read_conll(path)
    t0 = time.perf_counter()
    predicted = tagger.tag_document([tokens for tokens, _ in sentences])
    seconds = time.perf_counter() - t0
    n_tokens = sum(len(t) for t, _ in sentences)
    scores = evaluate([g for _, g in sentences], predicted, types=[t for t in types.split(",") if t])
    if as_json:
        click.echo(json.dumps({k: v.as_dict() for k, v in scores.items()} |
                              {"tokens": n_tokens, "tokens_per_s": round(n_tokens / seconds)}, indent=1))
    else:
        click.echo(report(scores))
        click.echo(f"{n_tokens} tokens, {n_tokens / seconds:,.0f} tokens/s")


@eval_group.command("events")
@click.option("--split", type=click.Choice(["train", "dev", "test"]), default="test", show_default=True,
              help="The split of rasid's own event corpus to score the pipeline on.")
@click.option("--no-cv", is_flag=True, help="Skip the cross-validated GSR sentence detection (a model per fold).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_events(split, no_cv, as_json):
    """Event quality: the pipeline's events on the own corpus (type, full event, realis) and GSR detection."""
    from rasid.train.events import evaluate

    res = evaluate(split, cv=not no_cv)
    if as_json:
        click.echo(json.dumps(res, indent=1, ensure_ascii=False))
        return
    own = res["own"]

    def line(name, r):
        return f"  {name:<16} P {r['P']:.3f}  R {r['R']:.3f}  F1 {r['F1']:.3f}  (tp {r['tp']}, fp {r['fp']}, fn {r['fn']})"

    click.echo(f"own corpus, {own['split']} split (every realis):")
    for t, r in own["by_type"].items():
        click.echo(line(t, r))
    click.echo(line("type micro", own["type_micro"]))
    click.echo(line("full event", own["full_event"]))
    click.echo(f"  realis accuracy  {own['realis_accuracy']:.3f} on {own['realis_n']} matched events")
    click.echo("roles at the gold triggers (source and target each right, or both rightly empty):")
    for name, r in res["roles"].items():
        where = f"own {own['split']}" if name == "own" else "GSR " + name[4:] + " spans"
        click.echo(f"  {where:<20} role accuracy {r['role_acc']:.3f} (source {r['source_acc']:.3f}, "
                   f"target {r['target_acc']:.3f}; {r['events']} events)")
    if "gsr_cv" in res:
        click.echo("GSR dev half, sentence detection by the whole pipeline (an actual event of the type), "
                   "5-fold by document:")
        for t, r in res["gsr_cv"].items():
            click.echo(line(t, r))


from rasid.cli import store_cmds  # noqa: E402,F401  (registers the store commands on `cli`)


def main(argv: list[str] | None = None) -> None:
    try:
        cli.main(args=argv, prog_name="rasid")
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()

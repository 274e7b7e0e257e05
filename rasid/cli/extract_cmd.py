"""`rasid extract`: stream articles through the pipeline and write them out."""
from __future__ import annotations

import json
import os
import sys
import tempfile
from contextlib import contextmanager
from typing import IO, Iterator

from rasid.cli.render import render_pretty
from rasid.config import Settings
from rasid.doc.serialize import to_dict
from rasid.errors import InputError
from rasid.events.plover import to_jsonl
from rasid.extract import build_pipeline, extract_paths

PROGRESS_AFTER = 3   # show a progress bar once more than this many inputs have gone by


@contextmanager
def open_output(path: str | None) -> Iterator[IO[str]]:
    """stdout, or FILE written atomically (a temp file renamed over it only on success)."""
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".rasid-", suffix=".tmp", dir=directory)
    umask = os.umask(0)
    os.umask(umask)
    os.fchmod(fd, 0o666 & ~umask)          # as any new file (mkstemp makes it 0600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


class _Progress:
    """A progress display on stderr, shown only on a terminal and after a few inputs."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.count = 0
        self._bar = None

    def step(self, label: str) -> None:
        self.count += 1
        if not self.enabled or self.count <= PROGRESS_AFTER:
            return
        if self._bar is None:   # rich's progress loads only when a bar is shown
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._bar = Progress(SpinnerColumn(), TextColumn("[bold]extract"), BarColumn(),
                                 MofNCompleteColumn(), TimeElapsedColumn(), TextColumn("{task.description}"),
                                 console=Console(stderr=True), transient=True)
            self._bar.start()
            self._task = self._bar.add_task("", total=None, completed=self.count)
        self._bar.update(self._task, completed=self.count, description=label[-60:])

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run_extract(paths: list[str], *, settings: Settings, published: str | None, fmt: str,
                output: str | None, tokens: bool = True, quiet: bool = False,
                realis: tuple[str, ...] | None = ("actual",)) -> int:
    """Run extraction and write results; return the exit code (0 all ok, 1 some failed). ``realis``: the
    events the PLOVER format writes (None: all)."""
    pipeline = build_pipeline(settings)
    progress = _Progress(settings.progress and not quiet)
    n_ok = n_failed = 0
    first = True
    try:
        with open_output(output) as out:
            if fmt == "json":
                pending = None   # hold one article back: one article -> object, several -> array
            for item in extract_paths(paths, settings=settings, published=published, pipeline=pipeline):
                if isinstance(item, InputError):
                    n_failed += 1
                    progress.step(item.source)
                    _say(f"rasid: error: {item.source}: [{item.code}] {item.message}")
                    continue
                progress.step(item.source or item.id)
                if item.errors:
                    n_failed += 1
                    for err in item.errors:
                        _say(f"rasid: error: {item.source or item.id}: stage {err.stage} [{err.code}] {err.message}")
                else:
                    n_ok += 1
                if fmt == "plover":
                    out.write(to_jsonl(item, realis=realis))
                elif fmt == "jsonl":
                    out.write(json.dumps(to_dict(item, tokens=tokens), ensure_ascii=False) + "\n")
                elif fmt == "pretty":
                    if not first:
                        out.write("\n")
                    out.write(render_pretty(item))
                else:
                    doc = to_dict(item, tokens=tokens)
                    if pending is None and first:
                        pending = doc
                    else:
                        if pending is not None:
                            out.write("[\n" + json.dumps(pending, ensure_ascii=False))
                            pending = None
                        out.write(",\n" + json.dumps(doc, ensure_ascii=False))
                first = False
            if fmt == "json":
                if pending is not None:
                    out.write(json.dumps(pending, ensure_ascii=False, indent=1) + "\n")
                elif first:
                    out.write("[]\n")
                else:
                    out.write("\n]\n")
    finally:
        progress.close()
    if not quiet and (n_failed or n_ok > PROGRESS_AFTER):
        _say(f"rasid: {n_ok} article(s) extracted, {n_failed} failed")
    return 1 if n_failed else 0

"""The main job as library functions: read inputs, run the pipeline, yield results.

    from rasid.extract import extract_paths, extract_text
    for item in extract_paths(["news/"]):
        if isinstance(item, InputError): ...      # an input that could not be read
        else: item.text, item.sentences ...      # an Article (item.errors lists stage failures)

The CLI (`rasid extract`) is a thin shell over these.
"""
from __future__ import annotations

import os
import re
from collections import deque
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from rasid.config import Settings, load_settings
from rasid.doc.article import Article
from rasid.errors import InputError, RasidError
from rasid.ingest import iter_articles
from rasid.ingest.decode import repair_surrogates
from rasid.pipeline import Pipeline

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True, slots=True)
class Skipped:
    """An article that ``extract_paths``'s ``skip`` recognised (already stored as ``article_id``):
    the pipeline did not run on it."""
    source: str | None
    article_id: str


def check_date(value: str | None) -> str | None:
    if value is None:
        return None
    if not _DATE.match(value):
        raise RasidError(f"publication date {value!r} is not YYYY-MM-DD")
    return value


def build_pipeline(settings: Settings | None = None) -> Pipeline:
    settings = settings or load_settings()
    return Pipeline.from_names(settings.stages, errors=settings.errors)


def extract_paths(paths: Iterable[str], *, settings: Settings | None = None, published: str | None = None,
                  pipeline: Pipeline | None = None,
                  skip: Callable[[Article], str | None] | None = None,
                  then: Callable[[Article], object] | None = None) -> Iterator[Article | InputError | Skipped]:
    """Read every input under ``paths`` and run the pipeline on each article.

    ``published`` is the default publication date for articles that carry none.
    Input errors are yielded in place (never raised) so the other inputs go on,
    unless the pipeline is strict (``errors="raise"``), in which case they are raised.
    ``skip`` (e.g. ``Store.known``) is asked about each article as read; where it answers an
    id, a :class:`Skipped` is yielded in its place and the pipeline does not run on it.
    ``then`` (a module-level function, e.g. ``rasid.store.prepare``) is applied to each processed
    article, in the worker that processed it, and what it returns is yielded instead: so the
    work it does runs in parallel and only its result travels back.
    """
    settings = settings or load_settings()
    check_date(published)
    items = iter_articles(paths, max_bytes=settings.max_bytes, max_chars=settings.max_chars)
    if skip is not None:
        items = _unless_known(items, skip)
    pipeline = pipeline or build_pipeline(settings)     # checks the stages (models load on first use)
    if settings.workers > 1:
        yield from _parallel(items, settings, published, pipeline.errors == "raise", then)
        return
    for item in items:
        if isinstance(item, (InputError, Skipped)):
            if isinstance(item, InputError) and pipeline.errors == "raise":
                raise item
            yield item
            continue
        done = process(item, pipeline, published=published)
        yield then(done) if then is not None else done


def _unless_known(items, skip: Callable[[Article], str | None]):
    for item in items:
        if isinstance(item, Article):
            known = skip(item)
            if known is not None:
                item = Skipped(item.source, known)
        yield item


# ---------------------------------------------------------------- several processes

_WORKER_PIPELINE: Pipeline | None = None
_WORKER_THEN: Callable[[Article], object] | None = None


def _init_worker(stages: list[str], errors: str, parent: int, then=None) -> None:
    global _WORKER_PIPELINE, _WORKER_THEN
    _die_with(parent)
    _WORKER_PIPELINE = Pipeline.from_names(stages, errors=errors)
    _WORKER_THEN = then


def _die_with(parent: int) -> None:
    """End this worker when process ``parent`` ends, however it ends (kill -9 included): on Linux
    the kernel sends SIGKILL at once (prctl PR_SET_PDEATHSIG); everywhere a watchdog thread
    checks the parent every second."""
    import threading
    import time

    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)        # PR_SET_PDEATHSIG
    except (OSError, AttributeError):        # not Linux
        pass
    if os.getppid() != parent:               # the parent died before the line above
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="rasid-parent-watch", daemon=True).start()


def _work(args: tuple[Article, str | None]):
    article, published = args
    done = process(article, _WORKER_PIPELINE, published=published)
    return _WORKER_THEN(done) if _WORKER_THEN is not None else done


def _parallel(items, settings: Settings, published: str | None, strict: bool, then=None) -> Iterator:
    """The pipeline in ``settings.workers`` processes; results come back in input order and the
    number of articles in flight is bounded, so memory stays flat however long the input."""
    from concurrent.futures import ProcessPoolExecutor   # multiprocessing, only when workers > 1

    window = settings.workers * 8
    with ProcessPoolExecutor(settings.workers, initializer=_init_worker,
                             initargs=(list(settings.stages), settings.errors, os.getpid(), then)) as pool:
        pending: deque = deque()
        for item in items:
            if isinstance(item, (InputError, Skipped)):
                if strict and isinstance(item, InputError):
                    raise item
                pending.append(item)
            else:
                pending.append(pool.submit(_work, (item, published)))
            while len(pending) > window or (pending and isinstance(pending[0], (InputError, Skipped))):
                head = pending.popleft()
                yield head if isinstance(head, (InputError, Skipped)) else head.result()
        while pending:
            head = pending.popleft()
            yield head if isinstance(head, (InputError, Skipped)) else head.result()


def process(article: Article, pipeline: Pipeline, *, published: str | None = None) -> Article:
    if published and not article.published:
        article.published, article.published_source = published, "cli"
    return pipeline(article)


def extract_text(text: str, *, title: str | None = None, published: str | None = None,
                 pipeline: Pipeline | None = None, **meta) -> Article:
    """Run the pipeline on one text given as a string (no file)."""
    (text, title), repaired = repair_surrogates([text, title])
    article = Article(raw=text, title=title, **meta)
    if repaired:
        article.meta["repaired"] = f"{repaired} lone UTF-16 surrogate(s) replaced by U+FFFD"
    return process(article, pipeline or build_pipeline(), published=check_date(published))

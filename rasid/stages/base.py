"""The Stage protocol and the explicit registry of stage names.

A stage is a small named component: ``stage(article) -> article``. It
declares what it ``requires`` (capabilities earlier stages must provide) and
what it ``provides``. Ingestion provides ``raw`` (and ``metadata``).

Stages are registered explicitly by name (``@register``) and looked up by the
pipeline; import order never decides stage order.
"""
from __future__ import annotations

from typing import Callable, ClassVar, Iterable, Iterator

from rasid.doc.article import Article
from rasid.errors import PipelineError

# what the readers give every article before any stage runs
INGEST_PROVIDES = frozenset({"raw", "metadata"})


class Stage:
    """Base class of pipeline stages."""

    name: ClassVar[str] = ""
    version: ClassVar[str] = "0"
    requires: ClassVar[frozenset[str]] = frozenset()
    provides: ClassVar[frozenset[str]] = frozenset()

    def __call__(self, article: Article) -> Article:  # pragma: no cover - abstract
        raise NotImplementedError

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        for a in articles:
            yield self(a)

    def __repr__(self) -> str:
        return f"<stage {self.name} v{self.version}>"


_REGISTRY: dict[str, Callable[..., Stage]] = {}


def register(cls: type[Stage]) -> type[Stage]:
    """Class decorator: make a stage available to pipelines under ``cls.name``."""
    if not cls.name:
        raise PipelineError(f"{cls.__name__} has no name")
    if cls.name in _REGISTRY and _REGISTRY[cls.name] is not cls:
        raise PipelineError(f"two stages are named {cls.name!r}")
    _REGISTRY[cls.name] = cls
    return cls


def stage_classes() -> dict[str, Callable[..., Stage]]:
    """Every registered stage class by name, the built-in stages included."""
    from rasid import stages  # noqa: F401  (registers the built-in stages; the package imports this module)
    return dict(_REGISTRY)

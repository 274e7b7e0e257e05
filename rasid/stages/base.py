"""The Stage protocol, the article layers stage contracts speak of, and the registry of stage names.

A stage is a small named component: ``stage(article) -> article``. Its
contract names every article layer (:data:`LAYERS`, :data:`ENTITY_LAYERS`) it
``reads`` and every layer it ``writes`` (sets or changes). Layers in
``optional`` are read when present and never needed: no stage has to run
before for them. From these the pipeline derives ``requires`` (``reads``
less ``optional``: what stages before it, or the article itself, must
provide) and ``provides`` (``writes``). Ingestion provides ``raw`` and
``metadata``. tests/test_pipeline.py runs every stage on a real article and
fails when a stage touches a layer its contract does not name.

Stages are registered explicitly by name (``@register``) and looked up by the
pipeline; import order never decides stage order.
"""
from __future__ import annotations

from typing import Callable, ClassVar, Iterable, Iterator

from rasid.doc.article import Article
from rasid.errors import PipelineError

# article layers: the name a contract uses -> the Article fields it covers
LAYERS: dict[str, tuple[str, ...]] = {
    "raw": ("raw",),
    "metadata": ("id", "title", "published", "published_source", "publisher", "section", "author", "url",
                 "language", "source", "meta"),
    "text": ("text",),
    "alignment": ("alignment",),
    "removed": ("removed",),
    "tokens": ("tokens",),
    "sentences": ("sentences",),
    "mentions": ("mentions",),
    "entities": ("entities",),
    "times": ("times",),
    "quotes": ("quotes",),
    "events": ("events",),
}
# entity attributes that stages after `entities` fill in on their own: layer -> Entity field
# (every other Entity field belongs to the `entities` layer)
ENTITY_LAYERS: dict[str, str] = {"geo": "geo", "latin": "name_latin"}

# what the readers give every article before any stage runs
INGEST_PROVIDES = frozenset({"raw", "metadata"})


class Stage:
    """Base class of pipeline stages. Subclasses declare ``reads``, ``writes`` and ``optional``;
    ``requires`` and ``provides`` are derived from them."""

    name: ClassVar[str] = ""
    version: ClassVar[str] = "0"
    reads: ClassVar[frozenset[str]] = frozenset()
    writes: ClassVar[frozenset[str]] = frozenset()
    optional: ClassVar[frozenset[str]] = frozenset()
    requires: ClassVar[frozenset[str]] = frozenset()
    provides: ClassVar[frozenset[str]] = frozenset()

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        for derived in ("requires", "provides"):
            if derived in cls.__dict__:
                raise PipelineError(f"{cls.__name__} sets {derived!r}; declare reads, writes and optional")
        if not cls.optional <= cls.reads:
            raise PipelineError(f"{cls.__name__}: optional layers {sorted(cls.optional - cls.reads)} "
                                "are not among its reads")
        cls.requires = frozenset(cls.reads - cls.optional)
        cls.provides = frozenset(cls.writes)

    def __call__(self, article: Article) -> Article:  # pragma: no cover - abstract
        raise NotImplementedError

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        for a in articles:
            yield self(a)

    def __repr__(self) -> str:
        return f"<stage {self.name} v{self.version}>"


_REGISTRY: dict[str, Callable[..., Stage]] = {}


def register(cls: type[Stage]) -> type[Stage]:
    """Class decorator: make a stage available to pipelines under ``cls.name``.
    Its contract may name only known layers."""
    if not cls.name:
        raise PipelineError(f"{cls.__name__} has no name")
    if cls.name in _REGISTRY and _REGISTRY[cls.name] is not cls:
        raise PipelineError(f"two stages are named {cls.name!r}")
    unknown = (cls.reads | cls.writes) - LAYERS.keys() - ENTITY_LAYERS.keys()
    if unknown:
        raise PipelineError(f"stage {cls.name!r} names unknown layers: {', '.join(sorted(unknown))}")
    _REGISTRY[cls.name] = cls
    return cls


def stage_classes() -> dict[str, Callable[..., Stage]]:
    """Every registered stage class by name, the built-in stages included."""
    from rasid import stages  # noqa: F401  (registers the built-in stages; the package imports this module)
    return dict(_REGISTRY)


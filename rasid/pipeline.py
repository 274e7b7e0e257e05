"""Build a pipeline of named stages, check it, run it.

    pipe = Pipeline.from_names(["clean", "tokens", "sentences"])
    article = pipe(article)                 # errors policy "record" (default)
    Pipeline.from_names([...], errors="raise")
    Pipeline.from_names(["quotes", "events"], given=layers_of(article))(article)

Every stage's contract names the layers it reads and writes (see
:mod:`rasid.stages.base`). At build time every stage's ``requires`` must be
met by what the articles are ``given`` (by default what the readers provide:
``raw``, ``metadata``) and by the stages listed before it; otherwise
PipelineError names the missing layers, the stage that needs them and the
stages that write them. A pipeline given more than the readers provide
starts from articles that already have those layers (a run of earlier stages,
or an article built by hand): each article is checked on entry
(:func:`layers_of`) and one that lacks a given layer is treated as if the
stage writing it had failed.

Models and lexicons load on first use and live as long as the process: after
the first article a pipeline runs, they are moved out of the cyclic garbage
collector's sight (``gc.freeze``), so its full collections stop walking them
(about 5 % of the time on the corpus). Nothing is lost: they are never garbage.

Error policy when a stage fails on one article:
  * ``record``: the failure is appended to ``article.errors`` (stage, code,
    message); later stages that need what the failed stage provides are
    skipped; the article is returned. An article that lacks a given layer
    gets one error (stage ``pipeline``, code ``missing_layers``). Other articles are unaffected.
  * ``raise``: a StageError is raised (strict mode).
"""
from __future__ import annotations

import gc
from typing import Iterable, Iterator, Sequence

from rasid.doc.article import Article
from rasid.doc.layers import ArticleError
from rasid.errors import PipelineError, RasidError, StageError
from rasid.stages.base import ENTITY_LAYERS, INGEST_PROVIDES, LAYERS, Stage, stage_classes

DEFAULT_STAGES = ("clean", "tokens", "sentences", "mentions", "entities", "places", "names", "quotes",
                  "dates", "events")
POLICIES = ("record", "raise")


def layers_of(article: Article) -> frozenset[str]:
    """The layers ``article`` holds: what readers give, what the stages in its provenance wrote,
    and every layer with content (text, a non-empty list; an entity with that attribute set)."""
    have = set(INGEST_PROVIDES)
    known = stage_classes()
    for name in article.provenance:
        if name in known:
            have |= known[name].writes
    have.update(layer for layer, fields in LAYERS.items() if any(getattr(article, f) for f in fields))
    have.update(layer for layer, attr in ENTITY_LAYERS.items()
                if any(getattr(e, attr) is not None for e in article.entities))
    return frozenset(have)


class Pipeline:
    def __init__(self, stages: Sequence[Stage], *, errors: str = "record",
                 given: Iterable[str] = INGEST_PROVIDES) -> None:
        if errors not in POLICIES:
            raise PipelineError(f"unknown error policy {errors!r}; choose one of {', '.join(POLICIES)}")
        self.stages = list(stages)
        self.errors = errors
        self.given = frozenset(given) | INGEST_PROVIDES
        self._settled = False
        self._check()

    @classmethod
    def from_names(cls, names: Iterable[str], *, errors: str = "record",
                   given: Iterable[str] = INGEST_PROVIDES, **options) -> "Pipeline":
        """Build from stage names in the order given. ``options[name]`` is passed to that stage's
        constructor; ``given`` names the layers the articles already have."""
        known = stage_classes()
        stages = []
        for name in names:
            if name not in known:
                raise PipelineError(f"unknown stage {name!r}; known stages: {', '.join(sorted(known))}")
            stages.append(known[name](**options.get(name, {})))
        return cls(stages, errors=errors, given=given)

    def _check(self) -> None:
        have = set(self.given)
        seen = set()
        for stage in self.stages:
            if stage.name in seen:
                raise PipelineError(f"stage {stage.name!r} is listed twice")
            seen.add(stage.name)
            missing = set(stage.requires) - have
            if missing:
                providers = {cap: [n for n, s in stage_classes().items() if cap in s.provides]
                             for cap in sorted(missing)}
                hint = "; ".join(f"{cap!r} (provided by: {', '.join(p) or 'no known stage'})"
                                 for cap, p in providers.items())
                given = "the articles are not given and " if self.given != INGEST_PROVIDES else ""
                raise PipelineError(f"stage {stage.name!r} needs {hint}, which {given}no stage before it provides")
            have |= set(stage.provides)
        self.provides = frozenset(have)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, article: Article) -> Article:
        failed: set[str] = set()
        if self.given != INGEST_PROVIDES:
            failed = set(self.given - layers_of(article))
            if failed:
                message = f"the article lacks the given layers {', '.join(sorted(failed))}"
                if self.errors == "raise":
                    raise PipelineError(message)
                article.errors.append(ArticleError("pipeline", "missing_layers", message))
        for stage in self.stages:
            if failed & set(stage.requires):
                article.errors.append(ArticleError(stage.name, "skipped",
                                                   f"skipped: needs {', '.join(sorted(failed & set(stage.requires)))}"))
                failed |= set(stage.provides)
                continue
            try:
                article = stage(article)
            except Exception as exc:  # noqa: BLE001 - recorded on the article, never dropped
                if self.errors == "raise":
                    if isinstance(exc, StageError):
                        raise
                    raise StageError(stage.name, f"{type(exc).__name__}: {exc}") from exc
                code = exc.code if isinstance(exc, RasidError) else type(exc).__name__
                article.errors.append(ArticleError(stage.name, code, str(exc) or type(exc).__name__))
                failed |= set(stage.provides)
                continue
            article.provenance[stage.name] = stage.version
        if not self._settled:
            self._settled = True
            gc.freeze()         # what the first article loaded (models, lexicons) stays for good
        return article

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        for a in articles:
            yield self(a)

    def __repr__(self) -> str:
        return f"Pipeline({' -> '.join(self.names)})"

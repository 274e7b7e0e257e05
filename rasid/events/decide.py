"""The learned event decision: for each candidate trigger, its PLOVER type (or none) and its realis.

The model (``rasid/models/events/decide.json.gz``, trained by ``make train`` with
:mod:`rasid.train.events`; see the model card beside it) scores each reading of a
candidate as one of ``no`` or a realis class (actual, negated, future,
hypothetical, background, generic). A candidate becomes an event of the type
whose readings score highest on ``1 - P(no)`` when that reaches the model's
threshold; its realis is the most probable realis class of that type.

    model = EventModel.load()                       # the shipped model, cached
    for d in model.decide(article):                 # article with tokens, sentences (mentions help)
        d.candidate, d.type, d.p_event, d.realis
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Callable

from rasid.doc.article import Article
from rasid.doc.layers import REALIS
from rasid.events.candidates import Candidate, candidates
from rasid.events.features import SentenceView, candidate_features
from rasid.events.linear import LinearModel
from rasid.lang.ar.triggers import EventLexicon, event_lexicon

__all__ = ["Decision", "EventModel", "MODEL_PATH", "example_features"]

MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "events" / "decide.json.gz"


def example_features(article: Article, c: Candidate, view: SentenceView, type_: str,
                     lexicon: EventLexicon) -> list[str]:
    """A candidate's features read as an event of ``type_``: each feature alone and joined to the type."""
    base = candidate_features(article, c, view, lexicon, type_)
    return ["T=" + type_] + base + [type_ + "|" + f for f in base]


@dataclass(frozen=True, slots=True)
class Decision:
    candidate: Candidate
    type: str
    p_event: float          # 1 - P(no) of the chosen type
    realis: str
    p_realis: float         # P(realis | an event of that type)


class EventModel:
    def __init__(self, model: LinearModel, threshold: float = 0.5, lexicon: EventLexicon | None = None,
                 clusters: Callable[[str], tuple | None] | None = None) -> None:
        self.model = model
        self.threshold = threshold
        self.lexicon = lexicon if lexicon is not None else event_lexicon()
        self.clusters = clusters

    @classmethod
    def load(cls, path: Path = MODEL_PATH, lexicon: EventLexicon | None = None,
             clusters: Callable[[str], tuple | None] | None = None) -> "EventModel":
        m = LinearModel.load(path)
        return cls(m, float(m.meta.get("threshold", 0.5)), lexicon, clusters)

    def decide(self, article: Article, cands: list[Candidate] | None = None) -> list[Decision]:
        """The candidates that the model takes for events, with type and realis, in text order."""
        if cands is None:
            cands = candidates(article, self.lexicon)
        views: dict[int, SentenceView] = {}
        out = []
        for c in cands:
            view = views.get(c.sentence)
            if view is None:
                view = views[c.sentence] = SentenceView(article, c.sentence, self.clusters)
            best = None
            for t in c.types:
                p = self.model.proba(example_features(article, c, view, t, self.lexicon))
                pe = 1.0 - p["no"]
                if best is None or pe > best[1]:
                    best = (t, pe, p)
            if best is not None and best[1] >= self.threshold:
                t, pe, p = best
                realis = max(REALIS, key=lambda r: p.get(r, 0.0))
                out.append(Decision(c, t, pe, realis, p.get(realis, 0.0) / pe if pe else 0.0))
        return out


@cache
def shipped_model() -> EventModel:
    """The shipped model, with the NER model's word clusters (loaded once)."""
    from rasid.ner.tagger import load_tagger

    return EventModel.load(clusters=load_tagger().extractor.clusters_of)

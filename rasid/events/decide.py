"""The learned event decision: for each candidate trigger, its PLOVER type (or none) and its realis.

Two models, trained by ``make train`` with :mod:`rasid.train.events` (see the
model card in ``rasid/models/events/``):

* the **type model** (``event_type.json.gz``) scores each reading of a candidate
  as an event of its type or not, from the candidate's own features (cheap: it
  runs on every candidate); a candidate becomes an event of the type that scores
  highest, when that reaches the model's threshold;
* the **realis model** (``realis.json.gz``) then reads the decided events with
  their whole sentence (its stems and word clusters as well) and says whether
  each is actual, negated, future, hypothetical, background or generic.

    model = EventModel.load()                       # the shipped models (shipped_model(): cached)
    for d in model.decide(article):                 # article with tokens, sentences (mentions help)
        d.candidate, d.type, d.p_event, d.realis, d.p_realis
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Callable

from rasid.doc.article import Article
from rasid.doc.layers import REALIS
from rasid.events.candidates import Candidate, candidates
from rasid.events.features import SentenceView, context_features, reading_features
from rasid.events.linear import LinearModel
from rasid.lang.ar.triggers import EventLexicon, candidate_lexicon

__all__ = ["Decision", "EventModel", "MODEL_DIR", "example_features", "local_features", "sentence_features"]

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "events"
TYPE_FILE, REALIS_FILE = "event_type.json.gz", "realis.json.gz"


def example_features(article: Article, c: Candidate, view: SentenceView, type_: str,
                     lexicon: EventLexicon) -> list[str]:
    """A candidate's features read as an event of ``type_``: each feature alone and joined to the type
    (its own, :func:`local_features`, and those its sentence shares, :func:`sentence_features`)."""
    return local_features(article, c, view, type_, lexicon) + sentence_features(view, type_)


def local_features(article: Article, c: Candidate, view: SentenceView, type_: str,
                   lexicon: EventLexicon, context: list[str] | None = None) -> list[str]:
    """The candidate's own features read as ``type_`` (``context``: its :func:`context_features`, when
    the caller has them for another reading already)."""
    if context is None:
        context = context_features(article, c, view, lexicon)
    base = reading_features(article, c, view, type_) + context
    return ["T=" + type_] + base + [type_ + "|" + f for f in base]


def sentence_features(view: SentenceView, type_: str) -> list[str]:
    bag = view.bag_features()
    return bag + [type_ + "|" + f for f in bag]


@dataclass(frozen=True, slots=True)
class Decision:
    candidate: Candidate
    type: str
    p_event: float          # the type model's P(an event) for the chosen type
    realis: str
    p_realis: float         # P(realis | an event of that type)


class EventModel:
    def __init__(self, types: LinearModel, realis: LinearModel, threshold: float = 0.5,
                 lexicon: EventLexicon | None = None, clusters: Callable[[str], tuple | None] | None = None) -> None:
        self.types = types
        self.realis = realis
        self.threshold = threshold
        self.lexicon = lexicon if lexicon is not None else candidate_lexicon()
        self.clusters = clusters
        # the types whose realis the model learned "not actual" for from human sentence labels (GSR)
        self.realis_checked = frozenset(realis.meta.get("gsr_no_realis", ()))

    @classmethod
    def load(cls, model_dir: Path = MODEL_DIR, lexicon: EventLexicon | None = None,
             clusters: Callable[[str], tuple | None] | None = None) -> "EventModel":
        types = LinearModel.load(Path(model_dir) / TYPE_FILE)
        return cls(types, LinearModel.load(Path(model_dir) / REALIS_FILE),
                   float(types.meta.get("threshold", 0.5)), lexicon, clusters)

    def save(self, model_dir: Path) -> None:
        self.types.meta["threshold"] = self.threshold
        self.types.save(Path(model_dir) / TYPE_FILE)
        self.realis.save(Path(model_dir) / REALIS_FILE)

    def decide(self, article: Article, cands: list[Candidate] | None = None,
               scores: dict[int, dict[str, float]] | None = None) -> list[Decision]:
        """The candidates that the model takes for events, with type and realis, in text order.
        ``scores``, when given, is filled with every candidate's P(an event) for each type it may be
        (by the candidate's first token), above the threshold or not."""
        if cands is None:
            cands = candidates(article, self.lexicon)
        views: dict[int, SentenceView] = {}
        by_sentence: dict[int, list] = {}
        sentence_before = article.sentence_index().before
        for m in article.mentions:          # by where it starts (a hand-made mention may have no sentence)
            by_sentence.setdefault(sentence_before(m.start), []).append(m)
        types, realis, lex = self.types, self.realis, self.lexicon
        yes = types.classes.index("yes")
        # features are scored by their rows in each model's weight matrix, found without building the
        # strings of the features joined to a type (``type|feature``: looked up in the model's table
        # for that type) and left out when the model does not know them; the rows keep the order of
        # local_features + sentence_features, so every sum is the one those strings would give
        t_row, r_row = types.rows(), realis.rows()
        bag_rows: dict[tuple[int, str], list[int]] = {}
        out = []
        for c in cands:
            view = views.get(c.sentence)
            if view is None:
                view = views[c.sentence] = SentenceView(article, c.sentence, self.clusters,
                                                        by_sentence.get(c.sentence, []))
            best = None
            context = context_features(article, c, view, lex)
            context_rows = _known(t_row, context)
            for t in c.types:
                own = reading_features(article, c, view, t)
                joined = types.rows(t)
                rows = (_known(t_row, ("T=" + t,)) + _known(t_row, own) + context_rows
                        + _known(joined, own) + _known(joined, context))
                pe = types.binary_proba_of_rows(rows, yes)
                if scores is not None:
                    scores.setdefault(c.first, {})[t] = pe
                if best is None or pe > best[1]:
                    best = (t, pe, own)
            if best is not None and best[1] >= self.threshold:
                t, pe, own = best
                joined = realis.rows(t)
                bag = bag_rows.get((c.sentence, t))
                if bag is None:
                    feats = view.bag_features()
                    bag = bag_rows[c.sentence, t] = _known(r_row, feats) + _known(joined, feats)
                rows = (_known(r_row, ("T=" + t,)) + _known(r_row, own) + _known(r_row, context)
                        + _known(joined, own) + _known(joined, context) + bag)
                p = realis.proba_of(realis.scores_of_rows(rows))
                realis_ = max(REALIS, key=lambda r: p.get(r, 0.0))
                out.append(Decision(c, t, pe, realis_, p.get(realis_, 0.0)))
        return out


def _known(rows: dict[str, int], features) -> list[int]:
    """The matrix rows of the ``features`` that a model knows, in order."""
    get = rows.get
    return [r for r in map(get, features) if r is not None]


@cache
def shipped_model() -> EventModel:
    """The shipped model, with the NER model's word clusters (loaded once; asked once per word form)."""
    from rasid.memo import memo
    from rasid.ner.tagger import load_tagger

    return EventModel.load(clusters=memo(100_000)(load_tagger().extractor.clusters_of))

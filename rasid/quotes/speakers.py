"""Who made a statement: the options, their facts, and a learned ranker that chooses.

For each statement the finder (:mod:`rasid.quotes.attribute`) has found (its cue and its content),
:meth:`QuoteFinder.speaker_options` lists who may have made it:

* every person, organisation and place named in its sentence outside the content;
* every **descriptive speaker** there: a noun of :file:`speaker_nouns.txt` (مصدر، مصادر، مسؤول، شهود،
  الناطق، بيان …) or of the actor lexicon (الجيش، الشرطة، المتظاهرون), with the nisba adjectives after
  it (مصدر أمني عراقي);
* **subject phrases** no option covers (kind ``subj``): after a verb cue, the words up to what ends a
  noun phrase, cut at titles and options (وقال مشرعون إن، قال إلون موسك الرئيس التنفيذي …); before it,
  the words from the clause's start (زملاء كثيرون يقولون إن) — a name the tagger missed or a noun the
  lexicons lack;
* the speaker of the statement before (a continuation: وأضاف، وتابع، سموه), and the first actor named
  in the sentence before.

A definite descriptive option or subject phrase naming an organisation's kind (الوزارة، المكتب) takes
the entity of the organisation of that kind named last before it (وزارة الشؤون البلدية).

Each option carries facts: its kind, its side (between the cue and the content, before the cue, after
the content, or carried), its rank and distance from the cue, whether a preposition, عن or باسم
governs it, whether it stands in brackets or after a comma or another verb, whether the old rules
chose it; the statement adds the cue's kind, a conjunction on the cue, an honorific pronoun after it,
how many options stand between cue and content. A conditional-logit ranker (trained by
``make train`` with :mod:`rasid.train.speakers` on rasid's quotation corpus) scores the options; the
best one speaks, unless "nobody" scores higher (the cue was no statement, or its speaker is not
to be found). Without a model file the rules' choice is taken.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rasid.events.linear import LinearModel

__all__ = ["SpeakerOption", "Statement", "SpeakerModel", "shipped_speakers", "option_features", "null_features", "distance_bucket", "MODEL_FILE"]

MODEL_FILE = Path(__file__).resolve().parents[1] / "models" / "quotes" / "speakers.json.gz"


@dataclass(slots=True)
class SpeakerOption:
    kind: str                  # PER | ORG | LOC | desc | subj | carry | last | prev
    start: int                 # the span that names the speaker (clean text)
    end: int
    entity: str | None         # entity id when named (carried options: the carried speaker's)
    text: str = ""             # a descriptive speaker's words
    facts: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Statement:
    """A statement the finder found: its content, its cue, its speaker options and facts, and the
    option chosen (None: nobody)."""
    start: int
    end: int
    cue_start: int
    cue_end: int
    options: list[SpeakerOption]
    context: list[str]
    chosen: int | None


def distance_bucket(n: int) -> str:
    """A token distance as a feature value."""
    return str(n) if n <= 3 else "4-6" if n <= 6 else "7-12" if n <= 12 else "13+"


_NULL_ONLY = ("lem=",)     # statement facts that only "nobody" reads: whether the cue word made a statement


def option_features(opt: SpeakerOption, context: list[str]) -> list[str]:
    """An option's facts, the statement's facts, and each statement fact joined to each option fact."""
    context = [c for c in context if not c.startswith(_NULL_ONLY)]
    out = opt.facts + context
    for c in context:
        out += [c + "|" + f for f in opt.facts]
    return out


def null_features(context: list[str]) -> list[str]:
    """The features of "nobody": no one here made a statement (the finder's cue was not one, or its
    speaker is not to be found)."""
    return ["NULL"] + ["NULL|" + c for c in context]


class SpeakerModel:
    """A ranker over speaker options (a :class:`LinearModel` of one class, scored with no bias)."""

    def __init__(self, model: LinearModel | None) -> None:
        self.model = model

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> "SpeakerModel":
        return cls(LinearModel.load(path) if path.exists() else None)

    def choose(self, options: list[SpeakerOption], context: list[str]) -> int | None:
        """The index of the option that made the statement (the rules' choice without a model)."""
        if not options:
            return None
        if self.model is None:
            return next((k for k, o in enumerate(options) if "rule=1" in o.facts), None)
        score = self.model.first_score
        scores = [score(option_features(o, context)) for o in options]
        best = max(range(len(options)), key=scores.__getitem__)
        null = score(null_features(context)) + float(self.model.meta.get("null_bias", 0.0))
        return best if scores[best] > null else None


@cache
def shipped_speakers() -> SpeakerModel:
    return SpeakerModel.load()


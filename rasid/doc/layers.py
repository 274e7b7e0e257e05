"""The annotation layers of an Article.

Every span is a half-open ``[start, end)`` range into ``Article.text`` (the
cleaned text), except ``Removed`` which points into ``Article.raw``.
Objects refer to each other by id (strings), never by Python reference, so an
Article is plain JSON and crosses process boundaries cheaply.

Arabic text is never rewritten: ``norm`` fields are lookup keys beside the text.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Removed:
    """A range of the *raw* text that cleaning cut, and why."""

    start: int
    end: int
    reason: str            # e.g. "repeated_title", "comment_form", "promo", "dateline", "share", "blank"
    rule: str = ""         # the rule that fired (for audit)


_CONJUNCTIONS = frozenset({"و", "ف"})


def stem_of_pieces(pieces: tuple) -> str:
    """The key of a token's clitic pieces without its proclitics; an article elided after
    the preposition ل (للوزير: ل + ل + وزير) is restored as ال."""
    rest = [p for p in pieces if p[3] != "proclitic"]
    if rest and rest[0][3] == "article" and rest[0][1] - rest[0][0] == 1:
        return "ال" + "".join(p[2] for p in rest[1:])
    return "".join(p[2] for p in rest)


@dataclass(slots=True)
class Word:
    """A clitic-split piece of a token (و / ب / ال / stem ...)."""

    start: int
    end: int
    norm: str
    kind: str = "stem"     # "proclitic" | "article" | "stem"


class Token:
    """A token: ``[start, end)`` into the text, its normalisation key and kind.

    Public attributes (what stages read; all computed once, when first asked):

    * ``norm``: the normalisation key of the whole token;
    * ``kind``: ``"word"``, ``"number"``, ``"latin"``, ``"punct"``, ``"quote"`` ...;
    * ``pieces``: the clitic pieces ``(start, end, norm, kind)`` with offsets
      *relative to the token start* (kinds ``proclitic``, ``article``, ``stem``);
      ``()`` when nothing was split off. Shared between tokens of the same form;
    * ``words``: the same pieces as :class:`Word` objects with absolute offsets;
    * ``stem``: the key without proclitics, an elided article restored
      (للوزير → الوزير, وبالعراق → العراق); ``norm`` when nothing was split;
    * ``conj``: the token starts with the conjunction و or ف;
    * ``split``: the token has clitic pieces.
    """

    __slots__ = ("start", "end", "norm", "kind", "_words", "_pieces", "_stem")

    def __init__(self, start: int, end: int, norm: str, kind: str = "word",
                 words: list[Word] | None = None, pieces: tuple = (), stem: str | None = None) -> None:
        self.start = start
        self.end = end
        self.norm = norm
        self.kind = kind
        self._words = words
        self._pieces = pieces
        self._stem = stem

    @property
    def words(self) -> list[Word]:
        if self._words is None:
            s = self.start
            self._words = [Word(s + a, s + b, n, k) for a, b, n, k in self._pieces]
        return self._words

    @words.setter
    def words(self, value: list[Word]) -> None:
        self._words = list(value)
        self._pieces = ()
        self._stem = None

    @property
    def pieces(self) -> tuple:
        """Clitic pieces ``(start, end, norm, kind)`` relative to the token start; ``()`` when unsplit."""
        if self._words is not None and not self._pieces:      # words given by hand or read back
            s = self.start
            return tuple((w.start - s, w.end - s, w.norm, w.kind) for w in self._words)
        return self._pieces

    @property
    def stem(self) -> str:
        """The key without proclitics (an elided article restored); ``norm`` when nothing was split."""
        k = self._stem
        if k is None:
            pieces = self.pieces
            k = self._stem = stem_of_pieces(pieces) if pieces else self.norm
        return k

    @property
    def conj(self) -> bool:
        """The token starts with the conjunction و or ف."""
        pieces = self.pieces
        return bool(pieces) and pieces[0][3] == "proclitic" and pieces[0][2] in _CONJUNCTIONS

    @property
    def split(self) -> bool:
        """True when the token has clitic words."""
        return bool(self._words) if self._words is not None else bool(self._pieces)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Token):
            return NotImplemented
        return (self.start, self.end, self.norm, self.kind, self.words) == \
            (other.start, other.end, other.norm, other.kind, other.words)

    __hash__ = None  # mutable

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.norm!r}, {self.kind!r}, words={self.words!r})"


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    token_start: int = 0   # index of the first token
    token_end: int = 0     # index past the last token


@dataclass(slots=True)
class Mention:
    id: str
    start: int
    end: int
    text: str
    label: str             # PER | ORG | LOC | MISC
    norm: str = ""         # name key: norm_key of the name (proclitics off, an elided ال restored)
    sentence: int = -1
    score: float = 1.0
    source: str = ""       # what found it: "model", "gazetteer", "rule" ...


@dataclass(slots=True)
class Role:
    title: str
    org: str | None = None         # entity id of the organisation, if any
    country: str | None = None     # ISO alpha-3
    start: int | None = None       # evidence span in the text
    end: int | None = None


@dataclass(slots=True)
class Place:
    lat: float
    lon: float
    country: str | None = None
    geonameid: int | None = None
    feature: str | None = None     # "city", "country", "region" ...
    score: float = 1.0


@dataclass(slots=True)
class Entity:
    id: str
    type: str                      # PER | ORG | LOC | MISC
    name: str                      # canonical (fullest) Arabic name
    mentions: list[str] = field(default_factory=list)   # mention ids
    name_latin: str | None = None
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    sector: str | None = None      # PLOVER sector code: GOV, MIL, JUD, LEG, PTY, REB ...
    roles: list[Role] = field(default_factory=list)
    geo: Place | None = None
    kb_id: str | None = None       # cross-article actor id


@dataclass(slots=True)
class TimeExpr:
    id: str
    start: int
    end: int
    text: str
    value: str | None = None       # ISO date (YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www)
    precision: str | None = None   # day | week | month | year
    range_start: str | None = None
    range_end: str | None = None
    calendar: str = "gregorian"    # gregorian | hijri
    fallback: bool = False         # True when the value is the publication date by default


@dataclass(slots=True)
class Quote:
    id: str
    start: int
    end: int
    text: str
    kind: str = "direct"           # direct | indirect
    cue: str | None = None         # the cue verb as written
    cue_start: int | None = None
    cue_end: int | None = None
    speaker: str | None = None     # entity id (None for a speaker described, not named: مصدر أمني)
    channel: str | None = None     # entity id or description of the channel
    speaker_text: str | None = None    # the words that name or describe the speaker, as written
    speaker_start: int | None = None   # ... and where (for a carried speaker, where it was last named)
    speaker_end: int | None = None
    speaker_kind: str | None = None    # "named" | "descriptive"


from rasid.doc.realis import REALIS  # noqa: E402  (re-exported: the values live apart, for the store's readers)


@dataclass(slots=True)
class Participant:
    """A party to an event: a named entity of the article, or a descriptive actor, a noun phrase
    that names a kind of actor (مسلحون مجهولون، قوات الأمن العراقية، متظاهرون، طلاب)."""

    role: str                      # "source" | "target"
    start: int                     # the span that names the party
    end: int
    text: str
    kind: str = "named"            # "named" | "descriptive"
    entity: str | None = None      # the entity id, when named
    sector: str | None = None      # CAMEO/PLOVER sector: GOV MIL COP SPY JUD LEG REB INS UAF OPP PTY CVL ...
    country: str | None = None     # ISO alpha-3 of the party's state, when known


@dataclass(slots=True)
class Event:
    id: str
    type: str                      # PLOVER event type, upper case
    evidence_start: int
    evidence_end: int
    mode: str | None = None
    source: list[str] = field(default_factory=list)     # entity ids
    target: list[str] = field(default_factory=list)
    location: str | None = None    # entity id
    time: str | None = None        # TimeExpr id
    date: str | None = None        # resolved ISO date
    date_source: str | None = None # "text" (a time expression in its sentence), "statement" (the date of
                                   # the statement reporting it) or "published" (the fallback)
    topics: list[str] = field(default_factory=list)
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    confidence: float = 0.5
    trigger: str | None = None
    # what the learned decision adds (issue 10); ``source``/``target`` keep the named parties' entity ids
    realis: str = "actual"         # one of REALIS: only "actual" events are reported by default
    trigger_start: int | None = None
    trigger_end: int | None = None
    participants: list[Participant] = field(default_factory=list)   # named and descriptive parties
    killed: int | None = None      # casualties the text states for this event
    injured: int | None = None
    reported_by: str | None = None # entity id of whoever reported the event (a statement's speaker)


@dataclass(slots=True)
class ArticleError:
    """An error recorded on an article in batch mode."""

    stage: str
    code: str
    message: str

"""Whether an entity of an article is evidence enough of somebody to become a registry actor.

    actor_evidence(entity, article)   # True, or False: the entity stays in the article, unregistered

An entity that matches an actor the registry already has is linked whatever this says (but a
name the exclusions rule out is never linked: rasid.store.writer); this decides only whether a
*new* actor is made:

* a name a lexicon vouches for (:func:`strong_evidence`: a known person or organisation of
  rasid.names, a place the gazetteer resolved) is made an actor;
* a name the hand-written exclusions rule out (:func:`never_an_actor`: منطقة، خادم، بيننا as a
  person; a person or an unresolved place named only by everyday words) is not;
* a name in Latin letters only is not made a new actor (products, titles and terms in brackets far
  more often than actors: 8 of 9 in the random registry actors read for issue 11, 4 of 5 labelled
  candidates);
* any other PER, ORG or LOC is decided by the evidence model (rasid/models/actors/evidence.json.gz,
  a logistic regression trained by ``python -m rasid.train.actor_evidence`` on candidates labelled
  by docs/ACTOR_ANNOTATION.md; see its MODEL_CARD.md) over :func:`evidence_features`: type, length,
  mentions and what found them, everyday words, given names, heads, offices, nisbas, vowel marks,
  digits, other scripts, verbs at an edge, the words around the first mention, and the verdict of
  the hand-written rules below;
* without a shipped model, the hand-written rules decide (:func:`rule_evidence`).

What the model admits is an actor at once only when the text also gives the person an office
(وزير الخارجية X); anything else it admits waits (:func:`admission` says ``"recurs"``) until a
second article names it (rasid.store.pending). The model reads one article and cannot tell a name
from an article's turn of phrase (شو هاض الحكي، بركتك وطبيعتك، الجيب شيروكي): in 100 random
registry actors read for issue 11, 25 of the 72 seen in one article only were junk, against 3 of
the 28 seen in two or more, and none of the persons with an office in the text. A one-word
person that is only a given name (محمد، خالد) is never made a new actor: it names no one in
particular. A place the gazetteer resolved is strong evidence only when its name is not made of
everyday words alone (بانه, a misspelt بأنه, is a town in Iran).

The rules: evidence is a name that recurs (two or more mentions); a person holding an office in
the text (وزير الخارجية عادل الجبير) or named by two or more words whose first is a known given
name; an organisation of two or more words headed by an organisation word (وزارة، حزب، جمعية); a
place found by a place head or in a list of places after one (مدينة X، مناطق X وY); and never a
person called by one word that is neither a known given name nor a family name with its article
(منطقة، خادم، بيننا), nor a person or unresolved place named only by everyday words
(rasid.ner.everyday) and place heads (قاعدة جوية، العيد).
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from rasid.doc.layers import Entity
from rasid.entities.vocabulary import is_nisba, vocabulary
from rasid.lang.ar.normalize import norm_key
from rasid.names.known import known_person
from rasid.names.lexicon import lexicon
from rasid.names.orgs import known_org
from rasid.ner.everyday import everyday_words

__all__ = ["actor_evidence", "admission", "never_an_actor", "rule_evidence", "strong_evidence", "evidence_features",
           "evidence_model"]

MODEL_FILE = Path(__file__).resolve().parents[1] / "models" / "actors" / "evidence.json.gz"
_PRESENTATION = re.compile(r"[\ufb50-\ufdff\ufe70-\ufeff]")      # presentation forms (old PDF text)
_DIACRITICS = re.compile(r"[\u064b-\u0652]")
_ARABIC = re.compile(r"[\u0621-\u064a\ufb50-\ufdff\ufe70-\ufeff]")     # a letter (presentation forms too)
_NOT_ARABIC_NAME = re.compile(r"[^\u0621-\u064a\u0660-\u0669\u0670-\u06d3\s\u064b-\u065f-]")


def _one_word_person(word: str, everyday: frozenset[str]) -> bool:
    """A one-word person name: a known given name (سلمان، نادية), or a family name with its
    article that is no everyday word (القحطاني)."""
    if word in everyday:
        return False
    return lexicon().lookup(word) is not None or (word.startswith("ال") and len(word) >= 5)


def strong_evidence(entity: Entity) -> bool:
    """A name a lexicon vouches for: a known person or organisation, a place the gazetteer resolved."""
    etype = (entity.type or "").upper()
    if etype == "LOC":
        if entity.geo is None:
            return False
        everyday = everyday_words()
        return not all(w in everyday for w in norm_key(entity.name or "").split())
    if etype == "PER":
        return known_person(entity.name) is not None
    return known_org(entity.name) is not None


def actor_evidence(entity: Entity, article) -> bool:
    """Whether ``entity`` may become a new registry actor (at once or once a second article names it:
    :func:`admission`): a name a lexicon vouches for, else what the evidence model (trained on
    labelled candidates, rasid.train.actor_evidence) says of its features, else (no model shipped)
    the hand-written rules of :func:`rule_evidence`."""
    return admission(entity, article) != "no"


def admission(entity: Entity, article) -> str:
    """How ``entity`` may become a new registry actor: ``"now"`` (a name a lexicon vouches for; a
    name the evidence model admits of a person the text gives an office), ``"recurs"`` (another name
    the model admits: an actor once a second article names it, rasid.store.pending) or ``"no"``."""
    etype = (entity.type or "").upper()
    if etype not in ("PER", "ORG", "LOC"):
        return "no"
    if strong_evidence(entity):
        return "now"
    if never_an_actor(entity):
        return "no"
    if not _ARABIC.search(entity.name or ""):
        return "no"     # a name in Latin letters only is a product, a title or a term far more often than
                        # an actor (LG Gentle، Vote to Play، gluteal muscles); it is still linked when known
    words = norm_key(entity.name or "").split()
    if etype == "PER" and len(words) == 1 and not words[0].startswith("ال") and lexicon().lookup(words[0]):
        return "no"     # a given name alone (محمد، خالد) names no one in particular
    model = evidence_model()
    if model is None:
        admitted = rule_evidence(entity, article)
    else:
        p = model.proba(evidence_features(entity, article)).get("somebody", 0.0)
        admitted = p >= model.meta.get("threshold", 0.5)
    if not admitted:
        return "no"
    if etype == "PER" and any(r.title for r in entity.roles):
        return "now"
    return "recurs"


@cache
def evidence_model():
    """The shipped evidence model (rasid/models/actors/evidence.json.gz), or None."""
    if not MODEL_FILE.is_file():
        return None
    from rasid.events.linear import LinearModel

    return LinearModel.load(MODEL_FILE)


def evidence_features(entity: Entity, article) -> list[str]:
    """What the evidence model reads of a candidate: its type, length, mentions and what found them,
    the hand rules' verdict, everyday words, given names, heads, offices, nisbas, what the name holds
    (digits, other scripts, a verb at an edge), the word before its first mention and its edge words."""
    t = (entity.type or "").upper()
    words = norm_key(entity.name or "").split()
    everyday = everyday_words()
    vocab = vocabulary()
    out = [f"type={t}"]
    add = out.append

    def both(f: str) -> None:          # each fact alone and joined with the type
        add(f)
        add(f"{t}|{f}")

    n = len(words)
    both(f"nw={min(n, 4)}")
    mine = set(entity.mentions)
    mentions = [m for m in article.mentions if m.id in mine]
    both(f"nm={min(len(mentions), 3)}")
    for src in sorted({m.source or "?" for m in mentions}):
        both(f"src={src}")
    both(f"rules={int(rule_evidence(entity, article))}")
    if not words:
        return out
    first, last = words[0], words[-1]
    n_everyday = sum(w in everyday for w in words)
    both("ed=all" if n_everyday == n else "ed=some" if n_everyday else "ed=none")
    if first in everyday:
        both("ed_first")
    if last in everyday:
        both("ed_last")
    lex = lexicon()
    if lex.lookup(first) is not None:
        both("given_first")
    if last.startswith("ال") and len(last) >= 5:
        both("al_last")
    if not first.startswith("ال"):
        both("bare_first")
        if n >= 2 and not words[1].startswith("ال"):
            both("bare_two")
    bare = first.removeprefix("ال")
    if first in vocab.org_heads or bare in vocab.org_heads or ("ال" + first) in vocab.org_heads:
        both("org_head")
    if first in vocab.generic_org_heads or bare in vocab.generic_org_heads:
        both("generic_org_head")
    if first in vocab.place_heads or bare in vocab.place_heads:
        both("place_head")
    if first in vocab.person_titles or first in vocab.honorifics:
        both("title_first")
    if entity.roles:
        both("office")
    if entity.country:
        both("country")
    if is_nisba(last) and n >= 2:
        both("nisba_last")
    name = entity.name or ""
    if any(c.isdigit() for c in name):
        both("digit")
    if _DIACRITICS.search(name):
        both("diacritics")           # عبدٍ طائعٍ، فرصتَيْ: names are seldom vocalised in news
    if _PRESENTATION.search(name):
        both("presentation_forms")
    elif _NOT_ARABIC_NAME.search(name):
        both("other_script")
    if len(last) <= 2:
        both("short_last")
    if mentions:
        m = min(mentions, key=lambda x: x.start)
        _edge_features(article, m, both, vocab)
    add(f"{t}|w0={first}")
    add(f"{t}|wl={last}")
    if n == 1:
        add(f"{t}|only={first}")
    return out


def _edge_features(article, mention, both, vocab) -> None:
    """The words around the mention (before, two before, after), whether it stands in quotation
    marks, and whether its first or last token is a verb."""
    toks = article.tokens
    i, j = article.token_index().span(mention.start, mention.end)
    if i >= j:
        return
    verbs = _verbs()
    if toks[i].kind == "word" and verbs(toks[i]):
        both("verb_first")
    if j - 1 > i and toks[j - 1].kind == "word" and verbs(toks[j - 1]):
        both("verb_last")
    if i > 0 and j < len(toks) and toks[i - 1].kind == "quote" and toks[j].kind == "quote":
        both("quoted")
    if j < len(toks):
        nxt = toks[j]
        both(f"next={nxt.stem}" if nxt.kind == "word" else f"next_kind={nxt.kind}")
        if nxt.kind == "word" and is_nisba(nxt.stem):
            both("next_nisba")
    if i == 0:
        both("prev=START")
        return
    prev = toks[i - 1]
    if prev.kind != "word":
        both(f"prev_kind={prev.kind}")
        return
    key = prev.stem
    if key in vocab.person_titles or key in vocab.honorifics:
        both("prev_title")
        if i > 1 and toks[i - 2].kind == "word" and (toks[i - 2].stem in vocab.facility_heads
                                                     or toks[i - 2].stem in vocab.org_heads):
            both("inside_name")          # مستشفى الملك فهد، جامعة الأمير سطام: a person inside a name
    if key in vocab.facility_heads or key in vocab.org_heads:
        both("prev_org_or_facility_head")
    if key in vocab.place_heads:
        both("prev_place_head")
    both(f"prev={key}")


@cache
def _verbs():
    from rasid.entities.vocabulary import KnownVerbs

    return KnownVerbs()


def never_an_actor(entity: Entity) -> bool:
    """The hand-written exclusions, which no evidence overrides: a person or organisation named by one
    word of one or two letters (بي، سي), a person called by one word that is
    neither a known given name nor a family name with its article (منطقة، خادم، بيننا), a person named
    only by everyday words, an unresolved place named only by everyday words and place heads."""
    etype = (entity.type or "").upper()
    words = norm_key(entity.name or "").split()
    if not words:
        return True
    everyday = everyday_words()
    if len(words) == 1 and len(words[0]) <= 2 and etype in ("PER", "ORG"):
        return True                 # a spelled letter or two (بي، سي، ام of بي بي سي، اف-16، وان.ام.دي.بي)
    if etype == "PER" and not known_person(entity.name):
        if len(words) == 1 and not _one_word_person(words[0], everyday):
            return True             # however often, with whatever title
        if all(w in everyday for w in words):
            return True
    if etype == "LOC" and entity.geo is None:
        heads = vocabulary().place_heads
        if all(w in everyday or w in heads for w in words):
            return True             # قاعدة جوية، العيد، العطلات
    return False


def rule_evidence(entity: Entity, article) -> bool:
    """The hand-written evidence rules (the module's docstring): the decision before the model, and one
    of the model's features."""
    etype = (entity.type or "").upper()
    words = norm_key(entity.name or "").split()
    if never_an_actor(entity):
        return False
    if etype == "PER" and known_person(entity.name):
        return True
    if etype == "LOC" and entity.geo is not None:
        return True
    if len(entity.mentions) >= 2:
        return True
    if etype == "LOC":
        mine = set(entity.mentions)
        return "rule" in {m.source for m in article.mentions if m.id in mine}
    if etype == "PER":
        if entity.roles:
            return True
        return len(words) >= 2 and lexicon().lookup(words[0]) is not None
    if etype == "ORG":
        if known_org(entity.name):
            return True
        heads = vocabulary().org_heads
        return len(words) >= 2 and (words[0] in heads or words[0].removeprefix("ال") in heads
                                    or ("ال" + words[0]) in heads)
    return False

"""Whether an entity of an article is evidence enough of somebody to become a registry actor.

    actor_evidence(entity, article)   # True, or False: the entity stays in the article, unregistered

An entity that matches an actor the registry already has is linked whatever this says; this
decides only whether a *new* actor is made. Evidence, any of:

* a name the project's lexicons know: a known person or organisation (rasid.names), a place
  the gazetteer resolved;
* the name recurs: two or more mentions in the article;
* a person holding an office in the text (وزير الخارجية عادل الجبير), or named by two or more
  words whose first is a known given name (the name tables of rasid.names.lexicon);
* an organisation of two or more words headed by an organisation word (وزارة، حزب، جمعية);
* a place found by a place head or in a list of places after one (مدينة X، مناطق X وY);

and never, however often named or titled, a person called by one word that is neither a known
given name nor a family name with its article (منطقة، خادم، بيننا), a person or an unresolved
place named only by everyday words (rasid.ner.everyday) and place heads (قاعدة جوية، العيد).

Without any (a one-off single word the tagger alone proposed: الهادئ، يخشون; a run of words that
is no name: قيادة الثقافة للدولة), the entity is not made an actor.
"""
from __future__ import annotations

from rasid.doc.layers import Entity
from rasid.entities.vocabulary import vocabulary
from rasid.lang.ar.normalize import norm_key
from rasid.names.known import known_person
from rasid.names.lexicon import lexicon
from rasid.names.orgs import known_org
from rasid.ner.everyday import everyday_words

__all__ = ["actor_evidence"]


def _one_word_person(word: str, everyday: frozenset[str]) -> bool:
    """A one-word person name: a known given name (سلمان، نادية), or a family name with its
    article that is no everyday word (القحطاني)."""
    if word in everyday:
        return False
    return lexicon().lookup(word) is not None or (word.startswith("ال") and len(word) >= 5)


def actor_evidence(entity: Entity, article) -> bool:
    etype = (entity.type or "").upper()
    words = norm_key(entity.name or "").split()
    if not words:
        return False
    everyday = everyday_words()
    if etype == "PER":
        if known_person(entity.name):
            return True
        if len(words) == 1 and not _one_word_person(words[0], everyday):
            return False            # منطقة، خادم، بيننا: however often, with whatever title
        if all(w in everyday for w in words):
            return False
    if etype == "LOC":
        if entity.geo is not None:
            return True
        heads = vocabulary().place_heads
        if all(w in everyday or w in heads for w in words):
            return False            # قاعدة جوية، العيد، العطلات
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

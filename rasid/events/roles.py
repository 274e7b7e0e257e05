"""Learned role assignment: which actor of an event's sentence is its source, which its target.

The structural rules (:func:`rasid.events.participants.find_participants`) read voice, verbal nouns,
agent phrases and clause bounds; their answer is one fact among others here. For each event,
:func:`rasid.events.participants.role_options` lists the actors that may fill a role (the sentence's
named and descriptive actors, the statement's speaker, a bare number after the trigger), each with its
facts (side and distance from the trigger, actors, verbs and punctuation between, governing
preposition, kind, sector, the rules' role…). A ranker per role (a conditional logit, trained by
``make train`` with :mod:`rasid.train.roles` on rasid's annotated event corpus) scores every option and
a "nobody" option (plus a small preference for nobody, the model's ``null_bias``); the pair of
source and target (two different options, or nobody) that scores highest is the answer. When that
leaves both roles empty, the single best option still fills its role if it scores within the model's
``one_party_margin`` of nobody (the events stage drops an event with no party).

    model = RoleModel.load()                  # shipped_roles(): cached
    model.assign(article, si, first, last, trigger, type_) -> list[Participant]
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

from rasid.doc.layers import Participant
from rasid.events.linear import LinearModel
from rasid.events.participants import RoleOptions, role_options
from rasid.lang.ar.triggers import Trigger

__all__ = ["ROLES", "RoleModel", "ROLE_FILE", "option_features", "null_features", "shipped_roles"]

ROLES = ("source", "target")
ROLE_FILE = "roles.json.gz"


def option_features(opts: RoleOptions, k: int, tail_only: bool = False) -> list[str]:
    """The features of option ``k``: its facts, each alone and joined to each fact of the trigger, and a
    few joined triples (``tail_only``: the triples alone)."""
    facts = opts.options[k].facts
    ctx = opts.context
    get = dict(f.split("=", 1) for f in facts if "=" in f).get
    pos, passive, type_ = ctx[0], ctx[1], ctx[2]
    side, prep, kind = get("side"), get("prep"), get("kind")
    tail = [f"{pos}|{passive}|side={side}|prep={prep}", f"{type_}|side={side}|dist={get('dist')}",
            f"{type_}|side={side}|prep={prep}|kind={kind}", f"rule={get('rule')}|side={side}|nb={get('nb')}"]
    if tail_only:
        return tail
    out = facts + ctx
    for c in ctx:
        out += [c + "|" + f for f in facts]
    return out + tail


def null_features(opts: RoleOptions) -> list[str]:
    """The features of "nobody in this role"."""
    pos, passive, type_ = opts.context[0], opts.context[1], opts.context[2]
    return ["NULL", f"NULL|{type_}", f"NULL|{pos}|{passive}", f"NULL|n={min(len(opts.options), 5)}",
            f"NULL|{type_}|{pos}|{passive}"]


class RoleModel:
    """Two rankers in one linear model: class ``source`` scores an option as the source, ``target`` as
    the target."""

    def __init__(self, model: LinearModel) -> None:
        self.model = model
        self._k = {r: model.classes.index(r) for r in ROLES}
        # a preference for leaving a role empty, added to "nobody"'s score (chosen on the own corpus'
        # dev split by full-event F1; see rasid.train.roles)
        self.null_bias = float(model.meta.get("null_bias", 0.0))
        # when both roles come out empty, the best single option still fills its role if its score is
        # within this margin of "nobody" (an event needs a party; None: no such fallback)
        fb = model.meta.get("one_party_margin")
        self.one_party_margin = None if fb is None else float(fb)

    @classmethod
    def load(cls, path: Path | None = None) -> "RoleModel":
        from rasid.events.decide import MODEL_DIR

        return cls(LinearModel.load(path or MODEL_DIR / ROLE_FILE))

    def choose(self, opts: RoleOptions) -> tuple[int | None, int | None]:
        """The options chosen as source and target (indexes into ``opts.options``; None: nobody)."""
        m = self.model
        rows = [m.partial(null_features(opts)).tolist()] + [self._option_scores(opts, k)
                                                             for k in range(len(opts.options))]
        ks, kt = self._k["source"], self._k["target"]
        src = [r[ks] for r in rows]
        tgt = [r[kt] for r in rows]
        src[0] += self.null_bias
        tgt[0] += self.null_bias
        # the best pair (i, j) with i != j unless both are nobody (0): the best of each role, and when
        # they are the same option, the better of giving the other role its second best
        order_s = sorted(range(len(rows)), key=lambda k: -src[k])[:2]
        order_t = sorted(range(len(rows)), key=lambda k: -tgt[k])[:2]
        i, j = order_s[0], order_t[0]
        if i == 0 and j == 0 and len(rows) > 1 and self.one_party_margin is not None:
            k_s = max(range(1, len(rows)), key=lambda k: src[k])
            k_t = max(range(1, len(rows)), key=lambda k: tgt[k])
            gain_s, gain_t = src[k_s] - src[0], tgt[k_t] - tgt[0]
            if max(gain_s, gain_t) >= -self.one_party_margin:
                if gain_s >= gain_t:
                    i = k_s
                else:
                    j = k_t
        if i == j and i != 0:
            alt_j = order_t[1] if len(order_t) > 1 else 0
            alt_i = order_s[1] if len(order_s) > 1 else 0
            if src[i] + tgt[alt_j] >= src[alt_i] + tgt[j]:
                j = alt_j
            else:
                i = alt_i
        return (i - 1 if i else None, j - 1 if j else None)

    def _option_scores(self, opts: RoleOptions, k: int) -> list[float]:
        """``model.partial(option_features(opts, k))`` without building the joined strings: each fact
        joined to a trigger fact is looked up in the model's table for that prefix (same features, same
        order, same sums)."""
        m = self.model
        table = m.rows()
        facts, ctx = opts.options[k].facts, opts.context
        rows = [r for r in map(table.get, facts + ctx) if r is not None]
        for c in ctx:
            joined = m.rows(c)
            rows += [r for r in map(joined.get, facts) if r is not None]
        tail = option_features(opts, k, tail_only=True)
        rows += [r for r in map(table.get, tail) if r is not None]
        return m.two_scores_of_rows(rows)

    def assign(self, article, sentence_index: int, first: int, last: int, trigger: Trigger,
               type_: str) -> list[Participant]:
        """The source and target of the event at tokens ``[first, last)`` (either may be missing)."""
        opts = role_options(article, sentence_index, first, last, trigger, type_)
        src, tgt = self.choose(opts)
        out = []
        if src is not None:
            out.append(opts.options[src].participant("source"))
        if tgt is not None:
            out.append(opts.options[tgt].participant("target"))
        return out


@cache
def shipped_roles() -> RoleModel:
    return RoleModel.load()

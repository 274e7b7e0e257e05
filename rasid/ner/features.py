"""Token normalisation, clitic stemming and CRF feature extraction for Arabic NER.

Everything here is pure Python and deterministic.  Word-level features depend
only on the word, so they are computed once per distinct word and cached; the
sentence-level pass only prefixes the neighbours' cached features.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable, Sequence
from rasid.lang.ar.lexicons import data

# --------------------------------------------------------------------------
# normalisation
# --------------------------------------------------------------------------
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # harakat + tatweel
_TRANS = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "گ": "ك", "ک": "ك", "ی": "ي", "ی": "ي",
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4",
    "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
    "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4",
    "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
    "\u200f": None, "\u200e": None, "\u200c": None, "\u200d": None, "\ufeff": None,
})
_DIGITS = re.compile(r"\d")


def normalize(tok: str) -> str:
    """Key form of a token: NFKC, no diacritics/tatweel, unified alef/ya/ta-marbuta/hamza
    carriers, Arabic-Indic digits to ASCII, Latin lower-cased."""
    t = unicodedata.normalize("NFKC", tok) if not tok.isascii() else tok
    t = _DIACRITICS.sub("", t).translate(_TRANS)
    return t.lower()


def digit_shape(t: str) -> str:
    return _DIGITS.sub("0", t)


# --------------------------------------------------------------------------
# clitics
# --------------------------------------------------------------------------
# conjunction (و ف), then preposition (ب ل ك) or future س is ignored, then article ال.
_PREFIX = re.compile(r"^(?P<conj>[وف])?(?P<prep>[بلك])?(?P<art>ال)?")


def _suffixes() -> tuple[str, ...]:
    """The suffixes ``strip_suffix`` tries, in order (rasid/lang/ar/lexicons/light_stem.json)."""

    return tuple(data("light_stem")["suffixes"])


_SUFFIXES = _suffixes()


def split_prefix(w: str, vocab: dict | None = None) -> tuple[str, str]:
    """Split a normalised word into (proclitics, stem).

    Prefixes that contain the article (ال، وال، بال، لل...) are removed when a stem of
    at least 2 letters remains.  A bare conjunction/preposition (و ف ب ل ك, or two of
    them) is removed only when ``vocab`` (word → corpus count) says the remainder is
    a word more frequent than the whole: فرنسا and لبنان stay, ومصر → مصر.
    """
    if len(w) < 3 or not ("\u0621" <= w[0] <= "\u064a"):
        return "", w
    # لل = ل + ال (the alef of the article drops after li-)
    for p in ("لل", "ولل", "فلل"):
        if w.startswith(p) and len(w) - len(p) >= 2:
            return p, w[len(p):]
    m = _PREFIX.match(w)
    pre = m.group(0)
    if not pre:
        return "", w
    if m.group("art"):
        if len(w) - len(pre) >= 2:
            return pre, w[len(pre):]
        pre = pre[:-2]
    if not pre or vocab is None:
        return "", w
    fw = vocab.get(w, 0)
    while pre:
        st = w[len(pre):]
        if len(st) >= 2 and vocab.get(st, 0) > max(fw, 2):
            return pre, st
        pre = pre[:-1]
    return "", w


def stem(w: str, vocab: dict | None = None) -> str:
    """Proclitic-stripped form of a normalised word."""
    return split_prefix(w, vocab)[1]


def light_stem(w: str, vocab: dict | None = None) -> str:
    """Stem with a plural or nisba suffix (ات ون ين ي يه ...) removed too, for lookups."""
    return strip_suffix(stem(w, vocab))


def strip_suffix(s: str) -> str:
    """A stem without its plural or nisba suffix (when at least three letters remain)."""
    for suf in _SUFFIXES:
        if s.endswith(suf) and len(s) - len(suf) >= 3:
            return s[: -len(suf)]
    return s


# --------------------------------------------------------------------------
# tokenisation of raw text (for the unlabelled corpus and for callers)
# --------------------------------------------------------------------------
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:[\u064b-\u065f\u0670\u0640]*[^\W\d_]*)*|[^\s\w]|_", re.UNICODE)


def tokenize(text: str) -> list[str]:
    """ANERcorp-like tokens: words, numbers and single punctuation marks."""
    return _TOKEN.findall(text)


# --------------------------------------------------------------------------
# features
# --------------------------------------------------------------------------
_PUNCT = set("،؛؟.,;:!?\"'()[]{}«»-–—/\\…*%")


def _shape(tok: str) -> str:
    if tok.isalpha():               # the common case, decided at once (no digit, not punctuation)
        return "L" if tok.isascii() else "A"
    return _shape_checked(tok)


def _shape_checked(tok: str) -> str:
    """The word shape by the full test (what :func:`_shape` gives for every token)."""
    if tok.isdigit():
        return "D" if len(tok) < 3 else ("Y" if len(tok) == 4 else "DD")
    if any(c.isdigit() for c in tok):
        return "AD"
    if tok.isascii() and tok.isalpha():
        return "L"
    if all(c in _PUNCT or not c.isalnum() for c in tok):
        return "P"
    return "A"


class FeatureExtractor:
    """Maps a token list to crfsuite feature lists.

    ``clusters`` maps a normalised word to a tuple of cluster-id strings (one per
    granularity); ``gaz`` maps a normalised word/stem to a string of type letters
    (P, L, O, plus "T" for person titles/triggers); ``gaz_multi`` maps a tuple of
    normalised stems (length ≥ 2) to a type letter.
    """

    def __init__(self, clusters: dict | None = None, gaz: dict | None = None,
                 gaz_multi: dict | None = None, max_multi: int = 5, vocab: dict | None = None,
                 rich: bool = True, ctx2_gaz: bool = False, pairs: bool = True):
        self.clusters = clusters or {}
        self.vocab = vocab
        self.rich = rich
        self.ctx_clusters = 3 if rich else 2
        self.gaz = gaz or {}
        self.gaz_multi = gaz_multi or {}
        self.max_multi = max_multi
        self.ctx2_gaz = ctx2_gaz
        self.pairs = pairs
        self._cache: dict[str, tuple[list[str], list[str], str]] = {}
        self._cluster_strings: dict[tuple, tuple[list[str], list[str], list[str]]] = {}

    def __getstate__(self) -> dict:
        """Pickled without its caches (they are made again as words come)."""
        return {k: v for k, v in self.__dict__.items() if k not in ("_cache", "_cluster_strings")}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._cache, self._cluster_strings = {}, {}

    def _cluster_features(self, cl: tuple) -> tuple[list[str], list[str], list[str]]:
        """A cluster tuple's own features (``c0=``...), as a stem's (``sc0=``...) and shared ones."""
        got = self._cluster_strings.get(cl)
        if got is None:
            if len(self._cluster_strings) >= 200_000:
                self._cluster_strings.clear()
            got = self._cluster_strings[cl] = (
                ["c%d=%s" % (i, c) for i, c in enumerate(cl)], ["sc%d=%s" % (i, c) for i, c in enumerate(cl)],
                ["c%d=%s" % (i, c) for i, c in enumerate(cl) if i < self.ctx_clusters])
        return got

    # word-level -----------------------------------------------------------
    def clusters_of(self, tok: str) -> tuple[str, ...] | None:
        """The cluster ids (64, 256, 1024 clusters) of a written word, or of its stem; None if unknown."""
        w = normalize(tok)
        cl = self.clusters.get(w)
        if cl is None:
            cl = self.clusters.get(split_prefix(w, self.vocab)[1])
        return cl

    def word_features(self, tok: str):
        """(own features, features shared with neighbours, stem) for one token."""
        hit = self._cache.get(tok)
        if hit is not None:
            return hit
        out = self.compute_word_features(tok)
        if len(self._cache) < 500_000:
            self._cache[tok] = out
        return out

    def compute_word_features(self, tok: str):
        """:meth:`word_features` without the cache."""
        w = normalize(tok)
        shape = _shape(w)
        pre, st = split_prefix(w, self.vocab)
        lst = strip_suffix(st)          # light_stem(w), without splitting the prefix again
        wd = digit_shape(w)
        own = [
            "w=" + wd, "s=" + st, "ls=" + lst, "sh=" + shape, "pre=" + pre,
            "len=" + str(min(len(st), 8)),
            "p2=" + st[:2], "p3=" + st[:3], "s1=" + w[-1:], "s2=" + w[-2:], "s3=" + w[-3:], "s4=" + w[-4:],
            "ss2=" + st[-2:], "ss3=" + st[-3:],
        ]
        if self.rich:
            own.extend(("p4=" + st[:4], "s5=" + w[-5:], "ss4=" + st[-4:]))
            if len(st) >= 5:
                own.extend("tri=" + st[i:i + 3] for i in range(1, len(st) - 3))
        if tok != w:
            own.append("raw=" + tok)
        ctx = ["w=" + wd, "s=" + st, "sh=" + shape]
        if self.rich:
            ctx.extend(("ss2=" + st[-2:], "p2=" + st[:2]))
        if pre:
            ctx.append("pre=" + pre)
        cl = self.clusters.get(w)
        if cl is None:
            cl = self.clusters.get(st)
            if cl is not None:
                strings = self._cluster_features(cl)
                own.extend(strings[1])
        else:
            strings = self._cluster_features(cl)
            own.extend(strings[0])
        if cl is not None:
            ctx.extend(strings[2])
        else:
            own.append("c=none")
        g = self.gaz.get(w)
        if g:
            for ch in g:
                own.append("g=" + ch)
                ctx.append("g=" + ch)
        for key, name in ((st, "gs="), (lst, "gl=")):
            if key != w:
                g2 = self.gaz.get(key)
                if g2:
                    for ch in g2:
                        own.append(name + ch)
                        ctx.append(name + ch)
        return own, ctx, st

    # sentence-level -------------------------------------------------------
    def multi_gaz(self, stems: Sequence[str]) -> list[list[str]]:
        """B/I gazetteer marks from longest multi-token matches over stems."""
        if not self.gaz_multi:
            return [[] for _ in stems]
        return longest_match_marks(stems, self.gaz_multi, self.max_multi, "mg=", min_len=2)

    def sent_features(self, toks: Sequence[str]) -> list[list[str]]:
        wf = [self.word_features(t) for t in toks]
        n = len(wf)
        stems = [x[2] for x in wf]
        mg = self.multi_gaz(stems)
        out = []
        for i in range(n):
            own, ctx, st = wf[i]
            f = ["b"]
            f.extend(own)
            f.extend(mg[i])
            if i > 0:
                f.extend(["-1" + x for x in wf[i - 1][1]])
                f.append("-1|0s=" + stems[i - 1] + "|" + st)
                f.extend("-1" + x for x in mg[i - 1])
                if i > 1:
                    f.extend(["-2" + x for x in wf[i - 2][1][:2]])
                    if self.ctx2_gaz:
                        f.extend(["-2" + x for x in wf[i - 2][1] if x[0] == "g"])
                if self.pairs:
                    f.append("-1s|c=" + stems[i - 1] + "|" + middle_cluster(wf[i][1]))
            else:
                f.append("BOS")
            if i + 1 < n:
                f.extend(["+1" + x for x in wf[i + 1][1]])
                f.append("0|+1s=" + st + "|" + stems[i + 1])
                f.extend("+1" + x for x in mg[i + 1])
                if i + 2 < n:
                    f.extend(["+2" + x for x in wf[i + 2][1][:2]])
                    if self.ctx2_gaz:
                        f.extend(["+2" + x for x in wf[i + 2][1] if x[0] == "g"])
                if self.pairs:
                    f.append("c|+1s=" + middle_cluster(wf[i][1]) + "|" + stems[i + 1])
            else:
                f.append("EOS")
            out.append(f)
        return out


def middle_cluster(ctx: list[str]) -> str:
    """The middle-granularity cluster id among a word's shared features ('-' if none)."""
    for x in ctx:
        if x.startswith("c1="):
            return x[3:]
    return "-"


def sentences_features(fx: FeatureExtractor, sents: Iterable[Sequence[str]]):
    return [fx.sent_features(s) for s in sents]


# --------------------------------------------------------------------------
# document-level consistency (second pass)
# --------------------------------------------------------------------------
def entity_type(tag: str) -> str:
    """The entity type of a BIO tag (B-PER -> PER; "" for O)."""
    return tag[2:] if len(tag) > 2 else ""


def context_features(fx: FeatureExtractor, sents: Sequence[Sequence[str]],
                     first_pass: Sequence[Sequence[str]], window: int = 20) -> list[list[list[str]]]:
    """Second-pass features: for each token, the types the first pass gave to the same
    stem elsewhere within ``window`` sentences before/after (label consistency across a
    document), plus the token's own first-pass tag."""
    stems = [[fx.word_features(t)[2] for t in s] for s in sents]
    n = len(sents)
    # per sentence: stem -> Counter of types (only content-like stems)
    per_sent: list[dict] = []
    for st, tags in zip(stems, first_pass):
        d: dict[str, dict] = {}
        for s_, t in zip(st, tags):
            if len(s_) < 2:
                continue
            c = d.setdefault(s_, {})
            k = entity_type(t) or "O"
            c[k] = c.get(k, 0) + 1
        per_sent.append(d)
    out = []
    # running window totals
    from collections import Counter, defaultdict
    tot: dict[str, Counter] = defaultdict(Counter)
    lo, hi = 0, 0  # window [lo, hi)
    for i in range(n):
        while hi < n and hi <= i + window:
            for s_, c in per_sent[hi].items():
                tot[s_].update(c)
            hi += 1
        while lo < i - window:
            for s_, c in per_sent[lo].items():
                tot[s_].subtract(c)
            lo += 1
        feats = []
        for s_, t in zip(stems[i], first_pass[i]):
            own = entity_type(t) or "O"
            f = ["fp=" + t]
            c = tot.get(s_)
            if c is not None and len(s_) >= 2:
                others = {k: v - (1 if k == own else 0) for k, v in c.items()}
                ent = {k: v for k, v in others.items() if v > 0 and k != "O"}
                tot_o = sum(v for v in others.values() if v > 0)
                if tot_o == 0:
                    f.append("dc=alone")
                else:
                    for k in ent:
                        f.append("dc=" + k)
                    if ent:
                        best = max(ent, key=ent.get)
                        maj = best + ("+" if ent[best] * 2 >= tot_o else "-")
                        f.append("dcmaj=" + maj)
                        f.append("fpdc=" + own + "|" + maj)  # first pass vs the document
                    else:
                        f.append("dc=O")
            feats.append(f)
        out.append(feats)
    return out


def entity_dictionary(fx: FeatureExtractor, sents, tag_seqs, max_len: int = 6) -> dict:
    """tuple(stems) → majority type of the labelled spans with those stems (types seen ≥ 2/3
    of the time), from labelled sentences."""
    from collections import Counter, defaultdict
    from rasid.ner.evaluate import chunks
    seen: dict = defaultdict(Counter)
    for toks, tags in zip(sents, tag_seqs):
        st = [fx.word_features(t)[2] for t in toks]
        for a, b, typ in chunks(tags):
            if b - a <= max_len:
                seen[tuple(st[a:b])][typ] += 1
    out = {}
    for k, c in seen.items():
        t, n = c.most_common(1)[0]
        if n * 3 >= 2 * sum(c.values()):
            out[k] = t
    return out


def longest_match_marks(keys: Sequence[str], table: dict, max_len: int, prefix: str,
                        min_len: int = 1) -> list[list[str]]:
    """B/I marks (``prefix + "B" + type``) of the longest left-to-right matches of ``table``
    (tuple of keys -> type) over ``keys``, spans of ``min_len`` to ``max_len`` keys."""
    n = len(keys)
    marks: list[list[str]] = [[] for _ in range(n)]
    i = 0
    while i < n:
        step = 1
        for L in range(min(max_len, n - i), min_len - 1, -1):
            t = table.get(tuple(keys[i:i + L]))
            if t is not None:
                marks[i].append(prefix + "B" + t)
                for j in range(i + 1, i + L):
                    marks[j].append(prefix + "I" + t)
                step = L
                break
        i += step
    return marks


def dictionary_marks(fx: FeatureExtractor, toks: Sequence[str], entdict: dict, max_len: int = 6) -> list[list[str]]:
    """B/I marks of the longest matches of ``entdict`` entries in a sentence."""
    st = [fx.word_features(t)[2] for t in toks]
    return longest_match_marks(st, entdict, max_len, "td=")


def second_pass_features(fx: FeatureExtractor, sents: Sequence[Sequence[str]],
                         first_pass: Sequence[Sequence[str]], entdict: dict | None,
                         window: int = 20, base: Sequence | None = None,
                         fp_context: bool = True) -> list[list[list[str]]]:
    """Features of the second-pass CRF: first-pass features + document consistency
    (:func:`context_features`) + matches of the training-set entity dictionary."""
    ctx = context_features(fx, sents, first_pass, window=window)
    out = []
    for k, (s, c) in enumerate(zip(sents, ctx)):
        b0 = base[k] if base is not None else fx.sent_features(s)
        d = dictionary_marks(fx, s, entdict) if entdict else [[] for _ in s]
        n = len(s)
        f = []
        for i in range(n):
            x = b0[i] + c[i] + d[i]
            if i > 0:
                x += ["-1" + y for y in d[i - 1]]
                x.append("-1" + c[i - 1][0])
            if i + 1 < n:
                x += ["+1" + y for y in d[i + 1]]
                if fp_context:
                    x.append("+1" + c[i + 1][0])
            if fp_context:
                x.append("fp2=" + (c[i - 1][0][3:] if i > 0 else "BOS") + "|" + c[i][0][3:])
            f.append(x)
        out.append(f)
    return out

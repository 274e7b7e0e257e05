"""Rule candidates for mentions that a statistical tagger tends to miss.

* person after a title or rank: ``الفريق صدام``، ``السفير رينولدز``،
  ``وزير الخارجية التركي هاكان فيدان``: the name is the run of 1–3 words after
  the title (and its office complement and nisba), stopping at function
  words, punctuation and verbs of saying.

Each rule returns ``(i, j, label)`` token ranges (absolute token indexes).
"""
from __future__ import annotations

from rasid.doc.layers import Token
from rasid.entities.lexicon import is_nisba, lexicon

_SAY = {"قال", "اكد", "اوضح", "اشار", "اضاف", "صرح", "شدد", "لفت", "نوه", "ذكر", "اعلن", "اعتبر", "بحث",
        "ناقش", "التقي", "استقبل", "زار", "دعا", "طالب", "اتهم", "رفض", "هدد", "عقد", "وصل", "غادر"}


def _key(tok: Token) -> str:
    if tok.split:
        words = tok.words
        stems = [w for w in words if w.kind != "proclitic"]
        if stems and stems[0].kind == "article" and stems[0].end - stems[0].start == 1:
            return "ال" + "".join(w.norm for w in stems[1:])
        return "".join(w.norm for w in stems)
    return tok.norm


def _word(tok: Token) -> bool:
    return tok.kind == "word"


def _name_like(key: str, lex) -> bool:
    return (key not in lex.stop and key not in _SAY and key not in lex.person_titles
            and key not in lex.office_complements and key not in lex.org_heads and len(key) >= 2)


def title_person_spans(text: str, tokens: list[Token], a: int, b: int) -> list[tuple[int, int, str]]:
    lex = lexicon()
    out = []
    i = a
    while i < b:
        tok = tokens[i]
        key = _key(tok) if _word(tok) else ""
        if key not in lex.person_titles:
            i += 1
            continue
        k = i + 1
        # skip the office complement: وزير الداخلية التركي، رئيس حكومة «الوحدة»، القائد العام
        steps = 0
        while k < b and steps < 6:
            t = tokens[k]
            kk = _key(t) if _word(t) else ""
            if kk in lex.office_complements or is_nisba(kk) or kk in lex.org_heads:
                k += 1
                steps += 1
                continue
            break
        # the name: 1-3 name-like words, the first not definite
        j = k
        while j < b and j - k < 3 and _word(tokens[j]):
            kk = _key(tokens[j])
            if not _name_like(kk, lex) or tokens[j].split and tokens[j].words[0].kind == "proclitic":
                break
            if j == k and kk.startswith("ال"):
                break
            if j > k and (is_nisba(kk) and j - k >= 2):
                break
            j += 1
        if j > k:
            out.append((k, j, "PER"))
        i = max(j, i + 1)
    return out


def rule_spans(text: str, tokens: list[Token], a: int, b: int) -> list[tuple[int, int, str]]:
    return title_person_spans(text, tokens, a, b)

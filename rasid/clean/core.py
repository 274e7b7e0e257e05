"""Find the boilerplate ranges of a raw article text. Deletion only: every
removal is a ``[start, end)`` range of the raw text with a reason and the rule
that fired; nothing is rewritten.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rasid.clean.dateline import assign, find_dateline
from rasid.clean.rules import Rules, line_key, load_rules, title_key
from rasid.doc.layers import Removed

TITLE_MAX_WORDS = 25
COMMENT_TAIL_MAX_WORDS = 12
TAIL_MAX_WORDS = 18
_SENTENCE_END = (".", "!", "؟", "?", "…")


@dataclass
class Cleaning:
    removed: list[Removed]
    title: str | None = None          # title found in the raw (when none was given)
    publisher: str | None = None
    section: str | None = None
    dateline: dict | None = None
    notes: dict = field(default_factory=dict)


def _lines(raw: str) -> list[tuple[int, int, int]]:
    """(start, end, next_start) of every line; end excludes the line break."""
    out = []
    pos, n = 0, len(raw)
    while pos < n:
        nl = raw.find("\n", pos)
        if nl < 0:
            out.append((pos, n, n))
            break
        end = nl - 1 if nl > pos and raw[nl - 1] == "\r" else nl
        out.append((pos, end, nl + 1))
        pos = nl + 1
    return out


def find_removals(raw: str, title: str | None = None, rules: Rules | None = None) -> Cleaning:
    rules = rules or load_rules()
    lines = _lines(raw)
    texts = [raw[s:e] for s, e, _ in lines]
    stripped = [t.strip() for t in texts]
    marks: dict[int, tuple[str, str]] = {}        # whole-line removals: index -> (reason, rule)
    partial: list[Removed] = []
    result = Cleaning([])
    nonblank = [i for i, s in enumerate(stripped) if s]
    if not nonblank:
        return _finish(raw, lines, marks, partial, result)

    # 1. title: given, or a short first line followed by a blank line
    if title is None:
        i0 = nonblank[0]
        first = stripped[i0]
        if (i0 + 1 < len(lines) and not stripped[i0 + 1] and len(first.split()) <= TITLE_MAX_WORDS
                and not first.endswith(_SENTENCE_END)):
            title = first
            result.title = first
    if title:
        tk = title_key(title)
        lo, hi = len(title) // 2, 2 * len(title) + 10
        seen = False
        if tk:
            for i in nonblank:
                s = stripped[i]
                if lo <= len(s) <= hi and title_key(s) == tk:
                    marks[i] = ("repeated_title", "title:repeat") if seen else ("title", "title:line")
                    seen = True

    # 2. whole boilerplate lines
    maxw = rules.max_line_words
    tail = set(nonblank[-rules.tail_window:]) if rules.tail_lines is not None else set()
    for i in nonblank:
        if i in marks:
            continue
        s = stripped[i]
        if len(s) > 12 * maxw or len(s.split()) > maxw:
            continue
        k = line_key(s)
        if not k:
            continue
        m = rules.lines.fullmatch(k)
        if m is None and i in tail and len(s.split()) <= TAIL_MAX_WORDS:
            m = rules.tail_lines.fullmatch(k)
            if m is not None:
                marks[i] = (m.lastgroup, f"{m.lastgroup}:tail_line")
                continue
        if m is not None:
            marks[i] = (m.lastgroup, f"{m.lastgroup}:line")

    # 3. after a comment form in the last 60% of the raw text, the short lines that follow go too
    half = 0.4 * len(raw)
    forms = [i for i in nonblank if marks.get(i, ("",))[0] == "comment_form" and lines[i][0] >= half]
    if forms:
        for i in range(forms[0] + 1, len(lines)):
            s = stripped[i]
            if not s or i in marks:
                continue
            if len(s.split()) <= COMMENT_TAIL_MAX_WORDS or rules.comment_fields.fullmatch(line_key(s)):
                marks[i] = ("comment_form", "comment_form:after_form")
            else:
                break

    # 4. leading share/navigation widget and dateline on the first body line
    body = [i for i in nonblank if i not in marks]
    if body:
        i = body[0]
        s, e, _ = lines[i]
        off = 0
        if rules.leading_prefix is not None:
            m = rules.leading_prefix.match(texts[i])
            if m and m.end() > 0:
                if not texts[i][m.end():].strip():
                    marks[i] = ("share", "share:leading_widget")
                else:
                    partial.append(Removed(s, s + m.end(), "share", "share:leading_widget"))
                    off = m.end()
        if i not in marks:
            d = find_dateline(texts[i][off:], rules)
            if d is not None and (not d.whole_line or len(body) > 1):
                dl = raw[s + off + d.start:s + off + d.end].rstrip()
                pub, sec = assign(d.parts, dl.endswith("."), rules)
                result.publisher, result.section = pub, sec
                result.dateline = {"text": d.text, "parts": d.parts}
                if d.whole_line:
                    marks[i] = ("dateline", "dateline:line")
                else:
                    partial.append(Removed(s + off + d.start, s + off + d.end, "dateline", "dateline:lead"))

    # 5. trailing "link to this story" / "...more" on the last body line
    body = [i for i in nonblank if i not in marks]
    if body and rules.trailing_suffix is not None:
        i = body[-1]
        s, e, _ = lines[i]
        t = texts[i]
        cut = max(0, len(t) - 300)           # suffixes are short: only look at the end of the line
        m = rules.trailing_suffix.search(t, cut)
        if m:
            if not t[:m.start()].strip():
                marks[i] = ("nav", "nav:trailing_link")
            elif not any(p.start < e and p.end > s + m.start() for p in partial):
                partial.append(Removed(s + m.start(), e, "nav", "nav:trailing_link"))

    return _finish(raw, lines, marks, partial, result)


def _finish(raw, lines, marks, partial, result: Cleaning) -> Cleaning:
    removed = list(partial)
    blank_after = False
    for i, (s, e, nxt) in enumerate(lines):
        if i in marks:
            reason, rule = marks[i]
            removed.append(Removed(s, nxt, reason, rule))
            blank_after = True
        elif blank_after and not raw[s:e].strip():
            removed.append(Removed(s, nxt, "blank", "blank:after_removed"))
        else:
            blank_after = False
    removed.sort(key=lambda r: (r.start, r.end))
    # merge view of deletions, to trim leading/trailing whitespace of what is kept
    merged: list[list[int]] = []
    for r in removed:
        if merged and r.start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], r.end)
        else:
            merged.append([r.start, r.end])
    n = len(raw)
    extra: list[Removed] = []
    # leading
    pos, j = 0, 0
    while pos < n:
        if j < len(merged) and merged[j][0] <= pos:
            pos = max(pos, merged[j][1]); j += 1
            continue
        stop = merged[j][0] if j < len(merged) else n
        q = pos
        while q < stop and raw[q].isspace():
            q += 1
        if q > pos:
            extra.append(Removed(pos, q, "whitespace", "whitespace:leading"))
        if q < stop:
            break
        pos = q
    lead_end = pos
    # trailing
    pos, j = n, len(merged) - 1
    while pos > lead_end:
        if j >= 0 and merged[j][1] >= pos:
            pos = min(pos, merged[j][0]); j -= 1
            continue
        stop = max(merged[j][1] if j >= 0 else 0, lead_end)
        q = pos
        while q > stop and raw[q - 1].isspace():
            q -= 1
        if q < pos:
            extra.append(Removed(q, pos, "whitespace", "whitespace:trailing"))
        if q > stop:
            break
        pos = q
    if extra:
        removed.extend(extra)
        removed.sort(key=lambda r: (r.start, r.end))
    result.removed = removed
    return result

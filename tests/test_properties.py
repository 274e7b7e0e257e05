"""Whole-pipeline properties on arbitrary text: offsets exact, alignment exact, JSON round-trips."""
import json

import jsonschema
from hypothesis import given
from hypothesis import strategies as st

from rasid.doc import Article
from rasid.doc.serialize import from_dict, json_schema, to_dict
from rasid.pipeline import Pipeline

PIPE = Pipeline.from_names(["clean", "tokens", "sentences"])
LINES = st.sampled_from([
    "عنوان الخبر", "ترك الرد", "Please enter your comment!", "شارك هذا المقال",
    "الرياض - واس:", "قال الوزير إن «الاتفاق» تم.", "وأضاف: 3.5% فقط؟", "", "",
    "https://example.com/x", "بالمدينة وللجيش لـ«الجيش»", "U.S. Mr. Smith said.",
])
TEXT = st.lists(st.one_of(LINES, st.text(alphabet="ابتسلمنوي «»،.؟!\n -:0123456789abc", max_size=40)),
                max_size=12).map("\n".join)


@given(TEXT, st.none() | st.just("عنوان الخبر"))
def test_pipeline_output_is_exact_and_round_trips(raw, title):
    a = PIPE(Article(raw=raw, title=title))
    assert not a.errors
    assert a.text == a.alignment.apply(a.raw)
    for i, ch in enumerate(a.text):
        assert a.raw[a.alignment.to_raw(i)] == ch
    for r in a.removed:
        assert 0 <= r.start <= r.end <= len(a.raw)
    covered = 0
    for t in a.tokens:
        surface = a.text[t.start:t.end]
        assert surface and not any(c.isspace() for c in surface)
        assert "".join(a.text[w.start:w.end] for w in t.words) in ("", surface)
    for s in a.sentences:
        assert a.text[s.start:s.end] == a.text[s.start:s.end].strip()
        covered += s.token_end - s.token_start
    assert covered == len(a.tokens)
    doc = json.loads(json.dumps(to_dict(a), ensure_ascii=False))
    jsonschema.validate(doc, json_schema())
    assert from_dict(doc) == a

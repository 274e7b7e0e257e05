"""Arabic named-entity recognition: CRF over word, clitic-stem, character, word-cluster
and gazetteer features.  Types PER, LOC, ORG, MISC in IOB2.

Modules: ``features`` (the reference features, used to train), ``crf`` (reads a
crfsuite model, batched Viterbi), ``scorer`` (per-word weight table), ``consistency``
(the second pass's document counts), ``tagger`` (the two passes), ``evaluate``, ``conll``.
crfsuite trains the models (``make train``); rasid runs them with numpy and gets
crfsuite's tags (tests/ner/test_scorer.py).

API::

    load_tagger(model_dir=MODEL_DIR) -> NerTagger        # cached per thread
    tag(tokens: Sequence[str]) -> list[str]              # shipped model, one sentence
    NerTagger.tag(tokens) -> list[str]
    NerTagger.tag_sents(sentences) -> list[list[str]]
    tag_document(sentences: Sequence[Sequence[str]]) -> list[list[str]]  # with document context
    NerTagger.tag_document(sentences) -> list[list[str]]
    NerTagger.entities(tokens) -> list[tuple[int, int, str]]
    read_conll(path) -> list[tuple[list[str], list[str]]]  (PERS → PER)
    write_conll(out, sentences_of_columns)
    evaluate(gold_tag_seqs, pred_tag_seqs, types=None) -> dict[str, Score]
    chunks(tags) -> list[tuple[int, int, str]]
    tokenize(text) -> list[str]
"""
from rasid.ner.conll import read_conll, write_conll
from rasid.ner.evaluate import Score, chunks, evaluate, report
from rasid.ner.features import FeatureExtractor, normalize, tokenize
from rasid.ner.tagger import MODEL_DIR, NerTagger, load_tagger, tag, tag_document

__all__ = ["read_conll", "write_conll", "Score", "chunks", "evaluate", "report", "FeatureExtractor",
           "normalize", "tokenize", "MODEL_DIR", "NerTagger", "load_tagger", "tag", "tag_document"]

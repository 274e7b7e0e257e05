"""The NER model's cache (rasid.ner.compiled): made on first use, read back memory-mapped, the
same tags as the model built from its files; a damaged or unwritable cache is never fatal."""
import numpy as np

from rasid.ner import compiled
from rasid.ner.tagger import NerTagger

SENTENCES = [["قال", "الرئيس", "باراك", "أوباما", "في", "واشنطن"],
             ["التقى", "وزير", "الخارجية", "السعودي", "عادل", "الجبير", "نظيره", "الروسي", "سيرغي", "لافروف",
              "في", "موسكو"],
             ["وأعلنت", "وزارة", "الداخلية", "العراقية", "مقتل", "خمسة", "من", "مسلحي", "داعش", "في", "الأنبار"]]


def test_a_cached_model_tags_as_the_model_built_from_its_files(tmp_path, monkeypatch):
    monkeypatch.setenv("RASID_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(compiled, "BASE_WORDS", 2000)     # the shipped figure takes seconds to sum
    built = NerTagger()                       # builds, then writes the cache
    assert sorted(p.name.split(".", 1)[1] for p in tmp_path.iterdir()) == ["npy", "pickle", "words.npy"]
    cached = NerTagger()                      # reads it back
    assert isinstance(cached.weights.stacked.base, np.memmap)           # mapped from the file, not copied
    assert np.array_equal(np.asarray(cached.weights.stacked), built.weights.stacked)
    # the commonest words' rows come summed from the cache, and are the rows the words would get
    assert cached.words.base == built.words.base == 2000
    fresh = NerTagger(extractor=cached.extractor)
    rows, _ = fresh.words.lookup(cached.words.words[:2000])
    assert np.array_equal(fresh.words.table[rows], cached.words.table[:2000])
    assert cached.tag_document(SENTENCES) == built.tag_document(SENTENCES) == fresh.tag_document(SENTENCES)


def test_a_damaged_cache_entry_is_made_again(tmp_path, monkeypatch):
    monkeypatch.setenv("RASID_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(compiled, "BASE_WORDS", 500)
    NerTagger()
    meta = next(tmp_path.glob("*.pickle"))
    meta.write_bytes(b"not a pickle")
    model_dir = NerTagger.__init__.__defaults__[0]
    assert compiled.load(model_dir) is None           # read as missing ...
    tagger = NerTagger()                              # ... so built and written again
    assert tagger.tag(SENTENCES[0]) == ["O", "O", "B-PER", "I-PER", "O", "B-LOC"]
    assert compiled.load(model_dir) is not None


def test_an_unwritable_cache_folder_is_no_error(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder would be")
    monkeypatch.setenv("RASID_CACHE_DIR", str(blocked / "rasid"))
    assert NerTagger().tag(SENTENCES[0]) == ["O", "O", "B-PER", "I-PER", "O", "B-LOC"]

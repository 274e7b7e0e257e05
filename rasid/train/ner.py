"""Build the Arabic NER model from ../shared/data into rasid/models/ner/.

    python -m rasid.train.ner [--shared ../shared] [--out rasid/models/ner] [--skip-embeddings]

Steps (all deterministic, seeded):
 1. tokenise + normalise the SaudiNewsNet corpus (and the TRAIN text) → word counts;
 2. word2vec (gensim, skip-gram, dim 100) on it; k-means clusters of the frequent words
    at three granularities → clusters.tsv.gz (word, count, c64, c256, c1024);
 3. gazetteers (ANERGazet, GeoNames, world cities, Arab legislators, hand lists of
    titles / organisation and place heads) → gazetteer.tsv.gz;
 4. CRF (python-crfsuite, L-BFGS with L1+L2) on cleananercorp_TRAIN → ner.crfsuite;
 5. scores on TEST, tagging speed, MODEL_CARD.md.
"""
from __future__ import annotations

import argparse
import collections
import csv
import glob
import gzip
import io
import json
import os
import random
import sys
import time
import zipfile
from pathlib import Path

from rasid.ner.conll import read_conll
from rasid.ner.features import digit_shape, normalize, split_prefix, tokenize

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SHARED = ROOT.parent / "shared"
DEFAULT_OUT = ROOT / "rasid" / "models" / "ner"
SEED = 13

# --------------------------------------------------------------------------
# hand lists (general Arabic knowledge, not taken from the test data)
# --------------------------------------------------------------------------
PERSON_TITLES = """الرئيس رئيس الملك الامير الأمير الشيخ السيد السيده الدكتور د الاستاذ المستشار
الوزير وزير النائب نائب العاهل المشير الفريق اللواء العميد العقيد الجنرال الامام البابا
المطران الحاخام القس الحاج المهندس المحامي القاضي السفير سفير الناطق المتحدث زعيم الزعيم
قائد القائد المرشد خادم ولي الملكه الاميره السلطان سلطان رئيسه المستشاره المدرب مدرب
اللاعب لاعب النجم الفنان الفنانه المطرب المطربه الكاتب الشاعر الروائي المخرج الممثل
الممثله الصحافي الصحفي المراسل الباحث البروفسور البروفيسور الجنرال المبعوث مبعوث
السناتور النائبه الاسقف المفتي العلامه الداعيه""".split()
ORG_HEADS = """وزاره شركه جامعه حزب مجلس منظمه وكاله جمعيه بنك مصرف اتحاد نادي هيئه لجنه
مؤسسه موسسه حركه جبهه جيش قوات مركز معهد محكمه صندوق برنامج مجموعه كتله تحالف اكاديميه
مستشفى صحيفه جريده قناه اذاعه تلفزيون مكتب ديوان سلطه مصلحه اداره دائره مديريه نقابه رابطه
منتدى مجمع كليه مدرسه بورصه سوق محطه فرقه لواء كتيبه تنظيم""".split()
LOC_HEADS = """مدينه محافظه ولايه اقليم منطقه بلده قريه جزيره جزر نهر بحر خليج جبل جبال صحراء
شارع ميدان حي مخيم عاصمه العاصمه مقاطعه قضاء ناحيه واحه بحيره مضيق قناه شبه ساحل""".split()
STOP = set("""في من الى على عن مع بن ابن بنت ابو ابي ال عبد و او ان انه لا ما هو هي بعد قبل
عند حتى منذ كل بين هذا هذه ذلك تلك التي الذي الذين وقد قد كان كانت""".split())


def _norm_words(s: str) -> list[str]:
    return [normalize(t) for t in tokenize(s) if t.strip()]


# --------------------------------------------------------------------------
# 1. corpus
# --------------------------------------------------------------------------
def corpus_sentences(shared: Path):
    """Normalised token lists from SaudiNewsNet titles and contents (one per line of text)."""
    for zf in sorted(glob.glob(str(shared / "data/corpus/saudinewsnet/*.zip"))):
        with zipfile.ZipFile(zf) as z:
            for name in sorted(z.namelist()):
                for art in json.loads(z.read(name)):
                    for para in (art.get("title") or "", art.get("content") or ""):
                        for line in para.split("\n"):
                            toks = [digit_shape(normalize(x)) for x in tokenize(line)]
                            if len(toks) >= 3:
                                yield toks


def write_corpus(shared: Path, train_sents, path: Path) -> collections.Counter:
    cnt: collections.Counter = collections.Counter()
    with open(path, "w", encoding="utf-8") as out:
        for toks in corpus_sentences(shared):
            cnt.update(toks)
            out.write(" ".join(toks) + "\n")
        for toks, _ in train_sents:
            t = [digit_shape(normalize(x)) for x in toks]
            cnt.update(t)
            out.write(" ".join(t) + "\n")
    return cnt


# --------------------------------------------------------------------------
# 2. embeddings and clusters
# --------------------------------------------------------------------------
def train_word2vec(corpus_path: Path, workers: int = 2, epochs: int = 3, dim: int = 100):
    from gensim.models import Word2Vec
    from gensim.models.word2vec import LineSentence
    m = Word2Vec(LineSentence(str(corpus_path)), vector_size=dim, window=5, min_count=3, sg=1,
                 negative=5, workers=workers, epochs=epochs, seed=SEED, sample=1e-4)
    return m.wv


def kmeans(X, k: int, iters: int = 15, seed: int = SEED):
    """Plain spherical k-means (numpy), k-means++-lite init from a seeded sample."""
    import numpy as np
    rng = np.random.default_rng(seed)
    C = X[rng.choice(len(X), size=k, replace=False)].copy()
    for _ in range(iters):
        lab = np.empty(len(X), dtype=np.int32)
        for s in range(0, len(X), 20000):
            lab[s:s + 20000] = (X[s:s + 20000] @ C.T).argmax(1)
        for j in range(k):
            m = lab == j
            if m.any():
                c = X[m].mean(0)
                C[j] = c / (np.linalg.norm(c) + 1e-9)
    return lab


def build_clusters(wv, counts, max_words: int = 120_000, ks=(64, 256, 1024)):
    import numpy as np
    words = [w for w in wv.index_to_key if counts.get(w, 0) >= 3][:max_words]
    X = np.stack([wv[w] for w in words]).astype(np.float32)
    X /= np.linalg.norm(X, axis=1, keepdims=True) + 1e-9
    labs = [kmeans(X, k, seed=SEED + i) for i, k in enumerate(ks)]
    return {w: (counts.get(w, 0), tuple(str(int(l[i])) for l in labs)) for i, w in enumerate(words)}


def save_clusters(table: dict, path: Path) -> None:
    with gzip.GzipFile(path, "wb", mtime=0) as g:
        with io.TextIOWrapper(g, encoding="utf-8") as f:
            for w, (c, ids) in table.items():
                f.write(w + "\t" + str(c) + "\t" + "\t".join(ids) + "\n")


# --------------------------------------------------------------------------
# 3. gazetteers
# --------------------------------------------------------------------------
def build_gazetteers(shared: Path, vocab: dict | None = None):
    """→ (single: word → type letters, multi: tuple(stems) → type letter).

    Letters: P person name, p person-name part, L location, C country, O organisation,
    T person title, H organisation head word, G place head word.
    """
    g = shared / "data/gazetteers"
    single: dict[str, set] = collections.defaultdict(set)
    multi: dict[tuple, str] = {}

    def stems(ws):
        return tuple(split_prefix(w, vocab)[1] for w in ws)

    def add(name: str, typ: str, parts: str | None = None):
        ws = [w for w in _norm_words(name) if w not in ".-()،,"]
        if not ws:
            return
        if len(ws) == 1:
            if ws[0] not in STOP and len(ws[0]) > 1:
                single[ws[0]].add(typ)
        else:
            multi.setdefault(stems(ws), typ)
            if parts:
                for w in ws:
                    if w not in STOP and len(w) > 2:
                        single[w].add(parts)

    for fn, typ in (("AlignedPersGazetteer.txt", "P"), ("AlignedLocGazetteer.txt", "L"),
                    ("AlignedOrgGazetteer.txt", "O")):
        for line in open(g / "anergazet" / fn, encoding="utf-8-sig"):
            line = line.strip()
            if line and not line.startswith("="):
                add(line, typ, "p" if typ == "P" else None)
    for fn in ("cities5000_arabic_names.tsv",):
        with open(g / "geonames_cities_ar" / fn, encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                for n in (row.get("arabic_script_names") or "").split("|"):
                    if n.strip():
                        add(n, "L")
    with open(g / "world_cities_ar_en/world-cities.csv", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            add(row["CityNameAr"], "L")
            add(row["CountryNameAr"], "C")
    with open(g / "everypolitician_arab_legislators/arab_legislators_2015.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            for n in (row.get("names_ar") or "").split("|"):
                ws = [w for w in _norm_words(n) if normalize(w) not in PERSON_TITLES and w not in ".-"]
                if len(ws) >= 2:
                    add(" ".join(ws), "P", "p")
                    single[ws[0]].add("P")
    pet = g.parent / "lexicons/universalpetrarch_arabic/actor_dict_ar_v4.txt"
    if pet.exists():  # individual actors (entries followed by dated code lines), MIT
        lines = open(pet, encoding="utf-8").read().split("\n")
        heads = {normalize(w) for w in ORG_HEADS + LOC_HEADS} | {"حركه", "قوه", "حكومه", "مجلس"}
        for i, line in enumerate(lines[:-1]):
            if not line.strip() or line[0] in "#\t+ " or "[" in line or not lines[i + 1].startswith("\t"):
                continue
            ws = [w for w in line.strip().strip("_").split("_") if w]
            nws = [normalize(w) for w in ws]
            if 2 <= len(ws) <= 4 and nws[0] not in heads and not (set(nws) & STOP):
                add(" ".join(ws), "P", "p")
    for w in PERSON_TITLES:
        single[normalize(w)].add("T")
    for w in ORG_HEADS:
        single[normalize(w)].add("H")
    for w in LOC_HEADS:
        single[normalize(w)].add("G")
    return {w: "".join(sorted(t)) for w, t in single.items()}, multi


def save_gazetteers(single: dict, multi: dict, path: Path) -> None:
    with gzip.GzipFile(path, "wb", mtime=0) as g:
        with io.TextIOWrapper(g, encoding="utf-8") as f:
            for w in sorted(single):
                f.write(w + "\t" + single[w] + "\n")
            for k in sorted(multi):
                f.write(" ".join(k) + "\t" + multi[k] + "\n")


# --------------------------------------------------------------------------
# 4. CRF
# --------------------------------------------------------------------------
def train_crf(sents, fx, path: Path, c1: float = 0.05, c2: float = 0.05, max_iter: int = 200,
              verbose: bool = False) -> float:
    import pycrfsuite
    t = time.time()
    tr = pycrfsuite.Trainer(verbose=verbose)
    for toks, tags in sents:
        tr.append(fx.sent_features(toks), tags)
    tr.set_params({"c1": c1, "c2": c2, "max_iterations": max_iter,
                   "feature.possible_transitions": True, "feature.minfreq": 1})
    tr.train(str(path))
    return time.time() - t


def score_model(model_path: Path, fx, sents) -> tuple[dict, dict, float]:
    """(scores over PER/LOC/ORG, scores with MISC, tokens per second)."""
    import pycrfsuite
    from rasid.ner.evaluate import evaluate
    tg = pycrfsuite.Tagger()
    tg.open(str(model_path))
    fx._cache.clear()
    t = time.perf_counter()
    pred = [tg.tag(fx.sent_features(toks)) for toks, _ in sents]
    dt = time.perf_counter() - t
    ntok = sum(len(s[0]) for s in sents)
    gold = [g for _, g in sents]
    return evaluate(gold, pred, types=("PER", "LOC", "ORG")), evaluate(gold, pred), ntok / dt

"""The common-words list (rasid.train.common_words): the corpus's commonest tokens as written,
commonest first, reserved articles left out."""
import csv
import gzip
import json
import zipfile

from rasid.train import common_words


def _corpus(tmp_path):
    data = tmp_path / "data"
    (data / "corpus" / "saudinewsnet").mkdir(parents=True)
    records = [{"url": "u1", "title": "المملكة", "content": "في المملكة في الرياض"},
               {"url": "u2", "title": "", "content": "سرّي سرّي سرّي سرّي في"},      # reserved
               {"url": "u3", "title": "", "content": "الرياض abc 2015 في"}]
    with zipfile.ZipFile(data / "corpus" / "saudinewsnet" / "2015-07-21.zip", "w") as z:
        z.writestr("2015-07-21.json", json.dumps(records, ensure_ascii=False))
    (tmp_path / "eval").mkdir()
    with open(tmp_path / "eval" / "reserved.tsv", "w", newline="") as fh:
        w = csv.writer(fh, delimiter="\t")
        w.writerow(["url"])
        w.writerow(["u2"])
    return data


def test_commonest_first_as_written_reserved_out(tmp_path):
    data = _corpus(tmp_path)
    assert common_words.common_words(data) == ["في", "الرياض", "المملكة"]
    assert common_words.common_words(data, n=1) == ["في"]
    out = tmp_path / "common.txt.gz"
    assert common_words.main(["--data", str(data), "--out", str(out)]) == 0
    assert gzip.decompress(out.read_bytes()).decode().split() == ["في", "الرياض", "المملكة"]


def test_no_corpus_leaves_the_file_alone(tmp_path):
    out = tmp_path / "common.txt.gz"
    assert common_words.main(["--data", str(tmp_path / "none"), "--out", str(out)]) == 1
    assert not out.exists()

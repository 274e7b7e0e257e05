"""The reader of the tab-separated files training writes beside the models."""
from rasid.tables import tsv_rows


def test_rows_skip_comments_and_blank_lines(tmp_path):
    p = tmp_path / "learned.tsv"
    p.write_text("# a header\n# columns: key, type\nاتصال\tCONSULT\n\n\nاحاله\tACCUSE\t4\n", "utf-8")
    assert tsv_rows(p) == [["اتصال", "CONSULT"], ["احاله", "ACCUSE", "4"]]


def test_an_absent_file_is_no_rows(tmp_path):
    assert tsv_rows(tmp_path / "not_trained_yet.tsv") == []

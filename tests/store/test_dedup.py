from rasid.store import Store
from rasid.store.dedup import THRESHOLD, jaccard, shingles
from tests.store.build import WATER, WATER_EDITED, filler, tunis, water


def test_shingles_ignore_spelling_variants():
    assert shingles("بيان صحفى للوزارة اليوم") == shingles("بيانٌ صحفي للوزارة اليوم")
    assert jaccard(shingles(WATER), shingles(WATER_EDITED)) >= THRESHOLD


def test_lightly_edited_copy_is_linked_to_the_original(tmp_path):
    with Store(tmp_path / "s.db") as s:
        orig = s.add(water())
        s.add(tunis())
        edited = WATER_EDITED.replace("في العاصمة عمّان", "في عمّان") + " (وكالات)"
        copy = s.add(water(text=edited, publisher="صحيفة أخرى", published="2024-03-04"))
        assert copy.inserted
        assert copy.duplicate_of == orig.article_id and copy.dup_score >= THRESHOLD
        # a copy of the copy names the original, never the copy
        again = s.add(water(text=edited + " ترجمة", publisher="ثالثة"))
        assert again.duplicate_of == orig.article_id
        # the same event from the copies is one event with three sources
        assert s.conn.execute("SELECT n_sources FROM events WHERE type = 'CONSULT' AND date = '2024-03-03'"
                              ).fetchone()[0] == 3


def test_unrelated_articles_are_not_linked(tmp_path):
    with Store(tmp_path / "s.db") as s:
        s.add(water())
        results = [s.add(tunis()), *(s.add(filler(i)) for i in range(5))]
        assert all(r.duplicate_of is None for r in results)
        assert s.conn.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0] == 0


def test_same_story_rewritten_is_not_a_duplicate(tmp_path):
    # half the text changed: related, but not the same wire copy
    with Store(tmp_path / "s.db") as s:
        s.add(water())
        half = WATER.split(". ")[0] + ". وفي سياق متصل أعلنت الحكومة خطة جديدة لترشيد الاستهلاك في القطاع الزراعي."
        assert s.add(water(text=half)).duplicate_of is None


def test_band_rows_are_persisted(tmp_path):
    path = tmp_path / "s.db"
    with Store(path) as s:
        s.add(water())
    with Store(path) as s:     # a new process finds the original without rebuilding anything
        assert s.add(water(text=WATER_EDITED)).duplicate_of is not None

"""An analyst's merges and splits of registry actors: applied everywhere, kept by a later ingest."""
import json

from click.testing import CliRunner

from rasid.cli.main import cli
from rasid.extract import extract_text
from rasid.store import Store


def _article(text, n):
    return extract_text(text, published="2015-07-2" + str(n), publisher="sabq")


def test_merge_and_split_from_the_command_line_hold_after_a_new_ingest(tmp_path):
    db = tmp_path / "s.db"
    with Store(db) as s:
        s.add(_article("قال الرئيس عبدربه منصور هادي إن الحل سياسي. وأضاف هادي أن اليمن سيتعافى.", 1))
        s.add(_article("التقى الرئيس عبد ربه هادي منصور في الرياض وزير الخارجية عادل الجبير. وقال الجبير إن المملكة تدعم اليمن.", 2))
        rows = s.conn.execute("SELECT id, name_ar FROM actors WHERE type = 'PER'").fetchall()
    ids = {name: aid for aid, name in rows}
    keep = next(aid for name, aid in ids.items() if name.startswith("عبدربه"))
    drop = next(aid for name, aid in ids.items() if name.startswith("عبد ربه"))
    run = CliRunner().invoke(cli, ["actors", "merge", keep, drop, "--db", str(db)])
    assert run.exit_code == 0, run.output
    assert json.loads(run.output)["id"] == keep
    with Store(db) as s:
        assert s.conn.execute("SELECT count(*) FROM actors WHERE id = ?", (drop,)).fetchone()[0] == 0
        assert s.conn.execute("SELECT count(*) FROM mentions WHERE actor_id = ?", (drop,)).fetchone()[0] == 0
        s.add(_article("وأكد الرئيس عبد ربه هادي منصور أن الحكومة ستعود إلى عدن. وقال هادي إن الحرب ستنتهي.", 3))
        assert s.conn.execute("SELECT count(*) FROM actors WHERE id = ?", (drop,)).fetchone()[0] == 0
    bad = CliRunner().invoke(cli, ["actors", "merge", keep, "Anobody", "--db", str(db)])
    assert bad.exit_code != 0 and "Anobody" in bad.output
    split = CliRunner().invoke(cli, ["actors", "split", keep, "عبد ربه هادي منصور", "--db", str(db)])
    assert split.exit_code == 0, split.output
    new = json.loads(split.output)["id"]
    with Store(db) as s:
        moved = s.conn.execute("SELECT count(*) FROM mentions WHERE actor_id = ?", (new,)).fetchone()[0]
        assert moved >= 1
        s.add(_article("وصل الرئيس عبد ربه هادي منصور إلى عدن. وقال هادي إن الحكومة ستعمل من هناك.", 4))
        later = s.conn.execute("SELECT DISTINCT m.actor_id FROM mentions m JOIN articles a ON a.id = m.article_id"
                               " WHERE a.published LIKE '2015-07-24%' AND m.text = 'عبد ربه هادي منصور'").fetchall()
        assert later and all(r[0] != keep for r in later)

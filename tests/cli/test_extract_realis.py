"""`rasid extract --format plover` writes the actual events unless --realis asks for others."""
import json

from click.testing import CliRunner

from rasid.cli.main import cli
from rasid.doc.article import Article
from rasid.doc.layers import Event
from rasid.events.plover import to_plover


def _article():
    a = Article(raw="التقى الوزير نظيره. وسيلتقي الوزير نظيره غدا.", published="2025-03-12")
    a.events = [Event("v1", "CONSULT", 0, 19, realis="actual"), Event("v2", "CONSULT", 20, 45, realis="future",
                                                                       future=True)]
    return a


def test_to_plover_keeps_the_realis_asked_for():
    a = _article()
    assert len(to_plover(a)) == 2
    assert len(to_plover(a, ("actual",))) == 1
    assert len(to_plover(a, ("future", "actual"))) == 2


def test_extract_refuses_an_unknown_realis(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("عنوان\n\nالتقى الوزير سالم العلي نظيره فادي نصر في الرياض أمس.", "utf-8")
    res = CliRunner().invoke(cli, ["extract", str(f), "--format", "plover", "--realis", "maybe"])
    assert res.exit_code == 2 and "realis" in res.output
    ok = CliRunner().invoke(cli, ["extract", str(f), "--format", "plover", "--realis", "all", "-q"])
    assert ok.exit_code == 0
    for line in filter(None, ok.output.splitlines()):
        json.loads(line)

import pytest

from rasid.doc import Article
from rasid.errors import PipelineError, StageError
from rasid.pipeline import Pipeline
from rasid.stages.base import Stage


class Upper(Stage):
    name = "t_upper"
    requires = frozenset({"raw"})
    provides = frozenset({"upper"})

    def __call__(self, a):
        a.meta["upper"] = a.raw.upper()
        return a


class NeedsUpper(Stage):
    name = "t_needs_upper"
    requires = frozenset({"upper"})
    provides = frozenset({"after"})

    def __call__(self, a):
        a.meta["after"] = True
        return a


class Boom(Stage):
    name = "t_boom"
    requires = frozenset({"raw"})
    provides = frozenset({"upper"})

    def __call__(self, a):
        raise ValueError("bad luck")


def test_stages_run_in_the_order_given_and_record_provenance():
    a = Pipeline([Upper(), NeedsUpper()])(Article(raw="abc"))
    assert a.meta == {"upper": "ABC", "after": True}
    assert list(a.provenance) == ["t_upper", "t_needs_upper"]


def test_unmet_needs_are_named_at_build_time():
    with pytest.raises(PipelineError, match="'t_needs_upper' needs 'upper'"):
        Pipeline([NeedsUpper(), Upper()])


def test_built_in_pipeline_checks():
    assert Pipeline.from_names(["clean", "tokens", "sentences"]).names == ["clean", "tokens", "sentences"]
    with pytest.raises(PipelineError, match=r"'sentences' needs 'tokens' \(provided by: tokens\)"):
        Pipeline.from_names(["clean", "sentences"])
    with pytest.raises(PipelineError, match="unknown stage 'nope'"):
        Pipeline.from_names(["nope"])
    with pytest.raises(PipelineError, match="listed twice"):
        Pipeline.from_names(["clean", "clean"])
    with pytest.raises(PipelineError, match="error policy"):
        Pipeline([], errors="ignore")


def test_record_policy_keeps_the_failure_on_the_article_and_skips_dependents():
    a = Pipeline([Boom(), NeedsUpper()])(Article(raw="abc"))
    assert [(e.stage, e.code) for e in a.errors] == [("t_boom", "ValueError"), ("t_needs_upper", "skipped")]
    assert "bad luck" in a.errors[0].message
    assert "after" not in a.meta and not a.ok


def test_raise_policy_raises_a_stage_error():
    with pytest.raises(StageError, match="t_boom"):
        Pipeline([Boom()], errors="raise")(Article(raw="abc"))


def test_one_failure_does_not_touch_other_articles():
    class Picky(Stage):
        name = "t_picky"
        requires = frozenset({"raw"})

        def __call__(self, a):
            if a.raw == "bad":
                raise ValueError("picky")
            return a

    out = list(Pipeline([Picky()]).pipe([Article(raw="good"), Article(raw="bad"), Article(raw="fine")]))
    assert [a.ok for a in out] == [True, False, True]


def test_first_article_freezes_what_it_loaded():
    import gc

    from rasid.doc.article import Article
    pipe = Pipeline.from_names(["clean", "tokens", "sentences"])
    gc.unfreeze()
    pipe(Article(raw="قال الوزير إن الاجتماع عقد أمس."))
    assert gc.get_freeze_count() > 0
    gc.unfreeze()
    pipe(Article(raw="وأضاف أن الوفد وصل."))     # once per pipeline
    assert gc.get_freeze_count() == 0

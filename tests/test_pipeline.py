import pytest

from rasid.doc import Article
from rasid.errors import PipelineError, StageError
from rasid.pipeline import DEFAULT_STAGES, Pipeline
from rasid.stages.base import Stage, stage_classes


class Upper(Stage):
    name = "t_upper"
    reads = frozenset({"raw"})
    writes = frozenset({"upper"})

    def __call__(self, a):
        a.meta["upper"] = a.raw.upper()
        return a


class NeedsUpper(Stage):
    name = "t_needs_upper"
    reads = frozenset({"upper"})
    writes = frozenset({"after"})

    def __call__(self, a):
        a.meta["after"] = True
        return a


class Boom(Stage):
    name = "t_boom"
    reads = frozenset({"raw"})
    writes = frozenset({"upper"})

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


def test_a_pipeline_given_layers_starts_from_an_article_that_has_them():
    from rasid.doc import Mention
    from rasid.entities.spans import name_key
    from rasid.pipeline import layers_of

    with pytest.raises(PipelineError, match=r"'entities' needs 'mentions' \(provided by: mentions\), which the "
                                            "articles are not given and no stage"):
        Pipeline.from_names(["entities"], given={"text", "tokens", "sentences"})
    a = Pipeline.from_names(["clean", "tokens", "sentences"], errors="raise")(Article(raw="قال الوزير سامي الحداد إن الوفد وصل."))
    assert layers_of(a) >= {"raw", "metadata", "text", "alignment", "tokens", "sentences"}
    assert not layers_of(a) & {"mentions", "entities", "quotes"}
    start = a.text.index("سامي")
    a.mentions = [Mention("m1", start, start + 11, "سامي الحداد", "PER", name_key("سامي الحداد"), sentence=0)]
    pipe = Pipeline.from_names(["entities", "quotes"], given=layers_of(a), errors="raise")
    out = pipe(a)
    assert [e.name for e in out.entities] == ["سامي الحداد"] and out.quotes[0].speaker == "e1"
    assert list(out.provenance) == ["clean", "tokens", "sentences", "entities", "quotes"]


def test_an_article_without_the_given_layers_is_recorded_and_its_stages_skipped():
    pipe = Pipeline.from_names(["entities", "names"], given={"text", "tokens", "sentences", "mentions"})
    a = pipe(Article(raw="نص بلا طبقات"))
    assert [(e.stage, e.code) for e in a.errors] == [("pipeline", "missing_layers"), ("entities", "skipped"),
                                                     ("names", "skipped")]
    assert a.errors[0].message == "the article lacks the given layers mentions, sentences, tokens"
    with pytest.raises(PipelineError, match="lacks the given layers"):
        Pipeline.from_names(["entities"], given={"text", "tokens", "sentences", "mentions"}, errors="raise")(Article(raw="نص"))


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
        reads = frozenset({"raw"})

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


# ---- stage contracts: what every stage reads and writes -------------------------------------------

def test_requires_and_provides_are_derived_from_reads_writes_and_optional():
    from rasid.stages.events import Events

    assert Events.requires == Events.reads - {"quotes", "geo"} and Events.provides == {"events"}
    with pytest.raises(PipelineError, match="declare reads"):
        class Old(Stage):
            requires = frozenset({"raw"})
    with pytest.raises(PipelineError, match="not among its reads"):
        class Odd(Stage):
            optional = frozenset({"quotes"})


def test_every_stage_names_known_layers_and_reads_what_it_requires():
    from rasid.stages.base import ENTITY_LAYERS, LAYERS, register

    for name, cls in stage_classes().items():
        assert cls.reads | cls.writes <= LAYERS.keys() | ENTITY_LAYERS.keys(), name
        assert cls.requires <= cls.reads and cls.provides == cls.writes, name

    class Bad(Stage):
        name = "t_bad_layer"
        reads = frozenset({"text", "mood"})
    with pytest.raises(PipelineError, match="unknown layers: mood"):
        register(Bad)


def _layer_values(article) -> dict[str, object]:
    """A copy of every layer's value, entity attribute layers apart from the rest of the entities."""
    import copy
    import dataclasses

    from rasid.doc import Entity
    from rasid.stages.base import ENTITY_LAYERS, LAYERS

    own = [f.name for f in dataclasses.fields(Entity) if f.name not in ENTITY_LAYERS.values()]
    out = {layer: copy.deepcopy([object.__getattribute__(article, f) for f in fields])
           for layer, fields in LAYERS.items() if layer != "entities"}
    ents = object.__getattribute__(article, "entities")
    out["entities"] = [[copy.deepcopy(getattr(e, f)) for f in own] for e in ents]
    for layer, attr in ENTITY_LAYERS.items():
        out[layer] = [(e.id, copy.deepcopy(getattr(e, attr))) for e in ents if getattr(e, attr) is not None]
    return out


def run_recorded(stage, article):
    """Run ``stage`` on ``article`` and return the layers it read (attribute access on the article
    and its entities, not counting what the stage itself set there before) and wrote (changed)."""
    from rasid.doc import Entity
    from rasid.stages.base import ENTITY_LAYERS, LAYERS

    field_layer = {f: layer for layer, fields in LAYERS.items() for f in fields}
    field_layer["_token_index"] = "tokens"          # the per-article index over the tokens
    attr_layer = {attr: layer for layer, attr in ENTITY_LAYERS.items()}
    read: set[str] = set()
    set_here: set[tuple[int, str]] = set()          # (object id, attribute) the stage assigned

    class RecordingArticle(Article):
        __slots__ = ()

        def __getattribute__(self, name):
            if name in field_layer and (id(self), name) not in set_here:
                read.add(field_layer[name])
            return object.__getattribute__(self, name)

        def __setattr__(self, name, value):
            set_here.add((id(self), name))
            object.__setattr__(self, name, value)

    class RecordingEntity(Entity):
        __slots__ = ()

        def __getattribute__(self, name):
            if (id(self), name) not in set_here:
                read.add(attr_layer.get(name, "entities"))
            return object.__getattribute__(self, name)

        def __setattr__(self, name, value):
            set_here.add((id(self), name))
            object.__setattr__(self, name, value)

    before = _layer_values(article)
    entities = list(article.entities)
    article.__class__ = RecordingArticle
    for e in entities:
        e.__class__ = RecordingEntity
    try:
        out = stage(article)
    finally:
        article.__class__ = Article
        for e in entities + article.entities:
            e.__class__ = Entity
    assert out is article
    after = _layer_values(article)
    return read, {layer for layer in after if after[layer] != before[layer]}


def test_the_recorder_catches_an_undeclared_read_and_write():
    class Sneaky(Stage):
        name = "t_sneaky"
        reads = frozenset({"text"})
        writes = frozenset({"times"})

        def __call__(self, a):
            a.events = [q for q in a.quotes if q.text in a.text]
            for e in a.entities:
                e.name_latin = e.name
            return a

    from rasid.doc import Entity, Quote
    a = Article(raw="قال زيد: «نعم».")
    a.quotes = [Quote("q1", 10, 13, "نعم")]
    a.entities = [Entity("e1", "PER", "زيد")]
    reads, writes = run_recorded(Sneaky(), a)
    assert reads == {"text", "quotes", "entities"}
    assert writes == {"events", "latin"}
    assert a.entities[0].name_latin == "زيد" and type(a) is Article


@pytest.fixture(scope="module")
def seed_contracts():
    """Every default stage run in turn on the seed case, with what each read and wrote."""
    from rasid.ingest import read_path
    from tests.util import shared_path

    [article] = read_path(str(shared_path("eval", "cases", "seed", "article.txt")))
    article.published = "2025-03-12"
    seen = {}
    for stage in Pipeline.from_names(DEFAULT_STAGES).stages:
        seen[stage.name] = (stage, *run_recorded(stage, article))
    return seen


@pytest.mark.shared
@pytest.mark.parametrize("name", DEFAULT_STAGES)
def test_each_stage_touches_exactly_the_layers_its_contract_names(seed_contracts, name):
    stage, reads, writes = seed_contracts[name]
    assert reads <= stage.reads, f"{name} reads layers it does not declare: {sorted(reads - stage.reads)}"
    assert writes <= stage.writes, f"{name} writes layers it does not declare: {sorted(writes - stage.writes)}"
    unseen = {"places": {"geo"}}.get(name, set())     # see the test below
    assert reads | unseen == stage.reads, f"{name} declares reads it never made: {sorted(stage.reads - reads)}"
    assert writes == stage.writes, f"{name} declares writes it never made on the seed: {sorted(stage.writes - writes)}"


def test_places_reads_the_geo_of_a_place_it_cannot_resolve():
    """Every place of the seed case resolves; one that does not keeps (and is read for) its geo."""
    from rasid.doc import Entity, Mention
    from rasid.stages.places import Places

    a = Article(raw="وصل الوفد إلى قريةزززز.")
    start = a.text.index("قرية")
    a.mentions = [Mention("m1", start, start + 8, "قريةزززز", "LOC")]
    a.entities = [Entity("e1", "LOC", "قريةزززز", ["m1"])]
    reads, writes = run_recorded(Places(), a)
    assert "geo" in reads and writes == set()

"""rasid.entities.kinds: a kind noun and the organisation named before it."""
from types import SimpleNamespace as M

from rasid.entities.kinds import named_before, organisation_heads


def test_the_last_organisation_of_that_kind_named_before():
    mentions = [M(id="m3", start=90, text="وزارة الصحة"), M(id="m1", start=10, text="وزارة الداخلية"),
                M(id="m2", start=40, text="شركة غوغل"), M(id="m4", start=60, text="خالد")]
    entity_of = {"m1": "e1", "m2": "e2", "m3": "e3"}
    heads = organisation_heads(mentions, entity_of, lambda m: m.text.split()[0])
    assert [h[0] for h in heads] == [10, 40, 90]            # text order; no entity, no head
    assert named_before(heads, 50, "وزارة") == "e1"
    assert named_before(heads, 95, "وزارة") == "e3"
    assert named_before(heads, 95, "شركة") == "e2"
    assert named_before(heads, 5, "وزارة") is None

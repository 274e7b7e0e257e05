"""rasid.events.linear.fit: one-class labels and partial labels (a tuple of classes)."""
import numpy as np

from rasid.events.linear import fit

CLASSES = ["actual", "background", "future"]


def test_partial_label_moves_mass_off_the_excluded_class():
    # "x" is seen as actual twice and as "not actual" (background or future, unknown which) four times
    ex = [(["x"], "actual")] * 2 + [(["x"], ("background", "future"))] * 4 + [(["y"], "actual")] * 3
    p = fit(ex, classes=CLASSES, c=10.0, min_count=1).proba(["x"])
    assert p["actual"] < 0.5 < p["background"] + p["future"]
    # the partial label says nothing between its own classes
    assert abs(p["background"] - p["future"]) < 0.05
    assert fit(ex, classes=CLASSES, c=10.0, min_count=1).proba(["y"])["actual"] > 0.7


def test_one_class_labels_unchanged_by_the_tuple_form():
    ex = [(["a", "b"], "actual"), (["a"], "future"), (["b"], "background"), (["c"], "actual")]
    one = fit(ex, classes=CLASSES, min_count=1)
    same = fit([(f, (y,)) for f, y in ex], classes=CLASSES, min_count=1)
    for feats in (["a"], ["b"], ["c"], ["a", "b"]):
        assert np.allclose(list(one.proba(feats).values()), list(same.proba(feats).values()), atol=1e-6)

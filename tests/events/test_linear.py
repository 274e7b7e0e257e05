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


def test_two_scores_of_rows_are_numpys_sums_exactly():
    import numpy as np

    from rasid.events.linear import LinearModel

    rng = np.random.default_rng(3)
    weights = {f"f{i}": rng.normal(size=2).tolist() for i in range(50)}
    m = LinearModel(["a", "b"], [0.25, -0.5], weights)
    for _ in range(20):
        rows = rng.integers(0, 50, size=int(rng.integers(0, 12))).tolist()
        assert m.two_scores_of_rows(rows) == m.scores_of_rows(rows).tolist()
        p = m.proba_of(m.scores_of_rows(rows))["b"]
        assert m.binary_proba_of_rows(rows, 1) == p

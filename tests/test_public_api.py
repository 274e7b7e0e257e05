import rasid


def test_public_api_is_pinned():
    assert sorted(rasid.__all__) == sorted([
        "Article", "Pipeline", "DEFAULT_STAGES", "RasidError", "InputError", "PipelineError",
        "SchemaError", "SpanError", "StageError", "__version__",
    ])
    for name in rasid.__all__:
        assert hasattr(rasid, name)

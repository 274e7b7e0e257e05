"""rasid (راصد): Arabic news to event data, every fact pointing back to its characters.

The public API is what ``__all__`` lists; a test pins it. ``Article``, ``Pipeline``
and ``DEFAULT_STAGES`` are imported on first use (PEP 562), so commands that only read
the store (``rasid events``, ``search``, ``actors``) load neither the data model nor the stages.
"""
from rasid.errors import InputError, PipelineError, RasidError, SchemaError, SpanError, StageError

__version__ = "0.1.0"

__all__ = [
    "Article", "Pipeline", "DEFAULT_STAGES", "RasidError", "InputError", "PipelineError",
    "SchemaError", "SpanError", "StageError", "__version__",
]


def __getattr__(name: str):
    if name == "Article":
        from rasid.doc import Article

        return Article
    if name in ("Pipeline", "DEFAULT_STAGES"):
        from rasid import pipeline   # on first use: it imports every stage (start-up speed)

        return getattr(pipeline, name)
    raise AttributeError(f"module 'rasid' has no attribute {name!r}")

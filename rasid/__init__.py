"""rasid (راصد): Arabic news to event data, every fact pointing back to its characters.

The public API is what ``__all__`` lists; a test pins it.
"""
from rasid.doc import Article
from rasid.errors import InputError, PipelineError, RasidError, SchemaError, SpanError, StageError
from rasid.pipeline import DEFAULT_STAGES, Pipeline

__version__ = "0.1.0"

__all__ = [
    "Article", "Pipeline", "DEFAULT_STAGES", "RasidError", "InputError", "PipelineError",
    "SchemaError", "SpanError", "StageError", "__version__",
]

"""Built-in stages, one module each. Importing this package registers them by name."""
from rasid.stages import clean, entities, mentions, names, places, quotes, sentences, tokens  # noqa: F401
from rasid.stages.base import INGEST_PROVIDES, Stage, register, registry

__all__ = ["Stage", "register", "registry", "INGEST_PROVIDES"]

"""Built-in stages, one module each. Importing this package registers them by name."""
from rasid.stages import (clean, dates, entities, events, mentions, names, places, quotes,  # noqa: F401
                          sentences, tokens)
from rasid.stages.base import INGEST_PROVIDES, Stage, register, registry

__all__ = ["Stage", "register", "registry", "INGEST_PROVIDES"]

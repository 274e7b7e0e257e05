"""Built-in stages, one module each. Importing this package registers them by name."""
from rasid.stages import (clean, dates, entities, events, mentions, names, places, quotes,  # noqa: F401
                          sentences, tokens)
from rasid.stages.base import INGEST_PROVIDES, Stage, register, stage_classes

__all__ = ["Stage", "register", "stage_classes", "INGEST_PROVIDES"]

"""Built-in stages, one module each. Importing this package registers them by name."""
from rasid.stages import clean, sentences, tokens  # noqa: F401  (registration)
from rasid.stages.base import INGEST_PROVIDES, Stage, register, registry

__all__ = ["Stage", "register", "registry", "INGEST_PROVIDES"]

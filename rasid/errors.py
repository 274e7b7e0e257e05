"""The exception tree of rasid.

    RasidError                 base of every error rasid raises on purpose
    ├── SpanError              a character range is invalid or does not hold its text
    ├── SchemaError            a serialised document does not match the data model
    ├── InputError             an input cannot be read (code: empty, binary, encoding,
    │                          too_large, json, permission, not_found, unsupported)
    ├── PipelineError          a pipeline cannot be built (unknown stage, unmet needs)
    ├── StoreError             a store cannot be opened, read or written
    │   └── StoreBusy          another process held the store's write lock too long
    └── StageError             a stage failed on one article (carries the stage name)

Error codes are short stable strings, written into the JSON output of a failed
article (``errors[].code``) so scripts can branch on them.
"""
from __future__ import annotations


class RasidError(Exception):
    """Base class of every error rasid raises on purpose."""

    code = "error"


class SpanError(RasidError, ValueError):
    code = "span"


class SchemaError(RasidError, ValueError):
    code = "schema"


class InputError(RasidError):
    """An input (file, record, stream) cannot be read.

    ``source`` names the input as the user gave it (path, ``path:line``,
    ``archive.zip!member#index``); ``code`` says what is wrong with it.
    """

    def __init__(self, source: str, code: str, message: str) -> None:
        self.source = source
        self.code = code
        self.message = message
        super().__init__(f"{source}: {message}")


class StoreError(RasidError):
    """A store cannot be opened, read or written (not a database, unopenable path, locked)."""

    code = "store"


class StoreBusy(StoreError):
    """Another process held the store's write lock longer than the writer would wait."""

    code = "store_busy"


class PipelineError(RasidError):
    code = "pipeline"


class StageError(RasidError):
    """A stage failed on one article."""

    code = "stage"

    def __init__(self, stage: str, message: str) -> None:
        self.stage = stage
        self.message = message
        super().__init__(f"stage {stage!r} failed: {message}")

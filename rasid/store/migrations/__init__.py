"""Named schema migrations, applied in order by :func:`rasid.store.db.migrate`.

Each migration is a module ``mNNNN_<name>.py`` in this package with ``NAME``
(``"NNNN_<name>"``, recorded in ``schema_migrations``) and either ``SQL`` (a
script of statements, no transaction control) or ``apply(conn)``. Migrations are
Python modules rather than ``.sql`` files so that they ship with the package
without package-data rules. Never edit a migration that has shipped: add one.
"""
from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

__all__ = ["migrations"]


def migrations() -> list[ModuleType]:
    """Every migration module, in name order."""
    mods = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("m") and info.name[1:5].isdigit():
            mods.append(importlib.import_module(f"{__name__}.{info.name}"))
    mods.sort(key=lambda m: m.NAME)
    names = [m.NAME for m in mods]
    if len(set(names)) != len(names):
        raise RuntimeError(f"duplicate migration names: {names}")
    return mods

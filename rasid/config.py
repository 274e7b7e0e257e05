"""Settings: shipped defaults, layered under a user file and environment variables.

Every setting is declared once, here, with its type, default and help text.
docs/SETTINGS.md documents them all (a test fails when one is missing).

Layers, later wins:
  1. the defaults below;
  2. a TOML file: ``--config FILE``, else ``$RASID_CONFIG``, else ``~/.config/rasid/config.toml``
     when it exists (table ``[rasid]`` or top level);
  3. environment variables ``RASID_<NAME>`` (upper case);
  4. command-line options, where a command has one for the setting.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from rasid.errors import RasidError


def _setting(default: Any, help: str) -> Any:
    if isinstance(default, (list, dict)):
        return field(default_factory=lambda: type(default)(default), metadata={"help": help})
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    stages: list = _setting(["clean", "tokens", "sentences", "mentions", "entities", "places", "names", "quotes", "dates", "events"],
                            "Pipeline stages, in the order they run (see `rasid stages`).")
    errors: str = _setting("record", "What a stage failure does: `record` it on the article and go on, "
                                     "or `raise` (strict mode, stops at the first failure).")
    max_bytes: int = _setting(20 * 1024 * 1024,
                              "Largest single .txt/.html input read, in bytes; larger files are reported "
                              "as `too_large` and skipped.")
    max_chars: int = _setting(1_000_000,
                              "Longest article text, in characters (a news story is a few thousand); a "
                              "longer record or file is reported as `too_large` and skipped.")
    progress: bool = _setting(True, "Show a progress bar on stderr when it is a terminal and there are "
                                    "more than a few inputs.")
    workers: int = _setting(1, "Processes that run the pipeline in parallel (`rasid extract`, `rasid ingest`); "
                               "results keep the input order.")
    db: str = _setting("rasid.db", "The SQLite store that `rasid ingest` writes and the query commands, "
                                   "the API and the web UI read.")
    batch_size: int = _setting(64, "Articles `rasid ingest` writes per transaction: fewer commits; a killed ingest "
                                   "loses at most the batch in flight, which a rerun stores.")
    busy_timeout: float = _setting(60.0, "Seconds a writer waits for another process's write transaction before "
                                         "it stops with a message (nothing of its batch written).")
    window_days: int = _setting(3, "Two reports of the same event type between the same actors merge into one "
                                   "event when their dates are at most this many days apart.")
    write_token: str = _setting("", "Bearer token that allows `POST /api/articles`; empty means the API is "
                                    "read-only. Prefer the RASID_WRITE_TOKEN environment variable.")
    host: str = _setting("127.0.0.1", "Address `rasid serve` listens on.")
    port: int = _setting(8321, "Port `rasid serve` listens on.")


class ConfigError(RasidError):
    code = "config"


def setting_help() -> dict[str, str]:
    return {f.name: f.metadata["help"] for f in fields(Settings)}


def _coerce(name: str, value: Any, default: Any) -> Any:
    kind = type(default)
    if isinstance(value, kind):
        return value
    if isinstance(value, str):
        if kind is bool:
            if value.lower() in ("1", "true", "yes", "on"):
                return True
            if value.lower() in ("0", "false", "no", "off"):
                return False
        elif kind in (int, float):
            try:
                return kind(value)
            except ValueError:
                pass
        elif kind is list:
            return [v.strip() for v in value.split(",") if v.strip()]
    elif kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    raise ConfigError(f"setting {name!r}: expected {kind.__name__}, got {value!r}")


def load_settings(path: str | os.PathLike | None = None, env: dict | None = None, **overrides) -> Settings:
    """Build Settings from defaults, a TOML file, ``RASID_*`` variables and keyword overrides."""
    env = os.environ if env is None else env
    base = Settings()
    defaults = {f.name: getattr(base, f.name) for f in fields(Settings)}
    values: dict[str, Any] = {}
    file = Path(path) if path else (Path(env["RASID_CONFIG"]) if env.get("RASID_CONFIG") else None)
    if file is None:
        home = Path.home() / ".config" / "rasid" / "config.toml"
        file = home if home.exists() else None
    if file is not None:
        try:
            data = tomllib.loads(file.read_text("utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{file}: configuration file not found") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{file}: not valid TOML: {exc}") from None
        data = data.get("rasid", data)
        for key, value in data.items():
            if key not in defaults:
                raise ConfigError(f"{file}: unknown setting {key!r}; known: {', '.join(defaults)}")
            values[key] = _coerce(key, value, defaults[key])
    for key in defaults:
        var = f"RASID_{key.upper()}"
        if env.get(var) not in (None, ""):
            values[key] = _coerce(key, env[var], defaults[key])
    for key, value in overrides.items():
        if value is None:
            continue
        if key not in defaults:
            raise ConfigError(f"unknown setting {key!r}")
        values[key] = _coerce(key, value, defaults[key])
    return replace(base, **values)

"""The HTTP API and web UI (FastAPI): ``create_app(db_path, write_token=None)``; see docs/API.md."""
from rasid.web.app import create_app, serve

__all__ = ["create_app", "serve"]

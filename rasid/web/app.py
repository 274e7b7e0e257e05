"""The web app: the HTTP API under ``/api`` and the single-page UI at ``/``.

``create_app(db_path, write_token=None)`` returns a FastAPI app over the store at
``db_path`` (created and migrated when missing). Without ``write_token`` the
server is read-only (``POST /api/articles`` answers 403 ``read_only``).

Nothing is loaded from the internet: FastAPI's Swagger/ReDoc pages (which pull
their assets from a CDN) are off; the OpenAPI document is at ``/openapi.json``.
Every response carries a Content-Security-Policy that allows only this origin
(no inline script), so even a mistake in the UI could not run script from an
article.
"""
from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from rasid import __version__
from rasid.store import connect
from rasid.web.api import MAX_TEXT_CHARS, WebState, build_router
from rasid.web.errors import install_handlers
from rasid.web.guard import WriteGuard

__all__ = ["create_app", "STATIC_DIR", "CSP"]

STATIC_DIR = Path(__file__).with_name("static")

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

DESCRIPTION = """Arabic news as event data: articles, PLOVER events, actors (names in Arabic and Latin
script), quotes, full-text search, counts over time, the actor network and event places.

Every error is JSON: `{"error": {"code": "...", "message": "..."}}`. Lists are pages
(`items`, `total`, `limit`, `offset`; `limit` 1..500). Dates are `YYYY`, `YYYY-MM` or
`YYYY-MM-DD`, inclusive. `POST /api/articles` needs `Authorization: Bearer <token>`
and is refused (403) when the server has no token configured."""


def create_app(db_path: str | os.PathLike, *, write_token: str | None = None, settings=None) -> FastAPI:
    """The FastAPI app over the store at ``db_path``; ``settings`` (rasid.config.Settings) set the
    pipeline that ``POST /api/articles`` runs (default: :func:`rasid.config.load_settings`)."""
    path = os.fspath(db_path)
    connect(path).close()                      # create / migrate before read-only connections open it
    state = WebState(path, write_token, settings)
    app = FastAPI(title="rasid", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None, swagger_ui_oauth2_redirect_url=None)
    app.state.rasid = state
    install_handlers(app)
    app.include_router(build_router(state))

    # token and size before the body is read; MAX_TEXT_CHARS of Arabic is at most 2 bytes a
    # character in UTF-8, escaped JSON at most 6: room for the other fields too
    app.add_middleware(WriteGuard, token=write_token, max_bytes=6 * MAX_TEXT_CHARS + 65_536,
                       paths=frozenset({"/api/articles"}))

    @app.middleware("http")
    async def security_headers(request, call_next):
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        if request.url.path.startswith("/api/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.get("/", include_in_schema=False)
    def index():
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


def serve(db_path: str | os.PathLike, *, host: str = "127.0.0.1", port: int = 8000,
          write_token: str | None = None, settings=None) -> None:        # pragma: no cover (blocking)
    """Run the app with uvicorn (what ``rasid serve`` calls)."""
    import uvicorn   # the server only; create_app (and the tests) need no uvicorn

    uvicorn.run(create_app(db_path, write_token=write_token, settings=settings), host=host, port=port,
                log_level="info")

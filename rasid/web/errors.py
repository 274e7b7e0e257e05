"""One JSON error shape for every error the HTTP API returns.

    {"error": {"code": "<short stable string>", "message": "<what is wrong, in words>"}}

``code`` is one of: ``invalid`` (422: a parameter or body field has the wrong
type, is out of range or malformed), ``not_found`` (404: unknown id or path),
``forbidden`` (403: POST without the right bearer token), ``read_only`` (403: the
server has no write token configured), ``method_not_allowed`` (405),
``internal`` (500), or ``http_<status>`` for any other HTTP error.
"""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

__all__ = ["ApiError", "ErrorBody", "error_body", "install_handlers", "ERROR_RESPONSES"]

log = logging.getLogger("rasid.web")

_CODES = {400: "bad_request", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
          413: "too_large", 422: "invalid", 500: "internal"}


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorBody(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


class ApiError(Exception):
    """Raise inside an endpoint to answer ``status`` with ``{"error": {"code", "message"}}``."""

    def __init__(self, status: int, code: str, message: str, headers: dict | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers


def error_body(code: str, message: str) -> dict:
    return {"error": {"code": code, "message": message}}


def _loc(loc) -> str:
    parts = [str(p) for p in loc if p not in ("query", "path", "body", "header")]
    where = loc[0] if loc and loc[0] in ("query", "path", "body", "header") else ""
    name = ".".join(parts) or where or "request"
    return f"{where} parameter {name!r}" if where in ("query", "path", "header") else (
        f"body field {name!r}" if where == "body" and parts else "request body")


def _validation_message(exc: RequestValidationError) -> str:
    msgs = []
    for err in exc.errors():
        msg = str(err.get("msg", "invalid")).removeprefix("Value error, ")
        value = err.get("input")
        shown = "" if isinstance(value, (dict, list)) or value is None else f" (got {str(value)[:60]!r})"
        msgs.append(f"{_loc(err.get('loc', ()))}: {msg}{shown}")
    return "; ".join(msgs) or "invalid request"


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return JSONResponse(error_body(exc.code, exc.message), status_code=exc.status, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        return JSONResponse(error_body("invalid", _validation_message(exc)), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        code = _CODES.get(exc.status_code, f"http_{exc.status_code}")
        detail = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no such path: {request.url.path}"
        elif exc.status_code == 405 and detail == "Method Not Allowed":
            detail = f"method {request.method} is not allowed on {request.url.path}"
        return JSONResponse(error_body(code, detail), status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(ValueError)
    async def _value(request: Request, exc: ValueError):
        # rasid.query raises ValueError for malformed dates or intervals the parameter checks let through
        return JSONResponse(error_body("invalid", str(exc)), status_code=422)

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception):
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return JSONResponse(error_body("internal", f"internal error ({type(exc).__name__})"), status_code=500)


#: ``responses=`` for routes: the error statuses, documented in OpenAPI with the shared shape
ERROR_RESPONSES = {
    404: {"model": ErrorBody, "description": "Unknown id (`not_found`)"},
    422: {"model": ErrorBody, "description": "Invalid parameter (`invalid`)"},
}

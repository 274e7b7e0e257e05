"""The write guard: token and body size checked before a request body is read.

FastAPI reads and parses a body before its dependencies run, so a check of the token in a
dependency comes after a client has sent (and the server has held) a body of any size.
This ASGI middleware answers a write request (POST to one of the write routes it is
given, ``/api/articles``) first:

* the server has no write token: 403 ``read_only``;
* no ``Authorization: Bearer`` header: 401 ``unauthorized`` (with ``WWW-Authenticate``);
* a wrong token: 403 ``forbidden``;
* a declared ``Content-Length`` over ``max_bytes``: 413 ``too_large``, nothing read; a body
  sent without a length is counted as it arrives and refused the same way once over.

Errors are JSON like every API error: ``{"error": {"code": ..., "message": ...}}``.
"""
from __future__ import annotations

import hmac
import json

__all__ = ["WriteGuard"]

class WriteGuard:
    def __init__(self, app, *, token: str | None, max_bytes: int, paths: frozenset[str]) -> None:
        self.app = app
        self.paths = paths
        self.token = token
        self.max_bytes = int(max_bytes)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"].rstrip("/") not in self.paths:
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        refusal = self._refusal(headers)
        if refusal is not None:
            await _error(send, *refusal)
            return
        seen = 0
        over = False

        async def counted():
            # past the limit the app is told the body ended (it then fails to parse it), and
            # its answer is replaced by the 413 below
            nonlocal seen, over
            if over:
                return {"type": "http.request", "body": b"", "more_body": False}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    over = True
                    return {"type": "http.request", "body": b"", "more_body": False}
            return message

        async def sending(message):
            if not over:
                await send(message)

        await self.app(scope, counted, sending)
        if over:
            await _error(send, 413, "too_large", f"request body over the limit of {self.max_bytes:,} bytes")

    def _refusal(self, headers: dict[str, str]) -> tuple[int, str, str, dict] | None:
        if not self.token:
            return 403, "read_only", "this server is read-only: no write token is configured", {}
        auth = headers.get("authorization", "")
        scheme, _, cred = auth.partition(" ")
        if not auth:
            return (401, "unauthorized", "missing header 'Authorization: Bearer <token>'",
                    {"www-authenticate": "Bearer"})
        if scheme.lower() != "bearer" or not hmac.compare_digest(cred.strip().encode("utf-8"),
                                                                 self.token.encode("utf-8")):
            return 403, "forbidden", "wrong token (send 'Authorization: Bearer <token>')", {}
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_bytes:
            return 413, "too_large", f"request body of {int(length):,} bytes, over the limit of {self.max_bytes:,}", {}
        return None


async def _error(send, status: int, code: str, message: str, extra: dict | None = None) -> None:
    body = json.dumps({"error": {"code": code, "message": message}}).encode("utf-8")
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    headers += [(k.encode(), v.encode()) for k, v in (extra or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})

"""Domain errors raised by services and selectors. Edges translate them: JSON {"error": …} or a page message."""

from __future__ import annotations


class ServiceError(Exception):
    """A refused action. `message` is already translated (lazy), `status` is the HTTP status it maps to."""

    status = 422

    def __init__(self, message, *, status: int | None = None, code: str = "invalid", field: str | None = None):
        super().__init__(str(message))
        self.message = message
        self.code = code
        self.field = field
        if status is not None:
            self.status = status


class NotFound(ServiceError):
    status = 404


class Forbidden(ServiceError):
    status = 403


class RateLimited(ServiceError):
    """Too many actions in a window. `retry_after` (seconds) becomes the Retry-After header."""

    status = 429

    def __init__(self, message, *, retry_after: int, code: str = "rate_limited"):
        super().__init__(message, code=code)
        self.retry_after = max(1, int(retry_after))

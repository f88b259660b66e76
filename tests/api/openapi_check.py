"""Every API response a test receives is checked against the OpenAPI document (as Zulip's tests do): a documented
status must match its schema, and a success nobody documented fails the test. The document is built once."""

from __future__ import annotations

import functools
import json
import re

import jsonschema

from reconfort.api.mastodon.api import api


@functools.cache
def _document() -> dict:
    return api.get_openapi_schema()


@functools.cache
def _operations() -> list[tuple[re.Pattern, str]]:
    """(regex, template) per documented path, the most specific first (/accounts/search before /accounts/{id})."""
    paths = _document()["paths"]
    templates = [(re.compile(re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(p)) + "/?"), p) for p in paths]
    return sorted(templates, key=lambda t: (t[1].count("{"), -t[1].count("/")))


def _operation(method: str, path: str) -> dict | None:
    for regex, template in _operations():
        if regex.fullmatch(path):
            return _document()["paths"][template].get(method.lower())
    return None


def check(method: str, path: str, response) -> None:
    """Raise AssertionError when a JSON API response does not match its documented schema."""
    if not path.startswith(("/api/v1/", "/api/v2/")) or not response.get("Content-Type", "").startswith(
        "application/json"
    ):
        return
    operation = _operation(method, path)
    if operation is None:
        return  # unknown path: Django's 404, not an API operation
    responses = operation.get("responses", {})  # ninja keys them by int; the served JSON by string
    documented = responses.get(response.status_code, responses.get(str(response.status_code)))
    if documented is None:
        assert response.status_code >= 300, f"{method} {path}: {response.status_code} is not documented"
        return
    schema = documented.get("content", {}).get("application/json", {}).get("schema")
    if schema is None:
        return
    body = json.loads(response.content or b"null")
    try:
        jsonschema.validate(body, {**schema, "components": _document().get("components", {})})
    except jsonschema.ValidationError as exc:
        message = f"{method} {path} → {response.status_code} does not match the document: {exc.message}"
        raise AssertionError(message) from None

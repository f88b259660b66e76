"""The served OpenAPI document: ninja's, plus what every operation can answer besides its success.

Errors come from one place (errors.py: `{"error": …}` with the status a ServiceError, a validation error or the
token check carries), so they are documented here from what each operation takes, rather than on 175 decorators:

- any operation: 400 a NUL character in the path or the query (core.middleware refuses them: PostgreSQL cannot
  store them);
- a token is checked (security declared): 401 missing or invalid token, 403 outside the token's scopes or not
  allowed by a policy, 422 a member's action asked with an app-only token;
- the operation takes input (path, query or body): 404 an object it names does not exist or is not visible to the
  caller, 422 a value is invalid; with a body also 400 (neither JSON nor a form, or a NUL in it) and 413 (too large);
- it writes (POST, PUT, PATCH, DELETE): 409 the object is not in a state for it, 429 a rate limit (Retry-After);
- an operation's own decorator may document more (it wins over these).

Operations that let visitors in (`auth.anyone`) list an empty security requirement too, as OpenAPI says for
optional authentication: without a token they answer, with an invalid one they answer 401.
"""

from __future__ import annotations

from ninja import NinjaAPI
from ninja.openapi.schema import OpenAPISchema

from .auth import TokenAuth

WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})
ERROR_SCHEMA = {
    "title": "Error",
    "type": "object",
    "properties": {
        "error": {"type": "string", "description": "What went wrong, in the caller's language."},
        "field": {"type": "string", "description": "The request field at fault, when there is one."},
    },
    "required": ["error"],
}
DESCRIPTIONS = {
    400: "The request cannot be read: a NUL character, or a body that is neither JSON nor a form.",
    401: "The access token is missing or invalid.",
    403: "Outside the token's scopes, or not allowed.",
    404: "Not found, or not visible to the caller.",
    409: "The object is not in a state for this action.",
    413: "The request body is too large.",
    422: "A value is invalid, or the action is refused.",
    429: "Too many requests for now; see Retry-After.",
}
RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait.", "schema": {"type": "integer", "minimum": 1}}}


def error_statuses(methods: list[str], details: dict) -> set[int]:
    """The error statuses an operation can answer, from what it takes (see the module's docstring)."""
    statuses: set[int] = {400}
    if details.get("security"):
        statuses |= {401, 403, 422}
    if details.get("parameters") or "requestBody" in details:
        statuses |= {404, 422}
    if "requestBody" in details:
        statuses.add(413)
    if WRITES & {method.upper() for method in methods}:
        statuses |= {409, 429}
    return statuses


def error_response(status: int, description: str | None = None) -> dict:
    response = {
        "description": description or DESCRIPTIONS[status],
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }
    if status == 429:
        response["headers"] = RETRY_AFTER
    return response


class DocumentedSchema(OpenAPISchema):
    def operation_details(self, operation) -> dict:
        details = super().operation_details(operation)
        tokens = [auth for auth in operation.auth_callbacks if isinstance(auth, TokenAuth)]
        if tokens and all(auth.optional for auth in tokens):
            details["security"] = [*details.get("security", []), {}]
        responses = details["responses"]
        for status in sorted(error_statuses(operation.methods, details)):
            if status not in responses and str(status) not in responses:
                responses[status] = error_response(status)
        return details

    def get_components(self) -> dict:
        components = super().get_components()
        components["schemas"]["Error"] = ERROR_SCHEMA
        return components


class DocumentedAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix: str | None = None, path_params: dict | None = None) -> OpenAPISchema:
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        return DocumentedSchema(self, path_prefix)

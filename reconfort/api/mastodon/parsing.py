"""Request bodies as Mastodon clients send them: JSON, form-encoded or multipart, with Rails-style keys.

`media_ids[]=1&media_ids[]=2` becomes {"media_ids": ["1", "2"]}, `source[privacy]=public` becomes
{"source": {"privacy": "public"}}; any other content type with a body is refused (400). A JSON `null` body is no
body, as the document says of the operations whose body is optional.

Forms carry only text, so the schemas read "true" or "1" as a boolean and "10" as a number (pydantic's lax mode).
A JSON body says its types: there, `Flag`, `Whole` and `Number` fields take only JSON booleans and numbers, and a
nested `JsonObject` only an object (ninja's Schema would read any value's attributes, making 5 or [] an empty
object).
"""

from __future__ import annotations

import json
import re
from typing import Annotated

from django.utils.datastructures import MultiValueDict
from ninja import Schema
from ninja.parser import Parser
from ninja.schema import DjangoGetter
from pydantic import BeforeValidator, ValidationInfo, model_validator

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
_KEY_PART = re.compile(r"\[([^\[\]]*)\]")


class MalformedBody(ValueError):
    pass


def _split_key(key: str) -> list[str]:
    head, bracket, rest = key.partition("[")
    if not bracket:
        return [key]
    parts = [head]
    parts.extend(_KEY_PART.findall("[" + rest))
    return parts


def form_to_dict(data: MultiValueDict) -> dict:
    """Rails-style nested keys to a dict: a[] → list, a[b] → dict, a[0][b] → dict keyed by index."""
    result: dict = {}
    for key in data:
        values = data.getlist(key)
        parts = _split_key(key)
        node = result
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            next_is_list = not last and parts[i + 1] == "" and i + 1 == len(parts) - 1
            if last:
                if part == "":
                    continue
                node[part] = values[-1] if values else ""
            elif next_is_list:
                node[part] = list(values)
                break
            else:
                child = node.get(part)
                if not isinstance(child, dict):
                    child = {}
                    node[part] = child
                node = child
    return result


def load_form(request) -> None:
    """Django parses form bodies for POST only (ticket 12635); Mastodon clients send PUT/PATCH forms too."""
    if request.method == "POST" or getattr(request, "_form_loaded", False):
        return
    if (request.content_type or "").lower() not in FORM_TYPES:
        return
    request._form_loaded = True
    for attribute in ("_post", "_files"):
        if hasattr(request, attribute):
            delattr(request, attribute)
    method = request.method
    request.method = "POST"
    try:
        request._load_post_and_files()
    finally:
        request.method = method


def uploaded_file(request, name: str):
    load_form(request)
    return request.FILES.get(name)


def has_nul(value) -> bool:
    """NUL characters cannot be stored (PostgreSQL refuses them) and are never meant: refuse them at the door."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(has_nul(k) or has_nul(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(has_nul(v) for v in value)
    return False


def read_body(request) -> dict | None:
    """The request body as a dict, whatever the (supported) content type."""
    data = _read_body(request)
    if has_nul(data):
        raise MalformedBody("nul")
    return data


def _read_body(request) -> dict | None:
    content_type = (request.content_type or "").lower()
    if content_type in FORM_TYPES:
        load_form(request)
        return form_to_dict(request.POST)
    if content_type == "application/json" or content_type.endswith("+json"):
        if not request.body:
            return {}
        try:
            data = json.loads(request.body)
        except (ValueError, UnicodeDecodeError) as exc:
            raise MalformedBody("json") from exc
        if data is None:
            return None  # no body: the operation's schema says whether it needs one
        if not isinstance(data, dict):
            raise MalformedBody("json_object")
        try:  # JSON may escape lone surrogates ("\ud800") that no text can hold
            json.dumps(data, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError as exc:
            raise MalformedBody("json_text") from exc
        return data
    if not request.body:
        return {}
    raise MalformedBody("content_type")


MAX_ID = 2**63 - 1


def object_id(value) -> int | None:
    """A database id from a path or a field, or None when it cannot be one (so the caller answers 404)."""
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if 0 < number <= MAX_ID else None


def _sent_as_form(info: ValidationInfo) -> bool:
    request = (info.context or {}).get("request")
    return request is None or (request.content_type or "").lower() in FORM_TYPES


def _json_typed(*types: type):
    """Before pydantic's lax reading: in a JSON body, the value must already be of one of `types`."""

    def check(value, info: ValidationInfo):
        if value is None or _sent_as_form(info):
            return value
        if isinstance(value, types) and (bool in types or not isinstance(value, bool)):
            return value
        raise ValueError("wrong JSON type")

    return check


Flag = Annotated[bool, BeforeValidator(_json_typed(bool))]
Whole = Annotated[int, BeforeValidator(_json_typed(int, float))]  # 10.0 is an integer to JSON Schema; 10.5 is not
Number = Annotated[float, BeforeValidator(_json_typed(int, float))]


class JsonObject(Schema):
    """A schema nested in a request body: an object, never a list, a number or a string read as an empty one."""

    @model_validator(mode="before")
    @classmethod
    def _an_object(cls, value):
        raw = value._obj if isinstance(value, DjangoGetter) else value  # ninja's own validator wraps it first
        if isinstance(raw, dict | Schema):
            return value
        raise ValueError("an object")


class MastodonParser(Parser):
    def parse_body(self, request):
        return read_body(request)

    def parse_querydict(self, data: MultiValueDict, list_fields, request):
        """Query strings: `id[]=1&id[]=2` and `id=1&id=2` both fill the list field `id`."""
        result: dict = {}
        for key in data:
            name = key[:-2] if key.endswith("[]") else key
            if name in list_fields:
                result.setdefault(name, []).extend(data.getlist(key))
            else:
                result[name] = data.getlist(key)[-1]
        return result

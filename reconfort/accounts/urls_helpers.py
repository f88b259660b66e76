"""Paths to accounts that lower layers need when rendering text (no URL resolver needed)."""

from urllib.parse import quote


def profile_path(username: str) -> str:
    return "/@" + quote(username)

"""Security headers on every response, and templates that a strict Content-Security-Policy can serve."""

import re
from pathlib import Path

import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parents[2] / "reconfort"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=\"", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"\s(on[a-z]+|hx-on[:\w-]*)=\"", re.IGNORECASE)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/api/v1/instance", "/accounts/login/"])
def test_strict_headers(path):
    response = Client().get(path)
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"


def project_templates():
    return sorted(p for p in ROOT.glob("**/templates/**/*.html"))


def test_templates_need_no_inline_script_or_style():
    offenders = []
    for template in project_templates():
        text = template.read_text(encoding="utf-8")
        for pattern in (INLINE_SCRIPT, INLINE_STYLE, INLINE_HANDLER):
            for match in pattern.finditer(text):
                offenders.append(f"{template.relative_to(ROOT)}: {match.group(0).strip()}")
    assert project_templates(), "no templates found"
    assert not offenders, "\n".join(offenders)

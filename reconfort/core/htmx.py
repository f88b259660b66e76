"""Page helpers shared by every app's views: one view answers HTMX with a fragment, plain forms with a redirect."""

from __future__ import annotations

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request, fallback: str) -> str:
    """The `next` the form carried, if it points back into this site; else `fallback`."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return fallback


def redirect_back(request, fallback: str):
    """Post/Redirect/Get: after a plain form POST, go back where the member was."""
    return redirect(safe_next(request, fallback))


def page_or_fragment(request, page: str, fragment: str, context: dict, *, status: int = 200) -> TemplateResponse:
    """The full page for a normal request, only the fragment for an HTMX request (not a boosted one)."""
    htmx = getattr(request, "htmx", None)
    template = fragment if htmx and not htmx.boosted else page
    return TemplateResponse(request, template, context, status=status)


def problem_response(request, message, status: int) -> TemplateResponse:
    """A refused action: a page with the message, or for HTMX the message alone, shown in the page's notice area."""
    htmx = getattr(request, "htmx", None)
    if htmx:
        response = TemplateResponse(request, "web/_problem.html", {"message": message}, status=status)
        response["HX-Retarget"] = "#flash"
        response["HX-Reswap"] = "innerHTML"
        return response
    return TemplateResponse(request, "web/problem.html", {"message": message}, status=status)

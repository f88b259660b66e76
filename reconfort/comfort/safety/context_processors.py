"""The safety panel shown at once to a member whose words expressed a risk (comfort_safety/_panel.html).

Lazy: the query runs only when a template reads `safety_panel` (base.html does; HTMX fragments do not)."""

from django.utils.functional import SimpleLazyObject

from . import selectors


def safety_panel(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"safety_panel": SimpleLazyObject(lambda: selectors.panel_for(user))}

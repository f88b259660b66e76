"""The safety panel shown at once to a member whose words expressed a risk (comfort_safety/_panel.html)."""

from . import selectors


def safety_panel(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"safety_panel": selectors.panel_for(user)}

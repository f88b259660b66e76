"""The safety panel shown at once to a member whose words expressed a risk (being built: nothing yet)."""


def safety_panel(request) -> dict:
    return {}

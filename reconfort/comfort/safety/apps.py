"""The crisis safety net: risk detection, helplines, « je m'inquiète pour cette personne » (issue 6)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SafetyConfig(AppConfig):
    name = "reconfort.comfort.safety"
    label = "comfort_safety"
    verbose_name = _("Safety net")

    def ready(self) -> None:
        from . import subscribers

        subscribers.connect()

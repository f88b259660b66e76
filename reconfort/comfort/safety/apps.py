from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SafetyConfig(AppConfig):
    name = "reconfort.comfort.safety"
    label = "comfort_safety"
    verbose_name = _("Safety net")

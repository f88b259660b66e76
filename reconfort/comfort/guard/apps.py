from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuardConfig(AppConfig):
    name = "reconfort.comfort.guard"
    label = "comfort_guard"
    verbose_name = _("Kind-reply guard")

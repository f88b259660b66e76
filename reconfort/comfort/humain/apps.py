from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HumainConfig(AppConfig):
    name = "reconfort.comfort.humain"
    label = "humain"
    verbose_name = _("Humain front page")

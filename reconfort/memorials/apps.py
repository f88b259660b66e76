from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MemorialsConfig(AppConfig):
    name = "reconfort.memorials"
    label = "memorials"
    verbose_name = _("Memorials")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComfortConfig(AppConfig):
    name = "reconfort.comfort"
    label = "comfort"
    verbose_name = _("Comfort")

    def ready(self) -> None:
        from . import services

        services.connect()

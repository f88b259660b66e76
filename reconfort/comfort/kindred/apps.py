from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KindredConfig(AppConfig):
    name = "reconfort.comfort.kindred"
    label = "kindred"
    verbose_name = _("Kindred spirits")

"""Crisis pages, « Je suis en sécurité » check-ins (issue 7)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CrisisConfig(AppConfig):
    name = "reconfort.crisis"
    label = "crisis"
    verbose_name = _("Crises")

    def ready(self):
        from reconfort.core import events

        from . import subscribers

        events.subscribe(events.TAG_BURST, subscribers.on_tag_burst)

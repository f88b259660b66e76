from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "reconfort.moderation"
    label = "moderation"
    verbose_name = _("Moderation")

    def ready(self):
        from . import review_appeals, review_memorials

        review_appeals.connect()
        review_memorials.connect()
        from . import review_trends

        review_trends.connect()
        from . import review_crisis

        review_crisis.connect()
        from . import review_safety

        review_safety.connect()

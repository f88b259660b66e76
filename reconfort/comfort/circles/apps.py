from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CirclesConfig(AppConfig):
    name = "reconfort.comfort.circles"
    label = "circles"
    verbose_name = _("Circles")

    def ready(self) -> None:
        from reconfort.posts import gates as post_gates

        from .gates import refuse_newcomer_private_messages

        post_gates.register_check(refuse_newcomer_private_messages)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuardConfig(AppConfig):
    name = "reconfort.comfort.guard"
    label = "comfort_guard"
    verbose_name = _("Kind-reply guard")

    def ready(self) -> None:
        from reconfort.core import events
        from reconfort.posts import gates

        from . import services

        gates.register_check(services.check_reply_policy)
        gates.register_screen(services.screen_content)
        gates.register_screen(services.screen_audience)
        gates.register_edit_screen(services.screen_edit)
        events.subscribe(events.POST_CREATED, services.on_post_created)
        events.subscribe(events.POST_UPDATED, services.on_post_updated)

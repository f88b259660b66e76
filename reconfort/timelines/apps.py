from django.apps import AppConfig


class TimelinesConfig(AppConfig):
    name = "reconfort.timelines"
    label = "timelines"

    def ready(self):
        from . import subscribers

        subscribers.connect()

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "reconfort.core"
    label = "core"

from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The bilingual demo community (`reconfort demo`). Holds no models: it writes through the services."""

    name = "reconfort.demo"
    label = "demo"

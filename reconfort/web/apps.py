from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "reconfort.web"
    label = "web"

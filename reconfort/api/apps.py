from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "reconfort.api"
    label = "api"

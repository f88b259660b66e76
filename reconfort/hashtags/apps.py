from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HashtagsConfig(AppConfig):
    name = "reconfort.hashtags"
    label = "hashtags"
    verbose_name = _("Hashtags")

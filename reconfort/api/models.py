from django.conf import settings
from django.db import models
from oauth2_provider.models import AbstractApplication


class Application(AbstractApplication):
    """An OAuth client registered through POST /api/v1/apps (as Mastodon clients do).

    Mastodon apps use several grants with one registration (authorization code, client credentials, refresh,
    and optionally password), whereas django-oauth-toolkit stores one grant per application.
    """

    website = models.URLField(blank=True)
    scopes = models.CharField(max_length=255, default="read")

    def allows_grant_type(self, *grant_types):
        allowed = {
            AbstractApplication.GRANT_AUTHORIZATION_CODE,
            AbstractApplication.GRANT_CLIENT_CREDENTIALS,
            "refresh_token",
        }
        if settings.RECONFORT_OAUTH_PASSWORD_GRANT:
            allowed.add(AbstractApplication.GRANT_PASSWORD)
        return bool(allowed & set(grant_types))

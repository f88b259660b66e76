from django.conf import settings
from oauth2_provider.models import AbstractApplication
from oauth2_provider.oauth2_validators import OAuth2Validator


class ReconfortOAuth2Validator(OAuth2Validator):
    """Members waiting for approval (or suspended) cannot obtain tokens."""

    def validate_user(self, username, password, client, request, *args, **kwargs):
        if not super().validate_user(username, password, client, request, *args, **kwargs):
            return False
        return bool(request.user and request.user.is_active)

    def validate_grant_type(self, client_id, grant_type, client, request, *args, **kwargs):
        # The password grant exists for old clients only: RECONFORT_OAUTH_PASSWORD_GRANT decides, at request time.
        if grant_type == "password":
            return settings.RECONFORT_OAUTH_PASSWORD_GRANT and client.allows_grant_type(
                AbstractApplication.GRANT_PASSWORD
            )
        return super().validate_grant_type(client_id, grant_type, client, request, *args, **kwargs)

from oauth2_provider.oauth2_validators import OAuth2Validator


class ReconfortOAuth2Validator(OAuth2Validator):
    """Members waiting for approval (or suspended) cannot obtain tokens."""

    def validate_user(self, username, password, client, request, *args, **kwargs):
        if not super().validate_user(username, password, client, request, *args, **kwargs):
            return False
        return bool(request.user and request.user.is_active)

"""OAuth 2 endpoints as Mastodon clients expect them, on top of django-oauth-toolkit."""

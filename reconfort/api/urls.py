"""Mastodon-compatible API, OAuth endpoints. Filled in by the API work."""

urlpatterns: list = []

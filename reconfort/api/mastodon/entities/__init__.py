"""Mastodon entities: a pydantic schema (the documented contract, used for OpenAPI) and a function that
renders a model to a plain dict matching it (fast; tests validate the dicts against the schemas)."""

from tests.api.conftest import anon, api, api_for, app  # noqa: F401 - the API fixtures, shared

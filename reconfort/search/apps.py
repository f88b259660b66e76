"""Full-text search in French and English: PostgreSQL and SQLite FTS5 (issue 7)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "reconfort.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from . import backends, subscribers

        subscribers.connect()
        connection_created.connect(backends.register_sqlite_functions, dispatch_uid="search_sqlite_functions")

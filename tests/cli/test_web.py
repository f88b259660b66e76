"""The web server process: granian configured for WSGI, and the application preloaded before the fork."""

import gc
import pkgutil
import sys

from django.db import connection
from granian.constants import Interfaces
from granian.log import LogLevels

import reconfort
from reconfort.cli import web


def test_granian_serves_the_wsgi_application_with_threads_bounding_each_worker():
    options = web.granian_options("0.0.0.0", 9000, 3, 2, access_log=False)
    assert options["target"] == "reconfort.wsgi:application"
    assert options["interface"] == Interfaces.WSGI
    assert (options["address"], options["port"], options["workers"]) == ("0.0.0.0", 9000, 3)
    assert options["blocking_threads"] == options["backpressure"] == 2
    assert options["websockets"] is False and options["respawn_failed_workers"] is True
    assert options["log_level"] == LogLevels.warning and options["log_access"] is False
    assert web.granian_options("h", 1, 1, 1, access_log=True)["log_access"] is True


def test_preload_imports_the_project_warms_it_and_closes_connections(db, django_db_blocker):
    gc.unfreeze()
    try:
        with django_db_blocker.unblock():
            web.preload()
        assert gc.get_freeze_count() > 0, "what the workers inherit is frozen for the collector"
        assert connection.connection is None, "no database connection crosses the fork"
    finally:
        gc.unfreeze()
    project = [m.name for m in pkgutil.walk_packages(reconfort.__path__, "reconfort.")]
    served = [n for n in project if ".migrations" not in n and not n.startswith(("reconfort.cli", "reconfort.demo"))]
    assert [n for n in served if n not in sys.modules and not n.endswith("__main__")] == []

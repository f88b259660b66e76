"""The web server process that `reconfort serve` starts: granian in WSGI mode, the application loaded once.

Django is imported and warmed up in granian's main process, then the workers fork from it and share that
memory copy-on-write instead of each importing everything anew. Measured on the demo (2 workers): each worker's
PSS drops from about 94 MiB to about 46 MiB (docs/performance.md).

    python -m reconfort.cli.web --host 127.0.0.1 --port 8000 --workers 2 --threads 4 [--access-log]
"""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import multiprocessing
import os
import pkgutil
import sys

import django
from django.conf import settings
from django.core.cache import caches
from django.db import connections
from django.test import Client
from granian import Granian
from granian.constants import Interfaces
from granian.log import LogLevels

import reconfort

logger = logging.getLogger(__name__)
TARGET = "reconfort.wsgi:application"
# Pages read during warm-up: anonymous GETs that write nothing.
WARM_UP_PATHS = ("/", "/community/", "/accounts/login/", "/api/v1/instance", "/api/v1/timelines/public")


def granian_options(host: str, port: int, workers: int, threads: int, access_log: bool) -> dict:
    """Keyword arguments for granian. Pure, so the tests can check exactly how the server is configured."""
    return {
        "target": TARGET,
        "address": host,
        "port": port,
        "interface": Interfaces.WSGI,
        "workers": workers,
        "blocking_threads": threads,
        # A WSGI worker never holds more requests than it has threads; the rest wait in the backlog.
        "backpressure": threads,
        "websockets": False,
        "respawn_failed_workers": True,
        "log_level": LogLevels.warning,
        "log_access": access_log,
    }


def _import_everything() -> None:
    """Import every module of the project (not migrations, not the command line), as requests would."""
    for module in pkgutil.walk_packages(reconfort.__path__, "reconfort."):
        if ".migrations" in module.name or module.name.startswith(("reconfort.cli", "reconfort.demo")):
            continue
        if module.name.endswith("__main__"):
            continue
        importlib.import_module(module.name)


def _warm_up() -> None:
    """Build what Django builds lazily on first use: URL tree, API schemas, templates, translation catalogs."""
    _import_everything()
    host = next((h.lstrip(".") for h in settings.ALLOWED_HOSTS if h not in ("*", "")), "localhost")
    client = Client(raise_request_exception=False, HTTP_HOST=host)
    for path in WARM_UP_PATHS:
        try:
            client.get(path, secure=True, HTTP_X_FORWARDED_PROTO="https")
        except Exception:  # best effort: a page that fails here fails later with a proper answer
            logger.debug("warm-up of %s failed", path, exc_info=True)


def preload() -> None:
    """Load and warm the application in this process, and leave nothing that must not cross a fork."""
    import reconfort.wsgi  # noqa: F401  (here, not at the top: importing it sets Django up)

    _warm_up()
    connections.close_all()
    caches.close_all()
    gc.collect()
    gc.freeze()  # the collector will not touch (and so copy) what the workers inherit


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m reconfort.cli.web")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--access-log", action="store_true")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reconfort.settings")
    django.setup()
    preload()
    if sys.platform.startswith("linux"):
        multiprocessing.set_start_method("fork", force=True)  # sharing needs fork (3.14 defaults to forkserver)
    Granian(**granian_options(args.host, args.port, args.workers, args.threads, args.access_log)).serve()


if __name__ == "__main__":
    main()

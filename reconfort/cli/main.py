"""Dispatch `reconfort <command>`: our own commands first, then Django's management commands."""

from __future__ import annotations

import os
import sys

import django
from django.core.management import call_command, execute_from_command_line

from . import serve

USAGE = """\
Usage: reconfort <command> [options]

  serve [--host H] [--port P] [--workers N]   the web server (granian, WSGI) and the background worker
  worker                                      the background worker alone (Huey consumer)
  migrate                                     apply database migrations and create the cache table
  demo                                        load the bilingual demo community (safe to run twice)
  createsuperuser                             create an administrator account
  check --deploy                              check the production settings

Every other Django management command works too: `reconfort help` lists them.
"""


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reconfort.settings")
    django.setup()


def _migrate(argv: list[str]) -> int:
    # The database cache (used when REDIS_URL is unset) lives in a table that migrations do not create.
    execute_from_command_line(["reconfort", "migrate", *argv])
    call_command("createcachetable", verbosity=0)
    return 0


def run(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reconfort.settings")
    command, rest = (argv[0], argv[1:]) if argv else ("", [])
    if command in ("", "-h", "--help"):
        print(USAGE)
        return 0
    if command == "serve":
        _setup()
        return serve.main(rest)
    if command == "worker":
        execute_from_command_line(["reconfort", "run_huey", *rest])
        return 0
    if command == "migrate" and not {"-h", "--help"} & set(rest):
        _setup()
        return _migrate(rest)
    execute_from_command_line(["reconfort", *argv])
    return 0


def main() -> None:
    sys.exit(run(sys.argv[1:]))

"""`reconfort <command>`: our commands first, every Django management command through."""

import subprocess
import sys

import pytest
from django.db import connection

from reconfort.cli import main


def test_help_lists_the_commands(capsys):
    assert main.run(["--help"]) == 0
    out = capsys.readouterr().out
    for command in ("serve", "worker", "migrate", "demo", "createsuperuser", "check --deploy"):
        assert command in out


def test_django_commands_pass_through(capsys):
    assert main.run(["check"]) == 0
    assert "System check identified no issues" in capsys.readouterr().out


def test_unknown_command_is_refused(capsys):
    with pytest.raises(SystemExit) as exc:
        main.run(["no-such-command"])
    assert exc.value.code == 1
    assert "Unknown command: 'no-such-command'" in capsys.readouterr().err


@pytest.mark.django_db(transaction=True)
def test_migrate_also_creates_the_cache_table(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "reconfort_cache"}
    }
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS reconfort_cache")
    assert "reconfort_cache" not in connection.introspection.table_names()
    assert main.run(["migrate", "--verbosity", "0"]) == 0
    assert "reconfort_cache" in connection.introspection.table_names()


def test_python_dash_m_reconfort_is_the_entry_point(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "reconfort", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "RECONFORT_DATA_DIR": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert "reconfort serve" in result.stdout or "serve [--host H]" in result.stdout

"""Production settings: `check --deploy` is clean, every variable is documented, and the modes switch as told."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = ROOT / "reconfort" / "settings.py"
PRODUCTION = {
    "SECRET_KEY": "k" * 20 + "-a-long-and-random-production-secret-0123456789",
    "RECONFORT_HTTPS": "true",
    "ALLOWED_HOSTS": "reconfort.example",
    "CSRF_TRUSTED_ORIGINS": "https://reconfort.example",
}


def run_reconfort(tmp_path, *args, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("RECONFORT_", "DJANGO_")) and k != "DEBUG"}
    clean.update({"RECONFORT_DATA_DIR": str(tmp_path), **env})
    return subprocess.run(
        [sys.executable, "-m", "reconfort", *args], capture_output=True, text=True, env=clean, timeout=120
    )


def test_check_deploy_prints_no_warnings_with_production_settings(tmp_path):
    result = run_reconfort(tmp_path, "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNINGS" not in result.stdout + result.stderr


def test_check_deploy_does_complain_about_debug(tmp_path):
    """The check above can fail: turning DEBUG on in production is reported."""
    result = run_reconfort(tmp_path, "check", "--deploy", "--fail-level", "WARNING", DEBUG="true", **PRODUCTION)
    assert result.returncode != 0
    assert "security.W018" in result.stdout + result.stderr


def _settings_variables() -> set[str]:
    source = SETTINGS.read_text()
    pattern = r"""(?:environ\.get|env_bool|env_list|environ\[)\(?\s*["']([A-Z][A-Z0-9_]+)["']"""
    return set(re.findall(pattern, source))


def test_every_environment_variable_is_documented():
    variables = _settings_variables()
    assert {"DATABASE_URL", "REDIS_URL", "SECRET_KEY", "DEBUG", "ALLOWED_HOSTS"} <= variables
    readme = (ROOT / "README.md").read_text()
    example = (ROOT / ".env.example").read_text()
    assert not [v for v in sorted(variables) if f"`{v}`" not in readme], "missing from README's table"
    assert not [v for v in sorted(variables) if not re.search(rf"^{v}=", example, re.M)], "missing from .env.example"


def _settings_value(tmp_path, expression, **env):
    code = f"import reconfort.settings as s; print({expression})"
    clean = {k: v for k, v in os.environ.items() if not k.startswith("RECONFORT_") and k not in ("DATABASE_URL",)}
    clean.pop("REDIS_URL", None)
    clean.update({"RECONFORT_DATA_DIR": str(tmp_path), **env})
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=clean, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_embedded_defaults_sqlite_database_cache_and_sqlite_queue(tmp_path):
    assert _settings_value(tmp_path, "s.DATABASES['default']['ENGINE']") == "django.db.backends.sqlite3"
    assert _settings_value(tmp_path, "s.CACHES['default']['LOCATION']") == "reconfort_cache"
    assert _settings_value(tmp_path, "s.HUEY['huey_class']") == "huey.SqliteHuey"
    assert _settings_value(tmp_path, "s.DEBUG") == "False"
    # Without SECRET_KEY, one is generated once and kept.
    first = _settings_value(tmp_path, "s.SECRET_KEY")
    assert len(first) >= 50 and _settings_value(tmp_path, "s.SECRET_KEY") == first


def test_postgres_and_redis_are_switched_on_by_their_urls(tmp_path):
    env = {"DATABASE_URL": "postgres://u:p@db.example:5432/reconfort", "REDIS_URL": "redis://cache.example:6379/1"}
    assert _settings_value(tmp_path, "s.DATABASES['default']['ENGINE']", **env) == "django.db.backends.postgresql"
    assert _settings_value(tmp_path, "s.CACHES['default']['BACKEND']", **env).endswith("RedisCache")
    assert _settings_value(tmp_path, "s.HUEY['huey_class']", **env) == "huey.RedisHuey"


@pytest.mark.parametrize("value, expected", [("true", "True"), ("", "False"), ("no", "False")])
def test_the_password_grant_is_off_unless_enabled(tmp_path, value, expected):
    env = {"RECONFORT_OAUTH_PASSWORD_GRANT": value}
    assert _settings_value(tmp_path, "s.RECONFORT_OAUTH_PASSWORD_GRANT", **env) == expected

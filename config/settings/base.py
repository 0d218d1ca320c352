"""Settings shared by every environment; the others start with ``from .base import *``."""

import mimetypes
from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from .environment import BASE_DIR, database_url, env, machine_translator

SECRET_KEY = env.str("SECRET_KEY", default="")
DEBUG = False
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])

INSTALLED_APPS = [
    "accounts",
    "home",
    "competences",
    "courses",
    "credentials",
    "practice_analysis",
    "gatherings",
    "recognition",
    "privacy",
    "search",
    "setup",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "filer",
    "easy_thumbnails",
    "config.apps.EntrepairsAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "accounts.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "privacy.audit.AuditContextMiddleware",
    "home.routing.PageRoutingMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.VerifiedDeviceMiddleware",  # django-otp's OTPMiddleware
    "accounts.middleware.SessionTimeoutMiddleware",
    "accounts.middleware.TwoFactorMiddleware",
    "practice_analysis.middleware.PracticeGroupAdminMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a lockout into the login page with the reason.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": database_url()}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work side by side, which runserver and tests need.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Argon2 first: new and changed passwords are hashed with it; older hashes still work and are
# upgraded at the next login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

# django-axes first: it refuses a locked-out username and address before the password check.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, reading the session's member with SQL compiled once per process.
    "accounts.backends.MemberBackend",
]


def embedded_cache(location):
    """The cache shared by every process of one machine when there is no Redis: diskcache's
    Django backend, SQLite files whose writes cost the same whatever their size (Django's
    file cache lists its whole folder on every write once full). Expired entries are
    dropped as they are read and by its size limit."""
    return {
        "BACKEND": "config.cache.EmbeddedCache",
        "LOCATION": str(location),
        "SHARDS": 8,
        "DATABASE_TIMEOUT": 0.25,
        "OPTIONS": {"size_limit": env.int("CACHE_SIZE_LIMIT", default=2**30)},
    }


# Values each worker process keeps in its own memory besides the shared cache
# (home/cache.py): about 40 MB at most with the default.
LOCAL_CACHE_ENTRIES = env.int("LOCAL_CACHE_ENTRIES", default=4096)

# Sessions read from the cache, written through to the database.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Seconds. Staff sessions open confidential spaces: they end sooner when left idle.
# accounts.middleware.SessionTimeoutMiddleware applies them.
SESSION_IDLE_TIMEOUT = env.int("SESSION_IDLE_TIMEOUT", default=2 * 60 * 60)
SESSION_IDLE_TIMEOUT_STAFF = env.int("SESSION_IDLE_TIMEOUT_STAFF", default=30 * 60)
SESSION_ABSOLUTE_TIMEOUT = env.int("SESSION_ABSOLUTE_TIMEOUT", default=12 * 60 * 60)
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_TIMEOUT

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
# The Wagtail admin sends people to the site's login page (two-factor, throttling).
WAGTAILADMIN_LOGIN_URL = LOGIN_URL

# Two-step verification (django-otp, enforced by accounts.middleware.TwoFactorMiddleware):
# these roles, staff accounts and superusers set it up right after login, before any page.
TWO_FACTOR_REQUIRED_ROLES = ["trainer", "supervisor", "coordinator"]
OTP_TOTP_ISSUER = "Entrepairs"

# Login throttling (django-axes): 5 failures for one username from one address lock that
# pair for 15 minutes; 20 failures from one address, whatever the usernames, lock the
# address (accounts.throttling.AddressLimitHandler). A success resets its own pair's count.
# Failures and lockouts are logged (accounts.signals) and kept in django-axes' tables.
AXES_HANDLER = "accounts.throttling.AddressLimitHandler"
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_ADDRESS_FAILURE_LIMIT = env.int("AXES_ADDRESS_FAILURE_LIMIT", default=20)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
# Logins are in the audit log (privacy): axes keeps no log of its own of successful ones.
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "accounts.throttling.client_ip"
# How many reverse proxies (nginx) sit in front of Django and add to X-Forwarded-For.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# Browser protections. The front end allows no inline script or style; the two admins
# (which need them) get the relaxed policy below. Embedded videos come from these hosts.
VIDEO_FRAME_SOURCES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "frame-src": ["'self'", *VIDEO_FRAME_SOURCES],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
ADMIN_PATH_PREFIXES = ["/admin/", "/django-admin/"]
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        # Wagtail's preview shows the page in a frame of the editor.
        "frame-ancestors": ["'self'"],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

# Languages: French first, English second, for the interface and the content.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# locale_overrides/ first: our French for wagtail-localize (the translation editor and its
# forms), read before the package's own catalogue, for Python and the JavaScript catalogue
# alike. Kept apart from locale/ so that `make messages` (makemessages --no-obsolete on our
# source) never drops its entries. See README "Translating pages".
LOCALE_PATHS = [BASE_DIR / "locale_overrides", BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
# Dates and numbers as each language writes them (templates use named formats only).
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
USE_TZ = True
# Translations are created as drafts and go through the same review as any other text.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Optional, off by default: MACHINE_TRANSLATION=deepl (+ DEEPL_API_KEY) or libretranslate.
if _machine_translator := machine_translator():
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = _machine_translator

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "var" / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media")))
PRIVATE_MEDIA_ROOT = Path(env.str("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "var" / "private")))

# Backups (home/backups.py, docs/operations.md): where archives are written, and where the
# PostgreSQL client programs are when they are not next to the server's.
BACKUP_DIR = Path(env.str("BACKUP_DIR", default=str(BASE_DIR / "var" / "backups")))
PG_BIN_DIR = env.str("PG_BIN_DIR", default="")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}

# Wagtail
WAGTAIL_SITE_NAME = "Entrepairs"
# Page addresses without accents ("seance-du-6-octobre", not "séance-…"): they survive being
# copied into e-mails and typed on any keyboard.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
# Wagtail's database backend; on PostgreSQL, each page is stemmed in its own language, accents
# left out (the configurations come from search/migrations/0001_unaccent_configurations.py).
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backend",
        "SEARCH_CONFIGS": {"fr": "french_unaccent", "en": "english_unaccent"},
    }
}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar: it would send a hash of each member's e-mail address to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "ods", "xlsx", "odp", "pptx", "txt", "mp3"]
# Upload rules (home/uploads.py): the type is checked by content against an allow-list,
# web pages are refused, and each file is at most this large (in bytes).
UPLOAD_MAX_IMAGE_SIZE = env.int("UPLOAD_MAX_IMAGE_SIZE", default=10 * 1024 * 1024)
UPLOAD_MAX_DOCUMENT_SIZE = env.int("UPLOAD_MAX_DOCUMENT_SIZE", default=20 * 1024 * 1024)
WAGTAILIMAGES_MAX_UPLOAD_SIZE = UPLOAD_MAX_IMAGE_SIZE
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.forms.CheckedImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.forms.CheckedDocumentForm"
# Documents go through Wagtail's view, which checks collection privacy; nginx never serves
# /media/documents/ itself (docs/deployment.md).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
# Workflow e-mails are Entrepairs' own (home.notifications), in each reader's language and
# without the text; superusers are a technical role and get none.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# Approval is decided by each workflow's task (e.g. a practice group's own supervisors).
WAGTAIL_FINISH_WORKFLOW_ACTION = "home.workflows.publish_approved"

# django-filer owns downloadable files: private by default, with folder permissions,
# served only through home.views.serve_file, which checks them.
FILER_ENABLE_PERMISSIONS = True
FILER_IS_PUBLIC_DEFAULT = False
FILER_ALLOW_REGULAR_USERS_TO_ADD_ROOT_FOLDERS = False
FILER_STORAGES = {
    "public": {
        "main": {
            "ENGINE": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {
                "location": str(MEDIA_ROOT / "filer_public"),
                "base_url": "/media/filer_public/",
            },
            "UPLOAD_TO": "filer.utils.generate_filename.randomized",
            "UPLOAD_TO_PREFIX": "filer_public",
        },
        "thumbnails": {
            "ENGINE": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {
                "location": str(MEDIA_ROOT / "filer_public_thumbnails"),
                "base_url": "/media/filer_public_thumbnails/",
            },
        },
    },
    "private": {
        "main": {
            "ENGINE": "filer.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT / "filer"), "base_url": "/files/"},
            "UPLOAD_TO": "filer.utils.generate_filename.randomized",
            "UPLOAD_TO_PREFIX": "",
        },
        "thumbnails": {
            "ENGINE": "filer.storage.PrivateFileSystemStorage",
            "OPTIONS": {
                "location": str(PRIVATE_MEDIA_ROOT / "filer_thumbnails"),
                "base_url": "/files/thumbnails/",
            },
        },
    },
}
# How a checked file is handed to the client: Django streams it in development; behind
# nginx, production switches to X-Accel-Redirect (see production.py).
FILER_SERVERS = {
    "private": {
        "main": {"ENGINE": "filer.server.backends.default.DefaultServer", "OPTIONS": {}},
        "thumbnails": {"ENGINE": "filer.server.backends.default.DefaultServer", "OPTIONS": {}},
    }
}
THUMBNAIL_HIGH_RESOLUTION = False
# filer picks validators by the MIME type it guesses from the file name, so the library's
# rules are registered for every type a name can give; they replace filer's own refusals
# (HTML, XML, unknown types, SVG sanitising), which they cover in the user's language.
_FILER_OWN_VALIDATORS = [
    "text/html",
    "application/xhtml+xml",
    "application/xml",
    "text/xml",
    "application/xslt+xml",
    "image/svg+xml",
    "application/octet-stream",
]
mimetypes.init()
FILER_REMOVE_FILE_VALIDATORS = _FILER_OWN_VALIDATORS
FILER_ADD_FILE_VALIDATORS = {
    mime_type: ["home.uploads.validate_library_upload"]
    for mime_type in sorted(
        {*mimetypes.types_map.values(), *mimetypes.common_types.values(), *_FILER_OWN_VALIDATORS}
    )
}
# Photos lose their EXIF data (place, device) on the way into the library.
for _mime_type in ("image/jpeg", "image/png", "image/webp"):
    FILER_ADD_FILE_VALIDATORS[_mime_type].append("filer.validation.strip_exif")

# Background work (Django's tasks API, the django-tasks backport): tasks wait in the
# database (SQLite on a laptop, PostgreSQL in production) until a worker runs them
# (`manage.py run_worker`, started by `make run`; docs/deployment.md). No other server.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A task (or an e-mail) claimed by a worker and not finished after this many seconds is
# taken to belong to a worker that died (SIGKILL, a lost machine): it is run again by
# another worker (home.schedule.requeue_stale_tasks, home.outbox). Longer than any task.
TASK_LEASE_SECONDS = env.int("TASK_LEASE_SECONDS", default=600)

# Every e-mail goes into the outbox (home/outbox.py) and leaves through a task, by the
# transport named here (the EMAIL_BACKEND variable: console, SMTP…).
EMAIL_BACKEND = "home.outbox.OutboxBackend"
EMAIL_TRANSPORT = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Entrepairs <noreply@entrepairs.localhost>"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
    "loggers": {
        "entrepairs": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "axes": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}

# Data protection (docs/data-protection.md) ------------------------------------------
# Keys of the encryption at rest of confidential texts, comma-separated: the first
# encrypts, all decrypt (rotation: put a new key first, run rotate_encryption_key, then
# drop the old one). Development and tests have fixed keys; production requires them.
FIELD_ENCRYPTION_KEYS = env.list("FIELD_ENCRYPTION_KEYS", default=[])

# Open Badges credentials (credentials/keys.py, docs/operations.md "Credential keys"): the
# current private key (JWK or PEM), the public keys of earlier ones (JSON list of JWKs),
# and where development and tests keep a generated key (None in production: refuse).
CREDENTIALS_KEY = env.str("ENTREPAIRS_CREDENTIALS_KEY", default="")
CREDENTIALS_OLD_KEYS = env.str("ENTREPAIRS_CREDENTIALS_OLD_KEYS", default="")
CREDENTIALS_DEV_KEY_FILE = BASE_DIR / "var" / "credentials-dev-key.json"

# How long things are kept, in days (the schedule applies it every night at 03:00;
# manage.py apply_retention by hand).
# Recognition (recognition.services): a cohort's count of a confirmed level under this is
# hidden in the aggregate; a validated reflective entry counts as this much supervised
# practice (the writing and the supervisor's review).
RECOGNITION_SMALL_COUNT = env.int("RECOGNITION_SMALL_COUNT", default=5)
RECOGNITION_MINUTES_PER_VALIDATED_ENTRY = 60

RETENTION = {
    # Validated reflective entries are archived (out of supervisors' sight) after a year…
    "entries_archive_after_days": 365,
    # …and every entry is deleted with its reviews and reads 36 months after it was written.
    "entries_purge_after_days": 1095,
    # The audit log (logins, denials, reads, exports, erasures).
    "audit_log_purge_after_days": 365,
    # Requests for erasure, carried out or cancelled: kept as proof of the answer.
    "erasure_requests_purge_after_days": 1095,
    # A member's "My data" archive, built for them to download.
    "data_archives_purge_after_days": 7,
    # E-mails of the outbox, sent or given up (their text is blanked once sent).
    "outgoing_emails_purge_after_days": 90,
}

# Password of the demo accounts created by `seed_demo` (never used in production).
DEMO_PASSWORD = env.str("DEMO_PASSWORD", default="entrepairs-demo")

# Gentle reminders (courses/reminders.py): a learner whose module has seen no progress for
# this many days gets one kind message, and never more than one in that many days.
ENTREPAIRS_IDLE_REMINDER_DAYS = env.int("ENTREPAIRS_IDLE_REMINDER_DAYS", default=14)

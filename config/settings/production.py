"""Production: PostgreSQL, secrets from the environment, no defaults for any of them."""

from privacy.encryption import parse_keys

from .base import *  # noqa: F403
from .environment import env, required, with_prepared_statements

DEBUG = False
SECRET_KEY = required("SECRET_KEY")
ALLOWED_HOSTS = required("ALLOWED_HOSTS").split(",")
DATABASES = {"default": with_prepared_statements(env.db_url_config(required("DATABASE_URL")))}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
# PostgreSQL: DATABASE_POOL=true gives each worker process psycopg's pool (Django 5.2,
# psycopg-pool) instead of one persistent connection (CONN_MAX_AGE); docs/deployment.md and
# docs/performance.md say what each costs.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env.bool(
    "DATABASE_POOL", default=False
):
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # Django refuses a pool with persistent ones
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": env.int("DATABASE_POOL_SIZE", default=2),
    }
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
WAGTAILADMIN_BASE_URL = required("WAGTAILADMIN_BASE_URL")
# Confidential texts are encrypted with these keys: without them nothing can be read.
FIELD_ENCRYPTION_KEYS = parse_keys(required("FIELD_ENCRYPTION_KEYS"))
# Credentials are signed only with ENTREPAIRS_CREDENTIALS_KEY: no key generated here.
CREDENTIALS_DEV_KEY_FILE = None

# One cache shared by every worker: page chrome is cached under versions that a publish
# moves, and every worker must see the move at once. Redis when configured,
# otherwise the embedded cache on this server (enough for several workers on one machine).
_redis_url = env.str("REDIS_URL", default="")
CACHES = {
    "default": (
        {"BACKEND": "config.cache.RedisCache", "LOCATION": _redis_url}
        if _redis_url
        else embedded_cache(env.str("CACHE_DIR", default=str(BASE_DIR / "var" / "cache")))  # noqa: F405
    )
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The client's address as nginx passes it (X-Real-IP, overwritten by nginx): the audit
# log keeps a keyed hash of it.
CLIENT_ADDRESS_HEADER = env.str("CLIENT_ADDRESS_HEADER", default="HTTP_X_REAL_IP")

# nginx adds the client's address to X-Forwarded-For (docs/deployment.md): login throttling
# counts failures per real address, not per proxy.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# Browsers upgrade any stray http:// sub-resource.
for _policy in (CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_ADMIN):  # noqa: F405
    _policy["DIRECTIVES"]["upgrade-insecure-requests"] = True

# nginx serves checked private files from an internal location (docs/deployment.md).
FILER_SERVERS = {
    "private": {
        kind: {
            "ENGINE": "filer.server.backends.nginx.NginxXAccelRedirectServer",
            "OPTIONS": {
                "location": str(PRIVATE_MEDIA_ROOT),  # noqa: F405
                "nginx_location": "/internal/private",
            },
        }
        for kind in ("main", "thumbnails")
    }
}

EMAIL_TRANSPORT = env.str("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=587)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=True)

STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
)

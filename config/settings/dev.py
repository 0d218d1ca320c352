"""Development: the embedded default (SQLite, console e-mail, debug pages)."""

from .base import *  # noqa: F403
from .base import BASE_DIR, embedded_cache
from .environment import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-not-secret-entrepairs")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
# A fixed key for local data only: production requires its own (see .env.example).
FIELD_ENCRYPTION_KEYS = env.list(
    "FIELD_ENCRYPTION_KEYS", default=["ZW50cmVwYWlycy1kZXYtb25seS1ub3Qtc2VjcmV0ISE="]
)
# The web server and the task worker are two processes: they share the embedded cache.
CACHES = {"default": embedded_cache(env.str("CACHE_DIR", default=str(BASE_DIR / "var" / "cache")))}

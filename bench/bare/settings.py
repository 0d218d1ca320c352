"""Settings of the bare reference: the least Django needs to answer a request."""

SECRET_KEY = "bench-bare-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.bare.urls"
INSTALLED_APPS = []
MIDDLEWARE = []
DATABASES = {}
TEMPLATES = []
USE_I18N = False
USE_TZ = True
LOGGING_CONFIG = None

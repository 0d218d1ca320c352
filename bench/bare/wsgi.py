"""``gunicorn bench.bare.wsgi:application``: whatever settings the environment names."""

import os

os.environ["DJANGO_SETTINGS_MODULE"] = "bench.bare.settings"

from django.core.wsgi import get_wsgi_application

application = get_wsgi_application()

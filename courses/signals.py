"""What training's saves make stale in the caches: its pages (catalogue, modules, lessons)
are part of what every page shows and of the training structure (``courses.services``)."""

from home.cache import app_page_models, register_invalidation

register_invalidation(*app_page_models("courses"))

"""Site search, its own floor above the domain apps whose pages it finds."""

from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

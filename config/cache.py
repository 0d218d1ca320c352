"""The embedded cache's backend (``settings.base.embedded_cache``)."""

from diskcache import DjangoCache


class EmbeddedCache(DjangoCache):
    """diskcache's Django backend with its SQLite connections kept between requests.

    Django closes every cache when a request ends; diskcache then closes the files of its
    shards, and the next request opens them again with their pragmas: four connections and
    some thirty statements per page, more than the reads themselves. Each worker thread
    keeps its own connections, as diskcache intends.
    """

    def close(self, **kwargs):
        pass

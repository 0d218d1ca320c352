"""The cache backends: the embedded one (``settings.base.embedded_cache``) and Redis's
(``settings.production``)."""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient

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


class SharedClientRedisCacheClient(RedisCacheClient):
    """Django's Redis client, with one ``redis.Redis`` per connection pool instead of a new
    one for every call: redis-py fills a table of some 250 reply callbacks for each client it
    makes, more than half the CPU of a ``get`` (537 of its 670 Python calls). A client holds
    no state between commands (each takes a connection from the pool and gives it back), and
    redis-py's clients may be shared between threads."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    """Django's Redis backend, with the client above."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient

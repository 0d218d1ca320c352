"""A process's own bounded memory of versioned values (``home.cache``'s second tier)."""

import threading
from collections import OrderedDict


class LocalMemory:
    """A process's own memory of versioned values: bounded, the least recently used first out.

    Only keys that carry a version belong here: their value never changes, it only ages.
    """

    def __init__(self, size):
        self.size = size
        self._values = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            try:
                self._values.move_to_end(key)
            except KeyError:
                return None
            return self._values[key]

    def set(self, key, value):
        with self._lock:
            self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > self.size:
                self._values.popitem(last=False)

    def clear(self):
        with self._lock:
            self._values.clear()

"""Benchmarks at association-network scale (``make bench``, ``make loadtest``); never run by
``make test``. See docs/performance.md."""

"""Going through many rows a batch at a time, for the scheduled jobs: never the whole table
in memory, and rows that leave the query while it runs (a reminder sent) are not skipped."""

BATCH = 200


def in_batches(queryset, size=BATCH):
    """Lists of at most ``size`` rows of ``queryset``, in primary-key order: each batch is
    read again from the rows after the last one seen (keyset, not offsets)."""
    last_pk = None
    while True:
        rows = queryset if last_pk is None else queryset.filter(pk__gt=last_pk)
        batch = list(rows.order_by("pk")[:size])
        if not batch:
            return
        last_pk = batch[-1].pk
        yield batch

"""Pages in bulk: what ``parent.add_child(instance=page)`` then ``save_revision().publish()``
leave in the database, written a few thousand rows at a time.

Each page gets its treebeard path (the parent's path and the next steps), its URL path, its
content type, one revision holding its content (as Wagtail's ``save_revision`` stores it)
that is both its latest and its live revision, and its rows in the search index. What is
skipped is what happens around a publish: signals (every cache is cleared at the end of the
generation), log entries and workflow states, none of which a page's reader sees.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

BATCH = 500


def insert_rows(model, objs, fields):
    """INSERT the given fields of ``objs`` into ``model``'s own table (no parent tables)."""
    queryset = model._base_manager.using("default")
    batch = max(1, connection.ops.bulk_batch_size(fields, objs) or BATCH)
    for start in range(0, len(objs), batch):
        queryset._insert(objs[start : start + batch], fields=fields, using="default")


@transaction.atomic
def add_children(parent, pages, when=None):
    """Add ``pages`` (unsaved instances of specific page models, title and slug set) under
    ``parent``, in this order, live and published; returns them with their ids."""
    from wagtail.models import Page, Revision
    from wagtail.search.backends import get_search_backend

    if not pages:
        return pages
    models = list(dict.fromkeys(type(page) for page in pages))
    for model in models:
        assert model._meta.get_parent_list() == [Page], f"{model} must inherit from Page directly"
    when = when or timezone.now()
    parent = Page.objects.get(pk=parent.pk)  # the stored path and number of children
    last = parent.get_last_child()
    first_step = (Page._str2int(last.path[-Page.steplen :]) + 1) if last else 1
    types = {model: ContentType.objects.get_for_model(model).pk for model in models}
    for step, page in enumerate(pages, start=first_step):
        page.path = Page._get_path(parent.path, parent.depth + 1, step)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type_id = types[type(page)]
        page.locale_id = page.locale_id or parent.locale_id
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = when
        page.latest_revision_created_at = when
    base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    rows = [Page(**{f.attname: getattr(page, f.attname) for f in base_fields}) for page in pages]
    Page.objects.bulk_create(rows, batch_size=BATCH)
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.pk
    for model in models:
        of_model = [page for page in pages if type(page) is model]
        insert_rows(model, of_model, model._meta.local_concrete_fields)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))

    revisions = [
        Revision(
            content_type_id=page.content_type_id,
            base_content_type_id=ContentType.objects.get_for_model(Page).pk,
            object_id=str(page.pk),
            created_at=when,
            object_str=page.title,
            content=page.serializable_data(),
        )
        for page in pages
    ]
    Revision.objects.bulk_create(revisions, batch_size=BATCH)
    for page, row, revision in zip(pages, rows, revisions, strict=True):
        page.live_revision_id = page.latest_revision_id = revision.pk
        row.live_revision_id = row.latest_revision_id = revision.pk
    Page.objects.bulk_update(rows, ["live_revision", "latest_revision"], batch_size=BATCH)
    for model in models:
        if getattr(model, "search_fields", None):
            get_search_backend().add_bulk(model, [p for p in pages if type(p) is model])
    return pages

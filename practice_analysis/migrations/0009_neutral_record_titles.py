"""Records written before titles were made from the date get their neutral title.

A title someone typed ("Quand M. D. a crié") was stored in the clear in the page table, in
every revision, in the page's log entries and in its address: each is replaced by the
neutral title ("Séance du 12 mars 2027") and the address made from it. The old words
cannot come back: there is nothing to undo.
"""

from django.db import migrations
from django.utils.text import slugify

from practice_analysis.models.pages import CodevWorkshopPage, PracticeSessionPage, record_title

KINDS = {
    "practicesessionpage": PracticeSessionPage.TITLE,
    "codevworkshoppage": CodevWorkshopPage.TITLE,
}
STEP = 4  # treebeard's path step in Wagtail's page tree


def _replaced(value, old, new):
    """``value`` (log entry data) with every string among ``old`` replaced by ``new``."""
    if isinstance(value, dict):
        return {key: _replaced(item, old, new) for key, item in value.items()}
    if isinstance(value, list):
        return [_replaced(item, old, new) for item in value]
    if isinstance(value, str) and value in old:
        return new
    return value


def _free_slug(Page, page, base):
    siblings = Page.objects.filter(path__startswith=page.path[:-STEP], depth=page.depth).exclude(
        pk=page.pk
    )
    taken = set(siblings.values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def neutral_titles(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Revision = apps.get_model("wagtailcore", "Revision")
    PageLogEntry = apps.get_model("wagtailcore", "PageLogEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model_name, pattern in KINDS.items():
        content_type = ContentType.objects.filter(
            app_label="practice_analysis", model=model_name
        ).first()
        if content_type is None:
            continue
        for page in Page.objects.filter(content_type=content_type).select_related("locale"):
            record = apps.get_model("practice_analysis", model_name).objects.get(pk=page.pk)
            title = record_title(pattern, record.date, page.locale.language_code)
            revisions = list(
                Revision.objects.filter(content_type=content_type, object_id=str(page.pk))
            )
            old = {page.title, page.draft_title, *(r.object_str for r in revisions)}
            old |= {r.content.get("title") for r in revisions}
            old |= {r.content.get("draft_title") for r in revisions}
            old -= {title, None, ""}
            parent = Page.objects.get(path=page.path[:-STEP])
            slug = _free_slug(Page, page, slugify(title, allow_unicode=True))
            url_path = f"{parent.url_path}{slug}/"
            Page.objects.filter(pk=page.pk).update(
                title=title, draft_title=title, slug=slug, url_path=url_path
            )
            for revision in revisions:
                content = {
                    **revision.content,
                    "title": title,
                    "draft_title": title,
                    "slug": slug,
                    "url_path": url_path,
                }
                Revision.objects.filter(pk=revision.pk).update(content=content, object_str=title)
            for entry in PageLogEntry.objects.filter(page_id=page.pk):
                PageLogEntry.objects.filter(pk=entry.pk).update(
                    label=title, data=_replaced(entry.data, old, title)
                )


class Migration(migrations.Migration):
    dependencies = [
        ("practice_analysis", "0008_encrypt_group_records"),
    ]

    operations = [
        migrations.RunPython(neutral_titles, migrations.RunPython.noop),
    ]

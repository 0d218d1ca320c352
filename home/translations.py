"""What is left to translate: pages whose other-language version is missing, unpublished or
older than the source, among the pages a member may edit.

A translation made with wagtail-localize is outdated when its source page was published
after the source's strings were last extracted (``TranslationSource.last_updated_at``): the
translation has not been updated since. A translation made before wagtail-localize (the
tree ``bootstrap`` creates) is outdated when the source was published after it.
"""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import TranslationSource

from .pages import confidential_page_models

TRANSLATE_PERMISSION = "wagtail_localize.submit_translation"

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
MISSING, DRAFT, OUTDATED = "missing", "draft", "outdated"
STATUS_LABELS = {
    MISSING: _("Not translated yet"),
    DRAFT: _("Translation not published yet"),
    OUTDATED: _("Source changed since the translation"),
}


@dataclass
class TranslationToDo:
    source: dict
    language: str
    status: str
    action_url: str
    action_label: str

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]


def may_translate(user):
    return user.is_active and user.has_perm(TRANSLATE_PERMISSION)


def _editable_pages(user):
    """Live pages the member may edit, outside practice groups (their records are never
    translated, and their pages stay out of sight of anyone outside the group)."""
    pages = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change"])
    pages = pages.filter(depth__gt=1, live=True, alias_of__isnull=True)
    confidential = ContentType.objects.get_for_models(*confidential_page_models()).values()
    return pages.exclude(content_type__in=confidential)


FIELDS = [
    "pk",
    "title",
    "translation_key",
    "locale_id",
    "live",
    "last_published_at",
    "latest_revision_created_at",
    "has_unpublished_changes",
]


def translations_to_do(user):
    """One line per page and missing, unpublished or outdated language, oldest work first.

    A fixed number of queries, whatever the number of pages.
    """
    if not may_translate(user):
        return []
    locales = {locale.pk: locale for locale in Locale.objects.all()}
    default = Locale.get_default()
    editable = {page["pk"]: page for page in _editable_pages(user).values(*FIELDS)}
    keys = {page["translation_key"] for page in editable.values()}
    versions = {}
    for page in Page.objects.filter(translation_key__in=keys, alias_of__isnull=True).values(
        *FIELDS
    ):
        versions.setdefault(page["translation_key"], {})[page["locale_id"]] = page
    sources = {
        (source.object_id, source.locale_id): source
        for source in TranslationSource.objects.filter(object_id__in=keys)
    }
    to_do = []
    for key, by_locale in versions.items():
        source = _source_page(key, by_locale, sources, default)
        if source is None or source["pk"] not in editable:
            continue
        extracted = sources.get((key, source["locale_id"]))
        for locale_id, locale in locales.items():
            if locale_id == source["locale_id"]:
                continue
            line = _line(source, by_locale.get(locale_id), extracted, locale)
            if line is not None:
                to_do.append(line)
    order = {MISSING: 0, OUTDATED: 1, DRAFT: 2}
    to_do.sort(key=lambda line: (order[line.status], line.source["title"].lower()))
    return to_do


def _source_page(key, by_locale, sources, default):
    """The version translated from: wagtail-localize's source, else the default language's."""
    for locale_id, page in by_locale.items():
        if (key, locale_id) in sources:
            return page if page["live"] else None
    page = by_locale.get(default.pk) or next(iter(by_locale.values()))
    return page if page["live"] else None


def _when(page):
    """When a version was last published (or last saved, for one never published)."""
    return page["last_published_at"] or page["latest_revision_created_at"] or EPOCH


def _line(source, translation, extracted, locale):
    language = locale.get_display_name()
    if translation is None:
        return TranslationToDo(
            source,
            language,
            MISSING,
            reverse("wagtail_localize:submit_page_translation", args=[source["pk"]]),
            _("Translate"),
        )
    if extracted is not None:
        outdated = _when(source) > extracted.last_updated_at
    else:
        outdated = _when(source) > _when(translation)
    if outdated:
        url = (
            reverse("wagtail_localize:update_translations", args=[extracted.pk])
            if extracted is not None
            else reverse("wagtailadmin_pages:edit", args=[translation["pk"]])
        )
        return TranslationToDo(source, language, OUTDATED, url, _("Update the translation"))
    if not translation["live"] or translation["has_unpublished_changes"]:
        return TranslationToDo(
            source,
            language,
            DRAFT,
            reverse("wagtailadmin_pages:edit", args=[translation["pk"]]),
            _("Review the translation"),
        )
    return None


# Translations go through review --------------------------------------------------------


def submit_translation_for_review(request, translation, page):
    """What "Publish" does in wagtail-localize's editor here: the translated strings are
    saved as a draft of the page and the page's workflow starts, so the translation is
    published only when the section's approvers approve it, as any other text.

    Returns None when the page has no workflow (wagtail-localize then publishes as usual).
    """
    from django.contrib import messages
    from django.core.exceptions import PermissionDenied, ValidationError
    from django.shortcuts import redirect

    workflow = page.get_workflow()
    if workflow is None:
        return None
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    live_revision = page.live_revision if page.live else None
    try:
        translation.save_target(user=request.user, publish=False)
    except ValidationError:
        messages.error(
            request,
            _("Some translated texts are not valid yet. Please correct them and try again."),
        )
        return redirect(edit_url)
    if live_revision is not None:
        _keep_live_content(live_revision)
    page.refresh_from_db()
    if page.workflow_in_progress:
        messages.success(request, _("The translation is saved. It is already waiting for review."))
    else:
        workflow.start(page, request.user)
        messages.success(
            request,
            _(
                "The translation is saved and submitted for review. It will be published "
                "once approved."
            ),
        )
    return redirect(edit_url)


def _keep_live_content(live_revision):
    """Put the approved content back in the page's row after wagtail-localize saved a draft.

    wagtail-localize writes a draft translation into the page itself (wagtail-localize
    issue #655), which would show the unreviewed text on the live site. The row gets the
    live revision's content again, as publishing it would; the draft stays the latest
    revision, waiting for review.
    """
    page = live_revision.as_object()
    page.has_unpublished_changes = True
    page.save(clean=False)

"""Peers' contributions written on the site ("Share"): who may write, which contributions are
the member's own, where a new one goes, and its way through the same Wagtail workflow as in
the editing space (saved as a revision, submitted, resumed after changes, published by the
last approval).

The views (``share_views.py``) call these functions and never decide on their own.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.http import Http404
from django.urls import reverse
from django.utils.crypto import salted_hmac
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, PageLogEntry, TaskState, WorkflowState

from privacy import audit

from .anonymisation import check_fields
from .models import ContributionIndexPage, ContributionPage
from .share_text import text_to_html

# The page log records what the author marked as not identifying: trainers see it in the
# page's history, and it is not asked again when the text comes back after changes.
FINDINGS_CONFIRMED = "home.contribution.findings_confirmed"
CHECKED_FIELDS = ("title", "summary", "content_note", "text")


# Who may write, and where ----------------------------------------------------------------


def contribution_section(language=None):
    """The contributions section of the language being read (of the site's default language
    when that one has none). Never chosen by the request: a new text goes there."""
    sections = ContributionIndexPage.objects.live().select_related("locale")
    language = language or get_language()
    section = sections.filter(locale__language_code=language).first()
    return section or sections.filter(locale=Locale.get_default()).first()


def may_share(user, section=None):
    """Whether the member may propose contributions: the editing space's own rule, the right
    to add a page to the contributions section (peers and trainers, ``home/roles.py``)."""
    if not user.is_authenticated or not user.is_active:
        return False
    section = section or contribution_section()
    return section is not None and section.permissions_for_user(user).can_add_subpage()


def contributions_of(user):
    """The contributions the member created, in every language, most recently changed first."""
    if not user.is_authenticated:
        return ContributionPage.objects.none()
    return ContributionPage.objects.filter(owner=user).order_by(
        "-latest_revision_created_at", "-pk"
    )


def own_contribution(user, pk):
    """The member's contribution with this id, or 404 whatever exists behind the id (the
    attempt goes to the audit log)."""
    page = contributions_of(user).filter(pk=pk).first() if str(pk).isdigit() else None
    if page is None:
        owner = ContributionPage.objects.filter(pk=pk).values_list("owner", flat=True).first()
        audit.denied(
            None, (ContributionPage._meta.label_lower, str(pk)[:64]), subject=owner, actor=user
        )
        raise Http404
    return page


def revise_url(user, page):
    """The address where the member revises this page on the site, if it is a contribution
    of their own and they may still share; None otherwise (the editing space then)."""
    if not isinstance(page, ContributionPage) or page.owner_id != user.pk:
        return None
    if not may_share(user, contribution_section()):
        return None
    return reverse("share_edit", kwargs={"pk": page.pk})


# Where a contribution stands -------------------------------------------------------------

DRAFT, IN_REVIEW, CHANGES_REQUESTED, PUBLISHED, PUBLISHED_WITH_DRAFT = (
    "draft",
    "in_review",
    "changes_requested",
    "published",
    "published_with_draft",
)
STATUS_WORDS = {
    DRAFT: _("Draft: only you can read it"),
    IN_REVIEW: _("Being read by a trainer"),
    CHANGES_REQUESTED: _("Changes requested: you can revise it and send it again"),
    PUBLISHED: _("Published"),
    PUBLISHED_WITH_DRAFT: _("Published; your later changes are not sent yet"),
}


@dataclass(frozen=True)
class Standing:
    """A contribution's status in plain words, the reviewers' requests, and what the member
    may do with it now."""

    status: str
    requests: list
    editable: bool

    @property
    def words(self):
        return STATUS_WORDS[self.status]

    @property
    def in_review(self):
        return self.status == IN_REVIEW


def standing(page, user):
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        status = IN_REVIEW
    elif state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        status = CHANGES_REQUESTED
    elif page.live:
        status = PUBLISHED_WITH_DRAFT if page.has_unpublished_changes else PUBLISHED
    else:
        status = DRAFT
    return Standing(status, requested_changes(state), may_edit(page, user, status))


def requested_changes(state):
    """The reviewers' comments of this workflow run, latest first (Wagtail's task states;
    the comments are stored encrypted and opened when a task state is read)."""
    if state is None:
        return []
    task_states = TaskState.objects.filter(
        workflow_state=state, status=TaskState.STATUS_REJECTED
    ).order_by("-finished_at")
    return [
        {"comment": task_state.comment, "finished_at": task_state.finished_at}
        for task_state in task_states
        if task_state.comment.strip()
    ]


def may_edit(page, user, status=None):
    """The member's own text, not while a trainer reads it, not while locked, and only if the
    editing space would let them change it too. A published text may be changed: the
    changes are a new draft, read again before they are published."""
    if page.owner_id != user.pk:
        return False
    status = status or standing(page, user).status
    if status == IN_REVIEW:
        return False
    lock = page.get_lock()
    if lock is not None and lock.for_user(user):
        return False
    return page.permissions_for_user(user).can_edit()


# Writing ---------------------------------------------------------------------------------


def save_draft(user, values, page=None, key=None):
    """Save what the member wrote as a new revision (the page itself when never published),
    creating the page in the section of the language being read when ``page`` is None.

    ``key`` is the form's own identifier (``share_forms.form_key``): the new page takes it as
    its translation key, which the database holds unique per language, so the same form
    sent twice saves into one page instead of creating two.
    """
    if page is None:
        existing = _created_with(user, key)
        if existing is not None:
            return save_draft(user, values, existing)
        section = contribution_section()
        page = ContributionPage(owner=user, live=False, locale=section.locale)
        if key:
            page.translation_key = key
        _fill(page, values)
        page.slug = find_available_slug(section, slugify(values["title"])[:200] or "texte")
        try:
            with transaction.atomic():
                section.add_child(instance=page)
        except IntegrityError:
            existing = _created_with(user, key)
            if existing is None:
                raise
            return save_draft(user, values, existing)
        page.save_revision(user=user, log_action=True)
        return page
    with transaction.atomic():
        page = ContributionPage.objects.select_for_update().get(pk=page.pk)
        if not may_edit(page, user):
            return None
        draft = page.get_latest_revision_as_object()
        _fill(draft, values)
        if not page.live:
            draft.save()
        draft.save_revision(user=user, log_action=True)
    return draft


def _created_with(user, key):
    if not key:
        return None
    return contributions_of(user).filter(translation_key=key).first()


def _fill(page, values):
    page.title = values["title"]
    page.draft_title = values["title"]
    page.kind = values["kind"]
    page.summary = values.get("summary", "")
    page.content_note = values.get("content_note", "")
    page.signature = values["signature"]
    page.body = [("paragraph", text_to_html(values["text"]))]


def _sealed_key(key):
    # The log keeps no word of the text: a finding's key holds the name it found.
    return salted_hmac(FINDINGS_CONFIRMED, key).hexdigest()


def confirmed_keys(page):
    """What the author confirmed, as sealed keys (``_sealed_key``)."""
    keys = set()
    entries = PageLogEntry.objects.filter(page=page, action=FINDINGS_CONFIRMED)
    for data in entries.values_list("data", flat=True):
        keys.update((data or {}).get("sealed", []))
    return frozenset(keys)


def findings(page, values):
    """What might identify someone in the text, less what the author already confirmed."""
    texts = {name: values.get(name, "") for name in CHECKED_FIELDS}
    confirmed = confirmed_keys(page)
    remaining = {}
    for field, found in check_fields(texts).items():
        found = [finding for finding in found if _sealed_key(finding.key) not in confirmed]
        if found:
            remaining[field] = found
    return remaining


def confirm_findings(page, user, keys, current):
    """Record the findings the author marks as not identifying (only current ones count)."""
    current_keys = {finding.key for field in current.values() for finding in field}
    accepted = sorted(key for key in keys if key in current_keys)
    if accepted:
        PageLogEntry.objects.log_action(
            page,
            FINDINGS_CONFIRMED,
            user=user,
            data={"sealed": [_sealed_key(key) for key in accepted], "count": len(accepted)},
        )
    return frozenset(accepted)


class NotSubmitted(Exception):
    """The text was already sent, or may not be sent now."""


def submit(page, user):
    """Send the latest revision to the section's workflow: resume it after changes were
    requested, start it otherwise. The page row is locked, so a second click waits for the
    first and then finds the text already in review."""
    with transaction.atomic():
        page = ContributionPage.objects.select_for_update().get(pk=page.pk)
        state = page.current_workflow_state
        if not may_edit(page, user):
            raise NotSubmitted
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(user)
        else:
            workflow = page.get_workflow()
            if workflow is None:
                raise NotSubmitted
            workflow.start(page, user)
    return page

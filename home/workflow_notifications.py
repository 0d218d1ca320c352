"""Home's own notifications: the page workflows (a text to review, changes requested, a
text approved), told to reviewers and authors in the site and by e-mail.

Registered with ``home.notifications`` when home is ready (``home/apps.py``); connected to
Wagtail's workflow signals in ``home/signals.py``, in place of Wagtail's own e-mails.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import AbstractGroupApprovalTask, Page

from .models import Notification
from .notifications import notify, register_category, register_kind

CONTRIBUTIONS = "contributions"


# Messages


def _page_type(params):
    try:
        model = apps.get_model(params.get("model", ""))
    except (LookupError, ValueError):
        return _("page")
    return str(model._meta.verbose_name)


def _kind_of_page(params):
    return _page_type(params) if "model" in params else ""


def review_requested_message(params):
    title = params.get("title")
    if title:
        return _("A text is waiting for your review: “%(title)s” (%(type)s).") % {
            "title": title,
            "type": _kind_of_page(params),
        }
    return _("A text is waiting for your review (%(type)s).") % {"type": _kind_of_page(params)}


def changes_requested_message(params):
    title = params.get("title")
    if title:
        return _(
            "Changes are requested on your text “%(title)s”: read the comment, revise "
            "it and submit it again."
        ) % {"title": title}
    return _(
        "Changes are requested on your text (%(type)s): read the comment, revise it and "
        "submit it again."
    ) % {"type": _kind_of_page(params)}


def approved_message(params):
    title = params.get("title")
    if title:
        return _("Your text “%(title)s” has been approved and published.") % {"title": title}
    return _("Your text (%(type)s) has been approved and published.") % {
        "type": _kind_of_page(params)
    }


def register():
    register_category(CONTRIBUTIONS, gettext_lazy("Contributions"), order=10)
    labels = dict(Notification.KINDS)
    for key, message, subject, link in (
        (
            Notification.REVIEW_REQUESTED,
            review_requested_message,
            gettext_lazy("A text is waiting for your review"),
            None,
        ),
        (
            Notification.CHANGES_REQUESTED,
            changes_requested_message,
            gettext_lazy("Changes are requested on your text"),
            _revise_link,
        ),
        (
            Notification.APPROVED,
            approved_message,
            gettext_lazy("Your text has been published"),
            None,
        ),
    ):
        register_kind(
            key,
            label=labels[key],
            category=CONTRIBUTIONS,
            message=message,
            subject=subject,
            link=link,
        )


# Telling reviewers and authors


def _page_params(page):
    page = page.specific
    params = {"model": page._meta.label_lower, "page": page.pk}
    # A confidential page (a practice group's records) is not even named.
    if not getattr(page, "confidential", False):
        params["title"] = page.title
    return params


def _edit_link(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def _revise_link(recipient, params):
    """Where the author revises, in their language: "Share" on the site for a contribution
    of their own, the editing space for any other page."""
    from .sharing import revise_url

    page = Page.objects.filter(pk=params.get("page")).first()
    if page is None:
        return ""
    return revise_url(recipient, page.specific) or _edit_link(page)


def task_approvers(task, page):
    """Who may act on the task for this page (never superusers: a technical role)."""
    task = task.specific
    if hasattr(task, "approvers"):
        users = task.approvers(page)
    elif isinstance(task, AbstractGroupApprovalTask):
        users = get_user_model().objects.filter(groups__in=task.groups.all())
    else:
        return []
    return list(users.filter(is_active=True, is_superuser=False).distinct())


def review_requested(instance, user=None, **kwargs):
    """``task_submitted``: tell the task's reviewers that a text waits for them."""
    page = instance.workflow_state.content_object
    if not isinstance(page, Page):
        return
    for reviewer in task_approvers(instance.task, page):
        if user is not None and reviewer.pk == user.pk:
            continue
        notify(
            reviewer,
            Notification.REVIEW_REQUESTED,
            _page_params(page),
            link=_edit_link(page),
            email=True,
        )


def _author_of(workflow_state, user):
    author = workflow_state.requested_by
    if author is None or (user is not None and author.pk == user.pk):
        return None
    return author


def changes_requested(instance, user=None, **kwargs):
    """``workflow_rejected``: tell the author to read the comment and revise."""
    page = instance.content_object
    author = _author_of(instance, user)
    if author is None or not isinstance(page, Page):
        return
    notify(author, Notification.CHANGES_REQUESTED, _page_params(page), email=True)


def approved(instance, user=None, **kwargs):
    """``workflow_approved``: tell the author their text is published."""
    page = instance.content_object
    author = _author_of(instance, user)
    if author is None or not isinstance(page, Page):
        return
    # Read again: the workflow's copy of the page predates the publication that just happened.
    page = Page.objects.get(pk=page.pk).specific
    link = page.get_url() if page.live else _edit_link(page)
    notify(author, Notification.APPROVED, _page_params(page), link=link or "", email=True)

"""Telling members what happened to their texts, entries and certificates, on the site and by
e-mail.

A notification stores a kind and a few parameters; its message is written when it is read,
in the reader's language. E-mails go out in the recipient's preferred language with a link
and never any content of a text or an entry. Pages of the practice-analysis space are
confidential: their titles stay out of notifications and e-mails too.
"""

import logging

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.models import AbstractGroupApprovalTask, Page
from wagtail.users.models import UserProfile

from .models import Notification

logger = logging.getLogger("entrepairs")

UNREAD_TIMEOUT = 60 * 10


def preferred_language(user):
    """The language a member reads the site and their e-mails in."""
    language = UserProfile.get_for_user(user).get_preferred_language()
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def absolute_url(path):
    """A link for an e-mail: e-mails are sent outside any request."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


# Messages


def _page_type(params):
    try:
        model = apps.get_model(params.get("model", ""))
    except (LookupError, ValueError):
        return _("page")
    return str(model._meta.verbose_name)


def message_for(kind, params):
    """The notification's message in the active language (plain text, escaped when shown)."""
    title = params.get("title")
    kind_of_page = _page_type(params) if "model" in params else ""
    if kind == Notification.REVIEW_REQUESTED:
        if title:
            return _("A text is waiting for your review: “%(title)s” (%(type)s).") % {
                "title": title,
                "type": kind_of_page,
            }
        return _("A text is waiting for your review (%(type)s).") % {"type": kind_of_page}
    if kind == Notification.CHANGES_REQUESTED:
        if title:
            return _(
                "Changes are requested on your text “%(title)s”: read the comment, revise "
                "it and submit it again."
            ) % {"title": title}
        return _(
            "Changes are requested on your text (%(type)s): read the comment, revise it and "
            "submit it again."
        ) % {"type": kind_of_page}
    if kind == Notification.APPROVED:
        if title:
            return _("Your text “%(title)s” has been approved and published.") % {"title": title}
        return _("Your text (%(type)s) has been approved and published.") % {"type": kind_of_page}
    if kind == Notification.ENTRY_CHANGES_REQUESTED:
        return _("A supervisor has read your reflective entry and suggests a few changes.")
    if kind == Notification.ENTRY_VALIDATED:
        return _("Your reflective entry has been read and validated.")
    if kind == Notification.CERTIFICATE_ISSUED:
        return _("Your certificate for “%(course)s” is ready.") % {
            "course": params.get("course", "")
        }
    if kind == Notification.CERTIFICATE_REVOKED:
        return _(
            "Your certificate for “%(course)s” has been revoked. The training team can tell "
            "you why."
        ) % {"course": params.get("course", "")}
    access = access_message(kind, params)
    return access or _("Something happened on the site.")


def _role_names(names):
    from .roles import role_label

    return ", ".join(str(role_label(name)) for name in names)


def access_message(kind, params):
    """Messages about who may reach what: roles, account security, practice groups."""
    group = {"group": params.get("group", ""), "person": params.get("person", "")}
    supervisor = params.get("capacity") == "supervisor"
    if kind == Notification.ROLES_CHANGED:
        parts = []
        if params.get("added"):
            parts.append(
                _("You now have the role: %(roles)s.") % {"roles": _role_names(params["added"])}
            )
        if params.get("removed"):
            parts.append(
                _("You no longer have the role: %(roles)s.")
                % {"roles": _role_names(params["removed"])}
            )
        parts.append(_("If this seems wrong, tell the coordination team."))
        return " ".join(parts)
    if kind == Notification.ACCOUNT_SECURITY:
        if params.get("what") == "reactivated":
            return _(
                "Your account is active again: you can log in with your roles as they were. "
                "If you did not expect this, tell the coordination team."
            )
        if params.get("what") == "two_factor_reset":
            return _(
                "Your two-step verification was reset by an administrator: you will set it up "
                "again at your next login. If you did not ask for this, tell the coordination team."
            )
        return _(
            "A link to choose a new password was sent to your e-mail address at the request of "
            "the coordination team. If you did not expect it, tell them."
        )
    if kind == Notification.GROUP_JOINED:
        if supervisor:
            return (
                _(
                    "You now supervise the practice group “%(group)s”: you can read the "
                    "entries its members send for review and the group's records."
                )
                % group
            )
        return _("You are now a member of the practice group “%(group)s”.") % group
    if kind == Notification.GROUP_LEFT:
        if supervisor:
            return _("You no longer supervise the practice group “%(group)s”.") % group
        return _("You are no longer a member of the practice group “%(group)s”.") % group
    if kind == Notification.GROUP_READER_ADDED:
        if supervisor:
            return (
                _(
                    "%(person)s now supervises your group “%(group)s”: they can read the "
                    "entries you send for review and the group's records."
                )
                % group
            )
        return (
            _(
                "%(person)s joined your group “%(group)s”: they can read the group's records and "
                "the entries members share with the group."
            )
            % group
        )
    if kind == Notification.GROUP_READER_REMOVED:
        if supervisor:
            return (
                _(
                    "%(person)s no longer supervises your group “%(group)s” and can no longer read "
                    "its writing."
                )
                % group
            )
        return _("%(person)s left your group “%(group)s”.") % group
    return None


def subject_for(kind):
    return {
        Notification.REVIEW_REQUESTED: _("A text is waiting for your review"),
        Notification.CHANGES_REQUESTED: _("Changes are requested on your text"),
        Notification.APPROVED: _("Your text has been published"),
        Notification.ROLES_CHANGED: _("Your roles on Entrepairs changed"),
        Notification.ACCOUNT_SECURITY: _("A change to your account's security"),
        Notification.GROUP_JOINED: _("Your practice groups changed"),
        Notification.GROUP_LEFT: _("Your practice groups changed"),
        Notification.GROUP_READER_ADDED: _("Who can read your group's writing changed"),
        Notification.GROUP_READER_REMOVED: _("Who can read your group's writing changed"),
    }.get(kind, _("News from Entrepairs"))


# Recording and sending


def unread_cache_key(user_id):
    return f"entrepairs:unread-notifications:{user_id}"


def unread_count(user):
    """How many notifications the member has not read yet: one query at most, then cached."""
    if not user.is_authenticated:
        return 0
    key = unread_cache_key(user.pk)
    count = cache.get(key)
    if count is None:
        count = Notification.objects.filter(recipient=user, read_at__isnull=True).count()
        cache.set(key, count, UNREAD_TIMEOUT)
    return count


def forget_unread_count(user_id):
    cache.delete(unread_cache_key(user_id))


def notify(recipient, kind, params=None, link="", email=False):
    """Record a notification for the member and, if asked, e-mail it in their language."""
    params = params or {}
    notification = Notification.objects.create(
        recipient=recipient, kind=kind, params=params, link=link
    )
    forget_unread_count(recipient.pk)
    if email and recipient.email and recipient.is_active:
        send_notification_email(notification)
    return notification


def send_notification_email(notification):
    recipient = notification.recipient
    with translation.override(preferred_language(recipient)):
        context = {
            "recipient": recipient,
            "message": message_for(notification.kind, notification.params),
            "kind": notification.kind,
            "url": absolute_url(notification.link) if notification.link else "",
            "notifications_url": absolute_url(reverse("notification_list")),
        }
        subject = subject_for(notification.kind)
        body = render_to_string("home/email/notification_body.txt", context)
    try:
        send_mail(subject, body, None, [recipient.email])
    except OSError:  # a mail server down must not undo the review that was just recorded
        logger.exception("Could not send the notification e-mail %s", notification.pk)


# Page workflows


def _page_params(page):
    page = page.specific
    params = {"model": page._meta.label_lower, "page": page.pk}
    if page._meta.app_label != "practice_analysis":
        params["title"] = page.title
    return params


def _edit_link(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


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
    notify(
        author,
        Notification.CHANGES_REQUESTED,
        _page_params(page),
        link=_edit_link(page),
        email=True,
    )


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

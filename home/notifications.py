"""Telling members what happened, on the site and by e-mail: the machinery and the
registry of notification kinds.

Each app registers its own kinds (from its ``notifications.py``, imported by its
``AppConfig.ready()``) with the message, the e-mail subject and, when it has one, how to
build the link::

    register_category("training", _("Training"), order=30)
    register_kind(
        "certificate_issued",
        label=_("A certificate issued"),
        category="training",
        message=lambda params: _("Your certificate for “%(course)s” is ready.") % params,
        link=lambda recipient, params: reverse("my_learning"),
    )

A notification stores a kind and a few parameters; its message is written when it is read,
in the reader's language. E-mails go out in the recipient's preferred language with a link
and never any content of a text or an entry. Confidential pages (``confidential = True``)
are not named in notifications and e-mails either.

Whether and when a notification the sender marks for e-mail (``email=True``) is e-mailed
is the member's choice for its category (``home.preferences``: at once after their quiet
hours, in a daily or weekly digest ``home.digests``, or not at all); a kind that may not be
switched off is always e-mailed at once, without a link to stop it.
"""

from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.users.models import UserProfile

from . import outbox
from . import preferences as preferences_module
from .member_cache import forget_member_value, member_value, register_member_value, set_member_value
from .models import Notification

UNREAD_TIMEOUT = 60 * 10


def preferred_language(user):
    """The language a member reads the site and their e-mails in."""
    return language_of(UserProfile.get_for_user(user))


def language_of(profile):
    """The language of a member's Wagtail profile, if the site speaks it."""
    language = profile.get_preferred_language()
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def absolute_url(path):
    """A link for an e-mail: e-mails are sent outside any request."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


# The registry of kinds


@dataclass(frozen=True)
class Category:
    """What a member will choose to hear about (or not): kinds are grouped by category.

    ``switchable`` False: its kinds always reach the member (security).
    """

    key: str
    label: str
    switchable: bool = True
    order: int = 100


@dataclass(frozen=True)
class Kind:
    """One kind of notification: its stored name, how it reads, where it leads.

    ``message(params)`` and ``subject`` are written in the active language; ``link(recipient,
    params)``, when given, builds the link of a notification sent without one (in the
    recipient's language). ``switchable`` overrides the category's (an access change in
    a switchable category). ``quotes_words`` True: the message quotes what someone wrote
    for the member (a trainer's kind word), so the e-mail does not claim to hold no text.
    """

    key: str
    label: str
    category: str
    message: object
    subject: str | None = None
    link: object = None
    switchable: bool | None = None
    quotes_words: bool = False

    @property
    def may_be_switched_off(self):
        if self.switchable is not None:
            return self.switchable
        return _categories[self.category].switchable


_categories = {}
_kinds = {}


def register_category(key, label, switchable=True, order=100):
    """A category of kinds, registered by the app whose domain it is."""
    if key in _categories:
        raise ValueError(f"The notification category {key!r} is registered twice.")
    _categories[key] = Category(key, label, switchable, order)


def register_kind(
    key, *, label, category, message, subject=None, link=None, switchable=None, quotes_words=False
):
    """A kind of notification, registered once by the app that sends it.

    ``key`` is what the database stores: never rename a kind that was ever sent.
    """
    if key in _kinds:
        raise ValueError(f"The notification kind {key!r} is registered twice.")
    if category not in _categories:
        raise ValueError(f"Register the notification category {category!r} before {key!r}.")
    if len(key) > Notification._meta.get_field("kind").max_length:
        raise ValueError(f"The notification kind {key!r} is too long to be stored.")
    _kinds[key] = Kind(key, label, category, message, subject, link, switchable, quotes_words)


def categories():
    return sorted(_categories.values(), key=lambda category: (category.order, category.key))


def switchable_categories():
    """The categories a member chooses for: switchable, with at least one kind that may be
    switched off (or no kind yet). The others are always e-mailed at once."""
    return [
        category
        for category in categories()
        if category.switchable
        and (
            not kinds(category.key) or any(kind.may_be_switched_off for kind in kinds(category.key))
        )
    ]


def kinds(category=None):
    """The registered kinds (of one category), in the order they were registered."""
    return [each for each in _kinds.values() if category in (None, each.category)]


def get_kind(key):
    """The registered kind stored as ``key``, or None (a kind no app registers any more)."""
    return _kinds.get(key)


def kind_choices():
    """Choices of ``Notification.kind``: every registered kind, with its label."""
    return [(each.key, each.label) for each in _kinds.values()]


def message_for(key, params):
    """The notification's message in the active language (plain text, escaped when shown)."""
    registered = get_kind(key)
    if registered is None:
        return _("Something happened on the site.")
    return registered.message(params)


def subject_for(key):
    """The subject of the notification's e-mail in the active language."""
    registered = get_kind(key)
    if registered is None or registered.subject is None:
        return _("News from Entrepairs")
    return str(registered.subject)


# Recording and sending


def unread_cache_key(user_id):
    return f"entrepairs:unread-notifications:{user_id}"


def unread_count(user):
    """How many notifications the member has not read yet: one query at most, then cached."""
    if not user.is_authenticated:
        return 0
    key = unread_cache_key(user.pk)
    count = member_value(user, key)
    if count is None:
        count = Notification.objects.filter(recipient=user, read_at__isnull=True).count()
        set_member_value(key, count, UNREAD_TIMEOUT)
    return count


def forget_unread_count(user_id):
    forget_member_value(unread_cache_key(user_id))


# The header shows it on every page: read with the member's other values.
register_member_value(lambda user: unread_cache_key(user.pk))


def notify(recipient, kind, params=None, link=None, email=False):
    """Record a notification for the member and, if it is worth an e-mail (``email``),
    send it the way the member chose for its category (``home.preferences``): at once
    (after their quiet hours), in a digest, or not at all (it stays in the site).

    Without ``link`` (None), the kind's link builder gives it, if the kind has one.
    """
    registered = _kinds.get(kind)
    if registered is None:
        raise LookupError(f"Unknown notification kind {kind!r}: register it (register_kind).")
    params = params or {}
    reachable = bool(email and recipient.email and recipient.is_active)
    delivery, preferences = preferences_module.delivery_for(recipient, registered, reachable)
    profile = None
    if link is None:
        link = ""
        if registered.link is not None:
            profile = UserProfile.get_for_user(recipient)
            with translation.override(language_of(profile)):
                link = registered.link(recipient, params) or ""
    notification = Notification.objects.create(
        recipient=recipient,
        kind=kind,
        params=params,
        link=link,
        digest=delivery if delivery in preferences_module.DIGESTS else "",
    )
    forget_unread_count(recipient.pk)
    if delivery == preferences_module.EMAIL:
        send_notification_email(notification, preferences=preferences, profile=profile)
    return notification


def stop_link(recipient, category_keys):
    """The signed address that stops these categories' e-mails, without logging in."""
    token = preferences_module.unsubscribe_token(recipient, category_keys)
    return absolute_url(reverse("notifications_stop", kwargs={"token": token}))


def stop_headers(url):
    """RFC 2369 and RFC 8058: mail clients show a one-click "Unsubscribe" that POSTs."""
    return {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def send_notification_email(notification, preferences=None, profile=None, now=None):
    """E-mail one notification, in the member's language, after their quiet hours (never
    held, never stoppable: a kind that may not be switched off, such as security)."""
    recipient = notification.recipient
    registered = get_kind(notification.kind)
    switchable = registered is None or registered.may_be_switched_off
    profile = profile or UserProfile.get_for_user(recipient)
    not_before, headers, stop_url = None, None, ""
    if switchable:
        if preferences is None:
            preferences = preferences_module.preferences_of(recipient)
        not_before = preferences_module.quiet_end(
            preferences, preferences_module.time_zone_of(profile), now
        )
    with translation.override(language_of(profile)):
        if switchable and registered is not None:
            stop_url = stop_link(recipient, [registered.category])
            headers = stop_headers(stop_url)
        context = {
            "recipient": recipient,
            "message": message_for(notification.kind, notification.params),
            "kind": notification.kind,
            "quotes_words": registered is not None and registered.quotes_words,
            "url": absolute_url(notification.link) if notification.link else "",
            "notifications_url": absolute_url(reverse("notification_list")),
            "category": category_label(registered),
            "stop_url": stop_url,
            "settings_url": absolute_url(reverse("notification_settings")),
        }
        subject = subject_for(notification.kind)
        body = render_to_string("home/email/notification_body.txt", context)
    # Through the outbox: a mail server down delays the e-mail, never the review recorded.
    outbox.send(
        recipient.email,
        subject,
        body,
        kind=notification.kind,
        recipient=recipient,
        key=f"notification:{notification.pk}",
        headers=headers,
        not_before=not_before,
    )


def quotes_words(kind):
    """Whether a kind's message quotes someone's words (see ``Kind.quotes_words``)."""
    registered = get_kind(kind)
    return registered is not None and registered.quotes_words


def category_label(registered):
    """The label of a kind's category, in the active language ("" for an unknown kind)."""
    if registered is None or registered.category not in _categories:
        return ""
    return str(_categories[registered.category].label)

"""Daily and weekly digests: the notifications a member chose to receive together, in one
e-mail in their language, with links and never any content.

``send_digests`` runs every quarter of an hour (``home.schedule``). A notification waits
(``Notification.digest``) until the start of the member's digest period passes: 08:00
member time each day, or Monday 08:00 for the weekly one (``home.preferences``). It is
then claimed with a conditional update (``digested_at``) in the same transaction as the
e-mail recorded in the outbox: two workers never digest the same notification, and the
e-mail carries an idempotency key too. The e-mail waits for the end of quiet hours.
"""

from itertools import groupby

from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wagtail.users.models import UserProfile

from django_tasks import task

from . import outbox
from . import preferences as prefs
from .models import Notification, NotificationPreferences
from .notifications import (
    absolute_url,
    get_kind,
    language_of,
    quotes_words,
    stop_headers,
    stop_link,
)

ITEMS_IN_AN_E_MAIL = 30


@task()
def send_digests():
    """Send every digest that is due (run by the schedule)."""
    return send_due_digests()


def send_due_digests(now=None):
    """The digests due at ``now``, one e-mail per member; returns how many were recorded."""
    now = now or timezone.now()
    waiting = list(
        Notification.objects.filter(digested_at__isnull=True)
        .exclude(digest="")
        .order_by("recipient_id", "created_at", "pk")
        .values_list("pk", "recipient_id", "digest", "created_at")
    )
    if not waiting:
        return 0
    member_ids = {row[1] for row in waiting}
    members = get_user_model().objects.in_bulk(member_ids)
    profiles = {each.user_id: each for each in UserProfile.objects.filter(user_id__in=member_ids)}
    chosen = {
        each.user_id: each
        for each in NotificationPreferences.objects.filter(user_id__in=member_ids)
    }
    recorded = 0
    for member_id, rows in groupby(waiting, key=lambda row: row[1]):
        member = members[member_id]
        profile = profiles.get(member_id) or UserProfile(user=member)
        zone = prefs.time_zone_of(profile)
        due = [pk for pk, _id, digest, at in rows if at < prefs.digest_slot(digest, zone, now)]
        preferences = chosen.get(member_id) or NotificationPreferences(user=member)
        if due and send_digest(member, due, profile, preferences, now):
            recorded += 1
    return recorded


def send_digest(member, notification_ids, profile, preferences, now):
    """Claim these notifications and record their digest e-mail, in one transaction.
    Returns False when another run claimed them first, or the member has no address."""
    stamp = timezone.now()  # the claim's mark: unique to this run
    with transaction.atomic():
        claimed = Notification.objects.filter(
            pk__in=notification_ids, digested_at__isnull=True
        ).update(digested_at=stamp)
        if not claimed or not (member.email and member.is_active):
            return False
        notifications = list(
            Notification.objects.filter(pk__in=notification_ids, digested_at=stamp).order_by(
                "created_at", "pk"
            )
        )
        if not notifications:
            return False
        categories = sorted(
            {get_kind(each.kind).category for each in notifications if get_kind(each.kind)}
        )
        with translation.override(language_of(profile)):
            stop_url = stop_link(member, categories) if categories else ""
            subject, body = _digest_text(member, notifications, stop_url)
        outbox.send(
            member.email,
            subject,
            body,
            kind="digest",
            recipient=member,
            key=f"digest:{member.pk}:{notifications[-1].pk}",
            headers=stop_headers(stop_url) if stop_url else None,
            not_before=prefs.quiet_end(preferences, prefs.time_zone_of(profile), now),
        )
    return True


def _digest_text(member, notifications, stop_url):
    shown = notifications[:ITEMS_IN_AN_E_MAIL]
    weekly = all(each.digest == prefs.WEEKLY for each in notifications)
    context = {
        "recipient": member,
        "weekly": weekly,
        "total": len(notifications),
        "more": len(notifications) - len(shown),
        "quotes_words": any(quotes_words(each.kind) for each in shown),
        "items": [
            {"message": each.message, "url": absolute_url(each.link) if each.link else ""}
            for each in shown
        ],
        "notifications_url": absolute_url(reverse("notification_list")),
        "settings_url": absolute_url(reverse("notification_settings")),
        "stop_url": stop_url,
    }
    subject = _("Your weekly digest") if weekly else _("Your daily digest")
    return subject, render_to_string("home/email/digest_body.txt", context)

"""How each member wants to be told: the delivery of each category (site only, e-mail at
once, daily or weekly digest), quiet hours, and the signed one-click links that stop a
category from an e-mail.

The rule of delivery is ``delivery_for``, and ``home.notifications.notify`` is its only
caller: a notification the sender marks as worth an e-mail (``email=True``) reaches the
member as they chose for its category (by default, e-mail at once, as before preferences
existed); one that is not stays in the site. Kinds that may not be switched off
(security) are always e-mailed at once, at any hour, without a link to stop them.

Times are the member's: Wagtail's ``UserProfile.current_time_zone``, else the site's
``TIME_ZONE``. Quiet hours (default 21:00 to 08:00) hold an e-mail until they end; digests
are written at 08:00 member time (daily) and on Monday at 08:00 (weekly), and wait for the
end of quiet hours too when the member's end later.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Notification, NotificationPreferences

SITE, EMAIL, DAILY, WEEKLY = "site", "email", "daily", "weekly"
DELIVERIES = [
    (SITE, _("In the site only")),
    (EMAIL, _("E-mail at once")),
    (DAILY, _("Daily digest")),
    (WEEKLY, _("Weekly digest")),
]
DIGESTS = (DAILY, WEEKLY)
DEFAULT_DELIVERY = EMAIL
DIGEST_TIME = datetime.time(8, 0)
DIGEST_WEEKDAY = 0  # Monday

UNSUBSCRIBE_SALT = "entrepairs.notifications.unsubscribe"


# The member's choices


def preferences_of(user):
    """The member's preferences (one query), or the defaults, unsaved, if they never chose."""
    return NotificationPreferences.objects.filter(user=user).first() or NotificationPreferences(
        user=user
    )


def delivery_of(preferences, category_key):
    """How the member chose to hear about a category (the default if they never chose)."""
    chosen = (preferences.deliveries or {}).get(category_key)
    return chosen if chosen in dict(DELIVERIES) else DEFAULT_DELIVERY


def delivery_for(recipient, kind, email, preferences=None):
    """The one rule: how a notification of ``kind`` reaches ``recipient``.

    Returns ``(delivery, preferences)``; the preferences are read only when they matter.
    """
    if not email:
        return SITE, preferences
    if not kind.may_be_switched_off:
        return EMAIL, preferences
    if preferences is None:
        preferences = preferences_of(recipient)
    return delivery_of(preferences, kind.category), preferences


def switchable_category_keys():
    from .notifications import switchable_categories

    return [category.key for category in switchable_categories()]


def save_preferences(user, deliveries, *, quiet_hours=None, quiet_from=None, quiet_until=None):
    """Record the member's choices. Categories that may not be switched off, or unknown,
    are ignored whatever is sent. Notifications waiting for a digest follow the new
    choice: into the other digest, or out of the digests (they stay in the site)."""
    allowed = switchable_category_keys()
    chosen = {
        key: value
        for key, value in deliveries.items()
        if key in allowed and value in dict(DELIVERIES)
    }
    with transaction.atomic():
        preferences, _created = NotificationPreferences.objects.select_for_update().get_or_create(
            user=user
        )
        changed = {
            key: value for key, value in chosen.items() if delivery_of(preferences, key) != value
        }
        preferences.deliveries = {**(preferences.deliveries or {}), **chosen}
        if quiet_hours is not None:
            preferences.quiet_hours = quiet_hours
        if quiet_from is not None:
            preferences.quiet_from = quiet_from
        if quiet_until is not None:
            preferences.quiet_until = quiet_until
        preferences.save()
        if changed:
            _follow_change(user, changed)
    return preferences


def _follow_change(user, changed):
    from .notifications import kinds

    for category, delivery in changed.items():
        keys = [kind.key for kind in kinds(category)]
        waiting = Notification.objects.filter(
            recipient=user, kind__in=keys, digested_at__isnull=True
        ).exclude(digest="")
        if delivery in DIGESTS:
            waiting.update(digest=delivery)
        else:
            waiting.update(digest="", digested_at=timezone.now())


def stop(user, category_keys):
    """E-mails of these categories stop: they stay in the site only. Doing it twice
    changes nothing more."""
    return save_preferences(user, dict.fromkeys(category_keys, SITE))


# Time: the member's zone, quiet hours, digests


def current_time():
    """Now, for quiet hours. The test suite pins it at midday (conftest.py): whether an
    e-mail waits must not depend on the hour the tests run."""
    return timezone.now()


def time_zone_of(profile):
    """The member's time zone (Wagtail's account setting), else the site's."""
    name = getattr(profile, "current_time_zone", "") or settings.TIME_ZONE
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def _at(day, time, zone):
    return datetime.datetime.combine(day, time, tzinfo=zone)


def quiet_end(preferences, zone, now=None):
    """When the member's quiet hours end, if ``now`` falls in them; otherwise None."""
    now = now or current_time()
    start, end = preferences.quiet_from, preferences.quiet_until
    if not preferences.quiet_hours or start == end:
        return None
    local = now.astimezone(zone)
    time = local.time()
    inside = start <= time < end if start < end else (time >= start or time < end)
    if not inside:
        return None
    day = local.date() if time < end else local.date() + datetime.timedelta(days=1)
    return _at(day, end, zone).astimezone(datetime.UTC)


def digest_slot(delivery, zone, now=None):
    """The start of the member's current digest period: this morning at 08:00 (daily),
    Monday at 08:00 (weekly). Notifications recorded before it are due in a digest."""
    local = (now or timezone.now()).astimezone(zone)
    day = local.date()
    if local.time() < DIGEST_TIME:
        day -= datetime.timedelta(days=1)
    if delivery == WEEKLY:
        day -= datetime.timedelta(days=(day.weekday() - DIGEST_WEEKDAY) % 7)
    return _at(day, DIGEST_TIME, zone).astimezone(datetime.UTC)


# One-click links that stop a category, from an e-mail, without logging in


def unsubscribe_token(user, category_keys):
    """A signed token naming the member and the categories: changing either breaks it."""
    return signing.dumps({"u": user.pk, "c": sorted(category_keys)}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token):
    """``(member id, category keys)`` of a genuine token, else None."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    user_id, keys = data.get("u"), data.get("c")
    if not isinstance(user_id, int) or not isinstance(keys, list) or not keys:
        return None
    allowed = switchable_category_keys()
    if not all(isinstance(key, str) and key in allowed for key in keys):
        return None
    return user_id, keys

"""Reading comfort: the classes a member's preferences put on ``<html>`` of every page.

Read once per member and kept in the shared cache until they save again (``signals``), so a
returning member's page costs no query more; the CSS (static/css/entrepairs.css, "Reading
comfort") does the rest, without JavaScript.
"""

from home.member_cache import (
    forget_member_value,
    member_value,
    register_member_value,
    set_member_value,
)

from .models import ReadingPreferences

TIMEOUT = 24 * 60 * 60


def cache_key(user_id):
    return f"entrepairs:reading:{user_id}"


def classes_for(preferences):
    """The classes of these preferences, in a fixed order ("" for the defaults)."""
    if preferences is None:
        return ""
    names = []
    if preferences.text_size != ReadingPreferences.NORMAL:
        names.append(f"text-{preferences.text_size}")
    if preferences.line_spacing != ReadingPreferences.NORMAL:
        names.append(f"spacing-{preferences.line_spacing}")
    if preferences.readable_font:
        names.append("font-readable")
    if preferences.high_contrast:
        names.append("contrast-high")
    if preferences.reduce_motion:
        names.append("motion-reduced")
    return " ".join(names)


def reading_classes(user):
    """The classes for this member's pages; "" for visitors and for the defaults."""
    if user is None or not user.is_authenticated:
        return ""
    key = cache_key(user.pk)
    classes = member_value(user, key)
    if classes is None:
        classes = classes_for(ReadingPreferences.objects.filter(user=user).first())
        set_member_value(key, classes, TIMEOUT)
    return classes


def preferences_of(user):
    """The member's preferences to edit (unsaved defaults if they never chose)."""
    return ReadingPreferences.objects.filter(user=user).first() or ReadingPreferences(user=user)


def forget(user_id):
    """Their preferences changed or went: the next page reads them again."""
    forget_member_value(cache_key(user_id))


# Read with the member's other values, in one round trip (every page shows them).
register_member_value(lambda user: cache_key(user.pk))

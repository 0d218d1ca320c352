"""Practice analysis' notifications: an entry sent for review or reviewed, and changes to
who can read a group's writing. Links and what happened, never the content of an entry or a record.

Registered with ``home.notifications`` when practice_analysis is ready
(``practice_analysis/apps.py``).
"""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from home import outbox
from home.notifications import notify, preferred_language, register_category, register_kind

from .models import ReflectiveEntry

ENTRIES = "entries_and_reviews"
SESSIONS = "sessions"
GROUP_CHANGES = "group_changes"

ENTRY_SUBMITTED = "entry_submitted"
ENTRY_CHANGES_REQUESTED = "entry_changes_requested"
ENTRY_VALIDATED = "entry_validated"
# Changes to who may read what: told to the member concerned and to the members whose
# writing the change exposes (access.py). {"group": name, "capacity": "member" |
# "supervisor"}, and "person" (a full name) for the reader added or removed.
GROUP_JOINED = "group_joined"
GROUP_LEFT = "group_left"
GROUP_READER_ADDED = "group_reader_added"
GROUP_READER_REMOVED = "group_reader_removed"


def _group(params):
    return {"group": params.get("group", ""), "person": params.get("person", "")}


def _supervisor(params):
    return params.get("capacity") == "supervisor"


def group_joined_message(params):
    if _supervisor(params):
        return _(
            "You now supervise the practice group “%(group)s”: you can read the "
            "entries its members send for review and the group's records."
        ) % _group(params)
    return _("You are now a member of the practice group “%(group)s”.") % _group(params)


def group_left_message(params):
    if _supervisor(params):
        return _("You no longer supervise the practice group “%(group)s”.") % _group(params)
    return _("You are no longer a member of the practice group “%(group)s”.") % _group(params)


def group_reader_added_message(params):
    if _supervisor(params):
        return _(
            "%(person)s now supervises your group “%(group)s”: they can read the "
            "entries you send for review and the group's records."
        ) % _group(params)
    return _(
        "%(person)s joined your group “%(group)s”: they can read the group's records and "
        "the entries members share with the group."
    ) % _group(params)


def group_reader_removed_message(params):
    if _supervisor(params):
        return _(
            "%(person)s no longer supervises your group “%(group)s” and can no longer read "
            "its writing."
        ) % _group(params)
    return _("%(person)s left your group “%(group)s”.") % _group(params)


def register():
    register_category(ENTRIES, gettext_lazy("Entries and reviews"), order=20)
    # Session reminders and changes to a group's sessions (issue 15) will be told here.
    register_category(SESSIONS, pgettext_lazy("practice group sessions", "Sessions"), order=40)
    register_category(GROUP_CHANGES, gettext_lazy("Group changes"), order=50)
    register_kind(
        ENTRY_SUBMITTED,
        label=gettext_lazy("A reflective entry waits for a supervisor"),
        category=ENTRIES,
        message=lambda params: (
            _(
                "A member of your group “%(group)s” has sent a reflective entry for review. "
                "It waits for a supervisor to read it."
            )
            % {"group": params.get("group", "")}
        ),
        subject=gettext_lazy("A reflective entry waits for a supervisor"),
    )
    register_kind(
        ENTRY_CHANGES_REQUESTED,
        label=gettext_lazy("Changes suggested on a reflective entry"),
        category=ENTRIES,
        message=lambda params: _(
            "A supervisor has read your reflective entry and suggests a few changes."
        ),
    )
    register_kind(
        ENTRY_VALIDATED,
        label=gettext_lazy("A reflective entry validated"),
        category=ENTRIES,
        message=lambda params: _("Your reflective entry has been read and validated."),
    )
    # Who can read a group's writing: an access change, told whatever the member prefers.
    groups_changed = gettext_lazy("Your practice groups changed")
    readers_changed = gettext_lazy("Who can read your group's writing changed")
    for key, label, message, subject in (
        (
            GROUP_JOINED,
            gettext_lazy("You joined a practice group"),
            group_joined_message,
            groups_changed,
        ),
        (GROUP_LEFT, gettext_lazy("You left a practice group"), group_left_message, groups_changed),
        (
            GROUP_READER_ADDED,
            gettext_lazy("Someone new can read your group's writing"),
            group_reader_added_message,
            readers_changed,
        ),
        (
            GROUP_READER_REMOVED,
            gettext_lazy("Someone can no longer read your group's writing"),
            group_reader_removed_message,
            readers_changed,
        ),
    ):
        register_kind(
            key,
            label=label,
            category=GROUP_CHANGES,
            message=message,
            subject=subject,
            switchable=False,
        )


def notify_supervisors_of_submission(entry):
    """Tell the supervisors of the entry's group that it waits, in the site and by e-mail:
    the group's name and a link, never the author's name or a word of the text."""
    supervisors = entry.group.supervisors.filter(is_active=True).exclude(pk=entry.author_id)
    for supervisor in supervisors.order_by("pk"):
        # The link is written in each supervisor's language: the site's paths are translated.
        with translation.override(preferred_language(supervisor)):
            path = reverse("supervision_entry", kwargs={"pk": entry.pk})
        notify(supervisor, ENTRY_SUBMITTED, {"group": entry.group.name}, link=path, email=True)


def notify_author_of_review(entry, review, request):
    """Tell the author their entry was reviewed, in the site and by e-mail, in their language."""
    author = entry.author
    validated = review.decision == ReflectiveEntry.VALIDATED
    # The link is written in the author's language: the site's paths are translated.
    with translation.override(preferred_language(author)):
        path = reverse("entry_detail", kwargs={"pk": entry.pk})
    kind = ENTRY_VALIDATED if validated else ENTRY_CHANGES_REQUESTED
    notify(author, kind, link=path)
    if not author.email:
        return
    with translation.override(preferred_language(author)):
        url = request.build_absolute_uri(path)
        context = {"author": author, "review": review, "url": url}
        subject = render_to_string("practice_analysis/email/review_subject.txt", context).strip()
        body = render_to_string("practice_analysis/email/review_body.txt", context)
    outbox.send(author.email, subject, body, kind=kind, recipient=author, key=f"review:{review.pk}")

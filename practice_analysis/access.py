"""Changes to who can read a practice group's writing: recorded, and told to those concerned.

Every change of a group's members or supervisors, whatever made it (the coordinators'
screen, a shell, a data import), reaches ``access_changed`` through the model's signals
(``signals.py``). It is written to the audit log (who acted and from where come from the
request being served) and told, in the site and by e-mail, to the person concerned and to
the people of the group whose writing the change exposes or stops exposing.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from home.notifications import notify, preferred_language
from privacy import audit
from privacy.models import AuditEvent

from .models import PracticeGroup
from .notifications import GROUP_JOINED, GROUP_LEFT, GROUP_READER_ADDED, GROUP_READER_REMOVED

MEMBER, SUPERVISOR = "member", "supervisor"
ACTIONS = {
    (MEMBER, True): AuditEvent.MEMBER_ADDED,
    (MEMBER, False): AuditEvent.MEMBER_REMOVED,
    (SUPERVISOR, True): AuditEvent.SUPERVISOR_ADDED,
    (SUPERVISOR, False): AuditEvent.SUPERVISOR_REMOVED,
}

_quiet = ContextVar("practice_access_quiet", default=False)


@contextmanager
def without_emails():
    """Record and notify in the site, but send no e-mail (demo data being seeded)."""
    token = _quiet.set(True)
    try:
        yield
    finally:
        _quiet.reset(token)


def people_of(group):
    """Ids of everyone who reads the group's records: its members and its supervisors."""
    return set(group.members.values_list("pk", flat=True)) | set(
        group.supervisors.values_list("pk", flat=True)
    )


def page_addresses(group):
    """``{language: address}`` of the group's page in each language it is published in."""
    page = getattr(group, "page", None)
    if page is None:
        return {}
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    return {p.locale.language_code: p.get_url() or "" for p in translations}


def group_link(addresses, user, readers):
    """The group page's address in the member's language (or the site's), for someone among
    ``readers`` (ids of the people who may open it); nothing for anyone else."""
    if user.pk not in readers:
        return ""
    return addresses.get(preferred_language(user)) or addresses.get(settings.LANGUAGE_CODE, "")


def access_changed(group, person_ids, capacity, added):
    """The people with these ids joined (``added``) or left the group as ``capacity``, in
    one operation: each change goes to the audit log, and is told once the change is saved.

    Who else is told is decided now, from the group as the change leaves it: the people
    already there when someone joins (those who join together are not told about each
    other: nothing of theirs is there to read yet), the people who stay when someone leaves.
    """
    person_ids = set(person_ids)
    if not person_ids:
        return
    for person_id in sorted(person_ids):
        audit.record(ACTIONS[(capacity, added)], subject=person_id, obj=group)
    others = people_of(group) - person_ids
    email = not _quiet.get()
    transaction.on_commit(lambda: _tell(group.pk, person_ids, others, capacity, added, email=email))


def _tell(group_pk, person_ids, other_ids, capacity, added, email):
    """Notify in the site and by e-mail, in each one's language, with nothing of any text."""
    group = PracticeGroup.objects.filter(pk=group_pk).select_related("page").first()
    if group is None:
        return
    users = get_user_model().objects.filter(is_active=True)
    readers = people_of(group)
    addresses = page_addresses(group)
    params = {"group": group.name, "capacity": capacity}
    others = list(users.filter(pk__in=other_ids).order_by("pk"))
    for person in users.filter(pk__in=person_ids).order_by("pk"):
        notify(
            person,
            GROUP_JOINED if added else GROUP_LEFT,
            params,
            link=group_link(addresses, person, readers),
            email=email,
        )
        name = person.get_full_name().strip() or person.get_username()
        for other in others:
            notify(
                other,
                GROUP_READER_ADDED if added else GROUP_READER_REMOVED,
                {**params, "person": name},
                link=group_link(addresses, other, readers),
                email=email,
            )

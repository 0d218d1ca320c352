"""Who may see, schedule and take attendance of which live session: every query that
depends on the member is here (docs/roles.md).

Rules (DESIGN.md): a practice group's sessions, their answers and attendance are seen by
the group's members and supervisors only; a cohort's sessions by its learners, its
trainers and coordinators. Trainers schedule their cohorts' sessions, supervisors their
groups', coordinators any (the date, place and facilitator of a group's session: they
manage the groups; its answers and attendance stay the group's). Anything else is a 404.
"""

import datetime
import secrets

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.http import Http404
from django.utils import timezone

from courses.models import Cohort
from courses.services import cohorts_visible_to
from practice_analysis import drafts
from practice_analysis.models import PracticeGroup
from practice_analysis.services import in_groups_of, supervised_groups, supervises
from privacy import audit

from .models import Attendance, CalendarFeed, LiveSession, SessionAnswer

# Check-in: from a little before the start to the end, a few tries per member and session.
CHECKIN_OPENS_BEFORE = datetime.timedelta(minutes=30)
CHECKIN_TRIES = 5
CHECKIN_TRIES_WINDOW = 600  # seconds
# A check-in this long after the start records the arrival time.
LATE_AFTER = datetime.timedelta(minutes=10)
# The feed holds what is coming and what happened in the last weeks.
FEED_PAST_DAYS = 90


def _active(user):
    return user is not None and user.is_authenticated and user.is_active


def is_coordinator(user):
    return _active(user) and user.groups.filter(name="coordinator").exists()


# Seeing ------------------------------------------------------------------------------


def sessions_visible_to(user, *, groups=True, cohorts=True):
    """Sessions of the member's practice groups (member or supervisor) and of the cohorts
    they learn in, train or coordinate. ``groups`` or ``cohorts`` False leaves that half
    out: a page that lists cohort days alone builds no subquery for the groups."""
    if not _active(user) or not (groups or cohorts):
        return LiveSession.objects.none()
    visible = Q()
    if groups:
        visible |= in_groups_of(user, "group_id")
    if cohorts:
        learning = Cohort.members.through.objects.filter(user_id=user.pk).values("cohort_id")
        visible |= Q(cohort_id__in=learning)
        staff = cohorts_visible_to(user)
        if not staff.query.is_empty():  # a learner's roles reach no further cohort
            visible |= Q(cohort_id__in=staff.values("pk"))
    return LiveSession.objects.filter(visible)


def refuse(user, pk):
    """A 404 for a session the member may not see; the attempt goes to the audit log."""
    audit.denied(None, (LiveSession._meta.label_lower, pk), actor=user)
    raise Http404


def visible_session(user, pk):
    """The session with this id if the member may see it, else 404 whatever exists."""
    session = (
        sessions_visible_to(user)
        .select_related("cohort", "group", "facilitator")
        .filter(pk=pk)
        .first()
    )
    if session is None:
        refuse(user, pk)
    return session


def _as_listed(sessions, user, order):
    """Sessions as their lists show them (``session_line.html``: the date, the kind, the
    cohort or group, and the member's answer as ``my_answer``: True, False or None), in one
    query. The facilitator is not shown there: not read."""
    mine = SessionAnswer.objects.filter(session=OuterRef("pk"), user_id=user.pk)
    mine = mine.values("coming")[:1]
    return (
        sessions.annotate(my_answer=Subquery(mine))
        .select_related("cohort", "group")
        .order_by(order)
    )


def upcoming_for(user, limit=5, *, group=None, cohort=None, kind=None):
    """The member's sessions from today on (of one group, cohort or kind if given), soonest
    first, each with ``my_answer`` (True, False or None): one query whatever the number
    of groups and cohorts."""
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    given = {"group": group, "cohort": cohort, "kind": kind}
    sessions = sessions_visible_to(
        user,
        groups=kind != LiveSession.TRAINING and cohort is None,
        cohorts=kind not in (LiveSession.PRACTICE, LiveSession.CODEV) and group is None,
    ).filter(starts_at__gte=today, **{name: v for name, v in given.items() if v is not None})
    return list(_as_listed(sessions, user, "starts_at")[:limit])


def past_for(user, limit=10):
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    sessions = sessions_visible_to(user).filter(starts_at__lt=today)
    return list(_as_listed(sessions, user, "-starts_at")[:limit])


# Scheduling --------------------------------------------------------------------------


def schedulable_cohorts(user):
    """Cohorts whose sessions the member schedules: trained ones, all for coordinators."""
    if not _active(user):
        return Cohort.objects.none()
    return cohorts_visible_to(user)


def schedulable_groups(user):
    """Groups whose sessions the member schedules: supervised ones, all for coordinators."""
    if not _active(user):
        return PracticeGroup.objects.none()
    if is_coordinator(user):
        return PracticeGroup.objects.all()
    return supervised_groups(user)


def sessions_schedulable_by(user):
    """The sessions the member may change or cancel (the editing space lists these)."""
    if not _active(user):
        return LiveSession.objects.none()
    if is_coordinator(user):
        return LiveSession.objects.all()
    return LiveSession.objects.filter(
        Q(cohort__in=schedulable_cohorts(user).values("pk"))
        | Q(group__in=supervised_groups(user).values("pk"))
    )


def may_schedule_any(user):
    return schedulable_cohorts(user).exists() or schedulable_groups(user).exists()


def schedulable_session(user, pk):
    session = sessions_schedulable_by(user).filter(pk=pk).first()
    if session is None:
        refuse(user, pk)
    return session


def facilitators_for(cohort=None, group=None):
    """Who may facilitate: a group's members and supervisors (who may see its sessions), a
    cohort's trainers."""
    people = get_user_model().objects.filter(is_active=True)
    if group is not None:
        return people.filter(Q(practice_groups=group) | Q(supervised_groups=group)).distinct()
    if cohort is not None:
        return people.filter(trained_cohorts=cohort)
    return people.none()


# Answers -----------------------------------------------------------------------------


def answer(user, session, coming):
    """Record the member's answer; the same answer twice changes nothing."""
    SessionAnswer.objects.update_or_create(session=session, user=user, defaults={"coming": coming})


def my_answer(user, session):
    return (
        SessionAnswer.objects.filter(session=session, user=user)
        .values_list("coming", flat=True)
        .first()
    )


def participants(session):
    """Who is expected: the group's members or the cohort's learners."""
    audience = session.group.members if session.group_id else session.cohort.members
    return audience.filter(is_active=True).order_by("last_name", "first_name", "username")


def answer_counts(session):
    rows = dict(
        SessionAnswer.objects.filter(session=session)
        .values("coming")
        .annotate(n=Count("pk"))
        .values_list("coming", "n")
    )
    return {"coming": rows.get(True, 0), "not_coming": rows.get(False, 0)}


# Attendance --------------------------------------------------------------------------


def may_take_attendance(user, session):
    """The facilitator, a supervisor of the group or whoever schedules the cohort's
    sessions, among those who may see the session."""
    if not sessions_visible_to(user).filter(pk=session.pk).exists():
        return False
    if session.facilitator_id == user.pk:
        return True
    if session.group_id:
        return supervised_groups(user).filter(pk=session.group_id).exists()
    return schedulable_cohorts(user).filter(pk=session.cohort_id).exists()


def attendance_session(user, pk):
    session = visible_session(user, pk)
    if not may_take_attendance(user, session):
        refuse(user, pk)
    return session


def attendance_rows(session):
    """[(person, attendance or None, answer or None)] for everyone expected or recorded."""
    records = {a.user_id: a for a in session.attendance.select_related("user")}
    answers = dict(session.answers.values_list("user_id", "coming"))
    people = list(participants(session))
    known = {person.pk for person in people}
    people += [a.user for a in records.values() if a.user_id not in known]
    return [(person, records.get(person.pk), answers.get(person.pk)) for person in people]


def mark(session, user, status, arrived_at=None, left_at=None, *, by):
    Attendance.objects.update_or_create(
        session=session,
        user=user,
        defaults={
            "status": status,
            "arrived_at": arrived_at if status == Attendance.PRESENT else None,
            "left_at": left_at if status == Attendance.PRESENT else None,
            "marked_by": by,
        },
    )


class CheckInRefused(Exception):
    pass


def checkin_open(session, now=None):
    now = now or timezone.now()
    return session.starts_at - CHECKIN_OPENS_BEFORE <= now <= session.ends_at


def check_in(user, session, code, now=None):
    """Record the member as present with the code shown at the session. Refused outside
    the session's time, after too many wrong codes, or for someone not expected."""
    now = now or timezone.now()
    if not checkin_open(session, now):
        raise CheckInRefused("closed")
    if not participants(session).filter(pk=user.pk).exists():
        raise CheckInRefused("not_expected")
    key = f"entrepairs:checkin:{session.pk}:{user.pk}"
    tries = cache.get(key, 0)
    if tries >= CHECKIN_TRIES:
        raise CheckInRefused("too_many")
    given = "".join((code or "").split()).upper()
    if not secrets.compare_digest(given.encode(), session.checkin_code.encode()):
        cache.set(key, tries + 1, CHECKIN_TRIES_WINDOW)
        raise CheckInRefused("wrong")
    record = Attendance.objects.filter(session=session, user=user).first()
    if record is not None and record.status == Attendance.PRESENT:
        return record  # a double submit, or the facilitator marked them already
    arrived = timezone.localtime(now).time().replace(second=0, microsecond=0)
    late = now > session.starts_at + LATE_AFTER
    record, _created = Attendance.objects.update_or_create(
        session=session,
        user=user,
        defaults={
            "status": Attendance.PRESENT,
            "arrived_at": arrived if late else None,
            "checked_in_at": now,
        },
    )
    return record


def attendance_minutes(user):
    """[(session, minutes)] of the sessions the member attended, oldest first."""
    records = (
        Attendance.objects.filter(user=user, status=Attendance.PRESENT)
        .select_related("session", "session__cohort", "session__group")
        .order_by("session__starts_at")
    )
    return [(record.session, record.minutes()) for record in records]


def attendance_hours(user):
    """Hours of live sessions the member attended (late arrivals and early leaves
    counted), for the record of training."""
    return round(sum(minutes for _session, minutes in attendance_minutes(user)) / 60, 2)


# Calendar feed -----------------------------------------------------------------------


def feed_of(user):
    return CalendarFeed.objects.filter(user=user).first()


def regenerate_feed(user):
    """A new private address; the old one stops working at once."""
    feed, _created = CalendarFeed.objects.update_or_create(
        user=user, defaults={"token": CalendarFeed.new_token()}
    )
    return feed


def revoke_feed(user):
    CalendarFeed.objects.filter(user=user).delete()


def feed_owner(token):
    """The member whose feed this is; 404 for a revoked or unknown token."""
    feed = CalendarFeed.objects.filter(token=token).select_related("user").first()
    if feed is None or not feed.user.is_active:
        raise Http404
    return feed.user


def feed_sessions(user):
    since = timezone.now() - datetime.timedelta(days=FEED_PAST_DAYS)
    return (
        sessions_visible_to(user)
        .filter(starts_at__gte=since)
        .select_related("cohort", "group", "facilitator")
        .order_by("starts_at")
    )


# From session to record --------------------------------------------------------------

RECORD_KINDS = {LiveSession.PRACTICE: drafts.SESSION_LOG, LiveSession.CODEV: drafts.CODEV_RECORD}


def may_start_record(user, session):
    """The session log or co-development record of a group's session that has begun is
    started by its facilitator or a supervisor of the group, among those who may see the
    session (coordinators, not in the group, may not)."""
    if session.kind not in RECORD_KINDS or not session.group_id:
        return False
    if not sessions_visible_to(user).filter(pk=session.pk).exists():
        return False
    return session.facilitator_id == user.pk or supervises(user, session.group)


def record_session(user, pk):
    """The session whose record the member may start or open, else 404."""
    session = visible_session(user, pk)
    if not may_start_record(user, session):
        refuse(user, pk)
    return session


def has_begun(session, now=None):
    return session.starts_at <= (now or timezone.now())


@transaction.atomic
def start_record(user, session):
    """The session's record: the one already started, or a new draft with the date, the
    facilitator and those marked present. Never a second one."""
    # Only the session row is locked (its group is a nullable join: PostgreSQL refuses to lock it).
    session = (
        LiveSession.objects.select_for_update(of=("self",))
        .select_related("group")
        .get(pk=session.pk)
    )
    if session.record_id is not None:
        return session.record
    present = get_user_model().objects.filter(
        session_attendance__session=session, session_attendance__status=Attendance.PRESENT
    )
    record = drafts.start_record(
        RECORD_KINDS[session.kind],
        session.group,
        date=timezone.localtime(session.starts_at).date(),
        facilitator=session.facilitator,
        attendees=present.order_by("last_name", "first_name", "username"),
        owner=user,
    )
    session.record = record
    session.save(update_fields=["record", "updated_at"])
    return record

"""Who may see what in practice analysis: every query that depends on the member is here.

Rules (DESIGN.md): an entry is seen by its author and by the supervisors of its group,
nobody else; a group's page by its members and supervisors. Anything else is a 404.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.db.models import CharField, Count, Max, Q
from django.db.models.functions import Cast, TruncMonth
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.models import GroupPagePermission, Locale, Page, PageViewRestriction

from home.cache import get_versioned, roles_version, set_versioned
from privacy import audit
from privacy.models import AuditEvent

from .models import (
    EntryRead,
    PracticeAnalysisIndexPage,
    PracticeGroup,
    PracticeGroupPage,
    ReflectiveEntry,
    pages_of_groups,
)

# The version of the practice-analysis pages (``home.cache``, registered in ``signals.py``):
# what is cached about the space, its groups' pages and records reads it, and nothing of
# the site's or of training does.
PRACTICE = "practice"


def groups_of(user):
    """The practice groups the member belongs to or supervises: read from the member's own
    memberships (two subqueries), never by joining every group of the network."""
    if not user.is_authenticated:
        return PracticeGroup.objects.none()
    return PracticeGroup.objects.filter(in_groups_of(user, "pk"))


def in_groups_of(user, field):
    """``Q(<field> in the member's groups)``, the rule of ``groups_of`` for another model's
    group column (``"group_id"``): two small subqueries, no join, no third query level.
    Filtered on the column (``user_id``): the same SQL, without the ORM's checks of a model
    instance given for a relation (a fifth of the cost of building the rule)."""
    return in_groups_of_member(user.pk, field)


def in_groups_of_member(user_id, field):
    """``in_groups_of`` for the member's id."""
    memberships = PracticeGroup.members.through.objects.filter(user_id=user_id)
    supervisions = PracticeGroup.supervisors.through.objects.filter(user_id=user_id)
    return Q(**{f"{field}__in": memberships.values("practicegroup_id")}) | Q(
        **{f"{field}__in": supervisions.values("practicegroup_id")}
    )


def member_groups(user):
    """The groups in which the member may write entries."""
    if not user.is_authenticated:
        return PracticeGroup.objects.none()
    return PracticeGroup.objects.filter(members=user)


def entries_of(user):
    """The member's own entries."""
    if not user.is_authenticated:
        return ReflectiveEntry.objects.none()
    return ReflectiveEntry.objects.filter(author_id=user.pk).select_related("group")


def own_entry(user, pk):
    """The member's entry with this id, or 404 whatever exists behind the id."""
    entry = entries_of(user).filter(pk=pk).first() if str(pk).isdigit() else None
    if entry is None:
        refuse(user, pk)
    return entry


def refuse(user, pk):
    """A 404 for an entry the member may not see; the attempt goes to the audit log."""
    pk = str(pk)[:64]
    author = (
        ReflectiveEntry.objects.filter(pk=pk).values_list("author", flat=True).first()
        if pk.isdigit()
        else None
    )
    audit.denied(None, (ReflectiveEntry._meta.label_lower, pk), subject=author, actor=user)
    raise Http404


def supervised_groups(user):
    """The groups the member supervises: the one statement of who supervises what. The
    entries' state machine, the records' approval task and the supervisor space ask it
    (through ``supervises`` for one group)."""
    if user is None or not user.is_authenticated:
        return PracticeGroup.objects.none()
    return PracticeGroup.objects.filter(supervisors=user)


def supervises(user, group):
    """Whether the member is one of this group's supervisors (one query)."""
    return group is not None and supervised_groups(user).filter(pk=group.pk).exists()


def may_see_group(user, group):
    """Members and supervisors of the group see its page and records; nobody else."""
    return groups_of(user).filter(pk=group.pk).exists()


# Group pages and their access ----------------------------------------------------------


def sync_access_group(group):
    """Make the group's Django group (checked by its page's view restriction) current."""
    people = set(group.members.values_list("pk", flat=True))
    people |= set(group.supervisors.values_list("pk", flat=True))
    access = group.access_group
    current = set(access.user_set.values_list("pk", flat=True))
    if people != current:
        access.user_set.set(people)


@transaction.atomic
def ensure_group_page(group):
    """Create what a new group needs: its access group, its page and the page's restriction."""
    if group.access_group is None:
        group.access_group, _created = Group.objects.get_or_create(
            name=f"practice-group-{group.pk}"
        )
        PracticeGroup.objects.filter(pk=group.pk).update(access_group=group.access_group)
    page = PracticeGroupPage.objects.filter(group=group).first()
    if page is None:
        index = PracticeAnalysisIndexPage.objects.filter(locale=Locale.get_default()).first()
        if index is None:  # before bootstrap: the page comes with the next save
            return None
        page = index.add_child(instance=PracticeGroupPage(title=group.name, group=group))
        page.save_revision().publish()
    restriction, _created = PageViewRestriction.objects.get_or_create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([group.access_group])
    # Members write session logs and co-development records under their group's page.
    add_page = Permission.objects.get(content_type__app_label="wagtailcore", codename="add_page")
    GroupPagePermission.objects.get_or_create(
        group=group.access_group, page=page, permission=add_page
    )
    sync_access_group(group)
    return page


# Supervision ---------------------------------------------------------------------------

# Drafts and withdrawn entries are the author's alone: supervisors never see them. Nor
# archived ones (retention, a year after validation): only their author keeps them.
SEEN_BY_SUPERVISORS = [
    ReflectiveEntry.SUBMITTED,
    ReflectiveEntry.IN_REVIEW,
    ReflectiveEntry.CHANGES_REQUESTED,
    ReflectiveEntry.VALIDATED,
]


def supervised_group_ids(user):
    """Ids of ``supervised_groups``, kept until someone's groups change (a change of
    supervisors changes the group's access group, which bumps the roles version): for the
    supervisor space's pages, not for deciding a change of state."""
    if not user.is_authenticated:
        return []
    key = f"entrepairs:supervised-groups:{roles_version()}:{user.pk}"
    ids = get_versioned(key)
    if ids is None:
        ids = list(supervised_groups(user).values_list("pk", flat=True))
        set_versioned(key, ids)
    return ids


def supervises_any_group(user):
    return bool(supervised_group_ids(user))


def supervised_entries(user):
    """Entries of the groups the member supervises, once their authors have sent them."""
    if not user.is_authenticated:
        return ReflectiveEntry.objects.none()
    # Through the supervisor's own groups (index on group and state): what the queue reads
    # follows their groups, never the network's entries.
    return ReflectiveEntry.objects.filter(
        group_id__in=supervised_group_ids(user), state__in=SEEN_BY_SUPERVISORS
    ).select_related("group", "author", "reviewer")


def supervision_queue(user):
    """Entries waiting for a supervisor: "I would like to talk about it" first, then oldest."""
    return (
        supervised_entries(user)
        .filter(state__in=[ReflectiveEntry.SUBMITTED, ReflectiveEntry.IN_REVIEW])
        .order_by("-wants_to_talk", "submitted_at", "pk")
    )


@dataclass(frozen=True)
class RecordToApprove:
    """A group record (session log, co-development record) waiting in the approval task of
    its group's supervisors, as the inbox shows it: its neutral title, kind, group, since
    when, and where the supervisor reviews it (the page's editor, with the workflow's
    actions)."""

    title: str
    kind: str
    group: str
    since: object
    url: str


def _supervised_group_pages(ids):
    """``[(path, group name)]`` of the pages of these groups, in one query."""
    return list(
        PracticeGroupPage.objects.filter(group_id__in=ids)
        .order_by()
        .values_list("path", "group__name")
    )


def _approvals_in_progress(group_paths):
    """The approval tasks in progress of the records under these group pages (records are
    the group page's children): one query, whatever the number of groups and records."""
    from wagtail.models import TaskState

    from .models import GroupSupervisorApprovalTask

    if not group_paths:
        return TaskState.objects.none()
    # Each group's children as a range of paths (treebeard's own interval), which the
    # path's index answers; a LIKE per group made SQLite read every page of the network.
    paths = Q()
    for path in group_paths:
        paths |= Q(path__range=Page._get_children_path_interval(path))
    depth = len(group_paths[0]) // Page.steplen + 1
    records = (
        Page.objects.filter(paths, depth=depth)
        .annotate(text_pk=Cast("pk", CharField()))
        .values("text_pk")
    )
    return TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS,
        task__in=GroupSupervisorApprovalTask.objects.values("pk"),
        workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
        workflow_state__object_id__in=records,
    )


def records_to_approve(user):
    """The group records of the groups the member supervises that wait for a supervisor's
    approval, oldest first (two queries once the member's groups are known, whatever the
    number of groups and records)."""
    ids = supervised_group_ids(user)
    if not ids:
        return []
    group_pages = _supervised_group_pages(ids)
    states = list(
        _approvals_in_progress([path for path, _name in group_pages])
        .order_by("started_at", "pk")
        .values_list("workflow_state__object_id", "started_at")
    )
    if not states:
        return []
    pages = Page.objects.filter(pk__in=[int(pk) for pk, _since in states]).only(
        "pk", "draft_title", "path", "content_type"
    )
    pages = {str(page.pk): page for page in pages}
    groups = dict(group_pages)
    records = []
    for pk, since in states:
        page = pages.get(pk)
        if page is None:
            continue
        records.append(
            RecordToApprove(
                title=page.draft_title,
                kind=str(page.specific_class._meta.verbose_name),
                group=groups.get(page.path[: len(page.path) - Page.steplen], ""),
                since=since,
                url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
            )
        )
    return records


# The header's count of what waits: read on every page, so counted at most once in this
# time (or until an entry of one of the supervisor's groups moves, ``states.move``, or a
# record of theirs enters or leaves its approval task, ``signals.py``).
WAITING_TIMEOUT = 120


def supervision_waiting_key(user_id):
    return f"entrepairs:supervision-waiting:{user_id}"


def supervision_waiting(user):
    """What waits for this supervisor in their inbox, for the header and their home: the
    entries sent and not taken yet (or taken by them and not yet reviewed) and the group
    records awaiting approval; None for a member who supervises no group. Three queries at
    most, over their own groups, then cached."""
    ids = supervised_group_ids(user)
    if not ids:
        return None
    key = supervision_waiting_key(user.pk)
    count = cache.get(key)
    if count is None:
        # The queue, less the entries another supervisor has taken.
        waiting = Q(state=ReflectiveEntry.SUBMITTED) | Q(reviewer=user)
        count = supervision_queue(user).filter(waiting).count()
        group_paths = [path for path, _name in _supervised_group_pages(ids)]
        count += _approvals_in_progress(group_paths).count()
        cache.set(key, count, WAITING_TIMEOUT)
    return count


def forget_supervision_waiting(group_id):
    """An entry of the group moved: its supervisors' counts are counted again (one query)."""
    ids = PracticeGroup.objects.filter(pk=group_id).values_list("supervisors", flat=True)
    cache.delete_many([supervision_waiting_key(user_id) for user_id in ids if user_id])


def supervised_entry(user, pk):
    entry = supervised_entries(user).filter(pk=pk).first() if str(pk).isdigit() else None
    if entry is None:
        refuse(user, pk)
    return entry


def record_read(entry, reader, capacity, request=None):
    """Every read by someone other than the author is recorded: the author sees the list,
    and the audit log keeps it."""
    if reader.pk != entry.author_id:
        EntryRead.objects.create(entry=entry, reader=reader, capacity=capacity)
        audit.record(
            AuditEvent.READ, actor=reader, subject=entry.author, obj=entry, request=request
        )


def review_context(entry):
    """What the templates need to show an entry's reviews, in the reader's language."""
    from courses.models import CoursePage
    from courses.services import pages_in_language

    from .forms import ReviewForm

    reviews = list(entry.reviews.select_related("reviewer"))
    keys = {key for review in reviews for key in review.recommended_modules}
    modules = pages_in_language(CoursePage, keys)
    for review in reviews:
        review.recommended = [modules[k] for k in review.recommended_modules if k in modules]
    return {
        "sections": [(label, getattr(entry, name)) for name, label, _h in entry.GIBBS_SECTIONS],
        "section_labels": {name: label for name, label, _h in entry.GIBBS_SECTIONS},
        "review_kinds": ReviewForm.KINDS,
        "reviews": reviews,
    }


# Sharing with the group and aggregates ---------------------------------------------------


class SharingRefused(Exception):
    """The entry cannot be shared (or taken back) now; the message says why."""


def may_share(user, entry):
    """Only the author shares an entry with their group, and only once a supervisor has
    validated it; they may take it back at any time while it stays validated."""
    return (
        user.is_authenticated
        and entry.author_id == user.pk
        and entry.state == ReflectiveEntry.VALIDATED
    )


def share_with_group(user, entry, shared):
    """Let the entry's group read it (``shared``) or take it back, if ``may_share``."""
    if not may_share(user, entry):
        raise SharingRefused(_("An entry can be shared once a supervisor has validated it."))
    if entry.shared_with_group != shared:
        entry.shared_with_group = shared
        entry.save(update_fields=["shared_with_group", "updated_at"])
    return entry


def shared_entries(user, group=None):
    """Validated entries their authors shared with a group the member belongs to."""
    if not user.is_authenticated:
        return ReflectiveEntry.objects.none()
    entries = ReflectiveEntry.objects.filter(
        shared_with_group=True, state=ReflectiveEntry.VALIDATED, group__members=user
    ).select_related("author", "group")
    return entries.filter(group=group) if group is not None else entries


def shared_entry(user, pk):
    entry = shared_entries(user).filter(pk=pk).first() if str(pk).isdigit() else None
    if entry is None:
        refuse(user, pk)
    return entry


def entry_figures():
    """Counts of entries per group, month and state: the only thing coordinators see."""
    return (
        ReflectiveEntry.objects.exclude(state=ReflectiveEntry.DRAFT)
        .annotate(month=TruncMonth("created_at"))
        .values("group__name", "month", "state")
        .annotate(count=Count("pk"))
        .order_by("group__name", "-month", "state")
    )


def sessions_of_groups(groups):
    """Ids of the session logs under the pages of these groups."""
    group_pages = list(PracticeGroupPage.objects.filter(group__in=groups))
    return pages_of_groups(group_pages, inclusive=False).values("pk")


def readers_of(entry):
    """Who read the entry, in what capacity, how many times and last when (for its author)."""
    return (
        entry.reads.values(
            "reader__first_name", "reader__last_name", "reader__username", "capacity"
        )
        .annotate(times=Count("pk"), last=Max("at"))
        .order_by("-last")
    )

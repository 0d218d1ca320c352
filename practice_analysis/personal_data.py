"""What practice analysis keeps about a member, and what erasure does with it.

Erasure deletes the member's reflective entries with their reviews, changes of state and
reads, and takes them out of their groups. Reviews they wrote of other people's entries
stay with those entries (they belong to the authors' record), signed « ancien·ne membre ».
The export gives the texts of one's own entries and of the reviews of them; of the reviews
one wrote as a supervisor, only when and what was decided: their text is about someone
else's entry.
"""

from django.utils.translation import gettext_lazy as _

from privacy.registry import plain, register, register_model
from privacy.services import public_author_name

from .models import EntryRead, EntryReview, FollowUpReminder, PracticeGroup, ReflectiveEntry
from .states import ERASURE, move


def erase_entries(user):
    ReflectiveEntry.objects.filter(author=user).delete()


@register("reflective_entries", _("Reflective entries"), erase=erase_entries, order=30)
def export_entries(user):
    entries = (
        ReflectiveEntry.objects.filter(author=user)
        .select_related("group", "reviewer")
        .prefetch_related("reviews__reviewer", "transitions__by", "reads__reader")
        .order_by("created_at", "pk")
    )
    return [
        {
            "id": entry.pk,
            "title": entry.title,
            "group": entry.group.name,
            "state": entry.get_state_display(),
            "setting": entry.get_setting_display(),
            "situation_month": plain(entry.situation_month),
            **{name: getattr(entry, name) for name, _l, _h in ReflectiveEntry.GIBBS_SECTIONS},
            "ethics_tags": plain(entry.ethics_tags),
            "question_for_supervisor": entry.question_for_supervisor,
            "wants_to_talk": entry.wants_to_talk,
            "shared_with_group": entry.shared_with_group,
            "created_at": plain(entry.created_at),
            "updated_at": plain(entry.updated_at),
            "submitted_at": plain(entry.submitted_at),
            "reviews": [
                {
                    "by": public_author_name(review.reviewer),
                    "at": plain(review.created_at),
                    "decision": review.get_decision_display(),
                    "overall_comment": review.overall_comment,
                    "section_comments": plain(review.section_comments),
                    "bring_to_session": review.bring_to_session,
                    "discuss_in_person": review.discuss_in_person,
                }
                for review in entry.reviews.all()
            ],
            "changes_of_state": [
                {
                    "from": transition.get_from_state_display(),
                    "to": transition.get_to_state_display(),
                    "by": public_author_name(transition.by) if transition.by_id else "",
                    "at": plain(transition.at),
                }
                for transition in entry.transitions.all()
            ],
            "reads": [
                {
                    "by": public_author_name(read.reader),
                    "as": read.get_capacity_display(),
                    "at": plain(read.at),
                }
                for read in entry.reads.all()
            ],
        }
        for entry in entries
    ]


def release_entries_in_review(user):
    """Entries an erased supervisor had taken go back to the queue for another one, through
    the state machine (a change made by the erasure, recorded without a name)."""
    E = ReflectiveEntry
    for entry in E.objects.filter(reviewer=user, state=E.IN_REVIEW):
        move(entry, E.SUBMITTED, ERASURE)


@register(
    "reviews_written",
    _("Reviews you wrote as a supervisor"),
    erase=release_entries_in_review,
    order=31,
)
def export_reviews_written(user):
    reviews = EntryReview.objects.filter(reviewer=user).order_by("created_at", "pk")
    return [
        {
            "entry_id": review.entry_id,
            "at": plain(review.created_at),
            "decision": review.get_decision_display(),
        }
        for review in reviews
    ]


@register("entries_read", _("Entries of others you read"), order=32)
def export_reads(user):
    reads = EntryRead.objects.filter(reader=user).order_by("at", "pk")
    return [
        {"entry_id": read.entry_id, "as": read.get_capacity_display(), "at": plain(read.at)}
        for read in reads
    ]


def erase_groups(user):
    user.practice_groups.clear()
    user.supervised_groups.clear()
    PracticeGroup.objects.filter(facilitator=user).update(facilitator=None)


@register("practice_groups", _("Practice groups"), erase=erase_groups, order=33)
def export_groups(user):
    rows = []
    for capacity, groups in (
        (_("member"), PracticeGroup.objects.filter(members=user)),
        (_("supervisor"), PracticeGroup.objects.filter(supervisors=user)),
        (_("facilitator"), PracticeGroup.objects.filter(facilitator=user)),
    ):
        rows += [
            {"group": group.name, "kind": group.get_kind_display(), "as": str(capacity)}
            for group in groups
        ]
    return rows


# The dates a member, client of a co-development workshop, was reminded of its action plan
# (never which workshop: that is the group's record).
register_model(
    "follow_up_reminders",
    _("Action plan reminders"),
    FollowUpReminder,
    user_field="recipient",
    fields=["follow_up_on", "sent_at"],
    erase="delete",
    order=34,
)

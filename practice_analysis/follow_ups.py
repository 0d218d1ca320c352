"""Co-development follow-up: on a workshop's ``next_follow_up`` date, its client is
reminded of the action plan, once, with a link to the record and nothing of its content.

In the co-development method (Payette and Champagne) the action plan is the client's: the
member who brought the situation chose what they would try, and the follow-up asks them
how it went. So the client is reminded, not the consultants, and only while they are
still in the group (the record's link would otherwise lead nowhere). A record without a
client (erased, or never named) reminds nobody: the facilitator asks at the next workshop
(the record's "follow-up of the previous action plan").

The daily job runs in the morning; a date missed while no worker ran is caught up within
``CATCH_UP`` days. Each reminder is a ``FollowUpReminder``: once per workshop and date.
"""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from django_tasks import task

from home.batches import in_batches
from home.notifications import notify, register_kind

from .models import CodevWorkshopPage, FollowUpReminder, PracticeGroup, PracticeGroupPage
from .notifications import SESSIONS

CODEV_FOLLOW_UP = "codev_follow_up"  # {"group": the group's name}; link: the record
CATCH_UP = datetime.timedelta(days=7)
BATCH = 200


def follow_up_message(params):
    return _(
        "The follow-up date of your action plan from the co-development workshop of "
        "“%(group)s” has come. How is it going? The record is there if you want to read "
        "your plan again."
    ) % {"group": params.get("group", "")}


def register():
    register_kind(
        CODEV_FOLLOW_UP,
        label=gettext_lazy("The follow-up of a co-development action plan"),
        category=SESSIONS,
        message=follow_up_message,
        subject=gettext_lazy("Your action plan: the follow-up date has come"),
    )


def due_workshops(today):
    """Live workshop records whose follow-up date has come and whose client, still an
    active member, was not reminded of it yet."""
    reminded = FollowUpReminder.objects.filter(
        workshop=OuterRef("pk"), follow_up_on=OuterRef("next_follow_up")
    )
    return (
        CodevWorkshopPage.objects.live()
        .filter(
            next_follow_up__lte=today,
            next_follow_up__gt=today - CATCH_UP,
            client__isnull=False,
            client__is_active=True,
        )
        .exclude(Exists(reminded))
        # Nothing encrypted is read: the job needs no word of the record.
        .only("id", "path", "depth", "url_path", "locale_id", "next_follow_up", "client")
    )


def send_follow_ups(today=None):
    """Remind the clients whose follow-up date has come; returns how many were reminded."""
    today = today or timezone.localdate()
    sent = 0
    for batch in in_batches(due_workshops(today).select_related("client"), BATCH):
        steplen = CodevWorkshopPage.steplen
        groups = {
            path: (group_id, name)
            for path, group_id, name in PracticeGroupPage.objects.filter(
                path__in={workshop.path[:-steplen] for workshop in batch}
            ).values_list("path", "group_id", "group__name")
        }
        members = set(
            PracticeGroup.members.through.objects.filter(
                practicegroup_id__in={group_id for group_id, _name in groups.values()},
                user_id__in={workshop.client_id for workshop in batch},
            ).values_list("practicegroup_id", "user_id")
        )
        for workshop in batch:
            group_id, name = groups.get(workshop.path[:-steplen], (None, ""))
            if (group_id, workshop.client_id) in members:
                sent += remind(workshop, name)
    return sent


def remind(workshop, group_name):
    try:
        with transaction.atomic():
            FollowUpReminder.objects.create(
                workshop=workshop, follow_up_on=workshop.next_follow_up, recipient=workshop.client
            )
            notify(
                workshop.client,
                CODEV_FOLLOW_UP,
                {"group": group_name},
                link=workshop.get_url(),
                email=True,
            )
    except IntegrityError:  # another worker reminded them at the same moment
        return 0
    return 1


@task()
def send_follow_up_reminders():
    """The daily job: co-development clients whose follow-up date has come."""
    return send_follow_ups()

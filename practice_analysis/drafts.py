"""A group record started from elsewhere (a live session, ``gatherings``): a draft with its
date, facilitator and people filled in and its texts left to write. It is then written in
the editing space and goes through the group supervisors' workflow like any record."""

from django.db import transaction

from .models import CodevWorkshopPage, PracticeSessionPage

SESSION_LOG, CODEV_RECORD = "session_log", "codev_record"
RECORD_MODELS = {SESSION_LOG: PracticeSessionPage, CODEV_RECORD: CodevWorkshopPage}


@transaction.atomic
def start_record(kind, group, *, date, facilitator, attendees, owner):
    """A draft session log or co-development record under the group's page, owned by who
    starts it (Wagtail lets the owner of a draft go on editing it). Attendees are kept
    as records keep them: the session log's attendees, the workshop's consultants."""
    parent = group.page
    page = RECORD_MODELS[kind](
        date=date, facilitator=facilitator, owner=owner, live=False, locale=parent.locale
    )
    people = list(attendees)
    if kind == SESSION_LOG:
        page.session_format = group.kind
        page.attendees.set(people)
    else:
        page.consultants.set(people)
    # A draft is saved with its title and slug checked only (Wagtail), as from the editor.
    page.title = page.draft_title = page.neutral_title()
    parent.add_child(instance=page)
    page.save_revision(user=owner, log_action=True, clean=False)
    return page

"""Admin forms of the group records: people are chosen among the group's own."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from wagtail.admin.forms import WagtailAdminPageForm

PEOPLE_FIELDS = ("attendees", "consultants", "facilitator", "client")


class GroupRecordForm(WagtailAdminPageForm):
    """Attendees, consultants, client and facilitator come from the record's group only:
    the form never lists the other members of the association."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        group_page = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
        group = getattr(group_page.specific, "group", None) if group_page else None
        people = get_user_model().objects.none()
        if group is not None:
            people = (
                get_user_model()
                .objects.filter(Q(practice_groups=group) | Q(supervised_groups=group))
                .distinct()
                .order_by("last_name", "first_name")
            )
        for name in PEOPLE_FIELDS:
            if name in self.fields:
                self.fields[name].queryset = people

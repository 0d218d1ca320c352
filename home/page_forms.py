"""Admin forms of home's page types: limits on what peers write in contributions."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

from . import limits
from .guarded_forms import REASON_FIELD, AnonymisationGuardMixin


class ContributionPageForm(AnonymisationGuardMixin, WagtailAdminPageForm):
    """A contribution's free texts are finite (the content note, and the text as a whole),
    and the anonymisation guard reads them, title included, as it does on the site."""

    guarded_exclude = ("slug", "seo_title", "search_description", REASON_FIELD)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "content_note" in self.fields:
            limits.limit_length(self.fields["content_note"], limits.SHORT_TEXT)

    def clean(self):
        cleaned = super().clean()
        body = cleaned.get("body")
        if body is not None and "body" not in self.errors:
            # The stored text, formatting included: what the database and pages carry.
            size = len(json.dumps(body.get_prep_value(), cls=DjangoJSONEncoder))
            if size > limits.CONTRIBUTION_BODY:
                self.add_error(
                    "body",
                    _(
                        "This text is too long for one contribution (%(limit)s characters "
                        "at most, formatting included). Could it become two contributions?"
                    )
                    % {"limit": limits.shown(limits.CONTRIBUTION_BODY)},
                )
        return cleaned

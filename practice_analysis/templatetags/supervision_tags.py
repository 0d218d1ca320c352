"""The header's count of what waits in a supervisor's inbox (``services``), and the rows of
the inbox's entries."""

from django import template
from django.utils import formats, timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from courses.templatetags.courses_tags import addresses_of
from practice_analysis.services import supervision_waiting

register = template.Library()


@register.simple_tag(takes_context=True)
def supervision_waiting_count(context):
    """How many entries and records wait for the member, or None if they supervise no group."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return None
    return supervision_waiting(request.user)


# One row of the queue, with the blank lines the template's loop wrote around it.
QUEUE_ROW = """
                        <tr>
                            <th scope="row"><a href="{url}">{title}</a>
                                {talk}</th>
                            <td>{group}</td>
                            <td>{sent_on}</td>
                            <td>{state}</td>
                        </tr>
                    """


@register.simple_tag(takes_context=True)
def supervision_queue_rows(context, entries):
    """The rows of the entries waiting in the supervision queue: built here rather than in
    a template loop (a row cost about 80 µs there: its address reversed, its date, its
    sentences translated), with the same markup, each sentence translated once."""
    user = context["request"].user
    entries = list(entries)
    urls = addresses_of("supervision_entry", [], [entry.pk for entry in entries])
    talk = escape(_("Would like to talk about it"))  # outside the f-string: makemessages
    talk = f'<span class="badge badge--locked">{talk}</span>'
    reviewing, waiting = escape(_("You are reviewing it")), escape(_("Waiting"))
    rows = []
    for entry in entries:
        if entry.state == "in_review":
            if entry.reviewer == user:
                state = reviewing
            else:
                name = entry.reviewer.get_full_name() if entry.reviewer is not None else ""
                state = _("Taken by %(name)s") % {"name": escape(name)}
        else:
            state = waiting
        rows.append(
            QUEUE_ROW.format(
                url=escape(urls[entry.pk]),
                title=escape(entry.title),
                talk=talk if entry.wants_to_talk else "",
                group=escape(entry.group.name),
                sent_on=escape(_date(entry.submitted_at)),
                state=state,
            )
        )
    return mark_safe("".join(rows))


def _date(moment):
    """``{{ moment|date:"SHORT_DATE_FORMAT" }}``: in the current time zone, "" for none."""
    if moment in (None, ""):
        return ""
    return formats.date_format(timezone.template_localtime(moment), "SHORT_DATE_FORMAT")

"""A member's data in one archive: ``data.json`` for machines, ``data.html`` for people.

Both are built from the sections every app registers (``registry``), in the member's
language.
"""

import contextlib
import datetime
import io
import json
import re
import zipfile

from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _

from . import registry

# Column names of the readable version; the JSON keeps its stable English keys.
LABELS = {
    "username": _("username"),
    "first_name": _("first name"),
    "last_name": _("last name"),
    "email": _("e-mail"),
    "date_joined": _("account created"),
    "last_login": _("last login"),
    "is_active": _("active"),
    "preferred_language": _("language"),
    "id": _("number"),
    "title": _("title"),
    "language": _("language"),
    "type": _("type"),
    "live": _("published"),
    "first_published_at": _("first published"),
    "last_published_at": _("last published"),
    "requested_at": _("asked on"),
    "status": _("status"),
    "handled_at": _("handled on"),
    "at": _("when"),
    "action": _("action"),
    "by_you": _("by you"),
    "object_type": _("object type"),
    "object_id": _("object number"),
    "outcome": _("outcome"),
    "version": _("version"),
    "acknowledged_at": _("acknowledged on"),
    "module": _("module"),
    "module_key": _("module key"),
    "enrolled_at": _("enrolled on"),
    "last_activity_at": _("last activity"),
    "completed_at": _("completed on"),
    "lesson": _("lesson"),
    "lesson_key": _("lesson key"),
    "submitted_at": _("sent on"),
    "score_percent": _("score (%)"),
    "passed": _("passed"),
    "answers": _("answers"),
    "results": _("results"),
    "text": _("text"),
    "updated_at": _("last changed"),
    "code": _("code"),
    "learner_name": _("name on the certificate"),
    "course_title": _("module"),
    "issued_at": _("issued on"),
    "revoked_at": _("revoked on"),
    "cohort": _("cohort"),
    "as": _("as"),
    "start": _("start"),
    "end": _("end"),
    "group": _("group"),
    "kind": _("kind"),
    "state": _("state"),
    "setting": _("where it happened"),
    "situation_month": _("month of the situation"),
    "description": _("description"),
    "feelings": _("feelings"),
    "evaluation": _("evaluation"),
    "analysis": _("analysis"),
    "conclusion": _("conclusion"),
    "action_plan": _("action plan"),
    "ethics_tags": _("ethical questions"),
    "question_for_supervisor": _("a question for the supervisor"),
    "wants_to_talk": _("I would like to talk about it"),
    "shared_with_group": _("shared with my group"),
    "created_at": _("written on"),
    "reviews": _("reviews"),
    "by": _("by"),
    "decision": _("decision"),
    "overall_comment": _("overall comment"),
    "section_comments": _("comments per section"),
    "bring_to_session": _("bring it to the next session"),
    "discuss_in_person": _("talk about it in person"),
    "changes_of_state": _("changes of state"),
    "from": _("from"),
    "to": _("to"),
    "reads": _("reads"),
    "entry_id": _("entry number"),
    "ready_at": _("ready on"),
    "sent_at": _("sent on"),
    "text_size": _("text size"),
    "line_spacing": _("line spacing"),
    "readable_font": _("easy-to-read font"),
    "high_contrast": _("high contrast"),
    "reduce_motion": _("less movement"),
}


# Identifiers meant for programs: in data.json only.
HIDDEN_IN_HTML = {"module_key", "lesson_key", "answers", "results"}
ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def collect(user):
    """{section key: {"label": ..., "data": ...}} in the active language."""
    return {
        section.key: {"label": str(section.label), "data": section.export(user)}
        for section in registry.sections()
    }


def _readable(value):
    """The structure the HTML template walks: scalars, lists of rows, nested mappings."""
    if isinstance(value, dict):
        items = [(_label(k), _readable(v)) for k, v in value.items() if k not in HIDDEN_IN_HTML]
        return {"kind": "mapping", "items": items}
    if isinstance(value, list):
        if value and all(isinstance(item, dict) for item in value):
            rows = [_readable(item) for item in value]
            flat = all(cell["kind"] == "scalar" for row in rows for _l, cell in row["items"])
            if flat:
                headers = [label for label, _cell in rows[0]["items"]]
                return {"kind": "table", "headers": headers, "rows": rows}
            return {"kind": "records", "rows": rows}
        return {"kind": "list", "items": [_readable(item) for item in value]}
    if isinstance(value, str) and ISO_DATETIME.match(value):
        with contextlib.suppress(ValueError):
            moment = timezone.localtime(datetime.datetime.fromisoformat(value))
            return {"kind": "scalar", "value": formats.date_format(moment, "DATETIME_FORMAT")}
    if isinstance(value, str) and ISO_DATE.match(value):
        with contextlib.suppress(ValueError):
            day = datetime.date.fromisoformat(value)
            return {"kind": "scalar", "value": formats.date_format(day, "DATE_FORMAT")}
    return {"kind": "scalar", "value": value}


def _label(key):
    return str(LABELS.get(key, key.replace("_", " ")))


def build_archive(user, language):
    """The zip file's bytes and its name."""
    with translation.override(language):
        now = timezone.now()
        data = collect(user)
        document = {
            "generated_at": now.isoformat(),
            "language": language,
            "sections": {key: section["data"] for key, section in data.items()},
        }
        html = render_to_string(
            "privacy/my_data_archive.html",
            {
                "generated_at": now,
                "language": language,
                "sections": [
                    (section["label"], _readable(section["data"])) for section in data.values()
                ],
            },
        )
        prefix = _("entrepairs-my-data")
        name = f"{prefix}-{timezone.localdate(now).isoformat()}"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            f"{name}/data.json", json.dumps(document, ensure_ascii=False, indent=2, default=str)
        )
        archive.writestr(f"{name}/data.html", html)
    return buffer.getvalue(), f"{name}.zip"

"""The recognition record: what a member may show, what they chose, and the verification
link that shows it to whoever holds it.

Every item has a stable key (the model's docstring, ``RecordChoice``); the record is built
live from the member's data each time it is read, so a withdrawn choice or a link
withdrawn shows nothing more at once. Who may reach what is in ``services``.
"""

import hashlib
import secrets
from dataclasses import dataclass, field, fields, replace

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from courses import records
from courses import services as courses
from courses.certificates import duration_text
from home.models import CharterAcknowledgement

from . import services
from .models import RecordChoice, RecordLink


@dataclass(frozen=True)
class Item:
    """One thing the record may show. ``rows``: the sessions of a section (items too);
    ``detail``: a level, a count, a version, never a text the member wrote."""

    key: str
    title: str
    on: object = None
    minutes: int = None
    detail: str = ""
    by: str = ""
    rows: tuple = ()

    @property
    def duration(self):
        return duration_text(self.minutes) if self.minutes else ""


LABELS = {
    "status": gettext_lazy("Status attested by the association"),
    "modules": gettext_lazy("Training modules completed"),
    "sessions": gettext_lazy("Sessions attended"),
    "practice": gettext_lazy("Supervised practice"),
    "competences": gettext_lazy("Competences confirmed by a supervisor"),
    "charter": gettext_lazy("Charter"),
}

# The sessions' own names tell which group or cohort the member attended, which says where
# they practise (a mutual-aid group names a lived experience): shown only if chosen too.
SESSION_NAMES = "session-names"


@dataclass
class Record:
    """The record's sections, in the order they are shown; each a list of ``Item``."""

    status: list = field(default_factory=list)
    modules: list = field(default_factory=list)
    sessions: list = field(default_factory=list)
    practice: list = field(default_factory=list)
    competences: list = field(default_factory=list)
    charter: list = field(default_factory=list)

    def sections(self):
        """[(name, label, items)] of the sections that have items."""
        return [
            (f.name, LABELS[f.name], getattr(self, f.name))
            for f in fields(self)
            if getattr(self, f.name)
        ]

    def items(self):
        return [item for f in fields(self) for item in getattr(self, f.name)]

    def keys(self):
        return {item.key for item in self.items()}

    def only(self, keys):
        """The items among ``keys``; the sessions' names only if ``SESSION_NAMES`` is too."""
        kept = Record(
            **{f.name: [i for i in getattr(self, f.name) if i.key in keys] for f in fields(self)}
        )
        if SESSION_NAMES not in keys:
            kept.sessions = [replace(item, rows=()) for item in kept.sessions]
        return kept

    def choices(self):
        """Every key the member may choose: the items, and the sessions' names if any."""
        names = {SESSION_NAMES} if any(item.rows for item in self.sessions) else set()
        return self.keys() | names

    @property
    def minutes(self):
        return sum(item.minutes or 0 for item in self.items())

    @property
    def duration(self):
        return duration_text(self.minutes) if self.minutes else ""

    def __bool__(self):
        return bool(self.items())


# Building a record, section by section (only the sections asked for: a public page that
# shows two modules reads no competence).


def _modules(peer):
    return [
        Item(f"module:{key}", title, on, minutes)
        for key, title, on, minutes in courses.completed_modules_keyed(peer)
    ]


def _sessions(peer):
    items = []
    for key, title, rows in records.keyed_sections(peer):
        count = len(rows)
        detail = ngettext("%(count)d session", "%(count)d sessions", count) % {"count": count}
        minutes = sum(row[2] or 0 for row in rows)
        sessions = tuple(
            Item("", row_title, on, row_minutes) for row_title, on, row_minutes in rows
        )
        items.append(Item(f"sessions:{key}", str(title), None, minutes, detail, rows=sessions))
    return items


def _practice(peer):
    count = services.validated_entries(peer)
    if not count:
        return []
    per_entry = getattr(settings, "RECOGNITION_MINUTES_PER_VALIDATED_ENTRY", 60)
    detail = ngettext(
        "%(count)d reflective entry validated by a supervisor",
        "%(count)d reflective entries validated by a supervisor",
        count,
    ) % {"count": count}
    return [Item("practice", _("Supervised practice"), None, count * per_entry, detail)]


def _competences(peer):
    return [
        Item(
            f"competence:{row.competence.translation_key}",
            row.competence.name,
            row.confirmed_on,
            detail=row.level.name if row.level else "",
            by=_("confirmed by %(by)s") % {"by": row.confirmed_by},
        )
        for row in services.confirmed_competences(peer)
    ]


def _charter(peer):
    acknowledged = (
        CharterAcknowledgement.objects.filter(user=peer).order_by("-acknowledged_at").first()
    )
    if acknowledged is None:
        return []
    on = timezone.localtime(acknowledged.acknowledged_at).date()
    detail = _("Version %(version)s") % {"version": acknowledged.version}
    return [Item("charter", _("The association's charter, acknowledged"), on, detail=detail)]


def _status(peer):
    status = services.current_status(peer)
    if status is None:
        return []
    on = timezone.localtime(status.attested_at).date()
    by = _("attested by the association's coordination")
    return [Item("status", status.get_status_display(), on, by=by)]


BUILDERS = {
    "status": _status,
    "modules": _modules,
    "sessions": _sessions,
    "practice": _practice,
    "competences": _competences,
    "charter": _charter,
}
SECTION_OF = {
    "status": "status",
    "module": "modules",
    "sessions": "sessions",
    "practice": "practice",
    "competence": "competences",
    "charter": "charter",
}


def record_of(peer, keys=None):
    """The member's record: every item they may show (``keys`` None), or only those among
    ``keys`` (the sections without a key are not even read)."""
    if keys is None:
        return Record(**{name: build(peer) for name, build in BUILDERS.items()})
    wanted = {SECTION_OF.get(key.split(":", 1)[0]) for key in keys}
    record = Record(**{name: build(peer) for name, build in BUILDERS.items() if name in wanted})
    return record.only(keys)


def chosen_keys(peer):
    return set(RecordChoice.objects.filter(peer=peer).values_list("key", flat=True))


def shown(peer):
    """What the member chose to show, as it stands today."""
    keys = chosen_keys(peer)
    return record_of(peer, keys) if keys else Record()


@transaction.atomic
def choose(peer, keys, available):
    """Keep exactly these choices (among the items the member may show)."""
    keys = set(keys) & available.choices()
    RecordChoice.objects.filter(peer=peer).exclude(key__in=keys).delete()
    RecordChoice.objects.bulk_create(
        [RecordChoice(peer=peer, key=key) for key in sorted(keys)], ignore_conflicts=True
    )
    return keys


# The verification link ------------------------------------------------------------------


def token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def live_link(peer):
    return RecordLink.objects.filter(peer=peer, revoked_at__isnull=True).first()


def create_link(peer):
    """The member's live link, or a new one (one live link at a time)."""
    link = live_link(peer)
    if link is not None:
        return link
    token = secrets.token_urlsafe(24)
    try:
        with transaction.atomic():
            return RecordLink.objects.create(peer=peer, token=token, token_hash=token_hash(token))
    except IntegrityError:  # created twice at the same moment: the first one stands
        return live_link(peer)


def revoke(link):
    """Withdrawn at once and for good; the token is forgotten, its hash kept so that the
    page says "withdrawn" rather than "not found"."""
    RecordLink.objects.filter(pk=link.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), token=""
    )


def link_for_token(token):
    """The link of this token (live or withdrawn) with its member, or None."""
    if not token or len(token) > 64:
        return None
    return RecordLink.objects.select_related("peer").filter(token_hash=token_hash(token)).first()


def count_view(link):
    """One view more, and the day: one UPDATE, nothing of the viewer."""
    RecordLink.objects.filter(pk=link.pk).update(
        views=F("views") + 1, last_viewed_on=timezone.localdate()
    )

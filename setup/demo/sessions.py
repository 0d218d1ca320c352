"""Demo live sessions for ``seed_demo``, read from ``sessions.toml`` (dates relative to the
day it runs, so that some are always coming)."""

import datetime
import tomllib
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone

from courses.models import Cohort
from gatherings.models import Attendance, LiveSession, SessionAnswer, SubjectProposal
from practice_analysis.models import CodevWorkshopPage, PracticeGroup

DATA = Path(__file__).with_name("sessions.toml")


def _time(text):
    return datetime.time.fromisoformat(text) if text else None


class SessionSeeder:
    def __init__(self, note):
        self.note = note

    def run(self):
        with DATA.open("rb") as file:
            specs = tomllib.load(file)["session"]
        people = {u.username: u for u in get_user_model().objects.all()}
        groups = {g.name: g for g in PracticeGroup.objects.all()}
        cohorts = {c.name: c for c in Cohort.objects.all()}
        # Idempotent per audience: a group or cohort that has sessions already is left alone.
        seeded = {
            *LiveSession.objects.filter(group__isnull=False).values_list("group__name", flat=True),
            *LiveSession.objects.filter(cohort__isnull=False).values_list(
                "cohort__name", flat=True
            ),
        }
        today = timezone.localdate()
        count = 0
        for spec in specs:
            name = spec["audience"]
            if name in seeded or (name not in groups and name not in cohorts):
                continue
            day = today + datetime.timedelta(days=spec["day"])
            starts_at = timezone.make_aware(
                datetime.datetime.combine(day, datetime.time.fromisoformat(spec["time"]))
            )
            session = LiveSession.objects.create(
                kind=spec["kind"],
                group=groups.get(name),
                cohort=cohorts.get(name) if name not in groups else None,
                starts_at=starts_at,
                duration_minutes=spec["minutes"],
                place=spec.get("place", ""),
                video_link=spec.get("video_link", ""),
                facilitator=people.get(spec["facilitator"]),
                agenda=spec.get("agenda", ""),
                created_by=people.get(spec["facilitator"]),
            )
            for username, coming in spec.get("answers", {}).items():
                SessionAnswer.objects.create(session=session, user=people[username], coming=coming)
            for line in spec.get("attendance", []):
                Attendance.objects.create(
                    session=session,
                    user=people[line["person"]],
                    status=line["status"],
                    arrived_at=_time(line.get("arrived")),
                    left_at=_time(line.get("left")),
                    marked_by=session.facilitator,
                )
            for proposal in spec.get("proposals", []):
                SubjectProposal.objects.create(
                    session=session,
                    author=people[proposal["author"]],
                    title=proposal["title"],
                    details=proposal.get("details", ""),
                )
            if "record" in spec:
                self.ensure_record(session, spec["record"], people, today)
            count += 1
        if count:
            self.note(f"{count} live sessions with answers and attendance")

    def ensure_record(self, session, spec, people, today):
        """The workshop's published record, whose action plan the next workshop follows up."""
        day = timezone.localtime(session.starts_at).date()
        group_page = session.group.page
        if CodevWorkshopPage.objects.child_of(group_page).filter(date=day).exists():
            return
        record = CodevWorkshopPage(
            title=str(day),  # made neutral from the date when it is published
            date=day,
            facilitator=session.facilitator,
            client=people[spec["client"]],
            subject=spec["subject"],
            expose_summary=spec["expose"],
            contract=spec.get("contract", ""),
            action_plan=[
                (
                    "action",
                    {
                        "action": spec["action"],
                        "objective": "",
                        "resources": "",
                        "due_date": today + datetime.timedelta(days=spec["follow_up_day"]),
                        "indicator": "",
                    },
                )
            ],
            next_follow_up=today + datetime.timedelta(days=spec["follow_up_day"]),
            live=False,
        )
        group_page.add_child(instance=record)
        record.save_revision(user=people[spec["scribe"]]).publish()
        self.note(f"co-development record “{record.title}” followed up at the next workshop")

"""The schedule: each job enqueued once per period, however many workers look at it; the
jobs are real (the outbox's sweep, the nightly retention)."""

import datetime
from datetime import timedelta
from unittest import mock
from zoneinfo import ZoneInfo

from django.contrib.sessions.models import Session
from django.core import mail
from django.test import override_settings
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from home import schedule
from home.models import OutgoingEmail, ScheduledJob
from home.tests.mail import mail_server_down
from privacy.models import AuditEvent

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")
NIGHTLY = ["digests", "outbox_sweep", "retention", "sessions", "stale_tasks", "task_results"]
DATABASE_QUEUE = override_settings(
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
)


# Jobs the apps register (tested with their apps): left out of the ticks below.
APP_JOBS = ["codev_follow_ups", "idle_module_reminders", "live_session_reminders"]


@pytest.fixture
def site_jobs(monkeypatch):
    """The schedule with the site's own jobs only."""
    kept = {key: job for key, job in schedule._jobs.items() if key in NIGHTLY}
    monkeypatch.setattr(schedule, "_jobs", kept)


def paris(day, hour, minute=0, second=0):
    return datetime.datetime(2026, 12, day, hour, minute, second, tzinfo=PARIS)


def test_the_site_s_jobs():
    jobs = {job.key: job for job in schedule.jobs()}
    assert sorted(jobs) == sorted(NIGHTLY + APP_JOBS)
    assert jobs["digests"].task.module_path == "home.digests.send_digests"
    assert jobs["digests"].every == datetime.timedelta(minutes=15)
    assert jobs["outbox_sweep"].task.module_path == "home.outbox.sweep"
    assert jobs["outbox_sweep"].every == datetime.timedelta(minutes=1)
    assert jobs["retention"].task.module_path == "privacy.tasks.apply_retention"
    assert jobs["retention"].at == datetime.time(3, 0)
    assert jobs["sessions"].task.module_path == "privacy.tasks.clear_expired_sessions"


def test_the_slot_of_a_nightly_job_is_the_last_03_00():
    job = schedule.Job("nightly", task=None, at=datetime.time(3, 0))
    assert job.slot(paris(5, 2, 59)) == paris(4, 3)
    assert job.slot(paris(5, 3)) == paris(5, 3)
    assert job.slot(paris(5, 23)) == paris(5, 3)


@DATABASE_QUEUE
@pytest.mark.usefixtures("site_jobs")
def test_each_job_is_enqueued_once_per_period_whatever_the_number_of_workers():
    night = paris(5, 3, 0, 10)
    # Two workers' schedulers look at the same moment: one enqueues each job.
    assert sorted(schedule.tick(night)) == NIGHTLY
    assert schedule.tick(night) == []
    assert schedule.tick(night + datetime.timedelta(seconds=20)) == []
    # A minute later the sweep is due again; the retention tomorrow night.
    every_minute = ["outbox_sweep", "stale_tasks"]
    assert sorted(schedule.tick(night + datetime.timedelta(minutes=1))) == every_minute
    assert sorted(schedule.tick(paris(6, 2, 59))) == ["digests", *every_minute]
    assert sorted(schedule.tick(paris(6, 3))) == NIGHTLY
    queued = DBTaskResult.objects.values_list("task_path", flat=True)
    assert sorted(queued) == [
        *["home.digests.send_digests"] * 3,
        *["home.outbox.sweep"] * 4,
        *["home.schedule.prune_task_results"] * 2,
        *["home.schedule.requeue_stale_tasks"] * 4,
        *["privacy.tasks.apply_retention"] * 2,
        *["privacy.tasks.clear_expired_sessions"] * 2,
    ]
    assert ScheduledJob.objects.get(key="retention").last_slot == paris(6, 3)


@DATABASE_QUEUE
@pytest.mark.usefixtures("site_jobs")
def test_a_night_missed_while_no_worker_ran_runs_once_when_one_starts():
    schedule.tick(paris(3, 3))
    assert "retention" in schedule.tick(paris(5, 14))  # two nights later, at 14:00
    assert "retention" not in schedule.tick(paris(5, 15))


def test_the_jobs_run_as_tasks():
    """With tasks run at once (tests), a tick runs them: the retention, and the sweep
    sending an e-mail that waited."""
    from home import outbox

    with mail_server_down():
        outbox.send("ines@entrepairs.example", "Sujet", "Texte", kind="other")
    OutgoingEmail.objects.update(next_attempt_at=timezone.now())
    expired = Session.objects.create(
        session_key="x" * 32, session_data="", expire_date=timezone.now() - timedelta(days=1)
    )
    with mock.patch("privacy.retention.apply", return_value=[]) as retention:
        schedule.tick()
    retention.assert_called_once()
    assert not Session.objects.filter(pk=expired.pk).exists()
    assert len(mail.outbox) == 1
    assert not AuditEvent.objects.exists()


def test_a_job_is_registered_once_with_one_period(monkeypatch):
    monkeypatch.setattr(schedule, "_jobs", dict(schedule._jobs))
    with pytest.raises(ValueError):
        schedule.register_job("retention", None, every=datetime.timedelta(hours=1))
    with pytest.raises(ValueError):
        schedule.register_job("new", None)


@DATABASE_QUEUE
def test_the_worker_starts_the_schedule_unless_told_not_to():
    from django.core.management import call_command

    with (
        mock.patch.object(schedule, "start_in_thread") as start,
        mock.patch("django_tasks_db.management.commands.db_worker.Worker.run"),
    ):
        call_command("run_worker", "--no-reload", verbosity=0)
        call_command("run_worker", "--no-reload", "--no-schedule", verbosity=0)
        call_command("run_worker", "--no-reload", "--batch", verbosity=0)
    assert start.call_count == 1


@DATABASE_QUEUE
@pytest.mark.usefixtures("site_jobs")
def test_finished_tasks_are_forgotten_after_two_weeks():
    schedule.tick(paris(5, 3))
    DBTaskResult.objects.update(
        status="SUCCESSFUL", finished_at=timezone.now() - timedelta(days=15)
    )
    waiting = schedule.tick(paris(5, 3, 1))  # the minute's jobs, waiting in the queue
    assert waiting == ["outbox_sweep", "stale_tasks"]
    assert schedule.prune_task_results.call() == 6
    assert DBTaskResult.objects.count() == 2


@DATABASE_QUEUE
def test_a_task_whose_worker_died_is_run_again_by_another_worker():
    """A worker killed mid-task (SIGKILL) leaves its task RUNNING: after the lease it goes
    back to the queue; a task that outlived three workers is given up."""
    from home import outbox

    dead = outbox.sweep.enqueue()
    DBTaskResult.objects.filter(pk=dead.id).update(
        status="RUNNING", started_at=timezone.now() - timedelta(minutes=11), worker_ids=["a"]
    )
    running = outbox.sweep.enqueue()  # a live worker's, within the lease
    DBTaskResult.objects.filter(pk=running.id).update(
        status="RUNNING", started_at=timezone.now() - timedelta(minutes=9), worker_ids=["b"]
    )
    doomed = outbox.sweep.enqueue()
    DBTaskResult.objects.filter(pk=doomed.id).update(
        status="RUNNING", started_at=timezone.now() - timedelta(hours=1), worker_ids=["a", "b", "c"]
    )
    assert schedule.requeue_stale_tasks.call() == [1, 1]
    statuses = {str(pk): s for pk, s in DBTaskResult.objects.values_list("pk", "status")}
    assert statuses[dead.id] == "READY"
    assert statuses[running.id] == "RUNNING"
    assert statuses[doomed.id] == "FAILED"
    assert DBTaskResult.objects.ready().filter(pk=dead.id).exists()

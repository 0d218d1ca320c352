"""The schedule: jobs enqueued as tasks at their time, by the scheduler every worker runs
(``manage.py run_worker``; docs/deployment.md).

A job is a task without arguments and a period: every so long (``every``) or each day at
a local time (``at``, ``settings.TIME_ZONE``). Each period has a *slot*, its start; the
scheduler moves the job's ``ScheduledJob.last_slot`` forward with a conditional update
and enqueues the task in the same transaction. With several workers, only the one whose
update changed the row enqueues: a job runs once per slot. A slot missed while no worker
ran (the night's retention during a stop) runs when a worker starts again, once.

Apps register their jobs (``register_job``) from their ``AppConfig.ready()``; home
registers its own and privacy's below, as privacy knows no app above it. Backups are not
here: they belong to one machine (its disk, its PostgreSQL client), so they stay a systemd
timer of that machine (docs/operations.md).
"""

import datetime
import logging
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import close_old_connections, transaction
from django.db.models import Q
from django.utils import timezone

from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from .models import ScheduledJob

logger = logging.getLogger("entrepairs")

TICK = 20  # seconds between two looks at the schedule
# Finished tasks are kept this long for whoever watches the queue (docs/operations.md).
TASK_RESULTS_KEPT = datetime.timedelta(days=14)


@dataclass(frozen=True)
class Job:
    key: str
    task: object
    every: datetime.timedelta | None = None
    at: datetime.time | None = None

    def slot(self, now):
        """The start of the period ``now`` falls in."""
        if self.at is not None:
            local = timezone.localtime(now)
            today = timezone.make_aware(datetime.datetime.combine(local.date(), self.at))
            if local >= today:
                return today
            yesterday = local.date() - datetime.timedelta(days=1)
            return timezone.make_aware(datetime.datetime.combine(yesterday, self.at))
        seconds = int(self.every.total_seconds())
        return datetime.datetime.fromtimestamp(
            int(now.timestamp()) // seconds * seconds, tz=datetime.UTC
        )


_jobs = {}


def register_job(key, task, *, every=None, at=None):
    """A job, registered once: ``task`` (without arguments) every ``every`` (a timedelta)
    or each day ``at`` (a local ``datetime.time``)."""
    if key in _jobs:
        raise ValueError(f"The scheduled job {key!r} is registered twice.")
    if (every is None) == (at is None):
        raise ValueError(f"The scheduled job {key!r} needs either every or at.")
    _jobs[key] = Job(key, task, every, at)


def jobs():
    return sorted(_jobs.values(), key=lambda job: job.key)


def tick(now=None):
    """Enqueue every job whose slot has come and that no scheduler enqueued yet; returns
    their keys."""
    now = now or timezone.now()
    enqueued = []
    for job in jobs():
        slot = job.slot(now)
        # get_or_create gets the row another scheduler created at the same moment.
        ScheduledJob.objects.get_or_create(key=job.key)
        with transaction.atomic():
            moved = (
                ScheduledJob.objects.filter(key=job.key)
                .filter(Q(last_slot__isnull=True) | Q(last_slot__lt=slot))
                .update(last_slot=slot, last_enqueued_at=now)
            )
            if moved:
                job.task.enqueue()
                enqueued.append(job.key)
    return enqueued


def run_forever(interval=TICK):
    while True:
        close_old_connections()
        try:
            for key in tick():
                logger.info("Scheduled job enqueued: %s", key)
        except Exception:  # a database hiccup: the next tick tries again
            logger.exception("The scheduler could not look at the schedule")
        finally:
            close_old_connections()
        time.sleep(interval)


def start_in_thread():
    thread = threading.Thread(target=run_forever, name="schedule", daemon=True)
    thread.start()
    return thread


@task()
def prune_task_results():
    """Forget finished tasks after ``TASK_RESULTS_KEPT`` (the sweep alone adds 1,440 a day).
    Their arguments are ids, never personal data."""
    old = DBTaskResult.objects.finished().filter(finished_at__lt=timezone.now() - TASK_RESULTS_KEPT)
    return old.delete()[0]


# A task run again this many times after its worker died is given up: it may be what
# kills the worker (memory), and must not kill every worker in turn.
MAX_CLAIMS = 3


@task()
def requeue_stale_tasks():
    """Tasks claimed by a worker that died (SIGKILL, out of memory, a lost machine).

    django-tasks-db marks a task RUNNING when a worker claims it and never looks at it
    again: if that worker dies, the task stays RUNNING for ever. A task still running after
    the lease (``settings.TASK_LEASE_SECONDS``, longer than any task of the site) goes back
    to the queue, where the next free worker takes it; after ``MAX_CLAIMS`` workers it is
    marked failed. The site's tasks may run twice: each checks what is left to do (the
    outbox claims its e-mail under a lock, the jobs look at the data again).
    Returns (requeued, failed)."""
    stale = DBTaskResult.objects.running().filter(
        started_at__lt=timezone.now() - datetime.timedelta(seconds=settings.TASK_LEASE_SECONDS)
    )
    requeued = failed = 0
    with transaction.atomic():
        for result in stale.select_for_update(skip_locked=True):
            if len(result.worker_ids) >= MAX_CLAIMS:
                result.status = TaskResultStatus.FAILED
                result.finished_at = timezone.now()
                result.exception_class_path = "home.schedule.WorkerDied"
                result.traceback = f"Claimed by {len(result.worker_ids)} workers that died."
                result.save(
                    update_fields=["status", "finished_at", "exception_class_path", "traceback"]
                )
                failed += 1
            else:
                result.status = TaskResultStatus.READY
                result.started_at = None
                result.save(update_fields=["status", "started_at"])
                requeued += 1
    if requeued or failed:
        logger.warning("Tasks of dead workers: %s run again, %s given up", requeued, failed)
    return [requeued, failed]


def register_site_jobs():
    """Home's jobs and privacy's (called by ``home.apps``): the outbox's sweep and the
    tasks of dead workers every minute; the notification digests every quarter of an
    hour; every night at 03:00 the retention schedule, expired sessions and finished
    tasks."""
    from privacy.tasks import apply_retention, clear_expired_sessions

    from .digests import send_digests
    from .outbox import sweep

    register_job("outbox_sweep", sweep, every=datetime.timedelta(minutes=1))
    register_job("stale_tasks", requeue_stale_tasks, every=datetime.timedelta(minutes=1))
    # Digests leave at 08:00 member time: every member's zone is looked at each quarter.
    register_job("digests", send_digests, every=datetime.timedelta(minutes=15))
    register_job("retention", apply_retention, at=datetime.time(3, 0))
    register_job("sessions", clear_expired_sessions, at=datetime.time(3, 0))
    register_job("task_results", prune_task_results, at=datetime.time(3, 0))

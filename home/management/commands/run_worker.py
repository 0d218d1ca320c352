"""Run background tasks from the database queue, and the schedule beside them.

django-tasks-db's ``db_worker`` with the site's schedule (``home.schedule``) in a thread
of the same process: starting a worker starts the scheduler. Any number of workers may
run, on any number of machines sharing the database: each task is claimed by one worker
(a row lock), and each scheduled run is enqueued by one scheduler (a conditional update).
"""

import os

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from home import schedule as site_schedule


class Command(DatabaseWorkerCommand):
    help = "Run background tasks and the schedule (nightly retention, the e-mail outbox)."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--no-schedule",
            action="store_false",
            dest="schedule",
            help="Run tasks only; leave the schedule to the other workers.",
        )

    def handle(self, *args, schedule=True, batch=False, reload=False, **options):
        # With --reload, the process that watches the files runs no task: only its child,
        # which runs the tasks, runs the schedule.
        in_worker = not reload or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true"
        if schedule and not batch and in_worker:
            # A daemon thread: it stops with the worker, whatever the signal.
            site_schedule.start_in_thread()
        super().handle(*args, batch=batch, reload=reload, **options)

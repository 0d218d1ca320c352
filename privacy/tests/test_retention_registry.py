"""The retention registry: privacy runs the steps each app registers from its own
``retention.py``, in their order, each with its setting of days."""

from django.conf import settings
from django.test import override_settings

import pytest

from home.factories import UserFactory
from home.models import Notification
from privacy import retention
from privacy.retention import plan, register_step, rules


@pytest.fixture
def registry(monkeypatch):
    monkeypatch.setattr(retention, "_rules", dict(retention._rules))


def test_the_steps_each_app_registers_in_their_order():
    assert [(rule.key, rule.due.__module__.split(".")[0]) for rule in rules()] == [
        ("entries_archived", "practice_analysis"),
        ("entries_purged", "practice_analysis"),
        ("audit_events_purged", "privacy"),
        ("erasure_requests_purged", "privacy"),
        ("data_archives_purged", "privacy"),
        ("login_attempts_purged", "accounts"),
        ("outgoing_emails_purged", "home"),
    ]


def test_every_setting_a_step_names_is_in_the_schedule():
    named = {rule.setting for rule in rules() if rule.setting is not None}
    assert named == set(settings.RETENTION)


def test_a_step_is_registered_once(registry):
    with pytest.raises(ValueError):
        register_step("entries_purged", planned="x", done="x", due=lambda now, age: None)


@pytest.mark.django_db
def test_a_new_app_registers_a_step_of_its_own(registry):
    member = UserFactory()
    Notification.objects.create(recipient=member, kind=Notification.APPROVED)
    register_step(
        "notifications_purged",
        planned="notifications to delete",
        done="notifications deleted",
        setting="notifications_purge_after_days",
        due=lambda now, age: Notification.objects.filter(created_at__lt=now - age),
        order=70,
    )
    # Its setting unset: the step does nothing.
    assert ("notifications_purged", 0) in [(step.key, step.count) for step in plan()]
    with override_settings(RETENTION={**settings.RETENTION, "notifications_purge_after_days": -1}):
        assert ("notifications to delete", 1) in [(s.description, s.count) for s in plan()]
        done = {step.key: step.count for step in retention.apply()}
    assert done["notifications_purged"] == 1
    assert not Notification.objects.exists()

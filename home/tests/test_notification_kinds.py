"""The registry of notification kinds: each app registers its own, the kinds stored in the
database stay readable, and messages and subjects read as they always did."""

from django.utils import translation

import pytest

from accounts.notifications import ACCOUNT_SECURITY, ROLES_CHANGED
from courses.notifications import CERTIFICATE_ISSUED, CERTIFICATE_REVOKED
from home import notifications
from home.factories import UserFactory
from home.models import Notification
from home.notifications import (
    categories,
    get_kind,
    kinds,
    message_for,
    notify,
    register_category,
    register_kind,
    subject_for,
)
from practice_analysis.notifications import (
    ENTRY_CHANGES_REQUESTED,
    ENTRY_VALIDATED,
    GROUP_JOINED,
    GROUP_LEFT,
    GROUP_READER_ADDED,
    GROUP_READER_REMOVED,
)

# Every kind ever stored: renaming one would leave old notifications unreadable.
STORED = {
    "review_requested": ("contributions", "home"),
    "changes_requested": ("contributions", "home"),
    "approved": ("contributions", "home"),
    "entry_submitted": ("entries_and_reviews", "practice_analysis"),
    "entry_changes_requested": ("entries_and_reviews", "practice_analysis"),
    "entry_validated": ("entries_and_reviews", "practice_analysis"),
    "certificate_issued": ("training", "courses"),
    "certificate_revoked": ("training", "courses"),
    "idle_module_reminder": ("training", "courses"),
    "kind_word": ("training", "courses"),
    "competence_confirmed": ("training", "recognition"),
    "status_attested": ("training", "recognition"),
    "credential_revoked": ("credentials", "credentials"),
    "credential_revoked_reason": ("credentials", "credentials"),
    "roles_changed": ("security", "accounts"),
    "account_security": ("security", "accounts"),
    "group_joined": ("group_changes", "practice_analysis"),
    "group_left": ("group_changes", "practice_analysis"),
    "group_reader_added": ("group_changes", "practice_analysis"),
    "group_reader_removed": ("group_changes", "practice_analysis"),
    "codev_follow_up": ("sessions", "practice_analysis"),
    "session_reminder": ("sessions", "gatherings"),
}


@pytest.fixture
def registry(monkeypatch):
    """A registry of its own for a test that registers kinds."""
    monkeypatch.setattr(notifications, "_kinds", dict(notifications._kinds))
    monkeypatch.setattr(notifications, "_categories", dict(notifications._categories))


def test_every_stored_kind_is_registered_in_its_category_by_its_own_app():
    assert {kind.key: kind.category for kind in kinds()} == {
        key: category for key, (category, _app) in STORED.items()
    }
    assert Notification.REVIEW_REQUESTED == "review_requested"
    for key, (_category, app) in STORED.items():
        assert get_kind(key).message.__module__.startswith(app), key


def test_the_categories_and_what_may_be_switched_off():
    assert [category.key for category in categories()] == [
        "contributions",
        "entries_and_reviews",
        "training",
        "credentials",
        "sessions",
        "group_changes",
        "security",
    ]
    always_told = {kind.key for kind in kinds() if not kind.may_be_switched_off}
    # Security, and every change of who can read a group's writing.
    assert always_told == {
        ROLES_CHANGED,
        ACCOUNT_SECURITY,
        GROUP_JOINED,
        GROUP_LEFT,
        GROUP_READER_ADDED,
        GROUP_READER_REMOVED,
    }


def test_the_kind_field_offers_the_registered_kinds_with_their_labels():
    choices = dict(Notification._meta.get_field("kind").choices)
    assert set(choices) == set(STORED)
    with translation.override("fr"):
        assert str(choices[CERTIFICATE_ISSUED]) == "Une attestation délivrée"


@pytest.mark.parametrize(
    "kind, params, english",
    [
        (
            "review_requested",
            {"model": "home.contributionpage", "title": "Écoute"},
            "A text is waiting for your review: “Écoute” (contribution).",
        ),
        (ENTRY_VALIDATED, {}, "Your reflective entry has been read and validated."),
        (
            ENTRY_CHANGES_REQUESTED,
            {},
            "A supervisor has read your reflective entry and suggests a few changes.",
        ),
        (CERTIFICATE_ISSUED, {"course": "Écoute"}, "Your certificate for “Écoute” is ready."),
        (
            CERTIFICATE_REVOKED,
            {"course": "Écoute"},
            "Your certificate for “Écoute” has been revoked. The training team can tell you why.",
        ),
        (
            GROUP_LEFT,
            {"group": "Lyon", "capacity": "supervisor"},
            "You no longer supervise the practice group “Lyon”.",
        ),
        (
            GROUP_READER_REMOVED,
            {"group": "Lyon", "person": "Ada", "capacity": "member"},
            "Ada left your group “Lyon”.",
        ),
        ("a_kind_no_app_registers", {}, "Something happened on the site."),
    ],
)
def test_messages_read_as_before(kind, params, english):
    with translation.override("en"):
        assert message_for(kind, params) == english


def test_subjects_read_as_before_in_the_readers_language():
    with translation.override("en"):
        assert subject_for(ROLES_CHANGED) == "Your roles on Entrepairs changed"
        assert subject_for(GROUP_JOINED) == "Your practice groups changed"
        assert subject_for(GROUP_READER_ADDED) == "Who can read your group's writing changed"
        assert subject_for(ENTRY_VALIDATED) == "News from Entrepairs"  # none of its own
    with translation.override("fr"):
        assert subject_for(ACCOUNT_SECURITY) != "A change to your account's security"


@pytest.mark.django_db
def test_a_kind_builds_its_link_in_the_recipients_language_when_none_is_given():
    learner = UserFactory()
    issued = notify(learner, CERTIFICATE_ISSUED, {"course": "Écoute"})
    assert issued.link.startswith("/fr/")
    explicit = notify(learner, CERTIFICATE_ISSUED, {"course": "Écoute"}, link="")
    assert explicit.link == ""


@pytest.mark.django_db
def test_an_unregistered_kind_is_refused_when_sent():
    with pytest.raises(LookupError):
        notify(UserFactory(), "a_kind_no_app_registers")
    assert not Notification.objects.exists()


def test_a_new_app_registers_its_category_and_kind_without_touching_another(registry):
    register_category("library", "Library", order=60)
    register_kind(
        "book_due",
        label="A book is due",
        category="library",
        message=lambda params: f"“{params['title']}” is due back.",
        subject="A book is due",
    )
    assert message_for("book_due", {"title": "Dune"}) == "“Dune” is due back."
    assert subject_for("book_due") == "A book is due"
    assert get_kind("book_due").may_be_switched_off
    assert "book_due" in dict(Notification._meta.get_field("kind").choices)


def test_a_kind_or_category_is_registered_once_and_in_a_known_category(registry):
    with pytest.raises(ValueError):
        register_kind("approved", label="x", category="contributions", message=str)
    with pytest.raises(ValueError):
        register_category("security", "Security")
    with pytest.raises(ValueError):
        register_kind("new_kind", label="x", category="no_such_category", message=str)
    with pytest.raises(ValueError):
        register_kind("k" * 31, label="x", category="contributions", message=str)

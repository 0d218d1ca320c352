"""Members' notifications: one coherent set of e-mails, a private list, an unread count."""

from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from wagtail.admin import signal_handlers as wagtail_mail
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected

import pytest

from courses.certificates import issue_certificate
from courses.factories import make_course
from courses.models import Certificate
from courses.notifications import CERTIFICATE_ISSUED, CERTIFICATE_REVOKED
from home import workflow_notifications
from home.factories import ContributionPageFactory, UserFactory
from home.models import Notification
from home.notifications import notify, unread_count
from practice_analysis.notifications import ENTRY_CHANGES_REQUESTED, ENTRY_VALIDATED

pytestmark = pytest.mark.django_db


def receivers(signal, sender):
    sync, _async = signal._live_receivers(sender)
    return sync


@pytest.mark.parametrize(
    "signal, sender, ours, wagtails",
    [
        (
            task_submitted,
            TaskState,
            workflow_notifications.review_requested,
            wagtail_mail.task_submission_email_notifier,
        ),
        (
            workflow_rejected,
            WorkflowState,
            workflow_notifications.changes_requested,
            wagtail_mail.workflow_rejection_email_notifier,
        ),
        (
            workflow_approved,
            WorkflowState,
            workflow_notifications.approved,
            wagtail_mail.workflow_approval_email_notifier,
        ),
    ],
)
def test_workflow_e_mails_are_ours_and_wagtails_are_not_sent(signal, sender, ours, wagtails):
    live = receivers(signal, sender)
    assert ours in live
    assert wagtails not in live


def test_a_submission_by_a_trainer_goes_to_the_other_trainers_only(section):
    author, other = UserFactory(roles=["trainer"]), UserFactory(roles=["trainer"])
    UserFactory(username="root", is_superuser=True)
    page = ContributionPageFactory(parent=section("contributions"), owner=author, publish=False)

    page.get_workflow().start(page, author)

    assert [message.to for message in mail.outbox] == [[other.email]]
    assert not Notification.objects.filter(recipient=author).exists()


def test_a_record_of_a_practice_group_is_never_named(section):
    """Pages of the practice-analysis space are confidential: not even their title travels."""
    from practice_analysis.factories import PracticeGroupFactory
    from practice_analysis.models import PracticeGroupPage, PracticeSessionPage

    scribe, supervisor = UserFactory(roles=["peer"]), UserFactory(roles=["supervisor"])
    group = PracticeGroupFactory(members=[scribe], supervisors=[supervisor])
    group_page = PracticeGroupPage.objects.get(group=group)
    record = PracticeSessionPage(
        title="Séance très secrète",
        date="2026-10-06",
        session_format="app",
        situation="<p>Un adhérent a parlé d'un appel difficile.</p>",
        live=False,
    )
    group_page.add_child(instance=record)
    record.save_revision(user=scribe)

    record.get_workflow().start(record, scribe)

    (message,) = mail.outbox
    assert message.to == [supervisor.email]
    assert "secrète" not in message.body and "adhérent" not in message.body
    notification = Notification.objects.get(recipient=supervisor)
    assert "title" not in notification.params
    assert "secrète" not in notification.message


def test_the_message_is_written_in_the_readers_language(client):
    member = UserFactory()
    notify(
        member,
        Notification.APPROVED,
        {"model": "home.contributionpage", "title": "Écouter"},
        link="/fr/ressources/ecouter/",
    )
    client.force_login(member)

    french = client.get("/fr/mes-notifications/").content.decode()
    english = client.get("/en/my-notifications/").content.decode()

    assert escape("Votre texte « Écouter » a été approuvé et publié.") in french
    assert escape("Your text “Écouter” has been approved and published.") in english


def test_members_see_only_their_own_notifications(client):
    mine, theirs = UserFactory(), UserFactory()
    notify(mine, CERTIFICATE_ISSUED, {"course": "Écoute active"})
    notify(theirs, CERTIFICATE_ISSUED, {"course": "Module secret"})
    client.force_login(mine)

    content = client.get(reverse("notification_list")).content.decode()

    assert "Écoute active" in content and "Module secret" not in content


def test_the_list_needs_login(client):
    response = client.get(reverse("notification_list"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_marking_one_as_read_and_opening_it(client):
    member = UserFactory()
    first = notify(member, ENTRY_VALIDATED, link="/fr/mes-ecrits/1/")
    second = notify(member, ENTRY_VALIDATED, link="/fr/mes-ecrits/2/")
    client.force_login(member)

    response = client.post(reverse("notification_read", args=[first.pk]))
    assert response.status_code == 302
    response = client.post(reverse("notification_read", args=[second.pk]), {"open": "1"})
    assert response["Location"] == "/fr/mes-ecrits/2/"

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.read_at is not None and second.read_at is not None


def test_marking_all_as_read(client):
    member, other = UserFactory(), UserFactory()
    for _ in range(3):
        notify(member, ENTRY_VALIDATED)
    notify(other, ENTRY_VALIDATED)
    client.force_login(member)

    client.post(reverse("notification_read_all"))

    assert unread_count(member) == 0
    assert unread_count(other) == 1


def test_another_members_notification_is_a_404_and_stays_unread(client):
    owner, intruder = UserFactory(), UserFactory()
    notification = notify(owner, ENTRY_CHANGES_REQUESTED)
    client.force_login(intruder)

    response = client.post(reverse("notification_read", args=[notification.pk]))

    assert response.status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_marking_as_read_is_a_post(client):
    member = UserFactory()
    notification = notify(member, ENTRY_VALIDATED)
    client.force_login(member)

    assert client.get(reverse("notification_read", args=[notification.pk])).status_code == 405
    notification.refresh_from_db()
    assert notification.read_at is None


def test_the_header_shows_the_unread_count(client):
    member = UserFactory()
    notify(member, ENTRY_VALIDATED)
    notify(member, ENTRY_VALIDATED)
    client.force_login(member)

    content = client.get(reverse("notification_list")).content.decode()

    assert "(2 non lues)" in content


def test_the_unread_count_costs_one_query_then_none(django_assert_num_queries):
    member = UserFactory()
    notify(member, ENTRY_VALIDATED)

    with django_assert_num_queries(1):
        assert unread_count(member) == 1
        assert unread_count(member) == 1
    notify(member, ENTRY_VALIDATED)
    assert unread_count(member) == 2


def test_a_learner_is_told_when_a_certificate_is_issued_or_revoked(client, section):
    learner = UserFactory(roles=["peer"])
    course = make_course(section("courses"), title="Écoute active", translate=False)

    certificate = issue_certificate(learner, course, course)
    issued = Notification.objects.get(recipient=learner)
    assert issued.kind == CERTIFICATE_ISSUED
    assert issued.link == reverse("my_learning")

    # A coordinator: a trainer reaches only the certificates of their own cohorts.
    client.force_login(UserFactory(roles=["coordinator"]))
    client.post(
        reverse("certificates:edit", args=[certificate.pk]),
        {"revoked": "on", "revocation_reason": "Suivi par erreur"},
    )
    revoked = Notification.objects.filter(recipient=learner).first()
    assert revoked.kind == CERTIFICATE_REVOKED
    with translation.override("en"):
        assert "Écoute active" in revoked.message
        assert "Suivi par erreur" not in revoked.message
    assert Certificate.objects.get(pk=certificate.pk).revoked_at is not None
    assert not mail.outbox


def test_a_certificate_notification_names_the_module_in_the_readers_language(section):
    learner = UserFactory(roles=["peer"])
    course = make_course(section("courses"), title="Écoute active")
    issue_certificate(learner, course, course)
    issued = Notification.objects.get(recipient=learner)
    with translation.override("en"):
        assert "“Écoute active (en)”" in issued.message
    with translation.override("fr"):
        assert "« Écoute active »" in issued.message

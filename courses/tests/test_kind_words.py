"""A kind word from the cohort report (``courses/kind_words.py``): only a trainer of the
cohort sends one, to a learner of that cohort; prefilled in the learner's language,
plain text, kept on a mistake, sent once however many times the button is pressed."""

import uuid
from datetime import date

from django.urls import reverse

from wagtail.users.models import UserProfile

import pytest

from courses.kind_words import MAX_LENGTH
from courses.models import Cohort, KindWord
from courses.notifications import KIND_WORD
from home.factories import UserFactory
from home.models import Notification
from home.notifications import message_for
from privacy.models import AuditEvent

pytestmark = pytest.mark.django_db


def make_cohort(learners=(), trainers=(), name="Promotion printemps"):
    cohort = Cohort.objects.create(
        name=name, start_date=date(2026, 9, 1), end_date=date(2026, 12, 15)
    )
    cohort.members.set(learners)
    cohort.trainers.set(trainers)
    return cohort


@pytest.fixture
def learner():
    return UserFactory(roles=["peer"], first_name="Jules", last_name="Bernard")


@pytest.fixture
def cohort(learner, trainer):
    trainer.first_name = "Nadia"
    trainer.save()
    return make_cohort([learner], [trainer])


def word_url(cohort, learner):
    return reverse("cohorts:kind_word", args=[cohort.pk, learner.pk])


def words_to(learner):
    return list(Notification.objects.filter(recipient=learner, kind=KIND_WORD))


def test_the_report_offers_a_kind_word_to_quiet_learners(client, cohort, learner, trainer):
    client.force_login(trainer)
    page = client.get(reverse("cohorts:report", args=[cohort.pk])).content.decode()
    assert word_url(cohort, learner) in page


def test_a_coordinator_reads_the_report_without_the_kind_word(client, cohort, learner):
    client.force_login(UserFactory(roles=["coordinator"]))
    page = client.get(reverse("cohorts:report", args=[cohort.pk])).content.decode()
    assert word_url(cohort, learner) not in page
    assert client.get(word_url(cohort, learner)).status_code == 404


def test_the_form_is_prefilled_in_the_learner_s_language(client, cohort, learner, trainer):
    profile = UserProfile.get_for_user(learner)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(trainer)
    page = client.get(word_url(cohort, learner)).content.decode()
    assert "Hello Jules, just a word to say we are thinking of you." in page
    assert f'maxlength="{MAX_LENGTH}"' in page


def test_the_word_reaches_the_learner_in_their_language(
    client, cohort, learner, trainer, mailoutbox
):
    profile = UserProfile.get_for_user(learner)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(trainer)
    text = "Bonjour Jules, on pense à toi. <b>Nadia</b>"
    response = client.post(
        word_url(cohort, learner), {"text": text, "submission": str(uuid.uuid4())}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("cohorts:report", args=[cohort.pk])
    (notification,) = words_to(learner)
    assert notification.params["text"] == text
    (mail,) = [mail for mail in mailoutbox if learner.email in mail.to]
    assert mail.subject == "A word from your trainer"
    assert "A word from Nadia Durand, your trainer:" in mail.body and text in mail.body
    # It quotes the trainer's words: no claim that it holds nothing of a text.
    assert "contains nothing of the text" not in mail.body
    # Plain text: shown escaped in the site, never as HTML.
    client.force_login(learner)
    page = client.get(reverse("notification_list")).content.decode()
    assert "&lt;b&gt;Nadia&lt;/b&gt;" in page and "<b>Nadia</b>" not in page
    word = KindWord.objects.get()
    assert (word.sender, word.learner, word.cohort) == (trainer, learner, cohort)


def test_a_double_submit_sends_one_word(client, cohort, learner, trainer):
    client.force_login(trainer)
    data = {"text": "Un petit mot.", "submission": str(uuid.uuid4())}
    first = client.post(word_url(cohort, learner), data)
    second = client.post(word_url(cohort, learner), data)
    assert first.status_code == second.status_code == 302
    assert len(words_to(learner)) == 1
    data["submission"] = str(uuid.uuid4())  # a new word, from the form opened again
    client.post(word_url(cohort, learner), data)
    assert len(words_to(learner)) == 2


def test_a_word_too_long_or_empty_is_kept_and_not_sent(client, cohort, learner, trainer):
    client.force_login(trainer)
    text = "Tu nous manques. " * 50
    response = client.post(
        word_url(cohort, learner), {"text": text, "submission": str(uuid.uuid4())}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "un peu trop long" in page and "Tu nous manques. Tu nous manques." in page
    response = client.post(
        word_url(cohort, learner), {"text": "  ", "submission": str(uuid.uuid4())}
    )
    assert response.status_code == 200
    assert words_to(learner) == []


def test_nobody_else_sends_a_word(client, cohort, learner, trainer):
    other_trainer = UserFactory(roles=["trainer"])
    make_cohort([UserFactory(roles=["peer"])], [other_trainer], name="Promotion Est")
    outsider = UserFactory(roles=["peer"])
    data = {"text": "Un mot.", "submission": str(uuid.uuid4())}
    refused = [
        (other_trainer, word_url(cohort, learner)),  # a trainer of another cohort
        (UserFactory(roles=["peer"]), word_url(cohort, learner)),  # a peer
        (learner, word_url(cohort, learner)),  # the learner themself
        (trainer, word_url(cohort, outsider)),  # a learner not in the cohort
        (trainer, reverse("cohorts:kind_word", args=[cohort.pk + 1000, learner.pk])),
    ]
    for user, url in refused:
        client.force_login(user)
        assert client.get(url).status_code == 404, (user, url)
        assert client.post(url, data).status_code == 404, (user, url)
    assert Notification.objects.filter(kind=KIND_WORD).count() == 0
    denied = AuditEvent.objects.filter(action=AuditEvent.DENIED, object_type="courses.cohort")
    assert denied.count() == 2 * len(refused)


def test_a_named_trainer_without_the_role_or_a_learner_gone_is_refused(
    client, cohort, learner, trainer
):
    learner.is_active = False
    learner.save()
    client.force_login(trainer)
    assert client.get(word_url(cohort, learner)).status_code == 404
    former = UserFactory(roles=["peer"])
    cohort.trainers.add(former)
    cohort.members.add(UserFactory(roles=["peer"]))
    client.force_login(former)
    assert client.get(word_url(cohort, learner)).status_code == 404


def test_a_visitor_is_asked_to_log_in(client, cohort, learner):
    """The editing space sends visitors to log in whatever the address (docs/security.md)."""
    response = client.get(word_url(cohort, learner))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    response = client.post(
        word_url(cohort, learner), {"text": "x", "submission": str(uuid.uuid4())}
    )
    assert response.status_code == 302
    assert Notification.objects.filter(kind=KIND_WORD).count() == 0


def test_the_message_reads_in_the_reader_s_language():
    params = {"sender": "Nadia Durand", "text": "Courage !"}
    assert (
        message_for(KIND_WORD, params)
        == "Un mot de votre formateur·rice, Nadia Durand : « Courage ! »"
    )

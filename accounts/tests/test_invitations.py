"""Invitations and password resets: a link by e-mail, single-use, expiring, in one's language.

Asking for a reset gives the same answer whether the address exists or not, and is limited
per client address and per account.
"""

import re
from datetime import datetime, timedelta
from unittest import mock

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.users.models import UserProfile

import pytest

from accounts.password_links import INVITATION, RESET, send_password_link
from accounts.tokens import invitation_tokens, reset_tokens
from home import outbox
from home.factories import PASSWORD, UserFactory
from home.models import OutgoingEmail
from home.tests.mail import mail_server_down
from privacy.models import AuditEvent

User = get_user_model()
NEW_PASSWORD = "une phrase facile à retenir 42"

pytestmark = pytest.mark.django_db


@pytest.fixture
def invited():
    member = UserFactory(roles=["peer"], email="ines@entrepairs.example")
    member.set_unusable_password()
    member.save()
    profile = UserProfile.get_for_user(member)
    profile.preferred_language = "en"
    profile.save()
    return member


@pytest.fixture
def member():
    return UserFactory(roles=["peer"], email="marc@entrepairs.example")


def link_in(message):
    return re.search(r"https?://testserver(/\S+)", message.body).group(1)


def choose_password(client, link, password=NEW_PASSWORD):
    response = client.get(link)
    if response.status_code != 302:
        return response
    return client.post(response["Location"], {"new_password1": password, "new_password2": password})


# Invitations ----------------------------------------------------------------------------


def test_an_invitation_link_works_once(client, invited):
    assert send_password_link(invited, INVITATION)
    link = link_in(mail.outbox[0])
    assert link.startswith("/en/accounts/welcome/")
    page = client.get(client.get(link)["Location"])
    assert b"Welcome: choose your password" in page.content
    response = choose_password(client, link)
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_complete")
    invited.refresh_from_db()
    assert invited.check_password(NEW_PASSWORD)
    event = AuditEvent.objects.get(action=AuditEvent.PASSWORD_SET, subject_id=invited.pk)
    assert event.actor == invited
    # Used once: the same link is now refused, calmly.
    again = Client().get(link, follow=True)
    assert again.status_code == 200
    assert "This link no longer works" in again.content.decode()


def test_an_invitation_link_expires_after_seven_days(client, invited):
    send_password_link(invited, INVITATION)
    link = link_in(mail.outbox[0])
    later = datetime.now() + timedelta(days=7, minutes=1)  # the generator's clock is naive
    with mock.patch.object(type(invitation_tokens), "_now", return_value=later):
        response = client.get(link, follow=True)
    assert "This link no longer works" in response.content.decode()
    assert "Ask for a new link" in response.content.decode()


def test_a_wrong_token_is_refused_calmly(client, invited):
    send_password_link(invited, INVITATION)
    link = link_in(mail.outbox[0])
    forged = link.rstrip("/")[:-3] + "abc/"
    response = client.get(forged, follow=True)
    assert response.status_code == 200
    assert "This link no longer works" in response.content.decode()


def test_an_invitation_token_is_no_reset_token(client, invited):
    send_password_link(invited, INVITATION)
    link = link_in(mail.outbox[0]).replace("/accounts/welcome/", "/accounts/password/choose/")
    response = client.get(link, follow=True)
    assert "This link no longer works" in response.content.decode()


def test_a_deactivated_account_cannot_use_its_link(client, invited):
    send_password_link(invited, INVITATION)
    link = link_in(mail.outbox[0])
    invited.is_active = False
    invited.save()
    response = client.get(link, follow=True)
    assert "This link no longer works" in response.content.decode()
    assert not send_password_link(invited, INVITATION)


def test_the_invitation_is_in_the_members_language(invited):
    send_password_link(invited, INVITATION)
    assert mail.outbox[0].subject == "Welcome to Entrepairs: choose your password"
    profile = UserProfile.get_for_user(invited)
    profile.preferred_language = "fr"
    profile.save()
    send_password_link(invited, INVITATION)
    assert mail.outbox[1].subject == "Bienvenue sur Entrepairs : choisissez votre mot de passe"
    assert "/fr/accounts/welcome/" in mail.outbox[1].body


# Forgotten password ---------------------------------------------------------------------


def test_the_login_page_offers_a_reset(client):
    html = client.get(reverse("login")).content.decode()
    assert reverse("password_reset") in html


def test_same_answer_for_a_known_and_an_unknown_address(client, member):
    url = reverse("password_reset")
    known = client.post(url, {"email": member.email})
    unknown = client.post(url, {"email": "nobody@entrepairs.example"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [member.email]
    done = client.get(reverse("password_reset_done"))
    assert "Si un compte utilise cette adresse" in done.content.decode()


def test_a_reset_by_e_mail_in_the_members_language(client, member):
    profile = UserProfile.get_for_user(member)
    profile.preferred_language = "en"
    profile.save()
    client.post(reverse("password_reset"), {"email": member.email.upper()})
    message = mail.outbox[0]
    assert message.subject == "Entrepairs: choose a new password"
    assert "probably you" in message.body
    assert AuditEvent.objects.filter(
        action=AuditEvent.PASSWORD_RESET_SENT, subject_id=member.pk, actor=None
    ).exists()


def test_choosing_a_new_password_ends_other_sessions(client, member):
    elsewhere = Client()
    elsewhere.force_login(member)
    assert elsewhere.get(reverse("account_security")).status_code == 200
    client.post(reverse("password_reset"), {"email": member.email})
    response = choose_password(client, link_in(mail.outbox[0]))
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password(NEW_PASSWORD) and not member.check_password(PASSWORD)
    assert elsewhere.get(reverse("account_security")).status_code == 302
    assert AuditEvent.objects.filter(action=AuditEvent.PASSWORD_SET, subject_id=member.pk).exists()


def test_a_weak_password_is_refused_and_the_link_stays_usable(client, member):
    send_password_link(member, RESET)
    link = link_in(mail.outbox[0])
    response = choose_password(client, link, password="12345678")
    assert response.status_code == 200
    member.refresh_from_db()
    assert member.check_password(PASSWORD)


def test_a_reset_link_expires_after_a_day(client, member):
    send_password_link(member, RESET)
    link = link_in(mail.outbox[0])
    later = datetime.now() + timedelta(days=1, minutes=1)
    with mock.patch.object(type(reset_tokens), "_now", return_value=later):
        response = client.get(link, follow=True)
    assert "Ce lien ne fonctionne plus" in response.content.decode()


def test_reset_requests_are_limited_per_address(client, member):
    url = reverse("password_reset")
    for number in range(5):
        assert client.post(url, {"email": f"x{number}@entrepairs.example"}).status_code == 302
    response = client.post(url, {"email": member.email})
    assert response.status_code == 429
    assert "merci d'attendre un peu" in response.content.decode()
    assert not mail.outbox
    # Another address is not held back.
    other = client.post(url, {"email": member.email}, REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 302


def test_reset_links_are_limited_per_account(member):
    clients = [Client(REMOTE_ADDR=f"198.51.100.{n}") for n in range(5)]
    for each in clients:
        response = each.post(reverse("password_reset"), {"email": member.email})
        assert response.status_code == 302  # the same answer, always
    assert len(mail.outbox) == 3


def test_a_mail_server_down_is_no_error_and_the_link_waits(client, member):
    with mail_server_down():
        response = client.post(reverse("password_reset"), {"email": member.email})
    assert response.status_code == 302
    assert mail.outbox == []
    (email,) = OutgoingEmail.objects.all()
    assert (email.kind, email.status, email.recipient) == ("password_reset", "pending", member)
    # The server is back: the schedule's sweep sends the link, once.
    OutgoingEmail.objects.update(next_attempt_at=timezone.now())
    outbox.sweep.enqueue()
    assert [message.to for message in mail.outbox] == [[member.email]]
    assert "/" in mail.outbox[0].body

"""The coordinators' screen of credentials: listed and found, one revoked with a reason
(audited, the holder told, its bit set in the status list); nobody else reaches it."""

import re
import uuid

from django.urls import reverse

import pytest

from courses.models import Certificate
from credentials.models import IssuedCredential
from credentials.tests.test_credentials import download, revoked_in_status_list
from home.factories import UserFactory
from home.models import Notification, OutgoingEmail
from privacy.models import AuditEvent

pytestmark = pytest.mark.django_db

LIST = reverse("issued_credentials")


@pytest.fixture
def holder():
    return UserFactory(
        roles=["peer"], first_name="Inès", last_name="Lefèvre", email="ines@example.org"
    )


@pytest.fixture
def credential(client, holder):
    certificate = Certificate.objects.create(
        user=holder,
        learner_name="Inès Lefèvre",
        course_key=uuid.uuid4(),
        course_title="Écoute active",
        duration_minutes=90,
    )
    client.force_login(holder)
    assert download(client, certificate).status_code == 200
    client.logout()
    return IssuedCredential.objects.get(user=holder)


@pytest.fixture
def coordinator():
    return UserFactory(roles=["coordinator"])


def revoke_url(credential):
    return reverse("issued_credential_revoke", kwargs={"pk": credential.pk})


def test_a_coordinator_finds_and_revokes_one_credential(client, holder, credential, coordinator):
    other = IssuedCredential.objects.create(
        user=UserFactory(first_name="Paul"),
        kind="module_certificate",
        ref="other",
        name="Le rôle de pair-aidant",
        identified_by=IssuedCredential.NAME,
        status_index=credential.status_index + 1,
    )
    client.force_login(coordinator)
    page = client.get(LIST).content.decode()
    assert "Inès Lefèvre" in page and "Écoute active" in page and "Le rôle de pair-aidant" in page
    assert "Attestation de module" in page
    found = client.get(LIST, {"q": "lefèvre", "kind": "module_certificate", "state": "valid"})
    page = found.content.decode()
    assert "Écoute active" in page and "Le rôle de pair-aidant" not in page
    assert 'value="lefèvre"' in page

    assert not revoked_in_status_list(client, credential.status_index)
    confirmation = client.get(revoke_url(credential)).content.decode()
    assert "Inès Lefèvre" in confirmation and 'name="reason"' in confirmation
    response = client.post(revoke_url(credential), {"reason": "Délivré par erreur."})
    assert response.status_code == 302 and response["Location"] == LIST

    credential.refresh_from_db()
    assert credential.is_revoked and credential.revoked_by == coordinator
    assert credential.revocation_reason == "Délivré par erreur."
    other.refresh_from_db()
    assert not other.is_revoked
    assert AuditEvent.objects.filter(
        action=AuditEvent.CREDENTIAL_REVOKED, actor=coordinator, subject=holder
    ).exists()
    client.logout()
    assert revoked_in_status_list(client, credential.status_index)
    assert not revoked_in_status_list(client, other.status_index)

    notification = Notification.objects.get(recipient=holder, kind="credential_revoked_reason")
    assert notification.link == reverse("my_credentials")
    assert "Délivré par erreur." in notification.message and "Écoute active" in notification.message
    assert OutgoingEmail.objects.filter(recipient=holder).exists()

    # Revoked: listed as such, and no second revocation.
    client.force_login(coordinator)
    page = client.get(LIST, {"state": "revoked"}).content.decode()
    assert "Délivré par erreur." in page and revoke_url(credential) not in page
    assert client.get(revoke_url(credential)).status_code == 302


def test_no_revocation_without_a_reason_and_what_was_typed_stays(client, credential, coordinator):
    client.force_login(coordinator)
    response = client.post(revoke_url(credential), {"reason": "   "})
    assert response.status_code == 200
    assert "Indiquez pourquoi" in response.content.decode()
    too_long = "x" * 2001
    response = client.post(revoke_url(credential), {"reason": too_long})
    assert response.status_code == 200 and too_long in response.content.decode()
    credential.refresh_from_db()
    assert not credential.is_revoked
    assert not Notification.objects.filter(kind="credential_revoked_reason").exists()


def test_a_superuser_may_revoke(client, credential):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    assert client.get(LIST).status_code == 200
    client.post(revoke_url(credential), {"reason": "Demande de la personne."})
    credential.refresh_from_db()
    assert credential.is_revoked and credential.revoked_by == admin


@pytest.mark.parametrize("role", ["peer", "trainer", "supervisor"])
def test_no_one_else_sees_or_revokes(client, holder, credential, role):
    who = holder if role == "peer" else UserFactory(roles=[role])
    client.force_login(who)
    assert client.get(LIST).status_code == 404
    assert client.get(revoke_url(credential)).status_code == 404
    assert client.post(revoke_url(credential), {"reason": "x"}).status_code == 404
    credential.refresh_from_db()
    assert not credential.is_revoked
    assert AuditEvent.objects.filter(actor=who, action=AuditEvent.DENIED).count() == 3
    # And the menu does not offer it.
    assert LIST not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client, credential):
    for url in (LIST, revoke_url(credential)):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"]
    client.post(revoke_url(credential), {"reason": "x"})
    credential.refresh_from_db()
    assert not credential.is_revoked


def test_an_unknown_credential_is_not_found(client, coordinator):
    client.force_login(coordinator)
    missing = reverse("issued_credential_revoke", kwargs={"pk": uuid.uuid4()})
    assert client.get(missing).status_code == 404


def test_the_menu_offers_it_to_coordinators(client, coordinator):
    client.force_login(coordinator)
    assert LIST in client.get(reverse("wagtailadmin_home")).content.decode()


def breadcrumbs(response):
    html = response.content.decode()
    start = html.index("<nav", html.index("data-w-breadcrumbs"))
    return re.sub(r"<[^>]+>|\s+", " ", html[start : html.index("</nav>", start)]).split()


def test_the_header_names_the_screen_not_only_home(client, credential, coordinator):
    client.force_login(coordinator)
    listing = " ".join(breadcrumbs(client.get(reverse("issued_credentials"))))
    assert listing.endswith("Attestations vérifiables")
    revoke = " ".join(breadcrumbs(client.get(revoke_url(credential))))
    assert "Attestations vérifiables" in revoke
    assert revoke.index("Attestations vérifiables") < revoke.index("Révoquer une attestation")

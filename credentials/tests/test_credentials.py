"""Open Badges 3.0 credentials: issued only to their holder, verified by an independent
implementation (PyJWT, not joserfc which signs), tampering detected, revocation published."""

import base64
import json
import uuid

from django.test import override_settings
from django.urls import reverse

import jwt
import pytest
from joserfc.errors import BadSignatureError
from joserfc.jwk import ECKey

from courses.models import Certificate
from credentials import issuance, keys, status
from credentials.models import IssuedCredential
from home.factories import UserFactory
from home.models import Notification
from privacy.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner():
    return UserFactory(
        roles=["peer"], first_name="Inès", last_name="Lefèvre", email="ines@example.org"
    )


@pytest.fixture
def certificate(learner):
    return Certificate.objects.create(
        user=learner,
        learner_name="Inès Lefèvre",
        course_key=uuid.uuid4(),
        course_title="Écoute active",
        duration_minutes=90,
    )


def download(client, certificate, identified_by="name"):
    return client.post(
        reverse("credential_download"),
        {"kind": "module_certificate", "ref": certificate.code, "identified_by": identified_by},
    )


def independent_verify(client, token):
    """PyJWT, with the keys the issuer publishes (its JWKS), as a verifier elsewhere would."""
    published = client.get(reverse("credentials_jwks")).json()
    kid = jwt.get_unverified_header(token)["kid"]
    key = next(jwt.PyJWK(k) for k in published["keys"] if k["kid"] == kid)
    return jwt.decode(token, key=key, algorithms=["ES256", "EdDSA"])


def test_the_holder_downloads_a_credential_that_verifies_elsewhere(client, learner, certificate):
    client.force_login(learner)
    response = download(client, certificate)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+jwt"
    assert "attachment" in response["Content-Disposition"]
    token = response.content.decode()
    header = jwt.get_unverified_header(token)
    assert header["typ"] == "vc+jwt" and header["alg"] == "ES256" and header["kid"]

    vc = independent_verify(client, token)
    assert vc["@context"] == [issuance.VC_CONTEXT, issuance.OB_CONTEXT]
    assert vc["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert vc["id"].startswith("urn:uuid:") and vc["jti"] == vc["id"]
    assert vc["issuer"]["id"] == "http://testserver/credentials/issuer/" == vc["iss"]
    assert "Profile" in vc["issuer"]["type"] and vc["issuer"]["name"]
    assert vc["validFrom"].endswith("Z")
    subject = vc["credentialSubject"]
    assert "AchievementSubject" in subject["type"]
    assert subject["identifier"] == [
        {
            "type": "IdentityObject",
            "identityType": "name",
            "hashed": False,
            "identityHash": "Inès Lefèvre",
        }
    ]
    achievement = subject["achievement"]
    assert achievement["type"] == ["Achievement"] and achievement["id"].startswith("urn:")
    assert achievement["name"] == "Écoute active"
    assert "1 heure 30" in achievement["description"] or "1 h 30" in achievement["description"]
    assert achievement["criteria"]["narrative"] and achievement["inLanguage"] == "fr"
    entry = vc["credentialStatus"]
    assert entry["type"] == "BitstringStatusListEntry" and entry["statusPurpose"] == "revocation"
    assert entry["statusListCredential"] == "http://testserver/credentials/status/1/"
    credential = IssuedCredential.objects.get(user=learner)
    assert entry["statusListIndex"] == str(credential.status_index)
    assert AuditEvent.objects.filter(
        action=AuditEvent.EXPORT, object_id=str(credential.pk)
    ).exists()


def test_a_hashed_e_mail_names_the_holder_without_showing_it(client, learner, certificate):
    client.force_login(learner)
    vc = independent_verify(client, download(client, certificate, "email_hash").content.decode())
    identity = vc["credentialSubject"]["identifier"][0]
    assert identity["hashed"] is True and identity["identityType"] == "emailAddress"
    assert "ines@example.org" not in json.dumps(vc) and "Lefèvre" not in json.dumps(vc)
    import hashlib

    expected = hashlib.sha256(("ines@example.org" + identity["salt"]).encode()).hexdigest()
    assert identity["identityHash"] == "sha256$" + expected


def test_a_tampered_credential_fails(client, learner, certificate):
    client.force_login(learner)
    token = download(client, certificate).content.decode()
    head, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["credentialSubject"]["achievement"]["name"] = "Module jamais suivi"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    tampered = f"{head}.{forged}.{signature}"
    with pytest.raises(jwt.InvalidSignatureError):
        independent_verify(client, tampered)
    with pytest.raises(BadSignatureError):
        issuance.verify(tampered)


def revoked_in_status_list(client, index):
    response = client.get(reverse("credentials_status_list", kwargs={"list_id": "1"}))
    assert response["Content-Type"] == "application/vc+jwt"
    status_vc = independent_verify(client, response.content.decode())
    assert "BitstringStatusListCredential" in status_vc["type"]
    subject = status_vc["credentialSubject"]
    assert subject["type"] == "BitstringStatusList" and subject["statusPurpose"] == "revocation"
    assert len(status.decode(subject["encodedList"])) * 8 == status.LENGTH
    return status.is_set(subject["encodedList"], index)


def test_the_holder_revokes_and_the_status_list_says_so(client, learner, certificate):
    client.force_login(learner)
    download(client, certificate)
    credential = IssuedCredential.objects.get(user=learner)
    assert not revoked_in_status_list(client, credential.status_index)
    client.post(reverse("credential_revoke", kwargs={"pk": credential.pk}))
    credential.refresh_from_db()
    assert credential.is_revoked and credential.revoked_by == learner
    client.logout()
    assert revoked_in_status_list(client, credential.status_index)
    # The holder was not told of their own act; a new download is a new credential.
    assert not Notification.objects.filter(recipient=learner, kind="credential_revoked").exists()
    client.force_login(learner)
    download(client, certificate)
    assert IssuedCredential.objects.filter(user=learner, revoked_at__isnull=True).count() == 1


def test_a_certificate_revoked_by_a_coordinator_revokes_its_credentials(
    client, learner, certificate
):
    client.force_login(learner)
    download(client, certificate)
    credential = IssuedCredential.objects.get(user=learner)
    coordinator = UserFactory(roles=["coordinator"])
    client.force_login(coordinator)
    client.post(
        reverse("certificates:edit", args=[certificate.pk]),
        {"revoked": "on", "revocation_reason": "Module suivi par erreur"},
    )
    credential.refresh_from_db()
    assert credential.is_revoked and credential.revoked_by == coordinator
    assert AuditEvent.objects.filter(
        action=AuditEvent.CREDENTIAL_REVOKED, actor=coordinator, subject=learner
    ).exists()
    notification = Notification.objects.get(recipient=learner, kind="credential_revoked")
    assert notification.link == reverse("my_credentials")
    assert revoked_in_status_list(client, credential.status_index)
    # A revoked certificate is no longer offered for export.
    client.force_login(learner)
    assert download(client, certificate).status_code == 404


def test_anonymous_visitors_get_nothing(client, certificate):
    response = download(client, certificate)
    assert response.status_code == 302 and "login" in response["Location"].lower()
    assert client.get(reverse("my_credentials")).status_code == 302
    assert not IssuedCredential.objects.exists()


@pytest.mark.parametrize("role", ["peer", "trainer", "coordinator", "supervisor"])
def test_nobody_else_gets_or_revokes_the_holders_credential(client, learner, certificate, role):
    client.force_login(learner)
    download(client, certificate)
    credential = IssuedCredential.objects.get(user=learner)
    other = UserFactory(roles=[role])
    client.force_login(other)
    assert download(client, certificate).status_code == 404
    assert (
        client.post(reverse("credential_revoke", kwargs={"pk": credential.pk})).status_code == 404
    )
    credential.refresh_from_db()
    assert not credential.is_revoked
    assert IssuedCredential.objects.count() == 1
    assert AuditEvent.objects.filter(actor=other, action=AuditEvent.DENIED).count() == 2
    page = client.get(reverse("my_credentials")).content.decode()
    assert certificate.code not in page and "Écoute active" not in page


def test_the_member_page_offers_their_certificates(client, learner, certificate):
    client.force_login(learner)
    page = client.get(reverse("my_credentials")).content.decode()
    assert "Écoute active" in page and f"credential-module_certificate-{certificate.code}" in page
    assert 'value="email_hash"' in page


def test_the_issuer_profile_is_public_json_ld_and_html(client):
    profile = client.get(reverse("credentials_issuer"), HTTP_ACCEPT="application/ld+json")
    assert profile["Content-Type"] == "application/ld+json"
    data = profile.json()
    assert data["type"] == ["Profile"] and data["id"] == "http://testserver/credentials/issuer/"
    assert issuance.OB_CONTEXT in data["@context"] and data["name"]
    page = client.get(reverse("credentials_issuer"), HTTP_ACCEPT="text/html")
    assert page.status_code == 200 and "Open Badges" in page.content.decode()
    unknown = reverse("credentials_status_list", kwargs={"list_id": "2"})
    assert client.get(unknown, follow=True).status_code == 404


def test_after_a_key_rotation_old_credentials_still_verify(client, learner, certificate):
    client.force_login(learner)
    old_token = download(client, certificate).content.decode()
    old_public = keys.signing_key().as_dict(private=False)
    new = ECKey.generate_key("P-256")
    new.ensure_kid()
    with override_settings(
        CREDENTIALS_KEY=json.dumps(new.as_dict(private=True)),
        CREDENTIALS_OLD_KEYS=json.dumps([old_public]),
    ):
        keys.forget()
        try:
            published = [k["kid"] for k in client.get(reverse("credentials_jwks")).json()["keys"]]
            assert published == [new.kid, old_public["kid"]]
            assert independent_verify(client, old_token)["type"][1] == "OpenBadgeCredential"
            new_token = download(client, certificate).content.decode()
            assert jwt.get_unverified_header(new_token)["kid"] == new.kid
            assert issuance.verify(new_token)["id"].startswith("urn:uuid:")
        finally:
            keys.forget()
        assert all("d" not in k for k in client.get(reverse("credentials_jwks")).json()["keys"])


def test_status_list_encoding_round_trip():
    encoded = status.encode([0, 7, 131071])
    assert encoded.startswith("u")
    assert status.is_set(encoded, 0) and status.is_set(encoded, 7)
    assert status.is_set(encoded, 131071) and not status.is_set(encoded, 1)
    assert status.decode(encoded)[0] == 0b10000001


def test_my_learning_leads_from_a_certificate_to_its_credential(client, learner, section):
    from courses.factories import make_course
    from courses.tests.test_certificates import complete

    course = make_course(section("courses"), title="Écoute active", duration_minutes=90)
    client.force_login(learner)
    complete(client, course)
    code = Certificate.objects.get(user=learner).code
    page = client.get(reverse("my_learning")).content.decode()
    assert f"{reverse('my_credentials')}#credential-module_certificate-{code}" in page
    vc = independent_verify(client, download(client, Certificate(code=code)).content.decode())
    achievement = vc["credentialSubject"]["achievement"]
    assert achievement["name"] == "Écoute active"
    assert (
        achievement["id"]
        == f"urn:entrepairs:achievement:module_certificate:{course.translation_key}"
    )

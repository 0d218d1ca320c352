"""Confirmed competences as Open Badges 3.0 credentials: the holder's only, verified by an
independent implementation (PyJWT), tampering detected; nothing of a comment, a note or an
entry in them."""

import base64
import json

from django.urls import reverse
from django.utils import translation

import jwt
import pytest

from credentials.models import IssuedCredential
from credentials.tests.test_credentials import independent_verify
from privacy.models import AuditEvent
from recognition import services
from recognition.badges import COMPETENCE_CONFIRMED


def confirm(world, level, comment="Parlé ensemble le 3 mars, très à l'écoute."):
    services.self_assess(world.peer, world.competence, level, "Ma note secrète")
    return services.confirm(world.supervisor, world.peer, world.competence, level, comment)


def download(client, confirmation, identified_by="name"):
    return client.post(
        reverse("credential_download"),
        {"kind": COMPETENCE_CONFIRMED, "ref": str(confirmation.pk), "identified_by": identified_by},
    )


def test_a_confirmed_competence_exports_as_an_ob3_competency_that_verifies(client, world):
    confirmation = confirm(world, 2)
    client.force_login(world.peer)
    response = download(client, confirmation)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+jwt"
    assert "attachment" in response["Content-Disposition"]
    vc = independent_verify(client, response.content.decode())
    assert vc["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    subject = vc["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"] and subject["name"] == "Camille Peerson"
    achievement = subject["achievement"]
    assert achievement["type"] == ["Achievement"]
    assert achievement["achievementType"] == "Competency"
    assert achievement["name"] == "Écouter sans juger — Je pratique"
    assert "Accueillir ce que la personne dit." in achievement["description"]
    assert "Descripteur 2" in achievement["description"]
    assert "superviseur" in achievement["criteria"]["narrative"].lower()
    key = world.competence.translation_key
    assert achievement["id"] == f"urn:entrepairs:achievement:competence_confirmed:{key}-2"
    assert vc["validFrom"].startswith(confirmation.created_at.strftime("%Y-%m-%d"))
    text = json.dumps(vc, ensure_ascii=False)
    # Neither the supervisor's comment nor the peer's note, nor the supervisor's name.
    assert "Parlé ensemble" not in text and "Ma note secrète" not in text
    assert world.supervisor.last_name not in text
    assert IssuedCredential.objects.get(user=world.peer).kind == COMPETENCE_CONFIRMED


def test_the_credential_is_written_in_the_members_language(client, world):
    confirmation = confirm(world, 1)
    client.force_login(world.peer)
    with translation.override("en"):
        url = reverse("credential_download")
    response = client.post(
        url, {"kind": COMPETENCE_CONFIRMED, "ref": confirmation.pk, "identified_by": "name"}
    )
    achievement = independent_verify(client, response.content.decode())["credentialSubject"][
        "achievement"
    ]
    assert achievement["name"] == "Listening without judging — I am discovering"
    assert achievement["inLanguage"] == "en" and "Descriptor 1" in achievement["description"]


def test_a_tampered_competence_credential_fails(client, world):
    confirmation = confirm(world, 1)
    client.force_login(world.peer)
    token = download(client, confirmation).content.decode()
    head, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["credentialSubject"]["achievement"]["name"] = "Écouter sans juger — Je transmets"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    with pytest.raises(jwt.InvalidSignatureError):
        independent_verify(client, f"{head}.{forged}.{signature}")


@pytest.mark.parametrize(
    "who", ["other_peer", "supervisor", "other_supervisor", "trainer", "coordinator"]
)
def test_only_the_holder_exports_their_confirmed_competence(client, world, who):
    confirmation = confirm(world, 2)
    client.force_login(getattr(world, who))
    assert download(client, confirmation).status_code == 404
    assert not IssuedCredential.objects.exists()
    assert AuditEvent.objects.filter(action=AuditEvent.DENIED, actor=getattr(world, who)).exists()
    page = client.get(reverse("my_credentials")).content.decode()
    assert "Écouter sans juger" not in page


def test_anonymous_visitors_are_sent_to_log_in(client, world):
    confirmation = confirm(world, 2)
    response = download(client, confirmation)
    assert response.status_code == 302 and "login" in response["Location"].lower()
    assert not IssuedCredential.objects.exists()


def test_only_the_latest_confirmation_is_offered_and_an_earlier_credential_stays_valid(
    client, world
):
    first = confirm(world, 1)
    client.force_login(world.peer)
    assert download(client, first).status_code == 200
    earlier = IssuedCredential.objects.get(user=world.peer)
    latest = confirm(world, 3)
    assert download(client, first).status_code == 404
    assert download(client, latest).status_code == 200
    earlier.refresh_from_db()
    # What a supervisor confirmed on that date stays true: the earlier credential is kept.
    assert not earlier.is_revoked
    page = client.get(reverse("my_credentials")).content.decode()
    assert f"credential-competence_confirmed-{latest.pk}" in page
    assert f'credential-competence_confirmed-{first.pk}"' not in page


def test_my_competences_leads_to_the_credential(client, world):
    confirmation = confirm(world, 2)
    client.force_login(world.peer)
    page = client.get(reverse("my_competences")).content.decode()
    anchor = f"{reverse('my_credentials')}#credential-competence_confirmed-{confirmation.pk}"
    assert anchor in page
    credentials_page = client.get(reverse("my_credentials")).content.decode()
    assert f'id="credential-competence_confirmed-{confirmation.pk}"' in credentials_page
    assert "Écouter sans juger — Je pratique" in credentials_page


def test_a_competence_only_self_assessed_is_not_offered(client, world):
    services.self_assess(world.peer, world.competence, 3, "")
    client.force_login(world.peer)
    page = client.get(reverse("my_competences")).content.decode()
    assert "credential-competence_confirmed" not in page
    assert "Écouter sans juger" not in client.get(reverse("my_credentials")).content.decode()

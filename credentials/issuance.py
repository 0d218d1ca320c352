"""Open Badges 3.0 credentials (W3C Verifiable Credentials 2.0), signed as VC-JWT.

The JWT's payload is the credential itself (VC-JOSE-COSE, ``typ: vc+jwt``), with the
registered claims ``iss``, ``jti``, ``nbf`` and ``iat`` besides; its header names the key
(``kid``) among those the issuer publishes (``keys.public_jwks``).
"""

import datetime
import hashlib
import json

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from joserfc import jws

from home.models import SiteSettings

from . import keys, status
from .models import IssuedCredential

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
OB_SCHEMA = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
)
MEDIA_TYPE = "application/vc+jwt"


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def issuer_id():
    return absolute(reverse("credentials_issuer"))


def status_list_url():
    return absolute(reverse("credentials_status_list", kwargs={"list_id": status.LIST_ID}))


def association_name():
    settings_row = SiteSettings.objects.filter(site__is_default_site=True).first()
    return (settings_row.association_name if settings_row else "") or "Entrepairs"


def issuer_profile():
    """The issuer as OB 3.0 ``Profile``: the association, its site and its keys."""
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": issuer_id(),
        "type": ["Profile"],
        "name": association_name(),
        "url": absolute("/"),
    }


def _timestamp(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def identity(credential, user, name):
    """How the holder is named, as they chose: their name, or a salted hash of their
    e-mail address (whoever knows the address can check it; nobody can read it)."""
    if credential.identified_by == IssuedCredential.EMAIL_HASH:
        digest = hashlib.sha256((user.email.strip().lower() + credential.salt).encode())
        return {
            "type": "IdentityObject",
            "identityType": "emailAddress",
            "hashed": True,
            "identityHash": "sha256$" + digest.hexdigest(),
            "salt": credential.salt,
        }
    return {
        "type": "IdentityObject",
        "identityType": "name",
        "hashed": False,
        "identityHash": name,
    }


def build(credential, achievement, user, language):
    """The credential as a JSON-LD document (a dict), before signing."""
    subject = {
        "type": ["AchievementSubject"],
        "identifier": [identity(credential, user, achievement.recipient_name)],
        "achievement": {
            "id": f"urn:entrepairs:achievement:{achievement.kind}:{achievement.key}",
            "type": ["Achievement"],
            "achievementType": achievement.achievement_type,
            "name": achievement.name,
            "description": achievement.description,
            "criteria": {"narrative": achievement.criteria},
            "inLanguage": language,
        },
    }
    if credential.identified_by == IssuedCredential.NAME:
        subject["name"] = achievement.recipient_name
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": f"urn:uuid:{credential.pk}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": achievement.name,
        "issuer": {"id": issuer_id(), "type": ["Profile"], "name": association_name()},
        "validFrom": _timestamp(achievement.issued_at),
        "credentialSubject": subject,
        "credentialStatus": {
            "id": f"{status_list_url()}#{credential.status_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(credential.status_index),
            "statusListCredential": status_list_url(),
        },
        "credentialSchema": [{"id": OB_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}],
    }


def sign(document):
    """``document`` as a compact JWS (VC-JWT) with the current key."""
    key = keys.signing_key()
    claims = {
        **document,
        "iss": document["issuer"]["id"]
        if isinstance(document["issuer"], dict)
        else document["issuer"],
        "jti": document["id"],
        "nbf": int(timezone.now().timestamp()),
        "iat": int(timezone.now().timestamp()),
    }
    header = {"alg": keys.algorithm(key), "kid": key.kid, "typ": "vc+jwt", "cty": "vc"}
    payload = json.dumps(claims, ensure_ascii=False, separators=(",", ":")).encode()
    return jws.serialize_compact(header, payload, key, algorithms=[header["alg"]])


def verify(token):
    """The payload of a VC-JWT this issuer signed, or a ``joserfc`` error."""
    algorithms = ["ES256", "EdDSA"]
    found = jws.deserialize_compact(token, keys.verification_keys(), algorithms=algorithms)
    return json.loads(found.payload)


def status_list_credential(revoked_indexes):
    """The signed ``BitstringStatusListCredential`` of the revoked bits."""
    url = status_list_url()
    document = {
        "@context": [VC_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_id(),
        "validFrom": _timestamp(timezone.now()),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": status.encode(revoked_indexes),
        },
    }
    return sign(document)

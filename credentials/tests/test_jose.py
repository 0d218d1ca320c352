"""A credential verified by Node's ``jose`` (``jwtVerify`` with the published JWKS): a third
implementation, in another language; a tampered credential fails. Skipped without node or
without ``npm ci``."""

import base64
import json
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.urls import reverse

import pytest

from credentials.tests.test_credentials import certificate, download, learner  # noqa: F401

ROOT = Path(settings.BASE_DIR)
SCRIPT = ROOT / "tests" / "verify_credential.mjs"

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed"),
    pytest.mark.skipif(
        not (ROOT / "node_modules" / "jose").exists(), reason="jose is not installed (npm ci)"
    ),
]


def jose_verify(client, token):
    jwks = client.get(reverse("credentials_jwks")).json()
    return subprocess.run(
        ["node", str(SCRIPT)],
        input=json.dumps({"jwks": jwks, "token": token}),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def test_jose_verifies_an_exported_credential_and_refuses_a_tampered_one(
    client,
    learner,  # noqa: F811
    certificate,  # noqa: F811
):
    client.force_login(learner)
    token = download(client, certificate).content.decode()
    verified = jose_verify(client, token)
    assert verified.returncode == 0, verified.stderr
    result = json.loads(verified.stdout)
    assert result["header"]["typ"] == "vc+jwt"
    vc = result["payload"]
    assert vc["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert vc["credentialSubject"]["achievement"]["name"] == "Écoute active"

    head, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["credentialSubject"]["achievement"]["name"] = "Module jamais suivi"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    refused = jose_verify(client, f"{head}.{forged}.{signature}")
    assert refused.returncode == 1
    assert "ERR_JWS_SIGNATURE_VERIFICATION_FAILED" in refused.stderr

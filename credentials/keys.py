"""The issuer's signing keys, from the environment (docs/operations.md, "Credential keys").

``ENTREPAIRS_CREDENTIALS_KEY`` holds the current private key, a JWK (JSON) or a PEM, P-256
(ES256, what development generates: every JOSE library verifies it) or Ed25519 (EdDSA).
``ENTREPAIRS_CREDENTIALS_OLD_KEYS`` holds the public keys of earlier keys, a JSON list of
JWKs (or a JWKS): they stay published in the issuer's JWKS so that credentials signed with
them still verify. Without a key, development and tests
generate one into ``var/`` (``CREDENTIALS_DEV_KEY_FILE``); production refuses to sign.
"""

import json
from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from joserfc.errors import JoseError
from joserfc.jwk import ECKey, KeySet, OKPKey


def _import(text):
    text = text.strip()
    if text.startswith("{"):
        data = json.loads(text)
        key_class = OKPKey if data.get("kty") == "OKP" else ECKey
        key = key_class.import_key(data)
    else:
        try:
            key = ECKey.import_key(text)
        except (ValueError, JoseError):
            key = OKPKey.import_key(text)
    if not key.kid:
        key.ensure_kid()
    return key


def _dev_key():
    path = settings.CREDENTIALS_DEV_KEY_FILE
    if not path:
        raise ImproperlyConfigured(
            "ENTREPAIRS_CREDENTIALS_KEY is required to sign credentials (docs/operations.md)."
        )
    if not path.exists():
        key = ECKey.generate_key("P-256")
        key.ensure_kid()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(key.as_dict(private=True)))
        path.chmod(0o600)
    return _import(path.read_text())


@cache
def signing_key():
    """The current private key; its ``kid`` names it in every credential's header."""
    text = settings.CREDENTIALS_KEY
    return _import(text) if text else _dev_key()


def algorithm(key=None):
    key = key or signing_key()
    return "EdDSA" if isinstance(key, OKPKey) else "ES256"


@cache
def old_public_keys():
    text = (settings.CREDENTIALS_OLD_KEYS or "").strip()
    if not text:
        return []
    data = json.loads(text)
    entries = data.get("keys", []) if isinstance(data, dict) else data
    return [_import(json.dumps(entry)) for entry in entries]


def public_jwks():
    """The issuer's published keys: the current one first, then the old ones."""
    keys = [signing_key(), *old_public_keys()]
    return {"keys": [{**key.as_dict(private=False), "alg": algorithm(key)} for key in keys]}


def verification_keys():
    return KeySet([signing_key(), *old_public_keys()])


def forget():
    """Read the keys again (tests, after changing the settings)."""
    signing_key.cache_clear()
    old_public_keys.cache_clear()

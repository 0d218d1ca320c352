"""The revocation status list: a W3C Bitstring Status List, one bit per issued credential.

Each credential names its bit (``credentialStatus``); the list is published as a signed
``BitstringStatusListCredential`` whose ``encodedList`` is the bitstring, gzipped, base64url
without padding, with the multibase prefix ``u``. Bit 0 is the first byte's highest bit.
Indexes are drawn at random so that neighbours in the list say nothing of each other.
"""

import base64
import gzip
import secrets

# The specification's minimum: 16 KiB, so that one bit hides among many.
LENGTH = 131072
LIST_ID = "1"


def new_index(taken):
    """A free index drawn at random (``taken``: a callable telling whether one is used)."""
    for _attempt in range(64):
        index = secrets.randbelow(LENGTH)
        if not taken(index):
            return index
    raise RuntimeError("The status list is nearly full: start a second list.")


def encode(revoked_indexes):
    bits = bytearray(LENGTH // 8)
    for index in revoked_indexes:
        bits[index // 8] |= 0x80 >> (index % 8)
    compressed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).rstrip(b"=").decode()


def decode(encoded):
    data = encoded[1:] if encoded.startswith("u") else encoded
    raw = gzip.decompress(base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)))
    return raw


def is_set(encoded, index):
    return bool(decode(encoded)[index // 8] & (0x80 >> (index % 8)))

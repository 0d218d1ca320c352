"""Prints what a rotation of the credentials' signing key needs (docs/operations.md)."""

import json

from django.core.management.base import BaseCommand

from joserfc.jwk import ECKey

from credentials import keys


class Command(BaseCommand):
    help = (
        "Without options: the current public key (JWK), to add to "
        "ENTREPAIRS_CREDENTIALS_OLD_KEYS before a rotation. With --generate: a new private "
        "key (JWK, P-256) for ENTREPAIRS_CREDENTIALS_KEY."
    )

    def add_arguments(self, parser):
        parser.add_argument("--generate", action="store_true", help="print a new private key")

    def handle(self, *args, generate=False, **options):
        if generate:
            key = ECKey.generate_key("P-256")
            key.ensure_kid()
            self.stdout.write(json.dumps(key.as_dict(private=True)))
            return
        self.stdout.write(json.dumps(keys.signing_key().as_dict(private=False)))

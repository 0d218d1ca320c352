"""Links to choose a password: an invitation for a new member, a reset for a forgotten one.

Django's token generator hashes the password and the last login into the token, so a link
works once: choosing a password changes the hash. Each kind has its own salt (an invitation
token is no reset token) and its own validity.
"""

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.crypto import constant_time_compare
from django.utils.http import base36_to_int


class ExpiringTokenGenerator(PasswordResetTokenGenerator):
    """A password token valid ``timeout`` seconds, for an active account only."""

    timeout = 60 * 60 * 24

    def _make_hash_value(self, user, timestamp):
        # A deactivated account's links stop working, and work again on reactivation only
        # if they have not expired.
        return f"{super()._make_hash_value(user, timestamp)}{int(user.is_active)}"

    def check_token(self, user, token):
        if not (user and token):
            return False
        try:
            ts_b36, _hash = token.split("-")
            ts = base36_to_int(ts_b36)
        except ValueError:
            return False
        if not any(
            constant_time_compare(self._make_token_with_timestamp(user, ts, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        ):
            return False
        return (self._num_seconds(self._now()) - ts) <= self.timeout


class InvitationTokenGenerator(ExpiringTokenGenerator):
    key_salt = "accounts.tokens.InvitationTokenGenerator"
    timeout = 60 * 60 * 24 * 7


class PasswordResetTokenGenerator(ExpiringTokenGenerator):
    key_salt = "accounts.tokens.PasswordResetTokenGenerator"
    timeout = 60 * 60 * 24


invitation_tokens = InvitationTokenGenerator()
reset_tokens = PasswordResetTokenGenerator()

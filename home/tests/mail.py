"""A mail server that is down, for tests of the outbox: Django's real mail framework with a
backend that refuses the connection, as smtplib does when nothing listens."""

from django.core.mail.backends.base import BaseEmailBackend
from django.test import override_settings

DOWN = "home.tests.mail.DownEmailBackend"


class DownEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused")


def mail_server_down():
    return override_settings(EMAIL_TRANSPORT=DOWN)

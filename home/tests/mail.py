"""A mail server that is down, for tests of the outbox: Django's real mail framework with a
backend that refuses the connection, as smtplib does when nothing listens; and the guard
that no request sends an e-mail itself."""

from contextvars import ContextVar

from django.core.handlers.base import BaseHandler
from django.core.mail.backends import locmem
from django.core.mail.backends.base import BaseEmailBackend
from django.test import override_settings

from django_tasks.backends.immediate import ImmediateBackend

DOWN = "home.tests.mail.DownEmailBackend"


class DownEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused")


def mail_server_down():
    return override_settings(EMAIL_TRANSPORT=DOWN)


# No request talks to the mail server: the guard every test runs under (conftest.py).

_handling_request = ContextVar("handling_request", default=False)
_running_task = ContextVar("running_task", default=False)


class RequestMailGuard:
    """Fails a test when the mail transport is reached while a request is being handled,
    except by a task: in tests, tasks run at once inside the caller
    (``ImmediateBackend``), so the outbox's ``deliver`` legitimately sends during a
    request there; anything else that reaches the transport from a request (a stray
    ``send_mail`` on a backend that is not the outbox, a connection opened by hand)
    would talk to the mail server inside the request in production. Breaches are
    recorded as well as raised: code that swallows the error still fails the test."""

    def __init__(self, monkeypatch):
        self.breaches = []
        get_response = BaseHandler.get_response
        execute = ImmediateBackend._execute_task
        send_messages = locmem.EmailBackend.send_messages
        guard = self

        def handling_request(handler, request):
            token = _handling_request.set(True)
            try:
                return get_response(handler, request)
            finally:
                _handling_request.reset(token)

        def running_task(backend, task_result):
            token = _running_task.set(True)
            try:
                return execute(backend, task_result)
            finally:
                _running_task.reset(token)

        def transport(backend, messages):
            if _handling_request.get() and not _running_task.get():
                breach = f"an e-mail sent inside a request: {[m.subject for m in messages]}"
                guard.breaches.append(breach)
                raise AssertionError(breach)
            return send_messages(backend, messages)

        monkeypatch.setattr(BaseHandler, "get_response", handling_request)
        monkeypatch.setattr(ImmediateBackend, "_execute_task", running_task)
        monkeypatch.setattr(locmem.EmailBackend, "send_messages", transport)

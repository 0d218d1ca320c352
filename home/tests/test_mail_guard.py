"""No request talks to the mail server: the guard every test runs under
(``RequestMailGuard``, conftest.py) fails a test whose request reaches the transport
other than through the outbox's task."""

import contextlib

from django.conf import settings
from django.core import mail
from django.core.mail import get_connection, send_mail
from django.http import HttpResponse
from django.urls import path

import pytest

from home import outbox

pytestmark = pytest.mark.django_db


def sends_itself(request):
    # What the outbox exists to prevent: talking to the mail server inside the request.
    get_connection(settings.EMAIL_TRANSPORT).send_messages(
        [mail.EmailMessage("Subject", "Text", None, ["ines@entrepairs.example"])]
    )
    return HttpResponse("sent")


def sends_and_hides_the_error(request):
    with contextlib.suppress(AssertionError):
        sends_itself(request)
    return HttpResponse("sent?")


def through_the_outbox(request):
    send_mail("Subject", "Text", None, ["ines@entrepairs.example"])
    outbox.send("ines@entrepairs.example", "Subject", "Text", kind="other")
    return HttpResponse("recorded")


urlpatterns = [
    path("itself/", sends_itself),
    path("hidden/", sends_and_hides_the_error),
    path("outbox/", through_the_outbox),
]


@pytest.mark.urls(__name__)
def test_a_request_that_reaches_the_mail_transport_fails(client, _no_e_mail_sent_by_a_request):
    with pytest.raises(AssertionError, match="inside a request"):
        client.get("/itself/")
    assert client.get("/hidden/").status_code == 200
    # Both are recorded: the test would fail at its end even when the error is swallowed.
    assert len(_no_e_mail_sent_by_a_request.breaches) == 2
    _no_e_mail_sent_by_a_request.breaches.clear()
    assert mail.outbox == []


@pytest.mark.urls(__name__)
def test_send_mail_and_the_outbox_inside_a_request_pass_through_the_task(client):
    assert client.get("/outbox/").status_code == 200
    # Recorded by the request, sent by the outbox's task (run at once in tests).
    assert len(mail.outbox) == 2
    assert outbox.OutgoingEmail.objects.filter(kind="other").count() == 2


def test_outside_a_request_the_transport_is_free():
    get_connection(settings.EMAIL_TRANSPORT).send_messages(
        [mail.EmailMessage("Subject", "Text", None, ["ines@entrepairs.example"])]
    )
    assert len(mail.outbox) == 1

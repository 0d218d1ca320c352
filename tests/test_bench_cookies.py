"""The bench's members send the cookies a browser sends after its first page
(``bench.site.member_cookies``): with them a page keeps the CSRF secret it is sent (Django
sends the cookie back to renew its expiry), as for a member's second page; with the
session's alone, every request would make a new secret."""

from django.conf import settings
from django.http.cookie import parse_cookie
from django.test import Client
from django.urls import reverse
from django.utils import translation

from bench.site import member_cookies, session_cookie


def client_with(cookie_header):
    client = Client(HTTP_HOST="127.0.0.1")
    for name, value in parse_cookie(cookie_header).items():
        client.cookies[name] = value
    return client


def my_learning():
    with translation.override("fr"):
        return reverse("my_learning")


def test_a_member_page_with_the_bench_cookies_keeps_their_csrf_secret(peer):
    cookies = member_cookies(peer.username)
    sent = parse_cookie(cookies)[settings.CSRF_COOKIE_NAME]
    response = client_with(cookies).get(my_learning())
    assert response.status_code == 200
    assert b"csrfmiddlewaretoken" in response.content  # the header's "Log out" form
    assert response.cookies[settings.CSRF_COOKIE_NAME].value == sent


def test_with_the_session_cookie_alone_each_request_gets_a_new_csrf_cookie(peer):
    cookie = session_cookie(peer.username)
    first = client_with(cookie).get(my_learning())
    second = client_with(cookie).get(my_learning())
    assert first.status_code == second.status_code == 200
    assert first.cookies[settings.CSRF_COOKIE_NAME].value
    assert (
        first.cookies[settings.CSRF_COOKIE_NAME].value
        != second.cookies[settings.CSRF_COOKIE_NAME].value
    )

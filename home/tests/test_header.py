"""The header: the member's own pages gathered under their name, nothing of theirs for visitors."""

from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db


def test_a_member_finds_their_account_pages_under_their_name(client, peer):
    client.force_login(peer)
    page = client.get("/fr/").content.decode()
    menu = page[page.index('<details class="account-menu">') : page.index("</details>")]
    assert reverse("account_security") in menu and reverse("my_data") in menu
    assert "(votre compte)" in menu
    assert reverse("notification_list") in page


def test_a_visitor_sees_only_the_login_link(client):
    page = client.get("/fr/").content.decode()
    assert "account-menu" not in page and reverse("my_data") not in page
    assert reverse("login") in page

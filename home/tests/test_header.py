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


def test_nothing_of_a_members_spaces_shows_while_their_code_is_awaited(client, trainer):
    """A member with a second factor who has not given the code yet sees their name and
    "Log out" in the header, not their spaces (``personal.code_step_pending``)."""
    from accounts import twofactor
    from accounts.testing import give_device

    give_device(trainer)
    client.force_login(trainer, verified=False)
    session = client.session
    session[twofactor.HAS_DEVICE_SESSION_KEY] = True
    session.save()
    page = client.get(reverse("two_factor_verify")).content.decode()
    assert reverse("logout") in page and 'class="site-header__user"' in page
    assert reverse("my_learning") not in page and "account-menu" not in page

    client.force_login(trainer)  # the code given
    page = client.get(reverse("my_learning")).content.decode()
    assert 'class="quick-links"' in page and "account-menu" in page

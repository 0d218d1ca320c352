"""A member's contributions and notifications under their data rights: export and erasure."""

from django.utils.html import escape

import pytest

from home.factories import ContributionPageFactory, UserFactory
from home.models import ContributionPage, Notification
from privacy.registry import sections
from privacy.services import erase_member, request_erasure

pytestmark = pytest.mark.django_db


def test_an_erased_author_s_contributions_stay_published_as_a_former_member(client, section):
    author = UserFactory(roles=["peer"], first_name="Zéphyrine", last_name="Ardoise")
    coordinator = UserFactory(roles=["coordinator"])
    page = ContributionPageFactory(
        parent=section("contributions"), owner=author, author=author, title="Ce qui m'a aidé"
    )
    assert page.signature == ContributionPage.BY_NAME
    reader = UserFactory(roles=["peer"])
    client.force_login(reader)
    assert "Zéphyrine" in client.get(page.url).content.decode()

    erase_member(request_erasure(author), by=coordinator)

    shown = client.get(page.url).content.decode()
    assert "Zéphyrine" not in shown and "Ardoise" not in shown
    assert escape("ancien·ne membre") in shown


def test_notifications_are_exported_then_erased_with_the_account(section):
    member = UserFactory(roles=["peer"])
    coordinator = UserFactory(roles=["coordinator"])
    Notification.objects.create(recipient=member, kind=Notification.KINDS[0][0], link="/fr/")
    exported = {section.key: section.export(member) for section in sections()}
    assert len(exported["notifications"]) == 1
    assert exported["notifications"][0]["link"] == "/fr/"

    erase_member(request_erasure(member), by=coordinator)

    assert not Notification.objects.filter(recipient=member).exists()

"""Entries shared with the group after validation, and coordinators' figures (counts only)."""

from django.urls import reverse
from django.utils.html import escape

import pytest

from home.charter import acknowledge, current_charter
from home.factories import UserFactory
from practice_analysis.factories import PracticeGroupFactory, ReflectiveEntryFactory
from practice_analysis.models import EntryRead, PracticeGroupPage, ReflectiveEntry
from practice_analysis.states import move

pytestmark = pytest.mark.django_db
E = ReflectiveEntry


def person(role):
    user = UserFactory(roles=[role])
    acknowledge(user, current_charter(), "fr")
    return user


@pytest.fixture
def people():
    return {"author": person("peer"), "mate": person("peer"), "supervisor": person("supervisor")}


@pytest.fixture
def validated(people):
    group = PracticeGroupFactory(
        members=[people["author"], people["mate"]], supervisors=[people["supervisor"]]
    )
    entry = ReflectiveEntryFactory(
        author=people["author"], group=group, description="Un texte à ne lire qu'au sein du groupe."
    )
    for state, who in [
        (E.SUBMITTED, "author"),
        (E.IN_REVIEW, "supervisor"),
        (E.VALIDATED, "supervisor"),
    ]:
        move(entry, state, people[who])
    return entry


def share(client, entry, author, value="yes"):
    client.force_login(author)
    client.post(reverse("entry_share", kwargs={"pk": entry.pk}), {"share": value})


def test_a_shared_entry_is_read_by_the_group_and_the_read_recorded(client, people, validated):
    share(client, validated, people["author"])
    client.force_login(people["mate"])
    page = PracticeGroupPage.objects.get(group=validated.group)
    assert escape(validated.title) in client.get(page.url).content.decode()
    response = client.get(reverse("shared_entry", kwargs={"pk": validated.pk}))
    assert escape("Un texte à ne lire qu'au sein du groupe.") in response.content.decode()
    read = EntryRead.objects.get(entry=validated, reader=people["mate"])
    assert read.capacity == EntryRead.GROUP_MEMBER


def test_an_unshared_entry_is_a_404_for_the_group(client, people, validated):
    client.force_login(people["mate"])
    assert client.get(reverse("shared_entry", kwargs={"pk": validated.pk})).status_code == 404


def test_sharing_can_be_taken_back(client, people, validated):
    share(client, validated, people["author"])
    share(client, validated, people["author"], value="no")
    client.force_login(people["mate"])
    assert client.get(reverse("shared_entry", kwargs={"pk": validated.pk})).status_code == 404


def test_only_a_validated_entry_can_be_shared(client, people):
    group = PracticeGroupFactory(members=[people["author"], people["mate"]])
    draft = ReflectiveEntryFactory(author=people["author"], group=group)
    share(client, draft, people["author"])
    draft.refresh_from_db()
    assert not draft.shared_with_group


@pytest.mark.parametrize("role", ["peer", "trainer", "coordinator", "supervisor"])
def test_a_shared_entry_is_a_404_outside_the_group(client, people, validated, role):
    share(client, validated, people["author"])
    client.force_login(person(role))
    assert client.get(reverse("shared_entry", kwargs={"pk": validated.pk})).status_code == 404


def test_coordinators_see_counts_and_never_content(client, validated):
    client.force_login(person("coordinator"))
    response = client.get(reverse("practice_entry_figures"))
    page = response.content.decode()
    assert response.status_code == 200 and escape(validated.group.name) in page
    for secret in (validated.title, validated.description):
        assert secret not in page and escape(secret) not in page


@pytest.mark.parametrize("role", ["peer", "trainer", "supervisor"])
def test_other_roles_cannot_see_the_figures(client, validated, role):
    client.force_login(person(role))
    assert client.get(reverse("practice_entry_figures")).status_code in (302, 403)


@pytest.mark.parametrize("role", ["coordinator", "trainer"])
def test_coordinators_and_trainers_cannot_read_entries_anywhere(client, validated, role):
    share(client, validated, validated.author)
    client.force_login(person(role))
    for name in ("entry_detail", "supervision_entry", "shared_entry"):
        assert client.get(reverse(name, kwargs={"pk": validated.pk})).status_code == 404

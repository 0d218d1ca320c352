"""Practice analysis moves its own version alone (``practice_analysis/signals.py``): a
group's session log, workshop record or entry never makes the site's or training's caches
stale, and a change of who belongs to a group reaches them at once."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from courses.factories import lessons_of, make_course
from courses.services import TRAINING
from home.cache import ROLES, SITE, content_versions, version
from home.factories import UserFactory
from home.fragments import fragment_key
from home.member_cache import member_groups
from practice_analysis.factories import PracticeGroupFactory, ReflectiveEntryFactory
from practice_analysis.models import CodevWorkshopPage, PracticeGroupPage, PracticeSessionPage
from practice_analysis.services import PRACTICE, supervised_group_ids

pytestmark = pytest.mark.django_db


def versions():
    return {name: version(name) for name in (*content_versions(), ROLES)}


def moved(before):
    return {name for name, value in versions().items() if value != before[name]}


def queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


@pytest.fixture
def scribe():
    return UserFactory(roles=["peer"])


@pytest.fixture
def group_page(scribe):
    group = PracticeGroupFactory(members=[scribe], supervisors=[UserFactory(roles=["supervisor"])])
    return PracticeGroupPage.objects.get(group=group)


def test_a_session_log_moves_practice_alone_and_training_s_caches_stay(
    client, section, peer, group_page, scribe
):
    catalogue = section("courses")
    course = make_course(catalogue, title="Écoute active", lessons=1, translate=False)
    lesson = lessons_of(course)[0]
    client.force_login(peer)
    for url in (lesson.url, catalogue.url):
        client.get(url)
    warm = {url: queries(client, url) for url in (lesson.url, catalogue.url)}
    kept = [fragment_key("lesson-blocks", "fr", lesson), fragment_key("module-card", "fr", course)]
    before = versions()

    log = PracticeSessionPage(
        title="Séance d'octobre",
        date=datetime.date(2026, 10, 6),
        session_format="app",
        situation="<p>Un adhérent a parlé d'un appel difficile.</p>",
        live=False,
    )
    group_page.add_child(instance=log)
    log.save_revision(user=scribe).publish()
    workshop = CodevWorkshopPage(
        title="Atelier de novembre",
        subject="Comment dire non sans blesser ?",
        date=datetime.date(2026, 11, 3),
        expose_summary="<p>Une adhérente sollicite beaucoup la cliente.</p>",
        live=False,
    )
    group_page.add_child(instance=workshop)
    workshop.save_revision(user=scribe).publish()
    log.delete()

    assert moved(before) == {PRACTICE}
    # The same keys, still filled: nothing of the lesson or the catalogue is read again.
    assert [
        fragment_key("lesson-blocks", "fr", lesson),
        fragment_key("module-card", "fr", course),
    ] == kept
    assert {url: queries(client, url) for url in warm} == warm


def test_a_session_log_s_draft_moves_nothing(group_page, scribe):
    log = PracticeSessionPage(
        title="Séance d'octobre",
        date=datetime.date(2026, 10, 6),
        session_format="app",
        situation="<p>Un adhérent a parlé d'un appel difficile.</p>",
        live=False,
    )
    group_page.add_child(instance=log)
    before = versions()
    log.situation = "<p>Un adhérent a parlé d'un appel, et de la suite.</p>"
    log.save_revision(user=scribe)
    assert moved(before) == set()


def test_an_entry_moves_nothing(group_page, scribe):
    before = versions()
    entry = ReflectiveEntryFactory(author=scribe, group=group_page.group)
    entry.title = "Un appel, plus tard"
    entry.save()
    assert moved(before) == set()


def test_joining_a_group_reaches_the_member_at_once_and_leaves_the_site_and_training(
    group_page,
):
    group = group_page.group
    newcomer, supervisor = UserFactory(roles=["peer"]), UserFactory(roles=["supervisor"])
    assert group.access_group_id not in member_groups(newcomer)
    assert supervised_group_ids(supervisor) == []
    before = versions()
    group.members.add(newcomer)
    group.supervisors.add(supervisor)
    assert group.access_group_id in member_groups(newcomer)
    assert supervised_group_ids(supervisor) == [group.pk]
    assert ROLES in moved(before)
    assert not moved(before) & {SITE, TRAINING}

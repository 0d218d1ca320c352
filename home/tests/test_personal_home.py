"""The member's own home (home.personal): what waits for each role, and nobody else's.

Logged in, the home page shows each app's panels: "Continue", what waits (entries returned,
contributions to change, unread notifications, reviews to do, cohorts needing attention)
and progress; anonymous visitors keep the public page. A member never reads another's.
"""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from courses.factories import lessons_of, make_course
from courses.models import Cohort, Enrollment
from courses.services import complete_lesson, enrol
from home.charter import acknowledge, current_charter
from home.factories import ContributionPageFactory, UserFactory
from home.models import Notification
from home.notifications import notify
from home.personal import AREAS, Panel, panels_for, register_panel, registered_panels
from practice_analysis.factories import PracticeGroupFactory, ReflectiveEntryFactory
from practice_analysis.models import ReflectiveEntry

pytestmark = pytest.mark.django_db


def person(*roles, first_name=""):
    user = UserFactory(roles=list(roles), first_name=first_name)
    acknowledge(user, current_charter(), "fr")
    return user


def home(client, section, language="fr"):
    response = client.get(section("home", language).url)
    assert response.status_code == 200
    return response, response.content.decode()


def returned_entry(author, group, title):
    return ReflectiveEntryFactory(
        author=author, group=group, title=title, state=ReflectiveEntry.CHANGES_REQUESTED
    )


def contribution_sent_back(section, author, reviewer, title):
    page = ContributionPageFactory(
        parent=section("contributions"), owner=author, title=title, publish=False
    )
    workflow_state = page.get_workflow().start(page, author)
    workflow_state.current_task_state.reject(user=reviewer)
    return page


def test_anonymous_visitors_see_the_public_home(client, section):
    response, page = home(client, section)
    assert "Ce qui vous attend" not in page
    assert section("home").title in page
    assert "no-store" not in response.get("Cache-Control", "")
    # A shared cache keeps the public page apart from any member's.
    assert "Cookie" in response["Vary"]


def test_a_peer_is_led_to_the_exact_next_lesson(client, section):
    peer = person("peer", first_name="Alice")
    course = make_course(section("courses"), title="Écouter sans juger", lessons=3)
    enrol(peer, course)
    complete_lesson(peer, course, lessons_of(course)[0])
    client.force_login(peer)
    response, page = home(client, section)
    assert "Bonjour Alice" in page
    next_lesson = lessons_of(course)[1]
    assert f'href="{next_lesson.url}"' in page
    assert "Écouter sans juger" in page
    assert "33" in page  # progress (under "Your modules")
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_continue_follows_the_language_of_the_page(client, section):
    peer = person("peer")
    course = make_course(section("courses"), title="Écouter", lessons=2)
    enrol(peer, course)
    client.force_login(peer)
    _response, page = home(client, section, "en")
    assert "Continue your training" in page
    assert "/en/" in page and "Lesson 1" in page


def test_a_member_without_a_module_is_shown_the_catalogue(client, section):
    client.force_login(person("peer"))
    _response, page = home(client, section)
    assert section("courses").url in page
    assert "Rien ne vous attend pour le moment." in page


def test_a_peer_sees_their_returned_entries_and_contributions_and_notifications(client, section):
    peer = person("peer")
    trainer = person("trainer")
    group = PracticeGroupFactory(members=[peer])
    entry = returned_entry(peer, group, "Mon appel du mardi")
    contribution_sent_back(section, peer, trainer, "Oser dire non")
    notify(peer, Notification.CHANGES_REQUESTED, {"title": "Oser dire non"})
    client.force_login(peer)
    _response, page = home(client, section)
    assert "Mon appel du mardi" in page
    assert reverse("entry_detail", args=[entry.pk]) in page
    assert "Oser dire non" in page
    assert reverse("notification_list") in page


def test_a_supervisor_sees_how_many_reviews_wait_never_a_title(client, section):
    supervisor = person("supervisor")
    author = person("peer")
    group = PracticeGroupFactory(members=[author], supervisors=[supervisor])
    ReflectiveEntryFactory(
        author=author, group=group, title="Titre confidentiel", state=ReflectiveEntry.SUBMITTED
    )
    client.force_login(supervisor)
    _response, page = home(client, section)
    assert "1 écrit ou compte rendu attend votre relecture" in page
    assert reverse("supervision_queue") in page
    assert "Titre confidentiel" not in page


def test_a_trainer_sees_the_cohorts_whose_learners_went_quiet(client, section):
    trainer = person("trainer")
    quiet, active = person("peer"), person("peer")
    course = make_course(section("courses"), lessons=1, translate=False)
    today = timezone.localdate()
    cohort = Cohort.objects.create(
        name="Promotion d'automne",
        start_date=today - timedelta(days=30),
        end_date=today + timedelta(days=30),
    )
    cohort.trainers.add(trainer)
    cohort.members.add(quiet, active)
    cohort.modules.add(course)
    enrol(quiet, course)
    Enrollment.objects.filter(user=quiet).update(
        last_activity_at=timezone.now() - timedelta(days=20)
    )
    enrol(active, course)
    ended = Cohort.objects.create(
        name="Promotion passée",
        start_date=today - timedelta(days=300),
        end_date=today - timedelta(days=200),
    )
    ended.trainers.add(trainer)
    ended.members.add(quiet)
    client.force_login(trainer)
    _response, page = home(client, section)
    assert "Promotion d&#x27;automne : 1 apprenant·e" in page
    assert reverse("cohorts:report", args=[cohort.pk]) in page
    assert "Promotion passée" not in page
    # A peer of the cohort is not told of it.
    client.force_login(quiet)
    _response, page = home(client, section)
    assert "Promotion d" not in page


def test_a_coordinator_sees_cohorts_and_notifications_never_entries(client, section):
    coordinator = person("coordinator")
    author = person("peer")
    group = PracticeGroupFactory(members=[author])
    returned_entry(author, group, "Écrit d'un pair")
    today = timezone.localdate()
    cohort = Cohort.objects.create(
        name="Promotion de printemps",
        start_date=today - timedelta(days=1),
        end_date=today + timedelta(days=60),
    )
    cohort.members.add(author)
    notify(coordinator, Notification.CHANGES_REQUESTED, {"title": "Page du site"})
    client.force_login(coordinator)
    _response, page = home(client, section)
    assert "Promotion de printemps" in page
    assert reverse("notification_list") in page
    assert "Écrit d" not in page


def test_nothing_of_one_member_shows_to_another_or_to_a_visitor(client, section):
    alice, bob = person("peer", first_name="Alice"), person("peer", first_name="Bob")
    trainer = person("trainer")
    group = PracticeGroupFactory(members=[alice, bob])
    returned_entry(alice, group, "Le secret d'Alice")
    contribution_sent_back(section, alice, trainer, "Brouillon d'Alice")
    course = make_course(section("courses"), title="Module d'Alice", lessons=2)
    enrol(alice, course)
    notify(alice, Notification.CHANGES_REQUESTED, {"title": "Brouillon d'Alice"})

    client.force_login(alice)
    _response, page = home(client, section)
    for word in ("Le secret d", "Brouillon d", "Module d", "que vous n"):
        assert word in page, word
    client.force_login(bob)
    _response, page = home(client, section)
    assert "Bonjour Bob" in page
    for word in ("Alice", "Le secret d", "Brouillon d", "Module d", "que vous n"):
        assert word not in page, word
    client.logout()
    _response, page = home(client, section)
    for word in ("Alice", "Le secret d", "Brouillon d", "Module d", "Bob"):
        assert word not in page, word


def test_a_member_with_a_code_to_give_sees_nothing_of_theirs_yet(client, section):
    trainer = person("trainer")
    group = PracticeGroupFactory(members=[trainer])
    returned_entry(trainer, group, "Écrit à protéger")
    client.force_login(trainer, verified=False)
    response = client.get(section("home").url)
    assert "Écrit à protéger" not in response.content.decode()


def count_queries(client, url):
    for _visit in range(2):
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_cost_does_not_grow_with_modules_entries_or_groups(client, section):
    """Queries are the same with 2 and 20 modules, 1 and 10 groups (and their entries)."""
    peer = person("peer", "supervisor", "trainer")
    catalogue = section("courses")
    today = timezone.localdate()

    def add(modules, groups):
        for _index in range(modules):
            course = make_course(catalogue, lessons=2, quiz_on_last=False, translate=False)
            enrol(peer, course)
            complete_lesson(peer, course, lessons_of(course)[0])
            cohort = Cohort.objects.create(
                name="Promotion",
                start_date=today - timedelta(days=1),
                end_date=today + timedelta(days=9),
            )
            cohort.trainers.add(peer)
            cohort.members.add(person("peer"))
            cohort.modules.add(course)
        for _index in range(groups):
            other = person("peer")
            group = PracticeGroupFactory(members=[peer, other], supervisors=[peer])
            returned_entry(peer, group, "Un écrit")
            ReflectiveEntryFactory(author=other, group=group, state=ReflectiveEntry.SUBMITTED)

    client.force_login(peer)
    url = section("home").url
    add(modules=2, groups=1)
    few = count_queries(client, url)
    add(modules=18, groups=9)
    many = count_queries(client, url)
    print(f"personal home: {few} queries with 2 modules and 1 group, {many} with 20 and 10")
    assert few == many, (few, many)
    assert few <= 25, few


def test_an_app_registers_a_panel_and_it_shows_in_its_area(rf, peer):
    seen = []

    def builder(request):
        seen.append(request.user)
        return Panel("home/panels/waiting.html", {"message": "Une séance demain."})

    register_panel("test_upcoming", builder=builder, order=5)
    try:
        request = rf.get("/")
        request.user = peer
        request.session = {}
        shown = panels_for(request)
        assert shown["waiting"][0].context["message"] == "Une séance demain."
        assert seen == [peer]
        assert set(shown) == set(AREAS)
    finally:
        from home import personal

        personal._registry.pop("test_upcoming")
    assert "test_upcoming" not in {panel.key for panel in registered_panels()}


def test_an_unknown_area_is_refused():
    with pytest.raises(ValueError):
        register_panel("nowhere", builder=lambda request: None, area="sidebar")


def test_a_peers_home_costs_six_queries_and_reads_no_finished_module_s_lessons(client, section):
    """A completed module is counted from its enrollment: the lessons done are read for the
    modules under way only, so what the member finished over the years adds no rows."""
    peer = person("peer", first_name="Alice")
    catalogue = section("courses")
    going = make_course(catalogue, title="En cours", lessons=2, translate=False)
    enrol(peer, going)
    complete_lesson(peer, going, lessons_of(going)[0])
    finished = []
    for index in range(3):
        course = make_course(catalogue, title=f"Fini {index}", lessons=1, translate=False)
        enrol(peer, course)
        complete_lesson(peer, course, lessons_of(course)[0])
        finished.append(course)
    assert Enrollment.objects.filter(user=peer, status=Enrollment.COMPLETED).count() == 3
    client.force_login(peer)
    url = section("home").url
    for _visit in range(2):
        client.get(url)
    with CaptureQueriesContext(connection) as captured:
        page = client.get(url).content.decode()
    assert len(captured) == 6, [query["sql"] for query in captured]
    lessons_done = [q["sql"] for q in captured if "courses_lessoncompletion" in q["sql"]]
    assert len(lessons_done) == 1
    assert going.translation_key.hex in lessons_done[0]
    assert not any(course.translation_key.hex in lessons_done[0] for course in finished)
    assert "3 modules terminés." in page and "En cours" in page and "50" in page


def test_a_returned_contribution_is_named_from_the_page_table_alone(client, section):
    peer, trainer = person("peer"), person("trainer")
    page = contribution_sent_back(section, peer, trainer, "Mon témoignage")
    client.force_login(peer)
    with CaptureQueriesContext(connection) as captured:
        _response, html = home(client, section)
    assert "Mon témoignage" in html and reverse("share_edit", args=[page.pk]) in html
    read = [q["sql"] for q in captured if "wagtailcore_workflowstate" in q["sql"]]
    assert len(read) == 1 and "home_contributionpage" not in read[0]
    if connection.vendor == "sqlite":
        # The member's own workflow states, not every contribution's of the network.
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {read[0]}")
            plan = " ".join(str(row[-1]) for row in cursor.fetchall())
        assert "requested_by_id" in plan and "content_type_id" not in plan, plan

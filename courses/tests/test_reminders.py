"""Gentle reminders of an idle module (``courses/reminders.py``): one kind message with a
link to where the learner stopped, at most one per period, "not now" and "stop" that work,
nothing for finished modules nor for learners who left the cohort, and a daily job whose
queries do not grow with the number of learners."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale
from wagtail.users.models import UserProfile

import pytest

from courses import reminders
from courses.factories import lessons_of, make_course
from courses.models import Cohort, Enrollment, ModuleReminder, ReminderOptOut
from courses.notifications import IDLE_MODULE
from courses.services import complete_lesson, enrol
from home.factories import UserFactory
from home.models import Notification
from home.schedule import jobs

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def course(section):
    return make_course(section("courses"), quiz_on_last=False)


def idle(learner, course, days=15):
    """The learner started the module and made no progress for ``days`` days."""
    Enrollment.objects.filter(user=learner, course_key=course.translation_key).update(
        last_activity_at=timezone.now() - days * DAY
    )


def started(course, learner=None, lessons_done=1, days=15):
    learner = learner or UserFactory(roles=["peer"])
    enrol(learner, course)
    for lesson in lessons_of(course)[:lessons_done]:
        complete_lesson(learner, course, lesson)
    idle(learner, course, days)
    return learner


def reminders_of(learner):
    return list(Notification.objects.filter(recipient=learner, kind=IDLE_MODULE))


def test_the_job_is_scheduled_every_morning():
    job = next(job for job in jobs() if job.key == "idle_module_reminders")
    assert job.at == datetime.time(10, 0)


def test_an_idle_learner_gets_one_kind_message_with_a_link_to_where_they_stopped(
    course, mailoutbox
):
    learner = started(course)
    second = lessons_of(course)[1]
    assert reminders.send_due_reminders() == 1
    (notification,) = reminders_of(learner)
    assert notification.link.startswith(second.url + "?reminder=")
    assert notification.params == {"course": course.title}
    (mail,) = [mail for mail in mailoutbox if learner.email in mail.to]
    assert course.title in mail.body and "whenever you are ready" not in mail.body  # French
    assert "quand vous serez prêt" in mail.body
    # Run again the same day, or the next days: nothing more.
    assert reminders.send_due_reminders() == 0
    assert reminders.send_due_reminders(timezone.now() + 10 * DAY) == 0
    assert len(reminders_of(learner)) == 1


def test_the_message_is_in_the_learner_s_language(course, mailoutbox):
    learner = started(course)
    profile = UserProfile.get_for_user(learner)
    profile.preferred_language = "en"
    profile.save()
    reminders.send_due_reminders()
    (notification,) = reminders_of(learner)
    english = lessons_of(course)[1].get_translation(Locale.objects.get(language_code="en"))
    assert notification.link.startswith(english.url + "?reminder=")
    (mail,) = mailoutbox
    assert "is waiting for you, whenever you are ready" in mail.body


def test_never_more_than_one_per_period_per_member(course, section):
    other = make_course(section("courses"), title="Un autre module", quiz_on_last=False)
    learner = started(course)
    started(other, learner)
    assert reminders.send_due_reminders() == 1
    assert len(reminders_of(learner)) == 1
    # Within the period, the other module waits; after it, its turn comes.
    assert reminders.send_due_reminders(timezone.now() + 13 * DAY) == 0
    assert reminders.send_due_reminders(timezone.now() + 15 * DAY) == 1
    assert len(reminders_of(learner)) == 2
    assert reminders.send_due_reminders(timezone.now() + 40 * DAY) == 0


def test_a_learner_not_idle_long_enough_gets_nothing(course):
    learner = started(course, days=13)
    assert reminders.send_due_reminders() == 0
    assert reminders_of(learner) == []


@override_settings(ENTREPAIRS_IDLE_REMINDER_DAYS=7)
def test_the_period_is_a_setting(course):
    learner = started(course, days=8)
    assert reminders.send_due_reminders() == 1
    assert len(reminders_of(learner)) == 1


def test_progress_then_a_new_quiet_stretch_brings_one_more(course):
    learner = started(course, days=60)
    assert reminders.send_due_reminders(timezone.now() - 40 * DAY) == 1
    complete_lesson(learner, course, lessons_of(course)[1])
    idle(learner, course, days=20)
    assert reminders.send_due_reminders() == 1
    assert len(reminders_of(learner)) == 2


def test_finished_modules_paused_modules_and_inactive_accounts_get_nothing(course):
    finished = started(course, lessons_done=3)
    assert Enrollment.objects.get(user=finished).status == Enrollment.COMPLETED
    Enrollment.objects.filter(user=finished).update(last_activity_at=timezone.now() - 30 * DAY)
    paused = started(course)
    Enrollment.objects.filter(user=paused).update(status=Enrollment.PAUSED)
    gone = started(course)
    gone.is_active = False
    gone.save()
    assert reminders.send_due_reminders() == 0
    assert Notification.objects.filter(kind=IDLE_MODULE).count() == 0


def test_a_cohort_s_module_reminds_its_current_learners_only(course):
    staying, leaving, outsider = (started(course) for _ in range(3))
    cohort = Cohort.objects.create(
        name="Promo", start_date=datetime.date(2026, 1, 1), end_date=datetime.date(2026, 12, 31)
    )
    cohort.modules.add(course)
    cohort.members.add(staying, leaving)
    cohort.members.remove(leaving)
    assert reminders.send_due_reminders() == 1
    assert len(reminders_of(staying)) == 1
    assert reminders_of(leaving) == [] and reminders_of(outsider) == []


def test_not_now_holds_the_module_for_another_period_then_one_more(client, course):
    learner = started(course)
    reminders.send_due_reminders()
    token = reminders.token_for(learner, course.translation_key)
    client.force_login(learner)
    response = client.get(reverse("reminder_not_now", args=[token]))
    assert response.status_code == 200
    assert "Pas maintenant" in response.content.decode()
    snooze = ModuleReminder.objects.get(user=learner).snoozed_until
    assert snooze > timezone.now() + 13 * DAY
    assert reminders.send_due_reminders(timezone.now() + 13 * DAY) == 0
    assert reminders.send_due_reminders(timezone.now() + 15 * DAY) == 1
    assert reminders.send_due_reminders(timezone.now() + 40 * DAY) == 0
    assert len(reminders_of(learner)) == 2


def test_stop_ends_every_reminder_in_one_click_and_can_be_undone(client, course, section):
    learner = started(course)
    reminders.send_due_reminders()
    other = make_course(section("courses"), title="Un autre module", quiz_on_last=False)
    started(other, learner)
    client.force_login(learner)
    token = reminders.token_for(learner, course.translation_key)
    assert client.get(reverse("reminders_stop", args=[token])).status_code == 200
    assert ReminderOptOut.objects.filter(user=learner).exists()
    assert reminders.send_due_reminders(timezone.now() + 60 * DAY) == 0
    response = client.post(reverse("reminders_resume"))
    assert response.status_code == 302
    assert not ReminderOptOut.objects.filter(user=learner).exists()
    assert reminders.send_due_reminders(timezone.now() + 60 * DAY) == 1


def test_my_learning_switches_reminders_off_and_on(client, course):
    learner = started(course)
    client.force_login(learner)
    page = client.get(reverse("my_learning")).content.decode()
    assert reverse("reminders_off") in page and reverse("reminders_resume") not in page
    assert client.get(reverse("reminders_off")).status_code == 405
    response = client.post(reverse("reminders_off"), follow=True)
    assert ReminderOptOut.objects.filter(user=learner).exists()
    page = response.content.decode()
    assert reverse("reminders_resume") in page and reverse("reminders_off") not in page
    assert reminders.send_due_reminders(timezone.now() + 60 * DAY) == 0
    client.post(reverse("reminders_resume"))
    assert not ReminderOptOut.objects.filter(user=learner).exists()


def test_the_lesson_a_reminder_leads_to_offers_not_now_and_stop(client, course):
    learner = started(course)
    reminders.send_due_reminders()
    (notification,) = reminders_of(learner)
    client.force_login(learner)
    page = client.get(notification.link).content.decode()
    assert "Pas maintenant" in page and "Arrêter ces rappels" in page
    # Without the token, or with another learner's, the lesson is as usual.
    assert "Arrêter ces rappels" not in client.get(lessons_of(course)[1].url).content.decode()
    client.force_login(UserFactory(roles=["peer"]))
    assert "Arrêter ces rappels" not in client.get(notification.link).content.decode()


@pytest.mark.parametrize("link", ["from a reminder", "plain", "another member's"])
def test_the_reminder_choices_are_what_their_template_renders(rf, course, link):
    from urllib.parse import parse_qs, urlsplit

    from django.template import Context, Template
    from django.template.loader import get_template

    from courses.reminders import TOKEN_PARAMETER
    from courses.templatetags.courses_tags import REMINDER_CHOICES

    learner = started(course)
    reminders.send_due_reminders()
    (notification,) = reminders_of(learner)
    token = parse_qs(urlsplit(notification.link).query)[TOKEN_PARAMETER][0]
    request = rf.get("/", {TOKEN_PARAMETER: token} if link != "plain" else {})
    request.user = learner if link != "another member's" else UserFactory(roles=["peer"])
    shown = Template("{% load courses_tags %}{% reminder_choices %}").render(
        Context({"request": request})
    )
    expected = get_template(REMINDER_CHOICES).template.render(
        Context({"token": token if link == "from a reminder" else None})
    )
    assert shown == expected
    assert (token in shown) is (link == "from a reminder")


def test_another_member_s_or_a_forged_link_is_a_404(client, course):
    learner = started(course)
    token = reminders.token_for(learner, course.translation_key)
    intruder = UserFactory(roles=["peer"])
    client.force_login(intruder)
    for name in ("reminder_not_now", "reminders_stop"):
        assert client.get(reverse(name, args=[token])).status_code == 404
        assert client.get(reverse(name, args=[token[:-2] + "xx"])).status_code == 404
    assert not ModuleReminder.objects.exists() and not ReminderOptOut.objects.exists()


def test_a_visitor_is_asked_to_log_in_and_nothing_changes(client, course):
    learner = started(course)
    token = reminders.token_for(learner, course.translation_key)
    response = client.get(reverse("reminders_stop", args=[token]))
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not ReminderOptOut.objects.exists()


def count_queries(run):
    with CaptureQueriesContext(connection) as queries:
        run()
    return len(queries)


def test_the_job_s_queries_do_not_grow_with_the_learners(course):
    """3 or 30 learners in the module, one of them due: the same queries."""

    def counts(learners):
        Notification.objects.all().delete()
        ModuleReminder.objects.all().delete()
        Enrollment.objects.all().delete()
        for _ in range(learners - 1):
            started(course, days=2)
        started(course)
        return count_queries(reminders.send_due_reminders)

    counts(3)  # caches filled: the training structure, the pages, the site
    assert counts(3) == counts(30)


def test_reading_a_batch_of_due_learners_takes_the_same_queries_for_3_and_30(course):
    def counts(learners):
        Enrollment.objects.all().delete()
        for _ in range(learners):
            started(course)
        now = timezone.now()
        with CaptureQueriesContext(connection) as queries:
            batch = list(reminders.due_enrollments(now).select_related("user"))
            reminders_in_batch = [e.user_id for e in batch]
        assert len(reminders_in_batch) == learners
        return len(queries)

    assert counts(3) == counts(30)


def test_my_data_holds_the_reminders_and_erasure_removes_them(course):
    from courses.personal_data import erase_reminders, export_reminders

    learner = started(course)
    reminders.send_due_reminders()
    reminders.not_now(learner, course.translation_key)
    reminders.stop(learner)
    exported = export_reminders(learner)
    (row,) = exported["modules"]
    assert row["module"] == course.title and row["no_reminder_before"]
    assert exported["stopped_at"]
    erase_reminders(learner)
    assert export_reminders(learner) == {
        "modules": [],
        "stopped_at": None,
        "kind_words_received": [],
        "kind_words_sent": [],
    }

"""The seed_demo command: demo accounts that work, demo content in both languages, never in prod."""

import io

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import transaction
from django.urls import reverse

import pytest

from setup.site_tree import section_pages

pytestmark = pytest.mark.django_db

ACCOUNTS = {
    "alice": {"peer"},
    "bruno": {"peer"},
    "gabriel": {"peer"},
    "chloe": {"trainer"},
    "david": {"supervisor"},
    "farid": {"supervisor"},
    "emma": {"coordinator"},
}


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Seed once for this module (it takes a few seconds), roll it back after the last test."""
    out = io.StringIO()
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


def user(username):
    return get_user_model().objects.get(username=username)


@pytest.mark.parametrize(("username", "roles"), ACCOUNTS.items())
def test_demo_accounts_hold_their_roles(seeded, username, roles):
    account = user(username)

    assert roles <= set(account.groups.values_list("name", flat=True))
    assert not account.is_superuser


def test_admin_is_a_superuser(seeded):
    admin = user("admin")

    assert admin.is_superuser and admin.is_staff


@pytest.mark.parametrize("username", [*ACCOUNTS, "admin"])
def test_demo_accounts_log_in_on_the_site(client, seeded, username):
    response = client.post(
        "/fr/accounts/login/", {"username": username, "password": settings.DEMO_PASSWORD}
    )

    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(user(username).pk)


def test_wrong_password_is_refused(client, seeded):
    response = client.post("/fr/accounts/login/", {"username": "alice", "password": "wrong"})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_second_run_changes_nothing(seeded):
    out = io.StringIO()
    call_command("seed_demo", stdout=out)

    assert "seed_demo: nothing to change" in out.getvalue()
    assert "bootstrap: nothing to change" in out.getvalue()


def test_trainer_opens_the_editing_space(client, seeded):
    client.force_login(user("chloe"))

    assert client.get(reverse("wagtailadmin_home")).status_code == 200


@pytest.mark.parametrize("username", ["chloe", "david", "farid", "emma", "admin"])
def test_staff_demo_accounts_log_in_with_the_documented_two_step_secret(client, seeded, username):
    from accounts.demo import DEMO_TOTP_SECRET
    from accounts.testing import app_code
    from accounts.twofactor import confirmed_app_device, secret_for_humans

    assert secret_for_humans(confirmed_app_device(user(username))).replace(" ", "") == (
        DEMO_TOTP_SECRET
    )
    client.post("/fr/accounts/login/", {"username": username, "password": settings.DEMO_PASSWORD})
    response = client.post(reverse("two_factor_verify"), {"code": app_code(user(username))})
    assert response.status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_peer_demo_accounts_have_no_two_step_device(seeded):
    from accounts.twofactor import has_two_factor

    assert not any(has_two_factor(user(name)) for name in ("alice", "bruno", "gabriel"))


def test_peer_cannot_publish(seeded):
    contributions = section_pages("contributions")[0]

    assert not contributions.permissions_for_user(user("alice")).can_publish()


def test_refuses_to_run_with_production_settings(monkeypatch):
    monkeypatch.setattr(settings, "SETTINGS_MODULE", "config.settings.production")
    users = get_user_model().objects.count()

    with pytest.raises(CommandError, match="production"):
        call_command("seed_demo", stdout=io.StringIO())

    assert get_user_model().objects.count() == users


@pytest.mark.parametrize("language", ["fr", "en"])
def test_about_page_has_a_body_in_both_languages(seeded, language):
    about = next(p for p in section_pages("about") if p.locale.language_code == language)

    assert len(about.body) > 0


@pytest.mark.parametrize("url", ["/fr/association/partenaires/", "/en/about-us/partners/"])
def test_partners_page_is_published_in_both_languages(client, seeded, url):
    assert client.get(url).status_code == 200


def test_footer_shows_the_crisis_line_and_contact(client, seeded):
    content = client.get("/fr/").content.decode()

    assert 'href="tel:3114"' in content
    assert "contact@entrepairs.example" in content


def test_demo_contributions_are_in_both_languages_and_one_waits_for_review(seeded):
    from home.models import ContributionPage, Notification

    french = ContributionPage.objects.filter(locale__language_code="fr")
    published = french.live()

    assert published.count() >= 3
    for page in published:
        assert ContributionPage.objects.filter(
            translation_key=page.translation_key, locale__language_code="en", live=True
        ).exists()
    assert published.filter(signature=ContributionPage.ANONYMOUS).exists()
    waiting = french.filter(live=False).first()
    assert waiting.workflow_in_progress and waiting.author == user("alice")
    assert Notification.objects.filter(recipient=user("chloe"), kind="review_requested").exists()
    assert Notification.objects.filter(recipient=user("alice"), kind="approved").exists()


def test_the_anonymous_demo_contribution_does_not_name_its_author(client, seeded):
    client.force_login(user("gabriel"))

    content = client.get("/en/resources/after-a-difficult-call/?show=1").content.decode()

    assert "by a member" in content and "Bruno" not in content and "Lefèvre" not in content


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_demo_module_is_published_with_its_lessons(seeded, language):
    """The pages built from the data files, in each language, block by block."""
    from courses.models import CoursePage, LessonPage
    from setup.demo.content import load_modules

    modules = load_modules()
    courses = CoursePage.objects.live().filter(locale__language_code=language)

    assert courses.count() == len(modules)
    for module in modules:
        course = courses.get(slug=module["slug"][language])
        lessons = LessonPage.objects.child_of(course).live().order_by("path")
        assert course.title == module["title"][language]
        assert [lesson.title for lesson in lessons] == [
            lesson["title"][language] for lesson in module["lessons"]
        ]
        for page, lesson in zip(lessons, module["lessons"], strict=True):
            assert [block.block_type for block in page.body] == [
                kind for kind, _ in lesson["body"][language]
            ]
            assert len(page.easy_read_body) == len(lesson.get("easy_read", {}).get(language, []))


def test_demo_has_past_and_coming_sessions_for_each_group_and_the_cohort(seeded):
    from django.utils import timezone

    from gatherings.models import Attendance, LiveSession, SessionAnswer

    now = timezone.now()
    for audience in ["group__name", "cohort__name"]:
        names = set(
            LiveSession.objects.filter(**{f"{audience}__isnull": False}).values_list(
                audience, flat=True
            )
        )
        for name in names:
            sessions = LiveSession.objects.filter(**{audience: name})
            assert (
                sessions.filter(starts_at__lt=now).exists()
                and sessions.filter(starts_at__gt=now).exists()
            )
    assert LiveSession.objects.filter(group__isnull=False).values("group").distinct().count() == 2
    assert LiveSession.objects.filter(cohort__isnull=False).exists()
    assert SessionAnswer.objects.exists() and Attendance.objects.filter(status="present").exists()


def test_the_next_demo_workshop_has_proposals_and_a_follow_up(seeded):
    from django.utils import timezone

    from gatherings import codev
    from gatherings.models import LiveSession

    workshop = LiveSession.objects.filter(kind="codev", starts_at__gt=timezone.now()).first()
    assert workshop.subject_proposals.count() == 2
    (follow_up,) = codev.follow_ups(workshop)
    assert follow_up["actions"] and follow_up["next_follow_up"] > timezone.localdate()
    assert [p.username for p in codev.not_yet_client(workshop.group)] == ["bruno"]

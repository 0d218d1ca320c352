"""Hostile input: markup comes back escaped, forms never crash, no open redirect, CSRF holds.

The project's own forms with free text are the reflective entry (every Gibbs section, title,
setting, question), the supervisor's review (overall and per-section comments) and the
reflection notes of lessons. Page forms (group records, contributions) live in the Wagtail
admin: their rich text goes through Draftail, which keeps typed markup as text and drops
``javascript:`` links (tested below); their other fields are escaped by the templates.
"""

import json

from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils.html import escape

from wagtail.admin.rich_text import DraftailRichTextArea

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.testing import VerifiedClient
from courses.factories import lessons_of, make_course
from courses.models import ReflectionNote
from home.charter import acknowledge, current_charter
from home.factories import UserFactory
from practice_analysis.factories import PracticeGroupFactory, ReflectiveEntryFactory
from practice_analysis.forms import ReflectiveEntryForm, ReviewForm
from practice_analysis.models import EntryReview, ReflectiveEntry
from practice_analysis.services import member_groups

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert('xss')</script>",
    '"><img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">lien</a>',
    "{{ request.user.password }}{% debug %}",
]
TEXT_FIELDS = [
    "title",
    *[name for name, _label, _help in ReflectiveEntry.GIBBS_SECTIONS],
    "question_for_supervisor",
]


def person(role):
    user = UserFactory(roles=[role])
    acknowledge(user, current_charter(), "fr")
    return user


@pytest.fixture
def author():
    return person("peer")


@pytest.fixture
def supervisor():
    return person("supervisor")


@pytest.fixture
def group(author, supervisor):
    return PracticeGroupFactory(members=[author], supervisors=[supervisor])


def assert_escaped(page, payload):
    """Shown as text: escaped markup, and template syntax left as typed (never evaluated)."""
    assert escape(payload) in page
    if escape(payload) != payload:
        assert payload not in page


@pytest.mark.parametrize("payload", PAYLOADS)
def test_entry_texts_come_back_escaped_to_the_author_and_the_supervisor(
    client, author, supervisor, group, payload
):
    client.force_login(author)
    data = {
        "group": group.pk,
        "setting": "phone",
        **{name: f"{name} {payload}" for name in TEXT_FIELDS},
    }
    response = client.post(reverse("entry_create"), data)
    assert response.status_code == 302
    entry = ReflectiveEntry.objects.get(author=author)
    for url in (reverse("entry_detail", args=[entry.pk]), reverse("entry_edit", args=[entry.pk])):
        page = client.get(url).content.decode()
        for name in TEXT_FIELDS:
            assert_escaped(page, f"{name} {payload}")

    entry.state = ReflectiveEntry.SUBMITTED
    entry.save()
    client.force_login(supervisor)
    page = client.get(reverse("supervision_entry", args=[entry.pk])).content.decode()
    for name in TEXT_FIELDS:
        assert_escaped(page, f"{name} {payload}")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_review_comments_come_back_escaped_to_the_author(
    client, author, supervisor, group, payload
):
    entry = ReflectiveEntryFactory(author=author, group=group, state=ReflectiveEntry.SUBMITTED)
    client.force_login(supervisor)
    client.post(reverse("supervision_take", args=[entry.pk]))
    section = ReflectiveEntry.GIBBS_SECTIONS[0][0]
    response = client.post(
        reverse("supervision_review", args=[entry.pk]),
        {
            "decision": ReflectiveEntry.CHANGES_REQUESTED,
            "overall_comment": f"overall {payload}",
            f"{section}__questions": f"question {payload}",
        },
    )
    assert response.status_code == 302
    assert EntryReview.objects.filter(entry=entry).exists()
    client.force_login(author)
    page = client.get(reverse("entry_detail", args=[entry.pk])).content.decode()
    assert_escaped(page, f"overall {payload}")
    assert_escaped(page, f"question {payload}")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_reflection_notes_come_back_escaped(client, section, payload):
    learner = person("peer")
    client.force_login(learner)
    course = make_course(section("courses"))
    first = lessons_of(course)[0]
    block_id = next(b.id for b in first.body if b.block_type == "reflection")
    client.post(course.url + "enrol/")
    client.post(f"{first.url}notes/{block_id}/", {"text": f"note {payload}"})
    assert ReflectionNote.objects.get(user=learner).text == f"note {payload}"
    for url in (first.url, reverse("my_learning")):
        assert_escaped(client.get(url).content.decode(), f"note {payload}")


# Property-based: whatever is typed, the forms answer with a message or save it.

FREE_TEXT = st.text(max_size=400)
NO_DB_HEALTH = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@NO_DB_HEALTH
@given(
    texts=st.fixed_dictionaries(dict.fromkeys(TEXT_FIELDS, FREE_TEXT)),
    month=st.one_of(st.just(""), st.text(max_size=10), st.from_regex(r"\A20[0-3]\d-[01]\d\Z")),
    group_id=st.one_of(st.none(), st.integers(min_value=-5, max_value=10**12), st.text(max_size=8)),
    tags=st.lists(st.text(max_size=12), max_size=3),
    setting=st.one_of(st.sampled_from(["", "phone"]), FREE_TEXT),
)
def test_entry_form_never_crashes_and_saves_what_is_valid(
    author, group, texts, month, group_id, tags, setting
):
    data = {**texts, "situation_month": month, "ethics_tags": tags, "setting": setting}
    data["group"] = group.pk if group_id is None else group_id
    with transaction.atomic():
        form = ReflectiveEntryForm(data, groups=member_groups(author))
        if form.is_valid():
            entry = form.save(commit=False)
            entry.author = author
            entry.save()
            entry.refresh_from_db()
            assert entry.title == texts["title"].strip()
            assert entry.group_id == group.pk
        else:
            for errors in form.errors.values():
                assert errors and all(isinstance(error, str) and error for error in errors)
        transaction.set_rollback(True)


@NO_DB_HEALTH
@given(
    data=st.dictionaries(
        st.sampled_from(
            ["overall_comment", "decision", "recommended_modules", "bring_to_session"]
            + [
                f"{s}__{k}"
                for s, _l, _h in ReflectiveEntry.GIBBS_SECTIONS
                for k, _ in ReviewForm.KINDS
            ]
        ),
        FREE_TEXT,
    )
)
def test_review_form_never_crashes(data):
    form = ReviewForm(data, modules=[])
    if form.is_valid():
        assert form.cleaned_data["decision"] in (
            ReflectiveEntry.VALIDATED,
            ReflectiveEntry.CHANGES_REQUESTED,
        )
        form.section_comments()
    else:
        assert all(isinstance(error, str) for errors in form.errors.values() for error in errors)


@NO_DB_HEALTH
@given(
    body=st.dictionaries(st.sampled_from(["title", "group", "setting", "feelings", "x"]), FREE_TEXT)
)
def test_the_entry_view_answers_any_post_without_an_error(client, author, group, body):
    client.force_login(author)
    with transaction.atomic():
        response = client.post(reverse("entry_create"), body)
        assert response.status_code in (200, 302)
        transaction.set_rollback(True)


def test_form_errors_are_translated(author, group):
    form = ReflectiveEntryForm({"group": "999999", "title": "a\x00b"}, groups=member_groups(author))
    assert not form.is_valid()
    assert "caractère nul" in str(form.errors["title"])
    assert "Sélectionnez un choix valide" in str(form.errors["group"])


# Open redirects


EVIL = ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"]


@pytest.mark.parametrize("target", EVIL)
def test_login_never_sends_people_to_another_site(client, target):
    user = UserFactory()
    user.set_password("un mot de passe assez long")
    user.save()
    response = client.post(
        reverse("login"),
        {"username": user.username, "password": "un mot de passe assez long", "next": target},
    )
    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.mark.parametrize("target", EVIL)
def test_the_code_step_never_sends_people_to_another_site(client, target):
    from accounts.testing import app_code, give_device

    trainer = UserFactory(roles=["trainer"])
    give_device(trainer)
    client.force_login(trainer, verified=False)
    response = client.post(
        reverse("two_factor_verify"), {"code": app_code(trainer), "next": target}
    )
    assert response["Location"] == "/"


@pytest.mark.parametrize("target", EVIL)
def test_the_login_page_does_not_echo_a_foreign_next(client, target):
    page = client.get(reverse("login"), {"next": target}).content.decode()
    assert escape(target) not in page


# CSRF


@pytest.fixture
def strict_client():
    return VerifiedClient(enforce_csrf_checks=True)


@override_settings(AXES_ENABLED=True)
def test_login_without_a_csrf_token_is_refused(strict_client):
    user = UserFactory()
    response = strict_client.post(reverse("login"), {"username": user.username, "password": "x"})
    assert response.status_code == 403


def test_post_views_refuse_a_request_without_a_csrf_token(strict_client, author, supervisor, group):
    entry = ReflectiveEntryFactory(author=author, group=group, state=ReflectiveEntry.SUBMITTED)
    strict_client.force_login(author)
    for url in (
        reverse("entry_create"),
        reverse("entry_share", args=[entry.pk]),
        reverse("entry_withdraw", args=[entry.pk]),
        reverse("account_security"),
        reverse("two_factor_disable"),
        reverse("password_change"),
        reverse("logout"),
    ):
        assert strict_client.post(url, {}).status_code == 403, url
    strict_client.force_login(supervisor)
    for url in (
        reverse("supervision_take", args=[entry.pk]),
        reverse("supervision_review", args=[entry.pk]),
        "/admin/pages/",
    ):
        assert strict_client.post(url, {}).status_code == 403, url
    entry.refresh_from_db()
    assert entry.state == ReflectiveEntry.SUBMITTED


def test_a_page_with_a_form_gives_a_token(strict_client, author):
    strict_client.force_login(author)
    page = strict_client.get(reverse("account_security")).content.decode()
    assert 'name="csrfmiddlewaretoken"' in page


# Rich text of pages (records, contributions): what the Wagtail editor stores


def draftail(text, link=None):
    entity_ranges = [{"offset": 0, "length": len(text), "key": 0}] if link else []
    entity_map = (
        {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": link}}} if link else {}
    )
    block = {
        "key": "a",
        "text": text,
        "type": "unstyled",
        "depth": 0,
        "inlineStyleRanges": [],
        "entityRanges": entity_ranges,
    }
    return json.dumps({"blocks": [block], "entityMap": entity_map})


@pytest.mark.parametrize("payload", PAYLOADS)
def test_rich_text_keeps_typed_markup_as_text(payload):
    html = DraftailRichTextArea().value_from_datadict({"f": draftail(payload)}, {}, "f")
    # Quotes may stay as they are in a text node; angle brackets may not.
    assert payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in html
    assert "<script" not in html and "<img" not in html


def test_rich_text_drops_javascript_links():
    html = DraftailRichTextArea().value_from_datadict(
        {"f": draftail("lien", link="javascript:alert(1)")}, {}, "f"
    )
    assert "javascript:" not in html

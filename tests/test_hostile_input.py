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
from django.utils.formats import number_format
from django.utils.html import escape

from wagtail.admin.rich_text import DraftailRichTextArea

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.testing import VerifiedClient
from courses.factories import lessons_of, make_course
from courses.models import ReflectionNote
from home import limits
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
    assert response["Location"] == "/fr/"  # the home page, in the member's language


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


# Length limits: every free text has a server-side limit, said in the member's language,
# and nothing typed or saved is lost when a text is refused.

LIMITS = {
    "title": 120,
    **{name: limits.ENTRY_SECTION for name, _l, _h in ReflectiveEntry.GIBBS_SECTIONS},
    "question_for_supervisor": limits.ENTRY_QUESTION,
}


@NO_DB_HEALTH
@given(
    field=st.sampled_from(TEXT_FIELDS),
    overshoot=st.integers(min_value=-3, max_value=3),
    filler=st.sampled_from(["a", "é", "\r\n", "🙂", "<"]),
)
def test_entry_form_limits_every_text_and_counts_line_breaks_once(
    author, group, field, overshoot, filler
):
    limit = LIMITS[field]
    if field == "title" and filler == "\r\n":
        filler = "a"  # a title is one line (and its spaces are stripped)
    if filler == "\r\n":
        # Browsers send line breaks as two characters: they count as one, like maxlength.
        text = "x" + "\r\n" * (limit + overshoot - 2) + "x"
    else:
        text = "x" + filler * (limit + overshoot - 1)
    data = {"group": group.pk, "title": "Titre", field: text}
    form = ReflectiveEntryForm(data, groups=member_groups(author))
    if overshoot > 0:
        assert not form.is_valid()
        shown = number_format(limit, force_grouping=True)
        assert f"{shown} caractères au plus" in form.errors[field][0]
    else:
        assert form.is_valid(), form.errors


@NO_DB_HEALTH
@given(
    field=st.sampled_from(
        ["overall_comment"]
        + [f"{s}__{k}" for s, _l, _h in ReflectiveEntry.GIBBS_SECTIONS for k, _ in ReviewForm.KINDS]
    ),
    overshoot=st.integers(min_value=-2, max_value=2),
)
def test_review_form_limits_every_comment(field, overshoot):
    limit = limits.REVIEW_OVERALL if field == "overall_comment" else limits.REVIEW_COMMENT
    data = {"decision": ReflectiveEntry.VALIDATED, field: "r" * (limit + overshoot)}
    form = ReviewForm(data, modules=[])
    assert form.is_valid() is (overshoot <= 0)


def test_a_too_long_section_is_refused_kindly_and_kept_in_the_form(client, author, group):
    entry = ReflectiveEntryFactory(author=author, group=group)
    saved = entry.description
    client.force_login(author)
    too_long = "Une très longue description. " * 1000
    response = client.post(
        reverse("entry_edit", args=[entry.pk]),
        {"group": group.pk, "title": entry.title, "description": too_long},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Ce texte est un peu trop long" in page
    assert escape(too_long.strip()) in page  # what was typed is still in the box
    entry.refresh_from_db()
    assert entry.description == saved  # and what was saved is untouched


def test_a_too_long_review_is_refused_and_kept(client, author, supervisor, group):
    entry = ReflectiveEntryFactory(author=author, group=group, state=ReflectiveEntry.SUBMITTED)
    client.force_login(supervisor)
    client.post(reverse("supervision_take", args=[entry.pk]))
    too_long = "Un commentaire attentif. " * 500
    response = client.post(
        reverse("supervision_review", args=[entry.pk]),
        {"decision": ReflectiveEntry.VALIDATED, "overall_comment": too_long},
    )
    assert response.status_code == 200
    assert "Ce texte est un peu trop long" in response.content.decode()
    assert escape(too_long.strip()) in response.content.decode()
    assert not EntryReview.objects.filter(entry=entry).exists()


def test_a_too_long_note_is_refused_and_comes_back_in_the_box(client, section):
    learner = person("peer")
    client.force_login(learner)
    course = make_course(section("courses"), lessons=1, translate=False)
    lesson = lessons_of(course)[0]
    block_id = next(b.id for b in lesson.body if b.block_type == "reflection")
    client.post(course.url + "enrol/")
    client.post(f"{lesson.url}notes/{block_id}/", {"text": "Ma note d'avant."})
    too_long = "Une pensée. " * 1000
    response = client.post(f"{lesson.url}notes/{block_id}/", {"text": too_long}, follow=True)
    page = response.content.decode()
    assert "Votre note est un peu trop longue" in page
    assert escape(too_long) in page
    assert ReflectionNote.objects.get(user=learner).text == "Ma note d'avant."
    # Once only: the next visit shows the saved note again.
    assert escape(too_long) not in client.get(lesson.url).content.decode()


# The autosave answers JSON in every case, and never loses what is saved.


@pytest.fixture
def draft(author, group):
    return ReflectiveEntryFactory(author=author, group=group)


def autosave_data(entry, **changes):
    return {
        "group": entry.group_id,
        **{name: getattr(entry, name) for name in TEXT_FIELDS},
        **changes,
    }


def assert_untouched(entry):
    saved = ReflectiveEntry.objects.get(pk=entry.pk)
    assert (saved.title, saved.description, saved.feelings) == (
        entry.title,
        entry.description,
        entry.feelings,
    )


def test_autosave_refuses_a_too_long_text_in_json(client, author, draft):
    client.force_login(author)
    response = client.post(
        reverse("entry_autosave", args=[draft.pk]),
        autosave_data(draft, feelings="f" * (limits.ENTRY_SECTION + 1)),
    )
    assert response.status_code == 400
    body = response.json()
    assert body["saved"] is False
    assert body["error"].startswith("Non enregistré")
    assert "trop long" in body["error"] and "feelings" in body["errors"]
    assert "no-store" in response["Cache-Control"]
    assert_untouched(draft)


@pytest.mark.parametrize(
    "body, content_type",
    [
        ('{"description": ""}', "application/json"),
        ("{not json", "application/json"),
        ("description=", "application/x-www-form-urlencoded"),
        ("\x00\xff", "application/octet-stream"),
    ],
)
def test_autosave_refuses_a_malformed_request_without_emptying_the_draft(
    client, author, draft, body, content_type
):
    client.force_login(author)
    response = client.post(
        reverse("entry_autosave", args=[draft.pk]), body, content_type=content_type
    )
    assert response.status_code == 400
    assert response.json()["saved"] is False
    assert_untouched(draft)


def test_autosave_answers_json_to_an_ended_session(client, draft):
    response = client.post(reverse("entry_autosave", args=[draft.pk]), autosave_data(draft))
    assert response.status_code == 401
    assert "session" in response.json()["error"]
    assert_untouched(draft)


def test_autosave_answers_json_when_the_session_times_out(client, author, draft):
    from accounts.middleware import LAST_ACTIVITY_KEY

    client.force_login(author)
    session = client.session
    session[LAST_ACTIVITY_KEY] = 1  # long ago
    session.save()
    response = client.post(
        reverse("entry_autosave", args=[draft.pk]),
        autosave_data(draft, description="Changé"),
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 401
    assert response.json()["saved"] is False
    assert_untouched(draft)


def test_autosave_answers_json_to_a_missing_csrf_token(strict_client, author, draft):
    strict_client.force_login(author)
    response = strict_client.post(
        reverse("entry_autosave", args=[draft.pk]), autosave_data(draft, description="Changé")
    )
    assert response.status_code == 403
    assert "trop ancienne" in response.json()["error"]
    assert_untouched(draft)


def test_autosave_answers_json_to_a_wrong_method_or_entry(client, author, draft):
    client.force_login(author)
    response = client.get(reverse("entry_autosave", args=[draft.pk]))
    assert response.status_code == 405 and response.json()["saved"] is False
    other = ReflectiveEntryFactory()
    response = client.post(reverse("entry_autosave", args=[other.pk]), autosave_data(other))
    assert response.status_code == 404 and response.json()["saved"] is False
    assert_untouched(other)


# Contributions (the Wagtail page form peers write in): a finite text and content note.


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"text": "Un long témoignage. " * 6000}, "body"),
        ({"content_note": "Attention. " * 300}, "content_note"),
    ],
)
def test_a_too_long_contribution_is_refused_and_nothing_is_created(
    client, section, peer, changes, field
):
    from home.models import ContributionPage
    from home.tests.test_contributions import add_url, contribution_form

    client.force_login(peer)
    index = section("contributions")
    response = client.post(add_url(index), contribution_form(title="Trop long", **changes))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not ContributionPage.objects.filter(title="Trop long").exists()


def test_a_contribution_of_ordinary_length_is_accepted(client, section, peer):
    from home.models import ContributionPage
    from home.tests.test_contributions import add_url, contribution_form

    client.force_login(peer)
    client.post(add_url(section("contributions")), contribution_form(title="Juste assez"))
    assert ContributionPage.objects.filter(title="Juste assez").exists()


def test_a_cohort_description_is_finite(client, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("cohorts:add"),
        {"name": "Promo", "description": "d" * (limits.SHORT_TEXT + 1)},
    )
    assert response.status_code == 200
    assert "description" in response.context["form"].errors


@NO_DB_HEALTH
@given(
    body=st.one_of(
        st.dictionaries(st.sampled_from([*TEXT_FIELDS, "group", "setting", "x"]), FREE_TEXT),
        st.binary(max_size=200),
    )
)
def test_the_autosave_answers_json_to_any_post_and_never_blanks_a_draft(
    client, author, draft, body
):
    client.force_login(author)
    url = reverse("entry_autosave", args=[draft.pk])
    with transaction.atomic():
        if isinstance(body, bytes):
            response = client.post(url, body, content_type="application/octet-stream")
        else:
            response = client.post(url, body)
        assert response["Content-Type"] == "application/json"
        assert response.json()["saved"] in (True, False)
        saved = ReflectiveEntry.objects.get(pk=draft.pk)
        if response.status_code != 200:
            assert (saved.title, saved.description) == (draft.title, draft.description)
        else:
            assert all(name in body for name in TEXT_FIELDS)
        transaction.set_rollback(True)


def test_what_the_edit_page_sends_is_a_complete_draft_for_the_autosave(client, author, draft):
    """The page's script sends the whole form (FormData): every free text is in it."""
    import re

    client.force_login(author)
    page = client.get(reverse("entry_edit", args=[draft.pk])).content.decode()
    names = set(re.findall(r'<(?:input|textarea|select)[^>]*\sname="([^"]+)"', page))
    assert set(TEXT_FIELDS) <= names
    data = {name: getattr(draft, name, "") or "" for name in names if name in TEXT_FIELDS}
    response = client.post(
        reverse("entry_autosave", args=[draft.pk]), {**data, "group": draft.group_id}
    )
    assert response.status_code == 200 and response.json()["saved"] is True

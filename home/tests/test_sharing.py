""" "Share": a peer writes a contribution on the site, it goes through the same Wagtail workflow
as in the editing space, and only its author sees and changes it before it is published."""

from html.parser import HTMLParser

from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from wagtail.models import PageLogEntry, WorkflowState

import pytest

from home import sharing
from home.charter import acknowledge, current_charter
from home.factories import ContributionPageFactory, UserFactory
from home.models import ContributionPage
from home.share_text import body_to_text, html_to_text, text_to_html
from privacy.models import AuditEvent

pytestmark = pytest.mark.django_db

TEXT = "Poser une limite calmement a changé ma manière de soutenir les autres."
COMMENT = "Merci ! Peux-tu retirer le nom du service où cela s'est passé ?"


def sharer(roles=("peer",), **kwargs):
    user = UserFactory(roles=list(roles), **kwargs)
    acknowledge(user, current_charter(), "fr")
    return user


def form(title="Oser dire non", text=TEXT, **fields):
    return {
        "kind": "testimony",
        "title": title,
        "summary": "Ce que j'ai appris en posant une limite.",
        "text": text,
        "content_note": "",
        "signature": "name",
        **fields,
    }


def url(name, page=None, language="fr"):
    with translation.override(language):
        return reverse(name, kwargs={"pk": page.pk} if page else None)


def new_form_key(client):
    return client.get(url("share_new")).context["form"]["key"].value()


def review(page, action, reviewer, comment=""):
    """A trainer acts through Wagtail's workflow API, as the editing space does."""
    state = WorkflowState.objects.get(
        base_content_type__model="page", object_id=str(page.pk), status="in_progress"
    )
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, reviewer, action, comment=comment)


def test_a_contribution_goes_from_draft_to_published_on_the_site(client):
    alice = sharer(first_name="Alice", last_name="Martin")
    chloe = UserFactory(roles=["trainer"])
    client.force_login(alice)

    # A draft, saved and found again.
    response = client.post(url("share_new"), {**form(), "key": new_form_key(client), "save": "1"})
    page = ContributionPage.objects.get(owner=alice)
    assert response.status_code == 302 and response["Location"] == url("share_edit", page)
    assert not page.live and not page.workflow_in_progress and page.author == alice
    assert page.get_parent().specific_class.__name__ == "ContributionIndexPage"
    assert page.locale.language_code == "fr"
    listing = client.get(url("share_list")).content.decode()
    assert "Oser dire non" in listing and "Brouillon" in listing

    # Sent for review: the section's workflow starts, as in the editing space.
    client.post(url("share_edit", page), {**form(), "submit": "1"})
    page.refresh_from_db()
    assert page.workflow_in_progress
    assert page.current_workflow_state.requested_by == alice
    assert "En relecture par un·e formateur·rice" in client.get(url("share_list")).content.decode()
    # While a trainer reads it, it cannot be changed.
    response = client.post(url("share_edit", page), {**form(title="Changé"), "submit": "1"})
    assert response.status_code == 302 and response["Location"] == url("share_detail", page)
    assert page.get_latest_revision_as_object().title == "Oser dire non"

    # The trainer asks for changes; Alice reads the comment beside her text.
    review(page, "reject", chloe, COMMENT)
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    response = client.get(url("share_edit", page))
    content = response.content.decode()
    assert escape(COMMENT) in content and escape(TEXT) in content
    assert response.context["form"]["text"].value() == TEXT

    # She revises and sends it again: the same workflow run resumes.
    revised = "Poser une limite calmement a changé ma manière de soutenir."
    client.post(url("share_edit", page), {**form(text=revised), "submit": "1"})
    page.refresh_from_db()
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert WorkflowState.objects.filter(object_id=str(page.pk)).count() == 1

    # Approved: published, and linked from her list.
    review(page, "approve", chloe)
    page.refresh_from_db()
    assert page.live and revised in str(page.body)
    listing = client.get(url("share_list")).content.decode()
    assert page.url in listing and "Publié" in listing
    assert revised in client.get(page.url).content.decode()


def test_the_guard_flags_a_name_and_the_author_confirms_or_rewrites(client):
    alice = sharer()
    UserFactory(roles=["trainer"])
    client.force_login(alice)
    text = "J'ai accompagné Marie Dupont à son rendez-vous."
    response = client.post(
        url("share_new"), {**form(text=text), "key": new_form_key(client), "submit": "1"}
    )
    page = ContributionPage.objects.get(owner=alice)
    assert response.status_code == 200 and not page.workflow_in_progress
    ((_label, findings),) = response.context["findings"]
    assert findings[0].kind == "name" and "Marie Dupont" in findings[0].text
    # What was typed is still in the form, now saved as a draft.
    assert response.context["form"]["text"].value() == text
    assert "data-autosave" in response.content.decode()

    # She confirms it is not identifying: recorded in the page's history, then sent.
    client.post(
        url("share_edit", page), {**form(text=text), "submit": "1", "accept": findings[0].key}
    )
    page.refresh_from_db()
    assert page.workflow_in_progress
    assert sharing._sealed_key(findings[0].key) in sharing.confirmed_keys(page)
    assert "Dupont" not in str(
        list(PageLogEntry.objects.filter(page=page).values_list("data", flat=True))
    )


def test_validation_errors_keep_what_was_typed(client):
    alice = sharer()
    client.force_login(alice)
    response = client.post(url("share_new"), {**form(title=""), "key": new_form_key(client)})
    assert response.status_code == 200
    assert response.context["form"]["text"].value() == TEXT
    assert not ContributionPage.objects.filter(owner=alice).exists()
    assert "data-autosave" in response.content.decode()


def test_the_same_form_sent_twice_makes_one_contribution(client):
    alice = sharer()
    client.force_login(alice)
    data = {**form(), "key": new_form_key(client), "save": "1"}
    client.post(url("share_new"), data)
    client.post(url("share_new"), data)
    assert ContributionPage.objects.filter(owner=alice).count() == 1


def test_a_forged_form_key_is_ignored(client):
    alice, other = sharer(), sharer()
    theirs = ContributionPageFactory(
        parent=sharing.contribution_section("fr"), owner=other, publish=False
    )
    client.force_login(alice)
    client.post(url("share_new"), {**form(), "key": str(theirs.translation_key), "save": "1"})
    mine = ContributionPage.objects.get(owner=alice)
    assert mine.translation_key != theirs.translation_key


def test_a_new_text_goes_to_the_section_of_the_language_read(client):
    alice = sharer()
    client.force_login(alice)
    with translation.override("en"):
        key = client.get(reverse("share_new")).context["form"]["key"].value()
        # Ids of another parent or locale in the form change nothing.
        client.post(
            reverse("share_new"),
            {**form(), "key": key, "parent": "1", "locale": "1", "save": "1"},
        )
    page = ContributionPage.objects.get(owner=alice)
    assert page.locale.language_code == "en"
    assert page.get_parent().pk == sharing.contribution_section("en").pk


# Who may ----------------------------------------------------------------------------------


def test_only_members_who_may_contribute_see_share(client, section):
    index = section("contributions")
    for allowed in (sharer(), sharer(roles=["trainer"])):
        client.force_login(allowed)
        assert client.get(url("share_list")).status_code == 200
        assert url("share_list") in client.get(index.url).content.decode()
    for refused in (sharer(roles=["supervisor"]), sharer(roles=["coordinator"])):
        client.force_login(refused)
        for address in (url("share_list"), url("share_new")):
            assert client.get(address).status_code == 404
        assert url("share_list") not in client.get(index.url).content.decode()
    assert AuditEvent.objects.filter(
        action=AuditEvent.DENIED, object_type="home.contributionpage"
    ).exists()


def test_anonymous_visitors_are_asked_to_log_in(client, section):
    page = ContributionPageFactory(parent=section("contributions"), owner=sharer(), publish=False)
    for address in (
        url("share_list"),
        url("share_new"),
        url("share_detail", page),
        url("share_edit", page),
    ):
        response = client.get(address)
        assert response.status_code == 302 and reverse("login") in response["Location"]


def test_another_peers_contribution_is_a_404(client, section):
    owner, other = sharer(), sharer()
    page = ContributionPageFactory(parent=section("contributions"), owner=owner, publish=False)
    client.force_login(other)
    for address in (url("share_detail", page), url("share_edit", page)):
        assert client.get(address).status_code == 404
    client.post(url("share_edit", page), {**form(title="Détourné"), "submit": "1"})
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().title != "Détourné"
    assert not page.workflow_in_progress


def test_a_published_text_changed_on_the_site_is_read_again_before_publication(client, section):
    alice = sharer()
    UserFactory(roles=["trainer"])
    page = ContributionPageFactory(parent=section("contributions"), owner=alice, title="Avant")
    client.force_login(alice)
    client.post(url("share_edit", page), {**form(title="Après"), "submit": "1"})
    page.refresh_from_db()
    assert page.live and page.title == "Avant" and page.workflow_in_progress
    assert not sharing.standing(page, alice).editable


def test_a_text_with_parts_the_form_cannot_show_is_not_offered_for_editing(client, section):
    alice = sharer()
    page = ContributionPageFactory(
        parent=section("contributions"),
        owner=alice,
        publish=False,
        body=[("testimony", {"quote": "Une citation", "attribution": ""})],
    )
    client.force_login(alice)
    response = client.get(url("share_edit", page))
    assert response.status_code == 302 and response["Location"] == url("share_detail", page)


# The text --------------------------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def test_the_text_is_escaped_and_only_safe_markup_is_made():
    typed = (
        "<script>alert(1)</script> **gras** _italique_\n"
        '<a href="javascript:alert(1)" onclick="steal()">ici</a> [lien](javascript:alert(1))\n'
        "<img src=x onerror=alert(1)> voir https://example.org/a?b=1&c=2.\n\n"
        "- un\n- deux\n\n1. premier\n2. second"
    )
    html = text_to_html(typed)
    parser = _Tags()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag in {"p", "br", "ul", "ol", "li", "b", "i", "a"}
        for name, value in attrs:
            assert name == "href" and value.startswith(("https://", "http://", "mailto:"))
    assert ("a", [("href", "https://example.org/a?b=1&c=2")]) in parser.tags
    assert "<b>gras</b>" in html and "<i>italique</i>" in html
    assert "<ul><li>un</li><li>deux</li></ul>" in html
    assert "&lt;script&gt;" in html
    assert text_to_html(html_to_text(html)) == html


def test_the_stored_page_carries_no_script(client):
    alice = sharer()
    client.force_login(alice)
    typed = '<script>alert(1)</script><a href="javascript:x" onclick="y">z</a>'
    client.post(url("share_new"), {**form(text=typed), "key": new_form_key(client), "save": "1"})
    page = ContributionPage.objects.get(owner=alice)
    stored = page.get_latest_revision_as_object().body
    assert "<script" not in str(stored) and "<a " not in str(stored)
    assert body_to_text(stored) == typed


def test_the_author_is_sent_to_the_site_to_revise(client):
    alice = sharer()
    chloe = UserFactory(roles=["trainer"])
    client.force_login(alice)
    client.post(url("share_new"), {**form(), "key": new_form_key(client), "submit": "1"})
    page = ContributionPage.objects.get(owner=alice)
    review(page, "reject", chloe, COMMENT)
    notification = alice.notifications.get(kind="changes_requested")
    assert notification.link == url("share_edit", page)


def test_sending_the_same_new_form_twice_sends_one_text(client):
    alice = sharer()
    UserFactory(roles=["trainer"])
    client.force_login(alice)
    data = {**form(), "key": new_form_key(client), "submit": "1"}
    client.post(url("share_new"), data)
    response = client.post(url("share_new"), data)
    assert response.status_code == 302
    page = ContributionPage.objects.get(owner=alice)
    assert WorkflowState.objects.filter(object_id=str(page.pk)).count() == 1


def test_a_locked_text_is_not_changed_on_the_site(client, section):
    alice, trainer = sharer(), UserFactory(roles=["trainer"])
    page = ContributionPageFactory(parent=section("contributions"), owner=alice, publish=False)
    page.locked, page.locked_by = True, trainer
    page.save()
    client.force_login(alice)
    response = client.post(url("share_edit", page), {**form(title="Changé"), "save": "1"})
    assert response.status_code == 302 and response["Location"] == url("share_detail", page)
    assert page.get_latest_revision_as_object().title != "Changé"

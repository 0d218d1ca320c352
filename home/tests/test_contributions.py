"""Peer contributions: written and submitted in the editing space, reviewed by trainers,
published under the author's name or as "a member", listed by kind and tag."""

from django.core import mail
from django.urls import reverse
from django.utils.html import escape
from django.utils.text import slugify

from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

import pytest

from home.factories import ContributionPageFactory, UserFactory
from home.models import ContributionPage, Notification

pytestmark = pytest.mark.django_db

TEXT = "Poser une limite calmement a changé ma manière de soutenir les autres."
COMMENT = "Merci ! Peux-tu retirer le nom du service où cela s'est passé ?"


def person(roles, language="fr", **kwargs):
    user = UserFactory(roles=roles, **kwargs)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def contribution_form(title="Oser dire non", text=TEXT, signature="name", **fields):
    return nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "kind": "testimony",
            "summary": "Ce que j'ai appris en posant une limite.",
            "content_note": "",
            "body": streamfield([("paragraph", rich_text(f"<p>{text}</p>"))]),
            "tags": "limites, écoute",
            "signature": signature,
            "comments": inline_formset([]),
            **fields,
        }
    )


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["home", "contributionpage", parent.pk])


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def workflow_action(page, action):
    task_state = WorkflowState.objects.get(
        base_content_type__model="page", object_id=str(page.pk), status="in_progress"
    ).current_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])


def mails_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


def test_a_testimony_is_submitted_revised_and_published(client, section):
    """The journey of the issue: submit, changes requested, revise, approve, published."""
    alice = person(["peer"], first_name="Alice", last_name="Martin")
    chloe = person(["trainer", "peer"])
    farid = person(["trainer"], language="en")
    index = section("contributions")

    # Alice writes a testimony and submits it.
    client.force_login(alice)
    response = client.post(add_url(index), {**contribution_form(), "action-submit": "1"})
    assert response.status_code == 302, response.context["form"].errors
    page = ContributionPage.objects.get(title="Oser dire non")
    assert not page.live and page.owner == alice and page.author == alice
    assert page.workflow_in_progress

    # Both trainers are told, each in their language, with a link and nothing of the text.
    assert len(mail.outbox) == 2 and not mails_to(alice)
    (to_chloe,), (to_farid,) = mails_to(chloe), mails_to(farid)
    assert to_chloe.subject == "Un texte attend votre relecture"
    assert to_farid.subject == "A text is waiting for your review"
    for message in (to_chloe, to_farid):
        assert (
            f"http://testserver{edit_url(page)}" in message.body or edit_url(page) in message.body
        )
        assert message.body.count("://") >= 1
        assert TEXT not in message.body
    assert "Oser dire non" in to_farid.body and "contribution" in to_farid.body
    assert Notification.objects.filter(recipient=chloe, kind="review_requested").count() == 1

    # Chloé asks for changes, with a comment.
    client.force_login(chloe)
    response = client.post(workflow_action(page, "reject"), {"comment": COMMENT})
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    (to_alice,) = mails_to(alice)
    assert to_alice.subject == "Des modifications sont demandées sur votre texte"
    # She revises where she wrote it: "Share", on the site, in her language.
    assert f"http://testserver/fr/partager/{page.pk}/modifier/" in to_alice.body
    assert "Bonjour Alice" in to_alice.body
    assert COMMENT not in to_alice.body and TEXT not in to_alice.body

    # Alice reads the comment where she revises, revises and submits again.
    client.force_login(alice)
    response = client.get(edit_url(page))
    assert response.status_code == 200
    assert escape(COMMENT) in response.content.decode()
    revised = "Poser une limite calmement, au local du groupe, a changé ma manière de soutenir."
    response = client.post(
        edit_url(page), {**contribution_form(text=revised, slug=page.slug), "action-submit": "1"}
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert len(mails_to(chloe)) == 2 and len(mails_to(farid)) == 2

    # Chloé approves: it is published and members read it on the site.
    client.force_login(chloe)
    client.post(workflow_action(page, "approve"), {"comment": ""})
    page.refresh_from_db()
    assert page.live
    approved_mail = mails_to(alice)[-1]
    assert approved_mail.subject == "Votre texte est publié"
    assert f"http://testserver{page.url}" in approved_mail.body
    assert revised not in approved_mail.body
    assert Notification.objects.filter(recipient=alice, kind="approved").exists()

    reader = UserFactory(roles=["peer"])
    client.force_login(reader)
    response = client.get(page.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert revised in content
    assert "Alice Martin" in content
    assert "Oser dire non" in client.get(index.url).content.decode()


def test_anonymous_signature_never_shows_the_name(client, section, peer):
    author = UserFactory(roles=["peer"], first_name="Bérénice", last_name="Quintal")
    page = ContributionPageFactory(
        parent=section("contributions"), owner=author, signature=ContributionPage.ANONYMOUS
    )
    client.force_login(peer)

    for url in (page.url, section("contributions").url):
        content = client.get(url).content.decode()
        assert "Bérénice" not in content and "Quintal" not in content
        assert author.username not in content
        assert escape("by a member") in content or "par un·e membre" in content


def test_a_peer_cannot_edit_another_peers_contribution(client, section):
    owner, other = UserFactory(roles=["peer"]), UserFactory(roles=["peer"])
    page = ContributionPageFactory(parent=section("contributions"), owner=owner, publish=False)
    assert page.permissions_for_user(owner).can_edit()
    assert not page.permissions_for_user(other).can_edit()

    client.force_login(other)
    assert client.get(edit_url(page)).status_code in (302, 403)
    client.post(edit_url(page), {**contribution_form(title="Détourné"), "action-submit": "1"})

    page.refresh_from_db()
    assert page.title != "Détourné"
    assert page.get_latest_revision().as_object().title != "Détourné"
    assert not page.workflow_in_progress


def test_a_peer_cannot_publish_their_own_contribution(client, section, peer):
    client.force_login(peer)
    client.post(add_url(section("contributions")), {**contribution_form(), "action-publish": "1"})

    page = ContributionPage.objects.get(title="Oser dire non")
    assert not page.live
    assert not page.permissions_for_user(peer).can_publish()


def test_a_published_contribution_edited_by_its_author_is_reviewed_again(client, section, peer):
    UserFactory(roles=["trainer"])
    page = ContributionPageFactory(parent=section("contributions"), owner=peer, title="Avant")
    client.force_login(peer)

    client.post(
        edit_url(page),
        {**contribution_form(title="Après", slug=page.slug), "action-submit": "1"},
    )

    page.refresh_from_db()
    assert page.live and page.title == "Avant"  # the live version waits for approval
    assert page.has_unpublished_changes and page.workflow_in_progress
    client.logout()
    client.force_login(UserFactory(roles=["peer"]))
    assert "Après" not in client.get(page.url).content.decode()


def test_nobody_reads_a_draft_on_the_site(client, section, peer):
    page = ContributionPageFactory(parent=section("contributions"), owner=peer, publish=False)
    draft_url = f"/fr/ressources/{page.slug}/"

    # An anonymous visitor is asked to log in, exactly as for an address that does not exist.
    for url in (draft_url, "/fr/ressources/nothing-here/"):
        response = client.get(url)
        assert response.status_code == 302 and reverse("login") in response["Location"]
    for reader in (UserFactory(roles=["peer"]), peer):
        client.force_login(reader)
        assert client.get(draft_url).status_code == 404


def test_the_section_is_for_members_only(client, section):
    ContributionPageFactory(parent=section("contributions"), owner=UserFactory(roles=["peer"]))
    response = client.get(section("contributions").url)
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_the_list_filters_by_kind_and_tag_and_hides_drafts(client, section, peer):
    index = section("contributions")
    ContributionPageFactory(parent=index, owner=peer, title="Un témoignage", tags=["écoute"])
    ContributionPageFactory(
        parent=index, owner=peer, title="Une astuce", kind=ContributionPage.TIP, tags=["soin"]
    )
    ContributionPageFactory(parent=index, owner=peer, title="Un brouillon", publish=False)
    client.force_login(peer)

    everything = client.get(index.url).content.decode()
    tips = client.get(index.url, {"kind": "tip"}).content.decode()
    listening = client.get(index.url, {"tag": "écoute"}).content.decode()
    nonsense = client.get(index.url, {"kind": "<script>", "page": "x"})

    assert "Un témoignage" in everything and "Une astuce" in everything
    assert "Un brouillon" not in everything
    assert "Une astuce" in tips and "Un témoignage" not in tips
    assert "Un témoignage" in listening and "Une astuce" not in listening
    assert nonsense.status_code == 200 and "<script>" not in nonsense.content.decode()


def test_the_list_is_paginated(client, section, peer):
    index = section("contributions")
    for number in range(index.per_page + 1):
        ContributionPageFactory(parent=index, owner=peer, title=f"Texte {number:02d}")
    client.force_login(peer)

    first = client.get(index.url).content.decode()
    second = client.get(index.url, {"page": 2}).content.decode()

    assert "Texte 12" in first and "Texte 00" not in first
    assert "Texte 00" in second
    assert 'rel="next"' in first


def test_the_english_section_lists_english_contributions(client, section, peer):
    page = ContributionPageFactory(parent=section("contributions"), owner=peer, title="Écouter")
    english = page.copy_for_translation(section("contributions", "en").locale)
    english.title = "Listening"
    english.save_revision().publish()
    client.force_login(peer)

    content = client.get(section("contributions", "en").url).content.decode()

    assert "Listening" in content and "Écouter" not in content
    english.refresh_from_db()
    assert english.author == peer


def test_a_content_note_comes_before_the_text(client, section, peer):
    page = ContributionPageFactory(
        parent=section("contributions"), owner=peer, content_note="Il est question d'hôpital."
    )
    client.force_login(peer)

    before = client.get(page.url).content.decode()
    after = client.get(page.url, {"show": "1"}).content.decode()

    assert escape("Il est question d'hôpital.") in before
    assert "osé dire non" not in before and escape("être écouté·e") not in before
    assert "?show=1" in before and "Pas maintenant" in before
    assert escape("être écouté·e") in after or "être écouté·e" in after


def test_a_peer_cannot_copy_another_peers_draft(client, section):
    owner, other = UserFactory(roles=["peer"]), UserFactory(roles=["peer"])
    page = ContributionPageFactory(
        parent=section("contributions"), owner=owner, publish=False, title="Brouillon"
    )
    client.force_login(other)

    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {"new_title": "Copie", "new_slug": "copie", "new_parent_page": page.get_parent().pk},
    )

    assert response.status_code == 302
    assert not ContributionPage.objects.filter(title="Copie").exists()


def test_the_author_may_copy_their_own_contribution(client, section, peer):
    page = ContributionPageFactory(parent=section("contributions"), owner=peer, publish=False)
    client.force_login(peer)

    assert client.get(reverse("wagtailadmin_pages:copy", args=[page.pk])).status_code == 200


def test_a_translation_keeps_the_author_and_the_signature_and_starts_as_a_draft(
    client, section, trainer
):
    from wagtail.models import Locale

    author = UserFactory(roles=["peer"])
    page = ContributionPageFactory(
        parent=section("contributions"),
        owner=author,
        signature=ContributionPage.ANONYMOUS,
        tags=["écoute"],
    )
    english = Locale.objects.get(language_code="en")
    client.force_login(trainer)

    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [english.pk]},
    )

    assert response.status_code == 302
    translation = ContributionPage.objects.get(translation_key=page.translation_key, locale=english)
    assert not translation.live
    assert translation.author == author and translation.signed_by is None
    assert translation.signature == ContributionPage.ANONYMOUS
    assert list(translation.tags.names()) == ["écoute"]


def test_ownership_gives_a_peer_exactly_their_own_drafts(section, peer):
    index = section("contributions")
    published = ContributionPageFactory(parent=index, owner=peer)
    draft = ContributionPageFactory(parent=index, owner=peer, publish=False)
    others = ContributionPageFactory(parent=index, owner=UserFactory(roles=["peer"]))

    mine, live, theirs = (p.permissions_for_user(peer) for p in (draft, published, others))

    assert mine.can_edit() and mine.can_delete() and not mine.can_publish()
    assert live.can_edit() and not live.can_delete() and not live.can_unpublish()
    assert not theirs.can_edit() and not theirs.can_delete() and not theirs.can_unpublish()
    assert not mine.can_set_view_restrictions() and not mine.can_lock()

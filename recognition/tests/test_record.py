"""The recognition record: the member chooses what it shows; the public page shows exactly
that, nothing once withdrawn; nobody else reaches the record; no entry's words anywhere."""

import io

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

import pytest
from pypdf import PdfReader

from courses.factories import make_course
from courses.models import Enrollment
from gatherings import services as gatherings
from gatherings.factories import GroupSessionFactory
from gatherings.models import Attendance
from privacy.models import AuditEvent
from recognition import record, services
from recognition.models import AttestedStatus, RecordChoice, RecordLink

from .test_confidentiality import TEXT, TITLE, validated_entry

MODULE = "Écoute active et présence"
OTHER_MODULE = "Le rétablissement au quotidien"


def complete(peer, course):
    Enrollment.objects.create(
        user=peer,
        course_key=course.translation_key,
        status=Enrollment.COMPLETED,
        completed_at=timezone.now(),
    )


@pytest.fixture
def full(world, section):
    """The peer has two modules, a session attended, supervised practice, a confirmed
    competence, the charter, and a status attested."""
    catalogue = section("courses")
    world.module = make_course(catalogue, title=MODULE, duration_minutes=90, lessons=1)
    world.other_module = make_course(catalogue, title=OTHER_MODULE, lessons=1)
    complete(world.peer, world.module)
    complete(world.peer, world.other_module)
    session = GroupSessionFactory(group=world.group, facilitator=world.supervisor)
    gatherings.mark(session, world.peer, Attendance.PRESENT, by=world.supervisor)
    validated_entry(world)
    services.confirm(world.supervisor, world.peer, world.competence, 2, "Un beau chemin")
    services.attest_status(world.coordinator, world.peer, AttestedStatus.VOLUNTEER)
    return world


def choose(client, world, *keys):
    client.force_login(world.peer)
    return client.post(reverse("my_record"), {"show": list(keys)})


def public(client, link_token):
    client.logout()
    return client.get(reverse("record_public", kwargs={"token": link_token}))


def module_key(course):
    return f"module:{course.translation_key}"


def test_nothing_is_shown_until_the_peer_chooses(client, full):
    client.force_login(full.peer)
    page = client.get(reverse("my_record")).content.decode()
    assert "Vous choisissez ce que vous montrez" in page
    assert "votre relevé ne montre donc rien" in page
    assert not record.shown(full.peer)


def test_the_public_page_shows_exactly_what_was_chosen(client, full):
    choose(client, full, module_key(full.module), "practice", "status")
    assert RecordChoice.objects.filter(peer=full.peer).count() == 3
    link = record.create_link(full.peer)
    text = public(client, link.token).content.decode()
    assert MODULE in text and "1 h 30" in text
    assert OTHER_MODULE not in text
    assert "Écouter sans juger" not in text  # the competence was not chosen
    assert "Bénévole" in text or "bénévole" in text
    assert "Camille Peerson" in text
    assert "Vérifié par Entrepairs" in text
    assert "1 écrit réflexif validé" in text


def test_a_choice_outside_the_peers_own_items_is_ignored(client, full):
    choose(client, full, "module:00000000-0000-0000-0000-000000000000", "practice")
    assert set(RecordChoice.objects.values_list("key", flat=True)) == {"practice"}


def test_the_public_page_headers_and_views_counted(client, full):
    choose(client, full, "practice")
    link = record.create_link(full.peer)
    response = public(client, link.token)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]
    assert '<meta name="robots" content="noindex' in response.content.decode()
    public(client, link.token)
    link.refresh_from_db()
    assert link.views == 2 and link.last_viewed_on == timezone.localdate()
    client.force_login(full.peer)
    page = client.get(reverse("my_record")).content.decode()
    assert "Ouvert 2 fois" in page


def test_after_withdrawal_the_page_says_so_and_shows_nothing(client, full):
    choose(client, full, module_key(full.module))
    link = record.create_link(full.peer)
    token = link.token
    client.force_login(full.peer)
    url = reverse("my_record_link_revoke", kwargs={"pk": link.pk})
    assert client.post(url).status_code == 302
    response = public(client, token)
    assert response.status_code == 410
    text = response.content.decode()
    assert MODULE not in text and "Camille" not in text
    assert "retiré" in text
    link.refresh_from_db()
    assert link.token == "" and link.views == 0


def test_unknown_tokens_are_the_same_404(client, full):
    never = public(client, "never-existed-token")
    forged = public(client, "x" * 32)
    assert never.status_code == forged.status_code == 404
    # The same page, but for the address it repeats (the language switcher's links).
    assert never.content.replace(b"never-existed-token", b"T") == forged.content.replace(
        b"x" * 32, b"T"
    )


def test_the_token_is_found_by_its_hash(full):
    link = record.create_link(full.peer)
    raw = RecordLink.objects.filter(pk=link.pk).values_list("token_hash", flat=True).get()
    assert raw == record.token_hash(link.token) and link.token not in raw
    assert record.create_link(full.peer) == link  # one live link at a time


@pytest.mark.parametrize("who", ["other_peer", "trainer", "supervisor", "coordinator"])
def test_nobody_else_sees_or_withdraws_a_peers_record(client, full, who):
    choose(client, full, module_key(full.module), "practice")
    link = record.create_link(full.peer)
    user = getattr(full, who)
    client.force_login(user)
    page = client.get(reverse("my_record")).content.decode()
    assert MODULE not in page and link.token not in page
    url = reverse("my_record_link_revoke", kwargs={"pk": link.pk})
    assert client.post(url).status_code == 404
    link.refresh_from_db()
    assert link.is_live
    assert AuditEvent.objects.filter(action=AuditEvent.DENIED, actor=user).exists()
    client.post(reverse("my_record"), {"show": [module_key(full.module)]})
    assert set(RecordChoice.objects.filter(peer=full.peer).values_list("key", flat=True)) == {
        module_key(full.module),
        "practice",
    }


def test_no_entry_title_or_text_anywhere_in_the_record(client, full):
    available = record.record_of(full.peer)
    choose(client, full, *available.keys())
    link = record.create_link(full.peer)
    page = client.get(reverse("my_record")).content.decode()
    pdf = client.get(reverse("my_record_pdf")).content
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    shown = public(client, link.token).content.decode()
    for content in (page, shown, text, repr(available)):
        assert TITLE not in content and TEXT not in content
        assert "Un beau chemin" not in content  # the supervisor's comment
    assert "Écouter sans juger" in shown


def test_the_supervisors_name_only_when_they_agreed(client, full):
    full.supervisor.first_name, full.supervisor.last_name = "Dominique", "Superviseur"
    full.supervisor.save()
    choose(client, full, f"competence:{full.competence.translation_key}")
    link = record.create_link(full.peer)
    text = public(client, link.token).content.decode()
    assert "Dominique" not in text and "superviseur·e de son groupe" in text
    client.force_login(full.supervisor)
    url = reverse(
        "confirm_competence", kwargs={"pk": full.peer.pk, "key": full.competence.translation_key}
    )
    client.post(url, {"level": 3, "text": "", "name_shown": "on"})
    text = public(client, link.token).content.decode()
    assert "Dominique Superviseur" in text


def test_the_public_page_reads_a_bounded_number_of_rows(
    client, full, django_assert_max_num_queries
):
    available = record.record_of(full.peer)
    choose(client, full, *available.keys())
    link = record.create_link(full.peer)
    client.logout()
    url = reverse("record_public", kwargs={"token": link.token})
    client.get(url)  # caches warmed (site, locale)
    with django_assert_max_num_queries(30):
        assert client.get(url).status_code == 200


def test_the_record_speaks_english_too(client, full):
    choose(client, full, module_key(full.module), f"competence:{full.competence.translation_key}")
    link = record.create_link(full.peer)
    client.logout()
    with translation.override("en"):
        url = reverse("record_public", kwargs={"token": link.token})
    text = client.get(url).content.decode()
    assert "Listening without judging" in text and "I practise" in text
    assert "Verified by Entrepairs" in text


def test_anonymous_chooses_creates_and_withdraws_nothing(client, full):
    choose(client, full, "practice")
    link = record.create_link(full.peer)
    client.logout()
    posts = [
        (reverse("my_record"), {"show": [module_key(full.module)]}),
        (reverse("my_record_link"), {}),
        (reverse("my_record_link_revoke", kwargs={"pk": link.pk}), {}),
    ]
    for url, data in posts:
        response = client.post(url, data)
        assert response.status_code == 302 and "login" in response["Location"], url
    assert list(RecordChoice.objects.values_list("key", flat=True)) == ["practice"]
    assert list(RecordLink.objects.values_list("pk", flat=True)) == [link.pk]
    link.refresh_from_db()
    assert link.is_live


def test_a_withdrawn_or_unknown_link_cannot_be_withdrawn_by_another(client, full):
    link = record.create_link(full.peer)
    record.revoke(link)
    client.force_login(full.other_peer)
    for pk in (link.pk, link.pk + 1000):
        url = reverse("my_record_link_revoke", kwargs={"pk": pk})
        assert client.post(url).status_code == 404


def test_sessions_are_counted_and_named_only_if_the_peer_says_so(client, full):
    """A session's name tells which group it was, so where the peer practises: the count
    and hours by default, the names only with their own tick."""
    (sessions,) = record.record_of(full.peer).sessions
    (row,) = sessions.rows
    name = escape(row.title)
    link = record.create_link(full.peer)
    choose(client, full, sessions.key)
    text = public(client, link.token).content.decode()
    assert "1 séance" in text and name not in text
    client.force_login(full.peer)
    form = client.get(reverse("my_record")).content.decode()
    assert 'value="session-names"' in form and "où vous pratiquez" in form
    assert name not in form.split("Ce que montre votre relevé")[1]
    choose(client, full, sessions.key, record.SESSION_NAMES)
    assert name in public(client, link.token).content.decode()
    client.force_login(full.peer)
    pdf = client.get(reverse("my_record_pdf")).content
    assert row.title in "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def test_session_names_alone_show_nothing(client, full):
    choose(client, full, record.SESSION_NAMES)
    assert not record.shown(full.peer)

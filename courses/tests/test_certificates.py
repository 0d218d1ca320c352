"""Certificates and the record of training: issued on completion, real PDFs, public check."""

import io
import uuid
from datetime import date

from django.urls import reverse
from django.utils import timezone

import pytest
from pypdf import PdfReader

from courses.factories import lessons_of, make_course, right_answers
from courses.models import Certificate, Cohort
from home.factories import UserFactory
from privacy.models import AuditEvent

pytestmark = pytest.mark.django_db


def pdf_text(response):
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def complete(client, course):
    client.post(course.url + "enrol/")
    *lessons, last = lessons_of(course)
    for lesson in lessons:
        client.post(lesson.url + "complete/")
    client.post(last.url + "quiz/", {**right_answers(last), "submission": str(uuid.uuid4())})


@pytest.fixture
def learner(client):
    user = UserFactory(roles=["peer"], first_name="Inès", last_name="Lefèvre")
    client.force_login(user)
    return user


def cohort_of(course, learners, trainers, name="Promotion"):
    cohort = Cohort.objects.create(
        name=name, start_date=date(2026, 9, 1), end_date=date(2026, 12, 15)
    )
    cohort.modules.set([course])
    cohort.members.set(learners)
    cohort.trainers.set(trainers)
    return cohort


@pytest.fixture
def course(section):
    return make_course(section("courses"), title="Écoute active", duration_minutes=90)


def test_completing_a_module_issues_one_certificate(client, learner, course):
    complete(client, course)
    certificate = Certificate.objects.get(user=learner)
    assert certificate.learner_name == "Inès Lefèvre"
    assert certificate.course_title == "Écoute active" and certificate.is_valid
    complete(client, course)
    assert Certificate.objects.filter(user=learner).count() == 1


def test_no_certificate_when_the_module_does_not_issue_one(client, learner, section):
    course = make_course(section("courses"), issues_certificate=False)
    complete(client, course)
    assert not Certificate.objects.exists()


def test_the_certificate_pdf_says_who_what_when_and_how_to_check(client, learner, course):
    complete(client, course)
    certificate = Certificate.objects.get(user=learner)
    response = client.get(reverse("certificate_download", kwargs={"code": certificate.code}))
    text = pdf_text(response)
    for expected in [
        "Attestation de formation",
        "Inès Lefèvre",
        "Écoute active",
        "1 h 30",
        certificate.code,
        "/fr/attestations/" + certificate.code,
    ]:
        assert expected in text, expected
    assert timezone.localdate().strftime("%Y") in text


def test_the_certificate_is_in_the_learners_language(client, learner, course):
    complete(client, course)
    certificate = Certificate.objects.get(user=learner)
    with_en = reverse("certificate_download", kwargs={"code": certificate.code})
    response = client.get(
        with_en.replace("/fr/mon-parcours/attestations/", "/en/my-learning/certificates/")
    )
    text = pdf_text(response)
    assert "Training certificate" in text and "Écoute active (en)" in text


def test_another_learners_certificate_cannot_be_downloaded(client, learner, course):
    complete(client, course)
    certificate = Certificate.objects.get(user=learner)
    client.force_login(UserFactory(roles=["peer"]))
    response = client.get(reverse("certificate_download", kwargs={"code": certificate.code}))
    assert response.status_code == 404
    (event,) = AuditEvent.objects.filter(action=AuditEvent.DENIED)
    assert (event.subject_id, event.object_id) == (learner.pk, certificate.code)
    assert event.outcome == AuditEvent.FAILURE


def test_the_public_page_shows_only_name_module_date_and_validity(client, learner, course):
    complete(client, course)
    certificate = Certificate.objects.get(user=learner)
    client.logout()
    response = client.get(reverse("certificate_verify", kwargs={"code": certificate.code}))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Inès Lefèvre" in page and "Écoute active" in page and "valide" in page
    assert learner.email not in page and learner.username not in page


def test_a_revoked_certificate_says_so(client, learner, course):
    complete(client, course)
    certificate = Certificate.objects.get(user=learner)
    certificate.revoked_at = timezone.now()
    certificate.revocation_reason = "Erreur de saisie"
    certificate.save()
    client.logout()
    page = client.get(reverse("certificate_verify", kwargs={"code": certificate.code}))
    text = page.content.decode()
    assert "révoquée" in text and "Erreur de saisie" not in text


def test_an_unknown_code_is_a_404(client):
    response = client.get(reverse("certificate_verify", kwargs={"code": "AAAA-BBBB-CCCC"}))
    assert response.status_code == 404


def test_the_record_of_training_lists_completed_modules_and_hours(client, learner, section):
    catalogue = section("courses")
    first = make_course(catalogue, title="Premier module", duration_minutes=45)
    second = make_course(catalogue, title="Second module", duration_minutes=30)
    make_course(catalogue, title="Pas commencé", duration_minutes=20)
    complete(client, first)
    complete(client, second)
    text = pdf_text(client.get(reverse("training_record")))
    assert "Relevé de formation" in text and "Inès Lefèvre" in text
    assert "Premier module" in text and "Second module" in text
    assert "Pas commencé" not in text
    assert "2 modules terminés" in text and "1 h 15" in text


def test_the_record_needs_login(client):
    response = client.get(reverse("training_record"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_trainer_revokes_a_certificate_in_the_admin_with_a_reason(client, learner, course):
    complete(client, course)
    certificate = Certificate.objects.get(user=learner)
    trainer = UserFactory(roles=["trainer"])
    cohort_of(course, [learner], [trainer])
    client.force_login(trainer)
    edit_url = reverse("certificates:edit", args=[certificate.pk])
    assert client.get(reverse("certificates:index")).status_code == 200

    client.post(edit_url, {"revoked": "on", "revocation_reason": ""})
    certificate.refresh_from_db()
    assert certificate.is_valid  # a reason is required

    client.post(edit_url, {"revoked": "on", "revocation_reason": "Module suivi par erreur"})
    certificate.refresh_from_db()
    assert not certificate.is_valid and certificate.revoked_by == trainer


@pytest.mark.parametrize("role", ["peer", "supervisor"])
def test_other_roles_cannot_see_or_revoke_certificates(client, learner, course, role):
    complete(client, course)
    certificate = Certificate.objects.get(user=learner)
    client.force_login(UserFactory(roles=[role]))
    assert client.get(reverse("certificates:index")).status_code in (302, 403)
    client.post(
        reverse("certificates:edit", args=[certificate.pk]),
        {"revoked": "on", "revocation_reason": "x"},
    )
    certificate.refresh_from_db()
    assert certificate.is_valid


# In the editing space, a trainer reaches the certificates of their own cohorts only.


@pytest.fixture
def certificates(section):
    """Two modules, two cohorts with a trainer each, and a certificate per learner."""
    catalogue = section("courses")
    listening = make_course(catalogue, title="Écoute active", lessons=1, translate=False)
    relay = make_course(catalogue, title="Passer le relais", lessons=1, translate=False)
    ines, jules, lea = (UserFactory(roles=["peer"]) for _ in range(3))
    ours, theirs = UserFactory(roles=["trainer"]), UserFactory(roles=["trainer"])
    cohort_of(listening, [ines, jules], [ours], name="Nôtre")
    cohort_of(relay, [lea], [theirs], name="Autre")

    def certificate(user, course):
        return Certificate.objects.create(
            user=user,
            learner_name=user.get_full_name() or user.username,
            course_key=course.translation_key,
            course_title=course.title,
            duration_minutes=30,
        )

    return {
        "ours": ours,
        "theirs": theirs,
        "mine": certificate(ines, listening),
        # Jules is in our cohort, but this module is not the cohort's.
        "other_module": certificate(jules, relay),
        # Léa is not in our cohort.
        "other_cohort": certificate(lea, relay),
        # Self-paced: no cohort at all.
        "no_cohort": certificate(UserFactory(roles=["peer"]), listening),
    }


def test_a_trainer_lists_only_the_certificates_of_their_cohorts(client, certificates):
    client.force_login(certificates["ours"])
    page = client.get(reverse("certificates:index")).content.decode()
    assert certificates["mine"].code in page
    for other in ("other_module", "other_cohort", "no_cohort"):
        assert certificates[other].code not in page, other
    # Searching for another certificate's code finds nothing either.
    found = client.get(reverse("certificates:index"), {"q": certificates["other_cohort"].code})
    assert list(found.context["object_list"]) == []


@pytest.mark.parametrize("other", ["other_module", "other_cohort", "no_cohort"])
def test_another_certificate_is_a_404_in_every_view_and_stays_valid(client, certificates, other):
    certificate = certificates[other]
    client.force_login(certificates["ours"])
    for name in ("edit", "inspect", "history", "usage", "delete"):
        url = reverse(f"certificates:{name}", args=[certificate.pk])
        assert client.get(url).status_code == 404, name
    response = client.post(
        reverse("certificates:edit", args=[certificate.pk]),
        {"revoked": "on", "revocation_reason": "Pas le mien"},
    )
    assert response.status_code == 404
    certificate.refresh_from_db()
    assert certificate.is_valid


def test_a_trainer_revokes_a_certificate_of_their_cohort(client, certificates):
    certificate = certificates["mine"]
    client.force_login(certificates["ours"])
    assert client.get(reverse("certificates:inspect", args=[certificate.pk])).status_code == 200
    client.post(
        reverse("certificates:edit", args=[certificate.pk]),
        {"revoked": "on", "revocation_reason": "Suivi par erreur"},
    )
    certificate.refresh_from_db()
    assert not certificate.is_valid


def test_a_coordinator_sees_every_certificate(client, certificates):
    client.force_login(UserFactory(roles=["coordinator"]))
    page = client.get(reverse("certificates:index")).content.decode()
    for key in ("mine", "other_module", "other_cohort", "no_cohort"):
        assert certificates[key].code in page, key
    url = reverse("certificates:edit", args=[certificates["no_cohort"].pk])
    assert client.get(url).status_code == 200


def test_a_trainer_named_on_a_cohort_without_the_role_sees_none(client, certificates):
    former = certificates["ours"]
    former.groups.clear()
    former.groups.add(*UserFactory(roles=["peer"]).groups.all())
    from courses.services import certificates_visible_to

    assert not certificates_visible_to(former).exists()


def test_the_site_history_names_no_certificate_of_another_cohort(client, certificates):
    """Wagtail's history report (and its export) shows a trainer only the log entries of
    the certificates they reach; a coordinator sees them all."""
    foreign, mine = certificates["other_cohort"], certificates["mine"]
    client.force_login(UserFactory(roles=["coordinator"]))
    for certificate in (foreign, mine):
        client.post(
            reverse("certificates:edit", args=[certificate.pk]),
            {"revoked": "on", "revocation_reason": "Erreur de saisie"},
        )
    assert foreign.code in client.get("/admin/reports/site-history/").content.decode()

    client.force_login(certificates["ours"])
    page = client.get("/admin/reports/site-history/").content.decode()
    assert mine.code in page
    assert foreign.code not in page and foreign.learner_name not in page
    export = client.get("/admin/reports/site-history/?export=csv")
    text = b"".join(export.streaming_content).decode()
    assert mine.code in text and foreign.code not in text

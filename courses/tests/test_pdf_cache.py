"""PDFs built once: the same document asked again comes from the shared cache (``home.pdf``),
a change of what it shows builds a new one, and no member receives another's."""

import io

from django.urls import reverse
from django.utils import timezone

import pytest
from pypdf import PdfReader

from courses.factories import make_course
from courses.models import Certificate
from home import pdf
from home.factories import UserFactory

from .test_certificates import complete

pytestmark = pytest.mark.django_db


def text_of(response):
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def builds(monkeypatch):
    """The HTML documents WeasyPrint was asked to build, in order."""
    built = []
    write = pdf.write_pdf

    def counting(html):
        built.append(html)
        return write(html)

    monkeypatch.setattr(pdf, "write_pdf", counting)
    return built


@pytest.fixture
def course(section):
    return make_course(section("courses"), title="Écoute active", lessons=1, duration_minutes=90)


def member(client, first_name, last_name):
    user = UserFactory(roles=["peer"], first_name=first_name, last_name=last_name)
    client.force_login(user)
    return user


def certificate_url(user):
    code = Certificate.objects.get(user=user).code
    return reverse("certificate_download", kwargs={"code": code})


def test_a_certificate_downloaded_again_is_not_built_again(client, course, builds):
    ines = member(client, "Inès", "Lefèvre")
    complete(client, course)
    first = client.get(certificate_url(ines))
    second = client.get(certificate_url(ines))
    assert len(builds) == 1
    assert second.content == first.content and "Inès Lefèvre" in text_of(second)


def test_a_certificate_is_built_once_per_language(client, course, builds):
    ines = member(client, "Inès", "Lefèvre")
    complete(client, course)
    french = certificate_url(ines)
    english = french.replace("/fr/mon-parcours/attestations/", "/en/my-learning/certificates/")
    assert "Attestation de formation" in text_of(client.get(french))
    assert "Training certificate" in text_of(client.get(english))
    client.get(french), client.get(english)
    assert len(builds) == 2


def test_a_revoked_certificate_is_built_again_and_says_so(client, course, builds):
    ines = member(client, "Inès", "Lefèvre")
    complete(client, course)
    assert "révoquée" not in text_of(client.get(certificate_url(ines)))
    certificate = Certificate.objects.get(user=ines)
    certificate.revoked_at = timezone.now()
    certificate.revocation_reason = "Erreur de saisie"
    certificate.save()
    response = client.get(certificate_url(ines))
    text = text_of(response)
    assert len(builds) == 2
    assert len(PdfReader(io.BytesIO(response.content)).pages) == 1  # the notice fits
    assert "révoquée" in text and "Erreur de saisie" not in text


def test_the_record_of_training_is_built_again_after_a_new_completion(client, section, builds):
    catalogue = section("courses")
    first = make_course(catalogue, title="Premier module", lessons=1)
    second = make_course(catalogue, title="Second module", lessons=1)
    member(client, "Inès", "Lefèvre")
    complete(client, first)
    before = client.get(reverse("training_record"))
    assert client.get(reverse("training_record")).content == before.content
    assert len(builds) == 1
    complete(client, second)
    text = text_of(client.get(reverse("training_record")))
    assert len(builds) == 2
    assert "Premier module" in text and "Second module" in text


def test_no_member_receives_another_members_cached_pdf(client, course, builds):
    ines = member(client, "Inès", "Lefèvre")
    complete(client, course)
    ines_record = client.get(reverse("training_record"))
    ines_certificate = client.get(certificate_url(ines))

    jules = member(client, "Jules", "Martin")
    complete(client, course)
    record = text_of(client.get(reverse("training_record")))
    certificate = text_of(client.get(certificate_url(jules)))
    assert len(builds) == 4
    assert "Jules Martin" in record and "Inès" not in record
    assert "Jules Martin" in certificate and "Inès" not in certificate
    assert Certificate.objects.get(user=ines).code not in certificate
    # Inès still receives her own, from the cache.
    client.force_login(ines)
    assert client.get(reverse("training_record")).content == ines_record.content
    assert client.get(certificate_url(ines)).content == ines_certificate.content
    assert len(builds) == 4


def test_the_cache_key_follows_every_part_of_the_document():
    key = pdf.cache_key("<p>Inès</p>", lang="fr", title="Relevé", author="Association")
    assert key == pdf.cache_key("<p>Inès</p>", lang="fr", title="Relevé", author="Association")
    assert "Inès" not in key
    for changed in [
        pdf.cache_key("<p>Jules</p>", lang="fr", title="Relevé", author="Association"),
        pdf.cache_key("<p>Inès</p>", lang="en", title="Relevé", author="Association"),
        pdf.cache_key("<p>Inès</p>", lang="fr", title="Record", author="Association"),
        pdf.cache_key("<p>Inès</p>", lang="fr", title="Relevé", author="Autre"),
    ]:
        assert changed != key

"""Every PDF the site makes is tagged (PDF/UA-1, ``home.pdf``): a structure tree, /MarkInfo
marked, /Lang in the reader's language, a title shown, fonts embedded, texts extractable.

One test per PDF and language: the certificate, the record of training, the attendance sheet,
the recognition record.
"""

import io
import uuid

from django.urls import reverse
from django.utils import translation

import pytest
from pypdf import PdfReader
from pypdf.generic import BooleanObject

from courses.factories import lessons_of, make_course, right_answers
from courses.models import Certificate
from gatherings import services as gatherings
from gatherings.factories import GroupSessionFactory
from gatherings.models import Attendance
from home.charter import acknowledge, current_charter
from home.factories import UserFactory
from practice_analysis.factories import PracticeGroupFactory
from recognition import record

pytestmark = pytest.mark.django_db

LANGUAGES = ["fr", "en"]


def fonts_of(reader):
    """Every font dictionary the pages use (Type0 fonts through their descendants)."""
    found = []
    for page in reader.pages:
        for font in page["/Resources"].get_object().get("/Font", {}).values():
            font = font.get_object()
            found.append(font)
            found.extend(d.get_object() for d in font.get("/DescendantFonts", []))
    return found


def assert_tagged(response, language, title, texts):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    catalog = reader.trailer["/Root"]
    assert catalog["/StructTreeRoot"].get_object()["/Type"] == "/StructTreeRoot"
    assert catalog["/MarkInfo"]["/Marked"] == BooleanObject(True)
    assert catalog["/Lang"] == language
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"] == BooleanObject(True)
    assert title in reader.metadata.title
    described = [
        f["/FontDescriptor"].get_object() for f in fonts_of(reader) if "/FontDescriptor" in f
    ]
    assert described and all(
        {"/FontFile", "/FontFile2", "/FontFile3"} & set(d) for d in described
    ), "every font is embedded"
    assert any("Atkinson" in str(d["/FontName"]) for d in described)
    text = "\n".join(page.extract_text() for page in reader.pages)
    for expected in texts:
        assert expected in text, expected


@pytest.fixture
def learner(client):
    user = UserFactory(roles=["peer"], first_name="Inès", last_name="Lefèvre")
    client.force_login(user)
    return user


@pytest.fixture
def completed(client, learner, section):
    course = make_course(section("courses"), title="Écoute active", duration_minutes=90)
    client.post(course.url + "enrol/")
    *lessons, last = lessons_of(course)
    for lesson in lessons:
        client.post(lesson.url + "complete/")
    client.post(last.url + "quiz/", {**right_answers(last), "submission": str(uuid.uuid4())})
    return course


WORDS = {
    "fr": {
        "certificate": "Attestation de formation",
        "record": "Relevé de formation",
        "sheet": "Feuille d'émargement",
        "recognition": "Relevé de reconnaissance",
        "verify": "Vérifier ce relevé",
    },
    "en": {
        "certificate": "Training certificate",
        "record": "Record of training",
        "sheet": "Attendance sheet",
        "recognition": "Recognition record",
        "verify": "Verify this record",
    },
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_certificate_is_tagged(client, learner, completed, language):
    certificate = Certificate.objects.get(user=learner)
    with translation.override(language):
        url = reverse("certificate_download", kwargs={"code": certificate.code})
    title = WORDS[language]["certificate"]
    texts = [title, "Inès Lefèvre", "Écoute active", certificate.code]
    assert_tagged(client.get(url), language, title, texts)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_record_of_training_is_tagged(client, learner, completed, language):
    with translation.override(language):
        url = reverse("training_record")
    title = WORDS[language]["record"]
    texts = [title, "Inès Lefèvre", "Écoute active", "1 h 30"]
    assert_tagged(client.get(url), language, title, texts)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_attendance_sheet_is_tagged(client, language):
    charter = current_charter()
    supervisor = UserFactory(roles=["supervisor"])
    member = UserFactory(roles=["peer"], first_name="Noé", last_name="Ménard")
    for person in (supervisor, member):
        acknowledge(person, charter, "fr")
    group = PracticeGroupFactory(members=[member], supervisors=[supervisor])
    session = GroupSessionFactory(group=group, facilitator=supervisor)
    gatherings.mark(session, member, Attendance.PRESENT, by=supervisor)
    client.force_login(supervisor)
    with translation.override(language):
        url = reverse("session_attendance_sheet", kwargs={"pk": session.pk})
    title = WORDS[language]["sheet"]
    texts = [title, "Noé Ménard", "Signature"]
    assert_tagged(client.get(url), language, title, texts)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_recognition_record_is_tagged(client, learner, completed, language):
    record.choose(learner, {f"module:{completed.translation_key}"}, record.record_of(learner))
    record.create_link(learner)
    with translation.override(language):
        url = reverse("my_record_pdf")
    title = WORDS[language]["recognition"]
    texts = [title, "Inès Lefèvre", "Écoute active", "1 h 30", WORDS[language]["verify"]]
    assert_tagged(client.get(url), language, title, texts)


def test_the_qr_code_is_an_image_a_browser_draws():
    """A standalone SVG needs its namespace, or the page's ``<img>`` shows only its alt text
    (the recognition record's verification link)."""
    import base64
    from xml.etree import ElementTree

    from home.pdf import qr_data_uri

    prefix = "data:image/svg+xml;base64,"
    uri = qr_data_uri("https://example.org/fr/releve/token/")
    assert uri.startswith(prefix)
    root = ElementTree.fromstring(base64.b64decode(uri.removeprefix(prefix)))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"

"""Upload rules, through the real upload views: Wagtail images and documents, the file library.

Every file is made here (Pillow, WeasyPrint, openpyxl, zipfile): no binary is committed.
"""

import io
import json
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.users.models import UserProfile

import pytest
from filer.models import File, Folder
from openpyxl import Workbook
from PIL import Image as PILImage
from weasyprint import HTML

from home.roles import COLLECTIONS, FOLDERS
from home.uploads import DOCUMENT_KINDS, check_upload

pytestmark = pytest.mark.django_db

Document = get_document_model()
WagtailImage = get_image_model()

HTML_PAGE = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG_WITH_SCRIPT = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)">'
    b"<script>alert(2)</script>"
    b'<a href="javascript:alert(3)"><rect width="10" height="10" fill="red"/></a>'
    b"<foreignObject><div>hi</div></foreignObject>"
    b"</svg>"
)


def image_bytes(fmt="PNG", size=(8, 8)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "teal").save(buffer, fmt)
    return buffer.getvalue()


def pdf_bytes(text="Compte rendu"):
    return HTML(string=f"<p>{text}</p>").write_pdf()


def xlsx_bytes():
    buffer = io.BytesIO()
    workbook = Workbook()
    workbook.active["A1"] = "Présences"
    workbook.save(buffer)
    return buffer.getvalue()


def zip_bytes(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx_bytes():
    return zip_bytes(
        {
            "[Content_Types].xml": "<Types/>",
            "word/document.xml": "<w:document/>",
        }
    )


def odt_bytes():
    return zip_bytes({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"})


def upload(name, content):
    return SimpleUploadedFile(name, content)


# Wagtail images


@pytest.fixture
def training_collection():
    return Collection.objects.get(name=COLLECTIONS["training"])


def add_image(client, user, collection, name, content):
    client.force_login(user)
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"collection": collection.pk, "files[]": upload(name, content)},
    )
    assert response.status_code == 200
    return response.json()


def test_trainer_adds_a_real_png(client, trainer, training_collection):
    result = add_image(client, trainer, training_collection, "affiche.png", image_bytes())

    assert result["success"] is True
    assert WagtailImage.objects.filter(title="affiche.png").exists()


def test_peer_adds_a_real_jpeg_to_contributions(client, peer):
    contributions = Collection.objects.get(name=COLLECTIONS["contributions"])
    result = add_image(client, peer, contributions, "atelier.jpg", image_bytes("JPEG"))

    assert result["success"] is True


def test_web_page_named_like_an_image_is_refused(client, trainer, training_collection):
    result = add_image(client, trainer, training_collection, "photo.png", HTML_PAGE)

    assert result["success"] is False
    assert not WagtailImage.objects.exists()


def test_svg_is_refused_as_a_wagtail_image(client, trainer, training_collection):
    result = add_image(client, trainer, training_collection, "logo.svg", SVG_WITH_SCRIPT)

    assert result["success"] is False
    assert "PNG" in result["error_message"]  # Wagtail lists the accepted formats
    assert not WagtailImage.objects.exists()


def test_image_over_the_limit_is_refused_in_french(client, trainer, training_collection, settings):
    content = image_bytes(size=(64, 64))
    settings.UPLOAD_MAX_IMAGE_SIZE = len(content) - 1

    result = add_image(client, trainer, training_collection, "grande.png", content)

    assert result["success"] is False
    assert "« grande.png » est trop volumineux" in result["error_message"]
    assert not WagtailImage.objects.exists()


def test_image_refusal_is_in_the_editors_language(client, trainer, training_collection, settings):
    profile = UserProfile.get_for_user(trainer)
    profile.preferred_language = "en"
    profile.save()
    content = image_bytes(size=(64, 64))
    settings.UPLOAD_MAX_IMAGE_SIZE = len(content) - 1

    result = add_image(client, trainer, training_collection, "big.png", content)

    assert "“big.png” is too large" in result["error_message"]


def test_single_image_add_view_refuses_a_disguised_page(client, trainer, training_collection):
    client.force_login(trainer)
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Photo",
            "collection": training_collection.pk,
            "file": upload("photo.jpg", HTML_PAGE),
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not WagtailImage.objects.exists()


# Wagtail documents


def add_document(client, user, name, content):
    client.force_login(user)
    collection = Collection.objects.get(name=COLLECTIONS["training"])
    response = client.post(
        reverse("wagtaildocs:add_multiple"),
        {"collection": collection.pk, "files[]": upload(name, content)},
    )
    assert response.status_code == 200
    return response.json()


@pytest.mark.parametrize(
    "name,make",
    [
        ("programme.pdf", pdf_bytes),
        ("presences.xlsx", xlsx_bytes),
        ("trame.docx", docx_bytes),
        ("trame.odt", odt_bytes),
        ("notes.txt", lambda: "Prochaine séance : jeudi.\n".encode()),
        ("temoignage.mp3", lambda: b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x00" * 64),
    ],
)
def test_trainer_adds_real_documents(client, trainer, name, make):
    result = add_document(client, trainer, name, make())

    assert result["success"] is True, result
    assert Document.objects.filter(title=name).exists()


def test_fake_pdf_that_is_really_a_web_page_is_refused(client, trainer):
    result = add_document(client, trainer, "programme.pdf", HTML_PAGE)

    assert result["success"] is False
    assert result["error_message"].startswith("« programme.pdf » est une page web")
    assert not Document.objects.exists()


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page.xhtml", "script.js"])
def test_web_pages_and_scripts_are_refused_by_name(client, trainer, name):
    result = add_document(client, trainer, name, b"hello")

    assert result["success"] is False
    assert not Document.objects.exists()


def test_text_file_hiding_a_script_is_refused(client, trainer):
    content = b"Notes de la seance\n\n<script>fetch('/admin/')</script>\n"
    result = add_document(client, trainer, "notes.txt", content)

    assert result["success"] is False
    assert not Document.objects.exists()


def test_spreadsheet_renamed_as_a_text_document_is_refused(client, trainer):
    result = add_document(client, trainer, "trame.docx", xlsx_bytes())

    assert result["success"] is False
    assert "trame.docx" in result["error_message"]
    assert ".docx" in result["error_message"]
    assert not Document.objects.exists()


def test_document_over_the_limit_is_refused(client, trainer, settings):
    content = pdf_bytes()
    settings.UPLOAD_MAX_DOCUMENT_SIZE = 20 * 1024 * 1024
    oversized = content + b"%" * (settings.UPLOAD_MAX_DOCUMENT_SIZE + 1 - len(content))

    result = add_document(client, trainer, "lourd.pdf", oversized)

    assert result["success"] is False
    assert "20,0\xa0Mio au plus" in result["error_message"]
    assert not Document.objects.exists()


def test_unlisted_type_is_refused_with_the_accepted_types(client, trainer):
    result = add_document(client, trainer, "outil.exe", b"MZ\x90\x00")

    assert result["success"] is False
    assert not Document.objects.exists()


# The file library (django-filer's upload endpoint)


def library_upload(client, user, name, content, **headers):
    client.force_login(user)
    folder = Folder.objects.get(name=FOLDERS["training"], parent=None)
    return client.post(
        reverse("admin:filer-ajax_upload", kwargs={"folder_id": folder.pk}),
        {"file": upload(name, content)},
        **headers,
    )


def test_trainer_adds_a_real_pdf_to_the_library(client, trainer):
    response = library_upload(client, trainer, "guide.pdf", pdf_bytes())

    assert response.status_code == 200, response.content
    stored = File.objects.get(original_filename="guide.pdf")
    assert not stored.is_public


def test_peer_cannot_upload_to_the_library(client, peer):
    response = library_upload(client, peer, "guide.pdf", pdf_bytes())

    # Peers are not let into the Django admin at all: its login page, nothing stored.
    assert response.status_code == 302
    assert response["Location"].startswith("/django-admin/login/")
    assert not File.objects.exists()


def test_library_refuses_a_fake_pdf_in_french(client, trainer):
    response = library_upload(client, trainer, "guide.pdf", HTML_PAGE)

    assert response.status_code == 400
    error = json.loads(response.content)["error"]
    assert error.startswith("« guide.pdf » est une page web")
    assert not File.objects.exists()


def test_library_refusal_follows_the_browser_language(client, trainer):
    response = library_upload(client, trainer, "guide.pdf", HTML_PAGE, HTTP_ACCEPT_LANGUAGE="en")

    assert "“guide.pdf” is a web page or a script" in json.loads(response.content)["error"]


def test_library_refuses_html_by_name(client, trainer):
    response = library_upload(client, trainer, "index.html", HTML_PAGE)

    assert response.status_code == 400
    assert not File.objects.exists()


def test_library_refuses_unknown_types(client, trainer):
    response = library_upload(client, trainer, "archive.bin", b"\x00\x01\x02")

    assert response.status_code == 400
    assert ".pdf" in json.loads(response.content)["error"]
    assert not File.objects.exists()


def test_library_refuses_an_oversized_image(client, trainer, settings):
    content = image_bytes(size=(64, 64))
    settings.UPLOAD_MAX_IMAGE_SIZE = len(content) - 1

    response = library_upload(client, trainer, "grande.png", content)

    assert response.status_code == 400
    assert not File.objects.exists()


def test_library_sanitises_svg(client, trainer):
    response = library_upload(client, trainer, "logo.svg", SVG_WITH_SCRIPT)

    assert response.status_code == 200, response.content
    stored = File.objects.get(original_filename="logo.svg")
    with stored.file.open("rb") as handle:
        content = handle.read().lower()
    assert b"<rect" in content
    for dangerous in (b"script", b"onload", b"javascript:", b"foreignobject"):
        assert dangerous not in content


def test_library_refuses_an_svg_without_a_size(client, trainer):
    response = library_upload(
        client, trainer, "logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>'
    )

    assert response.status_code == 400
    assert "« logo.svg » n\u2019a pas de taille" in json.loads(response.content)["error"]
    assert not File.objects.exists()


def test_library_refuses_a_web_page_named_svg(client, trainer):
    response = library_upload(client, trainer, "logo.svg", HTML_PAGE)

    assert response.status_code == 400
    assert not File.objects.exists()


def test_library_strips_photo_metadata(client, trainer):
    exif = PILImage.Exif()
    exif[0x010F] = "Appareil de Chloé"  # Make
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "teal").save(buffer, "JPEG", exif=exif)

    response = library_upload(client, trainer, "atelier.jpg", buffer.getvalue())

    assert response.status_code == 200, response.content
    stored = File.objects.get(original_filename="atelier.jpg")
    with stored.file.open("rb") as handle:
        assert not PILImage.open(handle).getexif()


def test_replacing_a_library_file_is_checked_too(client, trainer):
    assert library_upload(client, trainer, "guide.pdf", pdf_bytes()).status_code == 200
    stored = File.objects.get(original_filename="guide.pdf")

    response = client.post(
        reverse("admin:filer_file_change", args=[stored.pk]),
        {
            "name": "Guide",
            "original_filename": "guide.pdf",
            "owner": trainer.pk,
            "description": "",
            "file": upload("guide.pdf", HTML_PAGE),
        },
    )

    assert response.status_code == 200
    assert escape("une page web") in response.content.decode()
    with File.objects.get(pk=stored.pk).file.open("rb") as handle:
        assert handle.read().startswith(b"%PDF")


# The rules themselves


@pytest.mark.parametrize(
    "content",
    [
        b"  <html><body>hi</body></html>",
        b"\xef\xbb\xbf<!doctype HTML><p>hi",
        b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'/>",
        b"<svg onload='alert(1)'/>",
    ],
)
def test_html_is_recognised_whatever_the_extension(content):
    for name in ("notes.txt", "scan.pdf", "photo.png"):
        with translation.override("en"), pytest.raises(ValidationError, match="web page"):
            check_upload(io.BytesIO(content), name, (*DOCUMENT_KINDS, "png"))


def test_text_in_windows_encoding_is_plain_text():
    kind = check_upload(io.BytesIO("Séance du 3 mai".encode("cp1252")), "notes.txt", DOCUMENT_KINDS)

    assert kind.name == "txt"


def test_binary_named_txt_is_refused():
    with translation.override("en"), pytest.raises(ValidationError, match=r"not really a \.txt"):
        check_upload(io.BytesIO(image_bytes()), "notes.txt", DOCUMENT_KINDS)

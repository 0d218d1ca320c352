"""Charter acknowledgement: the form, the banner, versions, languages and the guard."""

from urllib.parse import parse_qs, quote, urlsplit

from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

import pytest
from bs4 import BeautifulSoup

from home.charter import acknowledge, charter_required
from home.models import CharterAcknowledgement

pytestmark = pytest.mark.django_db


def acknowledge_url(language="fr"):
    with translation.override(language):
        return reverse("charter_acknowledge")


def acknowledgement_form(response):
    """The acknowledgement form of a charter page, or None."""
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.find("form", action=acknowledge_url(response.wsgi_request.LANGUAGE_CODE))


def has_banner(response, charter):
    """Whether the page invites the member to read the charter and come back."""
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return any(a["href"].startswith(f"{charter.url}?next=") for a in soup.find_all("a", href=True))


def publish_new_version(charter, version):
    charter.version = version
    charter.save_revision().publish()


@pytest.fixture
def logged_in(client, member):
    client.force_login(member)
    return client


def test_anonymous_visitor_sees_no_form_and_no_banner(client, section):
    charter = section("charter")

    assert acknowledgement_form(client.get(charter.url)) is None
    assert not has_banner(client.get("/fr/"), charter)


def test_member_sees_the_form_on_the_charter(logged_in, section):
    charter = section("charter")

    form = acknowledgement_form(logged_in.get(charter.url))

    assert form is not None
    assert form["method"] == "post"
    assert form.find("input", attrs={"name": "charter"})["value"] == str(charter.pk)


def test_form_carries_the_next_parameter(logged_in, section):
    charter = section("charter")

    form = acknowledgement_form(logged_in.get(f"{charter.url}?next=/fr/analyse-de-pratiques/"))

    assert form.find("input", attrs={"name": "next"})["value"] == "/fr/analyse-de-pratiques/"


@pytest.mark.parametrize(
    ("url", "language"),
    [("/fr/", "fr"), ("/fr/association/", "fr"), ("/en/", "en"), ("/en/about-us/", "en")],
)
def test_member_sees_the_banner_on_other_pages(logged_in, section, url, language):
    assert has_banner(logged_in.get(url), section("charter", language))


def test_banner_brings_the_member_back(logged_in, section):
    charter = section("charter")
    soup = BeautifulSoup(logged_in.get("/fr/association/").content, "html.parser")

    links = [a["href"] for a in soup.find_all("a", href=True) if a["href"].startswith(charter.url)]
    queries = [parse_qs(urlsplit(href).query) for href in links]

    assert {"next": ["/fr/association/"]} in queries


def test_no_banner_on_the_charter_itself(logged_in, section):
    charter = section("charter")

    assert not has_banner(logged_in.get(charter.url), charter)


def test_acknowledging_records_it_and_removes_form_and_banner(logged_in, member, section):
    charter = section("charter")

    response = logged_in.post(acknowledge_url(), {"charter": charter.pk})

    assert response.status_code == 302
    assert response["Location"] == charter.url
    acknowledgement = CharterAcknowledgement.objects.get(user=member)
    assert acknowledgement.charter_key == charter.translation_key
    assert acknowledgement.version == "1"
    assert acknowledgement.language == "fr"
    assert acknowledgement_form(logged_in.get(charter.url)) is None
    assert not has_banner(logged_in.get("/fr/"), charter)


def test_acknowledging_twice_keeps_one_record(logged_in, member, section):
    charter = section("charter")

    logged_in.post(acknowledge_url(), {"charter": charter.pk})
    response = logged_in.post(acknowledge_url(), {"charter": charter.pk})

    assert response.status_code == 302
    assert CharterAcknowledgement.objects.filter(user=member).count() == 1


def test_new_version_asks_again(logged_in, member, section):
    charter = section("charter")
    logged_in.post(acknowledge_url(), {"charter": charter.pk})
    assert logged_in.get("/fr/analyse-de-pratiques/").status_code == 200

    publish_new_version(charter, "2")

    assert has_banner(logged_in.get("/fr/"), charter)
    response = logged_in.get("/fr/analyse-de-pratiques/")
    assert response.status_code == 302
    assert response["Location"].startswith(f"{charter.url}?next=")
    assert acknowledgement_form(logged_in.get(charter.url)) is not None

    logged_in.post(acknowledge_url(), {"charter": charter.pk})

    assert set(
        CharterAcknowledgement.objects.filter(user=member).values_list("version", flat=True)
    ) == {"1", "2"}
    assert logged_in.get("/fr/analyse-de-pratiques/").status_code == 200


def test_typo_fix_without_new_version_does_not_ask_again(logged_in, section):
    charter = section("charter")
    logged_in.post(acknowledge_url(), {"charter": charter.pk})

    charter.intro = "<p>Les engagements que nous prenons ensemble (coquille corrigée).</p>"
    charter.save_revision().publish()

    assert not has_banner(logged_in.get("/fr/"), charter)
    assert logged_in.get("/fr/analyse-de-pratiques/").status_code == 200


def test_acknowledging_in_english_counts_in_french(logged_in, member, section):
    english = section("charter", "en")

    response = logged_in.post(
        acknowledge_url("en"), {"charter": english.pk, "next": "/en/practice-analysis/"}
    )

    assert response["Location"] == "/en/practice-analysis/"
    acknowledgement = CharterAcknowledgement.objects.get(user=member)
    assert acknowledgement.charter_key == section("charter").translation_key
    assert acknowledgement.language == "en"
    assert logged_in.get("/fr/analyse-de-pratiques/").status_code == 200
    assert not has_banner(logged_in.get("/fr/"), section("charter"))
    assert acknowledgement_form(logged_in.get(section("charter").url)) is None


def test_english_reader_is_not_given_an_outdated_charter(logged_in, section):
    """Until the English text of a new version is published, English readers get the French."""
    french = section("charter")
    publish_new_version(french, "2")  # the English translation is not updated yet

    response = logged_in.get("/en/practice-analysis/", follow=True)

    assert response.context["page"].version == "2"
    assert has_banner(logged_in.get("/en/"), french)


def test_acknowledging_an_outdated_translation_does_not_count(logged_in, section):
    publish_new_version(section("charter"), "2")  # the English translation is still version 1
    english = section("charter", "en")
    assert english.version == "1"

    logged_in.post(acknowledge_url("en"), {"charter": english.pk})

    assert logged_in.get("/fr/analyse-de-pratiques/").status_code == 302


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/"])
def test_next_to_another_host_is_not_followed(logged_in, section, next_url):
    charter = section("charter")

    response = logged_in.post(acknowledge_url(), {"charter": charter.pk, "next": next_url})

    assert response.status_code == 302
    assert "evil.example" not in response["Location"]
    assert response["Location"] == charter.url


def test_get_on_acknowledge_is_not_allowed(logged_in):
    assert logged_in.get(acknowledge_url()).status_code == 405


def test_anonymous_post_is_sent_to_login_and_records_nothing(client, section):
    response = client.post(acknowledge_url(), {"charter": section("charter").pk})

    assert response.status_code == 302
    assert response["Location"].startswith("/fr/accounts/login/?next=")
    assert not CharterAcknowledgement.objects.exists()


@pytest.mark.parametrize("charter_id", ["999999999", ""])
def test_unknown_charter_gives_404(logged_in, charter_id):
    response = logged_in.post(acknowledge_url(), {"charter": charter_id})

    assert response.status_code == 404
    assert not CharterAcknowledgement.objects.exists()


def test_unpublished_charter_gives_404(logged_in, section):
    charter = section("charter", "en")
    charter.unpublish()

    response = logged_in.post(acknowledge_url("en"), {"charter": charter.pk})

    assert response.status_code == 404
    assert not CharterAcknowledgement.objects.exists()


@pytest.mark.parametrize("charter_id", ["abc", "1.5", "-1", "1 OR 1=1"])
def test_non_numeric_charter_id_gives_404(logged_in, charter_id):
    logged_in.raise_request_exception = False

    response = logged_in.post(acknowledge_url(), {"charter": charter_id})

    assert response.status_code == 404
    assert not CharterAcknowledgement.objects.exists()


# The guard other apps use on their views


@charter_required
def members_space(request):
    return HttpResponse("inside")


def guarded_request(user, path="/fr/groupes/?tab=2"):
    request = RequestFactory().get(path)
    request.user = user
    return request


def test_guard_sends_member_to_the_charter_then_back(member, section):
    response = members_space(guarded_request(member))

    assert response.status_code == 302
    assert response["Location"] == f"/fr/charte/?next={quote('/fr/groupes/?tab=2', safe='')}"


def test_guard_lets_member_in_after_acknowledgement(member, section):
    acknowledge(member, section("charter"), language="fr")

    response = members_space(guarded_request(member))

    assert response.status_code == 200
    assert response.content == b"inside"


def test_guard_sends_english_member_to_the_english_charter(member):
    with translation.override("en"):
        response = members_space(guarded_request(member, "/en/groups/"))

    assert response["Location"].startswith("/en/charter/?next=")


def test_guard_asks_again_after_a_new_version(member, section):
    acknowledge(member, section("charter"), language="fr")
    publish_new_version(section("charter"), "2")

    assert members_space(guarded_request(member)).status_code == 302


def test_guard_sends_anonymous_visitors_to_login():
    response = members_space(guarded_request(AnonymousUser()))

    assert response.status_code == 302
    assert response["Location"] == f"/fr/accounts/login/?next={quote('/fr/groupes/?tab=2')}"

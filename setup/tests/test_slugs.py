"""Pages made before addresses lost their accents get an ASCII slug from ``bootstrap``, and
their old addresses redirect to the new ones."""

import io

from django.core.management import call_command

import pytest

from home.models import StandardPage

pytestmark = pytest.mark.django_db


def accented_page(parent, title, slug):
    page = StandardPage(title=title)
    parent.add_child(instance=page)
    page.slug = slug  # as Wagtail made it before WAGTAIL_ALLOW_UNICODE_SLUGS = False
    page.save(clean=False)
    page.save_revision().publish()
    return page


def bootstrap():
    out = io.StringIO()
    call_command("bootstrap", stdout=out)
    return out.getvalue()


def test_accented_addresses_become_ascii_and_old_ones_redirect(
    section, client, django_capture_on_commit_callbacks
):
    parent = accented_page(section("home"), "Séance d'écoute", "séance-découte")
    child = accented_page(parent, "À Besançon", "à-besançon")
    old_child_url = child.url

    with django_capture_on_commit_callbacks(execute=True):  # Wagtail's redirects
        assert "séance-découte → seance-decoute" in bootstrap()

    parent.refresh_from_db()
    child.refresh_from_db()
    assert (parent.slug, child.slug) == ("seance-decoute", "a-besancon")
    assert child.url.endswith("/seance-decoute/a-besancon/")
    # The next publish keeps the new address.
    assert parent.latest_revision.content["slug"] == "seance-decoute"
    parent.save_revision().publish()
    parent.refresh_from_db()
    assert parent.slug == "seance-decoute"
    # Links sent before the change still lead to the page.
    response = client.get(old_child_url)
    assert response.status_code == 301
    assert response["Location"].endswith("/seance-decoute/a-besancon/")
    # A second run has nothing to change.
    assert "→" not in bootstrap()


def test_a_new_address_taken_by_a_sibling_gets_a_number(section):
    home = section("home")
    taken = StandardPage(title="Seance")
    home.add_child(instance=taken)
    assert taken.slug == "seance"
    page = accented_page(home, "Séance", "séance")

    bootstrap()

    page.refresh_from_db()
    assert page.slug == "seance-2"

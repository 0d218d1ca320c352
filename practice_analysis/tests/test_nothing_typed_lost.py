"""Nothing typed is lost (issue 16): the entry and review forms are kept by the autosave
script, and a review sent as the session ended comes back to the page it was typed on.

What the script does in the browser is tested in ``tests/e2e/test_nothing_typed_lost.py``.
"""

import re
import time

from django.urls import reverse
from django.utils import timezone

import pytest

from accounts.middleware import LAST_ACTIVITY_KEY, SESSION_STARTED_KEY
from home.charter import acknowledge, current_charter
from home.factories import UserFactory
from practice_analysis.factories import PracticeGroupFactory, ReflectiveEntryFactory
from practice_analysis.models import EntryReview, ReflectiveEntry
from practice_analysis.states import move

pytestmark = pytest.mark.django_db
E = ReflectiveEntry


def person(role):
    user = UserFactory(roles=[role])
    acknowledge(user, current_charter(), "fr")
    return user


@pytest.fixture
def author():
    return person("peer")


@pytest.fixture
def supervisor():
    return person("supervisor")


@pytest.fixture
def group(author, supervisor):
    return PracticeGroupFactory(members=[author], supervisors=[supervisor])


@pytest.fixture
def reviewing(author, group, supervisor):
    """An entry the supervisor has taken to review."""
    entry = ReflectiveEntryFactory(author=author, group=group)
    move(entry, E.SUBMITTED, author)
    move(entry, E.IN_REVIEW, supervisor)
    return entry


def form_tag(html, form_id):
    found = re.search(rf'<form[^>]*id="{form_id}"[^>]*>', html)
    assert found, f"no form #{form_id}"
    return found.group(0)


def script_tag(html):
    found = re.search(r'<script src="[^"]*js/autosave\.js"[^>]*>', html)
    assert found, "the autosave script is not loaded"
    return found.group(0)


def member_mark(client, url):
    return re.search(r'data-member="([^"]*)"', script_tag(client.get(url).content.decode()))[1]


def test_every_page_loads_the_script_with_a_mark_of_the_member(client, author, supervisor):
    home = "/fr/"
    assert member_mark(client, home) == ""  # a visitor keeps nothing
    client.force_login(author)
    mark = member_mark(client, home)
    assert mark and str(author.pk) != mark and author.username not in mark
    assert member_mark(client, reverse("entry_list")) == mark
    client.force_login(supervisor)
    assert member_mark(client, home) not in ("", mark)
    tag = script_tag(client.get(home).content.decode())
    assert f'data-logout-url="{reverse("logout")}"' in tag
    assert "defer" in tag


def test_the_entry_form_is_kept_as_confidential(client, author, group):
    client.force_login(author)
    new = form_tag(client.get(reverse("entry_create")).content.decode(), "entry-form")
    assert 'data-autosave="confidential"' in new and "data-autosave-url" not in new

    entry = ReflectiveEntryFactory(author=author, group=group)
    tag = form_tag(
        client.get(reverse("entry_edit", kwargs={"pk": entry.pk})).content.decode(), "entry-form"
    )
    assert 'data-autosave="confidential"' in tag
    assert f'data-autosave-url="{reverse("entry_autosave", kwargs={"pk": entry.pk})}"' in tag
    updated = timezone.localtime(entry.updated_at).isoformat()
    assert f'data-autosave-updated="{updated}"' in tag


def test_the_review_form_is_kept_as_confidential(client, supervisor, reviewing):
    client.force_login(supervisor)
    html = client.get(reverse("supervision_entry", kwargs={"pk": reviewing.pk})).content.decode()
    tag = form_tag(html, "review-form")
    assert 'data-autosave="confidential"' in tag and "localStorage" not in html


def expire(client):
    session = client.session
    session[LAST_ACTIVITY_KEY] = session[SESSION_STARTED_KEY] = int(time.time()) - 13 * 3600
    session.save()


def test_a_review_sent_as_the_session_ended_leads_back_to_its_page(client, supervisor, reviewing):
    client.force_login(supervisor)
    page = reverse("supervision_entry", kwargs={"pk": reviewing.pk})
    client.get(page)
    expire(client)
    response = client.post(
        reverse("supervision_review", kwargs={"pk": reviewing.pk}),
        {"decision": E.VALIDATED, "overall_comment": "Un long retour."},
        headers={"referer": f"http://testserver{page}"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={page}"
    # Nothing was recorded by the ended session: the text waits in the browser's tab.
    reviewing.refresh_from_db()
    assert reviewing.state == E.IN_REVIEW and not EntryReview.objects.exists()

    client.force_login(supervisor)
    html = client.get(page).content.decode()
    assert 'data-autosave="confidential"' in form_tag(html, "review-form")


def test_a_form_sent_from_another_site_as_the_session_ended_leads_home(client, supervisor):
    client.force_login(supervisor)
    expire(client)
    response = client.post(
        reverse("entry_list"), headers={"referer": "https://elsewhere.example/fr/"}
    )
    assert response["Location"] == f"{reverse('login')}?next=/"


def test_the_review_address_opened_after_logging_in_again_shows_the_entry(
    client, supervisor, reviewing
):
    review = reverse("supervision_review", kwargs={"pk": reviewing.pk})
    anonymous = client.get(review)
    assert anonymous["Location"].startswith(reverse("login"))
    client.force_login(supervisor)
    response = client.get(review)
    assert response["Location"] == reverse("supervision_entry", kwargs={"pk": reviewing.pk})


def test_the_review_address_is_a_404_for_a_supervisor_of_another_group(client, reviewing):
    other = person("supervisor")
    PracticeGroupFactory(supervisors=[other])
    client.force_login(other)
    assert client.get(reverse("supervision_review", kwargs={"pk": reviewing.pk})).status_code == 404
    assert client.get(reverse("supervision_review", kwargs={"pk": 999999})).status_code == 404

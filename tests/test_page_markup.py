"""What the pages' shortcuts save is work, never markup: a lesson and its header, for a peer
and a supervisor in French and English, are byte for byte what Django's and Wagtail's own
tags render (``{% once_per_language %}``, ``{% page_address %}``, ``{% route_address %}``)."""

import re
from contextlib import ExitStack
from unittest import mock

from django.urls import reverse

from wagtail.models import Locale

import pytest

from courses.factories import lessons_of, make_course
from courses.services import enrol
from home.charter import acknowledge, current_charter
from home.templatetags import entrepairs_tags
from home.templatetags.entrepairs_tags import OncePerLanguageNode
from practice_analysis.factories import PracticeGroupFactory

pytestmark = pytest.mark.django_db

# What differs from one response to the next by design.
RANDOM = [
    (re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"'), 'name="csrfmiddlewaretoken"'),
    (re.compile(r'name="submission" value="[^"]+"'), 'name="submission"'),
    (re.compile(r'"CSRF_TOKEN": "[^"]+"'), '"CSRF_TOKEN"'),
]


def markup(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for pattern, replacement in RANDOM:
        html = pattern.sub(replacement, html)
    return html


def without_shortcuts():
    """Every shortcut replaced by the tags it stands for."""
    stack = ExitStack()
    stack.enter_context(
        mock.patch.object(
            OncePerLanguageNode, "render", lambda node, context: node.nodelist.render(context)
        )
    )
    stack.enter_context(
        mock.patch.object(
            entrepairs_tags, "page_url", lambda page, request=None: page.get_url(request=request)
        )
    )
    return stack


@pytest.fixture
def lesson(section):
    course = make_course(section("courses"), title="Écoute active", lessons=2)
    return course, lessons_of(course)[-1]  # the last lesson has a quiz and a reflection


@pytest.mark.parametrize("role", ["peer", "supervisor"])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_lesson_and_its_header_are_what_the_tags_render(client, lesson, role, language, request):
    course, page = lesson
    user = request.getfixturevalue(role)
    acknowledge(user, current_charter(), language)
    enrol(user, course)
    if role == "supervisor":
        PracticeGroupFactory(supervisors=[user])
    client.force_login(user)
    url = (
        page.url
        if language == "fr"
        else page.get_translation(Locale.objects.get(language_code=language)).url
    )
    # Once the worker has rendered it (twice: what is kept is used)…
    markup(client, url)
    kept = markup(client, url)
    with without_shortcuts():
        plain = markup(client, url)
    assert kept == plain
    assert reverse("my_data") in kept and reverse("logout") in kept
    assert ('class="site-header__notifications"' in kept) and 'id="quiz"' in kept
    assert (reverse("supervision_queue") in kept) is (role == "supervisor")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_visitors_header_is_what_the_tags_render(client, section, language):
    url = section("home", language).url
    markup(client, url)
    kept = markup(client, url)
    with without_shortcuts():
        assert markup(client, url) == kept
    assert reverse("login") in kept

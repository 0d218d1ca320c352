"""What the pages' shortcuts save is work, never markup: a lesson and its header, for a peer
and a supervisor in French and English, are byte for byte what Django's and Wagtail's own
tags render (``{% once_per_language %}``, ``{% page_address %}``, ``{% route_address %}``,
the quiz's feedback, the language switcher and the main menu written in Python); so is the
catalogue, its module cards in every state."""

import re
import uuid
from contextlib import ExitStack
from unittest import mock

from django.core.cache import cache
from django.template import Context, Template
from django.urls import reverse
from django.utils.datastructures import MultiValueDict

from wagtail.models import Locale

import pytest

from courses import cards
from courses.factories import lessons_of, make_course, right_answers, wrong_answers
from courses.quiz import submit_attempt
from courses.services import complete_lesson, enrol, pause
from courses.templatetags import courses_tags
from home.cache import local_memory
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


# The quiz's feedback list as the template's loops wrote it before ``quiz_feedback_items``.
FEEDBACK_AS_TEMPLATE = Template(
    """{% load i18n %}{% for question in questions %}
                    <li class="feedback feedback--{% if question.right %}right{% else %}wrong{% endif %}">
                        <p class="feedback__question"><span class="feedback__text">{{ question.text }}</span>
                            <span class="badge {% if question.right %}badge--done{% endif %}">{% if question.right %}{% translate "Right" %}{% else %}{% translate "To review" %}{% endif %}</span></p>
                        <ul class="feedback__options">
                            {% for option in question.options %}
                                <li>
                                    <span class="option-text">{% if option.chosen %}<strong>{% translate "Your answer:" %}</strong> {% endif %}{{ option.text }}</span>
                                    {% if option.is_correct %}<span class="badge badge--done">{% translate "Correct answer" %}</span>{% endif %}
                                    {% if option.explanation %}<p class="explanation">{{ option.explanation }}</p>{% endif %}
                                </li>
                            {% endfor %}
                        </ul>
                    </li>
                {% endfor %}"""  # noqa: E501
)

# The header's language switcher and main menu, and the breadcrumbs, as their templates
# wrote them.
LANGUAGE_SWITCHER_AS_TEMPLATE = Template(
    """{% load i18n entrepairs_tags %}
{% once_per_language %}<nav class="language-switcher" aria-label="{% translate 'Language' %}">{% endonce_per_language %}
    <ul>
        {% for language in languages %}
            <li><a href="{{ language.url }}" hreflang="{{ language.code }}" lang="{{ language.code }}" rel="alternate">{{ language.name|capfirst }}</a></li>
        {% endfor %}
    </ul>
</nav>
"""  # noqa: E501
)
NAVIGATION_AS_TEMPLATE = Template(
    """{% load i18n entrepairs_tags %}
{% if items %}
{% once_per_language %}<nav class="site-nav" aria-label="{% translate 'Main menu' %}">{% endonce_per_language %}
    <ul>
        {% for item in items %}
            <li><a href="{{ item.section.url }}"{% if item.active %} aria-current="page"{% endif %}>{{ item.section.title }}</a></li>
        {% endfor %}
    </ul>
</nav>
{% endif %}
"""  # noqa: E501
)

# (The trail, which ``{% breadcrumb_trail page as trail %}`` read on the second line, is given.)
BREADCRUMBS_AS_TEMPLATE = Template(
    """{% load i18n entrepairs_tags %}

{% if trail|length > 1 %}
{% once_per_language %}<nav class="breadcrumbs" aria-label="{% translate 'You are here' %}">{% endonce_per_language %}
    <ol>
        {% for ancestor in trail %}
            <li><a href="{{ ancestor.url }}">{{ ancestor.title }}</a></li>
        {% endfor %}
        <li aria-current="page">{{ page.title }}</li>
    </ol>
</nav>
{% endif %}
"""  # noqa: E501
)

# The catalogue's loop as course_index_page.html wrote it before ``{% module_card %}``, for
# the modules of a page; courses/includes/module_language.html, which only it included, is
# written in (its last line break too).
MODULE_CARDS_AS_TEMPLATE = Template(
    """{% load i18n wagtailcore_tags courses_tags entrepairs_tags %}{% for state in modules %}
                {% with module=state.course %}
                <li class="card card--module">
                    {% shared_fragment "module-card" module %}
                    <h2 class="card__title"><a href="{% pageurl module %}"{% if state.language %} lang="{{ state.language }}" hreflang="{{ state.language }}"{% endif %}>{{ module.title }}</a></h2>
                    <p class="meta">{{ module.get_theme_display }} · {% blocktranslate count minutes=module.duration_minutes with shown=module.duration_minutes|number %}{{ shown }} minute{% plural %}{{ shown }} minutes{% endblocktranslate %}</p>
                    {% endshared_fragment %}
                    {% if state.language %}<p class="meta">{% get_language_info for state.language as language %}{% blocktranslate with name=language.name_translated %}Not yet translated: in {{ name }}{% endblocktranslate %}
</p>{% endif %}
                    {% state_badge state %}
                    {% if state.status == "in_progress" or state.status == "paused" %}{% progress_bar state %}{% endif %}
                    {% if state.status == "locked" %}{% include "courses/includes/locked_reason.html" %}{% endif %}
                </li>
                {% endwith %}
            {% endfor %}"""  # noqa: E501
)


def without_shortcuts():
    """Every shortcut replaced by the tags it stands for."""
    stack = ExitStack()
    stack.enter_context(
        mock.patch.object(
            entrepairs_tags,
            "breadcrumbs_html",
            # The template's output but its last line, which includes/breadcrumbs.html keeps.
            lambda trail, page: BREADCRUMBS_AS_TEMPLATE.render(
                Context({"trail": trail, "page": page})
            ).removesuffix("\n"),
        )
    )
    stack.enter_context(
        mock.patch.object(
            entrepairs_tags,
            "language_switcher_html",
            lambda languages: LANGUAGE_SWITCHER_AS_TEMPLATE.render(
                Context({"languages": languages})
            ),
        )
    )
    stack.enter_context(
        mock.patch.object(
            entrepairs_tags,
            "navigation_html",
            lambda items: NAVIGATION_AS_TEMPLATE.render(Context({"items": items})),
        )
    )
    stack.enter_context(
        mock.patch.object(
            courses_tags,
            "feedback_items",
            lambda questions: FEEDBACK_AS_TEMPLATE.render(Context({"questions": questions})),
        )
    )
    stack.enter_context(
        mock.patch.object(
            cards,
            "module_card",
            lambda state, request: MODULE_CARDS_AS_TEMPLATE.render(
                Context({"modules": [state], "request": request})
            ),
        )
    )
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


def answered(answers):
    """The quiz form sent with these answers."""
    return MultiValueDict({"submission": [str(uuid.uuid4())], **answers})


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("attempts", ["failed", "failed, answers shown", "passed"])
def test_a_quiz_s_feedback_is_what_the_template_loops_render(
    client, lesson, peer, language, attempts
):
    course, page = lesson
    acknowledge(peer, current_charter(), language)
    enrol(peer, course)
    # The first question right, the others wrong: the feedback holds both verdicts.
    first, *others = right_answers(page)
    mixed = {first: right_answers(page)[first]} | {key: wrong_answers(page)[key] for key in others}
    submit_attempt(peer, course, page, answered(mixed))
    if attempts == "passed":
        submit_attempt(peer, course, page, answered(right_answers(page)))
    client.force_login(peer)
    url = (
        page.url
        if language == "fr"
        else page.get_translation(Locale.objects.get(language_code=language)).url
    )
    if attempts == "failed, answers shown":
        url += "?answers=shown"
    markup(client, url)
    kept = markup(client, url)
    with without_shortcuts():
        plain = markup(client, url)
    assert kept == plain
    assert 'class="feedback feedback--right"' in kept
    assert ('class="feedback feedback--wrong"' in kept) is (attempts != "passed")
    assert 'class="badge badge--done">' in kept.split('class="feedback-list"')[1]
    assert 'class="explanation"' in kept


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_visitors_header_is_what_the_tags_render(client, section, language):
    url = section("home", language).url
    markup(client, url)
    kept = markup(client, url)
    with without_shortcuts():
        assert markup(client, url) == kept
    assert reverse("login") in kept


def fresh_markup(client, url):
    """The page rendered with nothing kept: each card's title and meta line written anew."""
    cache.clear()
    local_memory.clear()
    return markup(client, url)


@pytest.fixture
def modules_in_every_state(section, peer):
    """A catalogue where the peer has a module in each state, titles to escape, a length in
    the singular and one with thousands, and a module in each language only."""
    french, english = section("courses"), section("courses", "en")
    started = make_course(french, title="L'écoute <active>", lessons=2, duration_minutes=1)
    paused = make_course(french, title="Crise & urgence", lessons=1, duration_minutes=1500)
    done = make_course(french, title="Rétablissement", lessons=1, quiz_on_last=False)
    waiting = make_course(french, title="Éthique", lessons=1, theme="ethics")
    make_course(french, title="Pairs", lessons=1, prerequisites=[started, waiting, done])
    make_course(french, title="Seulement en français", lessons=1, translate=False)
    make_course(english, title="Only in English", lessons=1, translate=False)
    enrol(peer, started)
    complete_lesson(peer, started, lessons_of(started)[0])
    enrol(peer, paused)
    pause(peer, paused)
    enrol(peer, done)
    complete_lesson(peer, done, lessons_of(done)[0])
    return {"fr": french, "en": english}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_catalogue_s_cards_are_what_the_template_loop_rendered(
    client, peer, modules_in_every_state, language
):
    acknowledge(peer, current_charter(), language)
    client.force_login(peer)
    url = modules_in_every_state[language].url + "?languages=all"
    with without_shortcuts():
        plain = fresh_markup(client, url)
    written = fresh_markup(client, url)
    kept = markup(client, url)
    assert written == plain
    assert kept == plain
    assert plain.count('<li class="card card--module">') == 7
    for kind in ("done", "progress", "locked"):
        assert f'<span class="badge badge--{kind}">' in plain
    assert plain.count('<div class="progress">') == 2  # in progress, and paused
    # Each card's meta line, and the note of the module in the other language.
    assert plain.count('class="locked"') == 1 and plain.count('<p class="meta">') == 8
    assert "L&#x27;écoute &lt;active&gt;" in plain and "Crise &amp; urgence" in plain
    other = "en" if language == "fr" else "fr"
    assert f'lang="{other}" hreflang="{other}"' in plain

"""``{% once_per_language %}``: markup that only the language changes is rendered once per
language by each process, and is exactly what its tags would render on each request."""

from unittest import mock

from django.template import Context, Template, TemplateSyntaxError
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

import pytest

from home.templatetags.entrepairs_tags import OncePerLanguageNode

CONSTANT = (
    "{% load i18n static entrepairs_tags %}"
    "{% once_per_language %}"
    '<a href="{% url \'my_data\' %}">{% translate "My data" %}</a>'
    '<button>{% translate "Go" context "start a search" %}</button>'
    "<p>{% blocktranslate %}Please read the charter{% endblocktranslate %}</p>"
    "<script src=\"{% static 'js/autosave.js' %}\"></script>"
    "{% endonce_per_language %}"
)


def render(source, language, **values):
    with translation.override(language):
        return Template(source).render(Context(values))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_it_renders_what_its_tags_render(language):
    plain = CONSTANT.replace("{% once_per_language %}", "").replace(
        "{% endonce_per_language %}", ""
    )
    assert render(CONSTANT, language) == render(plain, language)
    with translation.override(language):
        assert reverse("my_data") in render(CONSTANT, language)


def test_each_language_has_its_own_rendering():
    template = Template(CONSTANT)
    with translation.override("fr"):
        french = template.render(Context())
    with translation.override("en"):
        english = template.render(Context())
    assert "Mes données" in french and "My data" in english
    assert french != english


def test_it_is_rendered_once_per_language_then_reused():
    template = Template(CONSTANT)
    with mock.patch("django.urls.reverse", wraps=reverse) as reversing:
        for _request in range(3):
            for language in ("fr", "en", "fr"):
                with translation.override(language):
                    template.render(Context())
    assert reversing.call_count == 2  # one address, in two languages


def test_a_changed_setting_renders_it_again():
    template = Template(CONSTANT)
    with translation.override("fr"):
        before = template.render(Context())
        with override_settings(STATIC_URL="/elsewhere/"):
            assert "/elsewhere/js/autosave.js" in template.render(Context())
        assert template.render(Context()) == before


@pytest.mark.parametrize(
    "inside",
    [
        "{{ request.user }}",
        "{% translate title %}",
        '{% translate "Go" as go %}',
        '{% translate "Go"|upper %}',
        "{% blocktranslate %}Hello {{ name }}{% endblocktranslate %}",
        "{% blocktranslate count n=3 %}one{% plural %}many{% endblocktranslate %}",
        "{% url view_name %}",
        "{% url 'cohorts:report' 1 %}",
        "{% url 'my_data' as address %}",
        "{% csrf_token %}",
        "{% if user %}x{% endif %}",
        "{% static path %}",
    ],
)
def test_nothing_about_the_reader_or_the_page_is_accepted_inside(inside):
    with pytest.raises(TemplateSyntaxError, match="once_per_language"):
        Template(
            "{% load i18n static entrepairs_tags %}"
            f"{{% once_per_language %}}{inside}{{% endonce_per_language %}}"
        )


def test_every_use_in_the_sites_templates_is_read():
    """The templates that use it parse (a tag that is not constant would fail here, not on
    the first page a member opens)."""
    from django.template.loader import get_template

    names = [
        "base.html",
        "includes/header.html",
        "includes/autosave_script.html",
        "courses/lesson_page.html",
        "courses/blocks/quiz_block.html",
        "courses/blocks/reflection_block.html",
    ]
    for name in names:
        nodes = get_template(name).template.nodelist.get_nodes_by_type(OncePerLanguageNode)
        assert nodes, name

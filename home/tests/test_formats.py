"""Dates and numbers are written as each language writes them, on real pages."""

from django.utils import translation

import pytest

from courses.factories import make_course

pytestmark = pytest.mark.django_db


def test_a_date_in_french_and_in_english(client, section, member):
    client.force_login(member)
    french = client.get(section("charter").url).content.decode()
    english = client.get(section("charter", "en").url).content.decode()
    assert "1 janvier 2026" in french
    assert "1 January 2026" in english and "January 1, 2026" not in english


def test_a_number_in_french_and_in_english(client, section, member):
    course = make_course(section("courses"), lessons=0, duration_minutes=1200)
    english = course.get_translations().get()
    client.force_login(member)
    assert "1\u202f200 minutes" in client.get(course.url).content.decode()
    assert "1,200 minutes" in client.get(english.url).content.decode()


def test_short_dates_put_the_day_first_in_english():
    import datetime

    from django.utils import formats

    day = datetime.date(2026, 3, 4)
    with translation.override("fr"):
        assert formats.date_format(day, "SHORT_DATE_FORMAT") == "04/03/2026"
    with translation.override("en"):
        assert formats.date_format(day, "SHORT_DATE_FORMAT") == "4 Mar 2026"

"""The people and content of the journeys, made with the project's factories.

Each browser test starts from the bootstrapped database and adds what its journey needs.
"""

from django.contrib.auth.models import Group

from wagtail.models import Locale
from wagtail.users.models import UserProfile

from courses.factories import make_course
from home.factories import UserFactory
from home.models import CharterPage
from home.site_tree import section_pages


def person(username, first_name, last_name, roles=(), language="fr"):
    """A member who logs in with ``home.factories.PASSWORD``.

    MERGE HOOK (two-factor authentication, branch accounts): staff will need a TOTP device
    here (supervisors, trainers, coordinators), whose code ``helpers.second_factor`` gives.
    """
    user = UserFactory(username=username, first_name=first_name, last_name=last_name)
    user.groups.add(*Group.objects.filter(name__in=roles))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def section(key, language="fr"):
    pages = [p for p in section_pages(key) if p.locale.language_code == language]
    return pages[0].specific


def module(title="Écouter sans juger"):
    """A published module of three lessons (the last with a quiz), in French and English."""
    return make_course(section("courses"), title=title, lessons=3)


def acknowledge_charter(user):
    """For journeys that do not go through the charter themselves."""
    from home.charter import acknowledge

    charter = CharterPage.objects.live().filter(locale=Locale.get_default()).first()
    acknowledge(user, charter, "fr")

"""The people and content of the journeys, made with the project's factories.

Each browser test starts from the bootstrapped database and adds what its journey needs.
"""

from django.contrib.auth.models import Group

from wagtail.models import Locale
from wagtail.users.models import UserProfile

from courses.factories import make_course
from home.factories import UserFactory
from home.models import CharterPage
from setup.site_tree import section_pages


def person(username, first_name, last_name, roles=(), language="fr"):
    """A member who logs in with ``home.factories.PASSWORD``; staff (supervisors, trainers,
    coordinators) with an authenticator-app device, whose code ``helpers.second_factor``
    gives."""
    from accounts.testing import give_device
    from accounts.twofactor import requires_two_factor

    user = UserFactory(username=username, first_name=first_name, last_name=last_name)
    user.groups.add(*Group.objects.filter(name__in=roles))
    if requires_two_factor(user):
        give_device(user)
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


def practice_group(members, supervisors):
    """An analysis-of-practice group whose people have all acknowledged the charter."""
    from practice_analysis.factories import PracticeGroupFactory

    for user in [*members, *supervisors]:
        acknowledge_charter(user)
    return PracticeGroupFactory(name="Groupe du jeudi", members=members, supervisors=supervisors)


def learner_with_history(language="fr"):
    """A peer who failed one module's quiz, passed another's, and wrote an entry that waits
    for a supervisor: every page of the learner's and the supervisor's spaces has content.

    Returns (peer, supervisor, module in progress, certificate).
    """
    import uuid

    from django.utils.datastructures import MultiValueDict

    from courses import services
    from courses.factories import lessons_of, right_answers, wrong_answers
    from courses.models import Certificate
    from courses.quiz import submit_attempt
    from practice_analysis.factories import ReflectiveEntryFactory
    from practice_analysis.models import ReflectiveEntry
    from practice_analysis.states import move

    peer = person("camille", "Camille", "Martin", roles=["peer"], language=language)
    supervisor = person("dominique", "Dominique", "Bernard", roles=["supervisor"])
    group = practice_group(members=[peer], supervisors=[supervisor])
    courses = section("courses")
    in_progress = make_course(courses, title="Écouter sans juger", lessons=1)
    completed = make_course(courses, title="Passer le relais", lessons=1)
    for course, answers in [(in_progress, wrong_answers), (completed, right_answers)]:
        services.enrol(peer, course)
        lesson = lessons_of(course)[0]
        post = MultiValueDict({**answers(lesson), "submission": [str(uuid.uuid4())]})
        submit_attempt(peer, course, lesson, post)
    entry = ReflectiveEntryFactory(author=peer, group=group, title="Un appel du soir")
    move(entry, ReflectiveEntry.SUBMITTED, peer)
    return peer, supervisor, in_progress, Certificate.objects.get(user=peer)

"""A member with something in every section: entries reviewed and read, notes, certificates."""

import uuid

import pytest

from courses.models import Certificate, Enrollment, QuizAttempt, ReflectionNote
from home.charter import acknowledge, current_charter
from home.factories import UserFactory
from practice_analysis.factories import PracticeGroupFactory, ReflectiveEntryFactory
from practice_analysis.models import EntryRead, EntryReview, ReflectiveEntry
from practice_analysis.states import move

E = ReflectiveEntry
ENTRY_TEXTS = {
    "title": "Une soirée au GEM qui m'a bousculée",
    "description": "Un adhérent est arrivé en larmes après un rendez-vous manqué.",
    "feelings": "Je me suis sentie démunie et un peu seule.",
    "question_for_supervisor": "Comment poser une limite sans blesser ?",
}
REVIEW_TEXT = "Vous avez su rester présente : c'est précieux."
SECTION_TEXT = "Qu'est-ce qui vous a aidée à tenir ce soir-là ?"
NOTE_TEXT = "Ma note personnelle sur la confidentialité."


def person(role, **fields):
    user = UserFactory(roles=[role], **fields)
    acknowledge(user, current_charter(), "fr")
    return user


@pytest.fixture
def alice(db):
    return person(
        "peer",
        username="alice-test",
        first_name="Alicia",
        last_name="Zéphyrin",
        email="alicia.zephyrin@example.org",
    )


@pytest.fixture
def david(db):
    return person("supervisor", first_name="Davide", last_name="Moreau")


@pytest.fixture
def group(alice, david):
    return PracticeGroupFactory(members=[alice], supervisors=[david])


@pytest.fixture
def reviewed_entry(alice, david, group):
    """An entry of Alice's, sent, taken, reviewed (changes requested) and read by David."""
    entry = ReflectiveEntryFactory(author=alice, group=group, **ENTRY_TEXTS)
    move(entry, E.SUBMITTED, alice)
    move(entry, E.IN_REVIEW, david)
    EntryReview.objects.create(
        entry=entry,
        reviewer=david,
        decision=E.CHANGES_REQUESTED,
        overall_comment=REVIEW_TEXT,
        section_comments={"feelings": {"questions": SECTION_TEXT}},
    )
    move(entry, E.CHANGES_REQUESTED, david)
    EntryRead.objects.create(entry=entry, reader=david, capacity=EntryRead.SUPERVISOR)
    return entry


@pytest.fixture
def learning(alice):
    course_key, lesson_key = uuid.uuid4(), uuid.uuid4()
    Enrollment.objects.create(user=alice, course_key=course_key)
    QuizAttempt.objects.create(
        user=alice,
        course_key=course_key,
        lesson_key=lesson_key,
        quiz_id="q1",
        answers={"a": ["1"]},
        results={"a": True},
        score=100,
        passed=True,
    )
    ReflectionNote.objects.create(
        user=alice, course_key=course_key, lesson_key=lesson_key, block_id="b1", text=NOTE_TEXT
    )
    return Certificate.objects.create(
        user=alice,
        learner_name="Alicia Zéphyrin",
        course_key=course_key,
        course_title="Le rôle du pair-aidant",
        duration_minutes=30,
    )

"""One rule, one place: who supervises a group, how an entry changes state, who shares it.

``services.supervises`` is the only test of "is a supervisor of this group" (the state
machine and the records' approval task ask it); ``states.move`` is the only code that
changes an entry's state, the erasure included; ``services.may_share`` decides sharing.
"""

import ast
from pathlib import Path

from django.contrib.auth.models import AnonymousUser

import pytest

from home.factories import UserFactory
from practice_analysis import services
from practice_analysis.factories import PracticeGroupFactory, ReflectiveEntryFactory
from practice_analysis.models import (
    EntryTransition,
    GroupSupervisorApprovalTask,
    PracticeGroupPage,
    ReflectiveEntry,
)
from practice_analysis.states import (
    ALLOWED,
    ERASURE,
    RETENTION,
    TransitionRefused,
    capacity,
    move,
)

pytestmark = pytest.mark.django_db
E = ReflectiveEntry
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def people():
    return {
        "author": UserFactory(roles=["peer"]),
        "mate": UserFactory(roles=["peer"]),
        "supervisor": UserFactory(roles=["supervisor"]),
        "other_supervisor": UserFactory(roles=["supervisor"]),
        "coordinator": UserFactory(roles=["coordinator"]),
        "superuser": UserFactory(is_superuser=True),
    }


@pytest.fixture
def group(people):
    PracticeGroupFactory(supervisors=[people["other_supervisor"]])
    return PracticeGroupFactory(
        members=[people["author"], people["mate"]], supervisors=[people["supervisor"]]
    )


@pytest.fixture
def in_review(people, group):
    entry = ReflectiveEntryFactory(author=people["author"], group=group)
    move(entry, E.SUBMITTED, people["author"])
    move(entry, E.IN_REVIEW, people["supervisor"])
    return entry


# Who supervises ----------------------------------------------------------------------------


def test_only_the_group_s_own_supervisors_supervise_it(people, group):
    assert services.supervises(people["supervisor"], group)
    for name in ("author", "mate", "other_supervisor", "coordinator", "superuser"):
        assert not services.supervises(people[name], group), name
    assert not services.supervises(AnonymousUser(), group)
    assert not services.supervises(None, group)
    assert not services.supervises(people["supervisor"], None)
    assert list(services.supervised_groups(people["supervisor"])) == [group]
    assert group not in services.supervised_groups(people["other_supervisor"])
    assert not services.supervised_groups(AnonymousUser()).exists()


def test_the_state_machine_and_the_approval_task_ask_the_same_rule(people, group, in_review):
    page = PracticeGroupPage.objects.get(group=group)
    task = GroupSupervisorApprovalTask(name="essai")
    assert capacity(people["supervisor"], in_review) == "supervisor"
    assert task.user_can_access_editor(page, people["supervisor"])
    for name in ("mate", "other_supervisor", "coordinator"):
        assert capacity(people[name], in_review) is None, name
        assert not task.user_can_access_editor(page, people[name]), name


# The erasure's change of state ------------------------------------------------------------


def test_an_erasure_puts_an_entry_back_in_the_queue_keeping_its_place(in_review):
    sent_at = in_review.submitted_at
    move(in_review, E.SUBMITTED, ERASURE)
    in_review.refresh_from_db()
    assert (in_review.state, in_review.reviewer, in_review.submitted_at) == (
        E.SUBMITTED,
        None,
        sent_at,
    )
    last = EntryTransition.objects.filter(entry=in_review).latest("pk")
    assert (last.from_state, last.to_state, last.by) == (E.IN_REVIEW, E.SUBMITTED, None)


@pytest.mark.parametrize(
    "name", ["author", "mate", "supervisor", "other_supervisor", "coordinator", "superuser"]
)
def test_nobody_using_the_site_can_make_the_erasure_s_change(people, in_review, name):
    with pytest.raises(TransitionRefused):
        move(in_review, E.SUBMITTED, people[name])
    with pytest.raises(TransitionRefused):
        move(in_review, E.SUBMITTED, AnonymousUser())
    in_review.refresh_from_db()
    assert (in_review.state, in_review.reviewer) == (E.IN_REVIEW, people["supervisor"])


def test_the_erasure_makes_no_other_change(people, group):
    erasures = [pair for pair, who in ALLOWED.items() if who == capacity(ERASURE, None)]
    assert erasures == [(E.IN_REVIEW, E.SUBMITTED)]
    draft = ReflectiveEntryFactory(author=people["author"], group=group)
    with pytest.raises(TransitionRefused):
        move(draft, E.SUBMITTED, ERASURE)


def test_only_the_retention_schedule_archives_and_nobody_stands_for_it(people, group):
    """Archiving is the retention's alone: not a person's, and not a missing person (None)."""
    validated = ReflectiveEntryFactory(author=people["author"], group=group, state=E.VALIDATED)
    for who in [None, people["author"], people["supervisor"], people["superuser"], ERASURE]:
        with pytest.raises(TransitionRefused):
            move(validated, E.ARCHIVED, who)
    move(validated, E.ARCHIVED, RETENTION)
    validated.refresh_from_db()
    assert validated.state == E.ARCHIVED


def _writes_of_state(tree):
    """Lines that assign ``<something>.state`` or pass ``state=`` to ``.update()``."""
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        for target in targets:
            for item in target.elts if isinstance(target, ast.Tuple) else [target]:
                if isinstance(item, ast.Attribute) and item.attr == "state":
                    yield node.lineno
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in {"update", "bulk_update", "update_or_create"}
        ):
            words = {keyword.arg for keyword in node.keywords}
            fields = [arg for arg in node.args if isinstance(arg, ast.List | ast.Tuple)]
            named = any(
                isinstance(elt, ast.Constant) and elt.value == "state"
                for field_list in fields
                for elt in field_list.elts
            )
            if "state" in words or named:
                yield node.lineno


def test_states_move_is_the_only_code_that_changes_an_entry_s_state():
    skipped = {".venv", ".tools", "node_modules", "migrations", "tests", "var"}
    found = []
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if skipped & set(relative.parts) or relative == Path("practice_analysis/states.py"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [f"{relative}:{line}" for line in _writes_of_state(tree)]
    assert found == [], "an entry's state changes through practice_analysis.states.move only"


def test_the_check_finds_a_write_of_the_state():
    source = "entry.state = 'draft'\nEntry.objects.filter(pk=1).update(state='x')\n"
    assert list(_writes_of_state(ast.parse(source))) == [1, 2]


# Sharing ------------------------------------------------------------------------------------


def test_only_the_author_shares_and_only_once_validated(people, in_review):
    assert not services.may_share(people["author"], in_review)
    with pytest.raises(services.SharingRefused):
        services.share_with_group(people["author"], in_review, True)
    move(in_review, E.VALIDATED, people["supervisor"])
    for name in ("mate", "supervisor", "coordinator", "superuser"):
        assert not services.may_share(people[name], in_review), name
        with pytest.raises(services.SharingRefused):
            services.share_with_group(people[name], in_review, True)
    assert not services.may_share(AnonymousUser(), in_review)
    in_review.refresh_from_db()
    assert not in_review.shared_with_group

    services.share_with_group(people["author"], in_review, True)
    in_review.refresh_from_db()
    assert in_review.shared_with_group
    services.share_with_group(people["author"], in_review, False)
    in_review.refresh_from_db()
    assert not in_review.shared_with_group

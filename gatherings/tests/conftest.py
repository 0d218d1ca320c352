"""Two practice groups and a cohort, with their people, and a session for each."""

from types import SimpleNamespace

import pytest

from gatherings.factories import CohortFactory, CohortSessionFactory, GroupSessionFactory
from home.charter import acknowledge, current_charter
from home.factories import UserFactory
from practice_analysis.factories import PracticeGroupFactory


@pytest.fixture
def world(db):
    charter = current_charter()

    def person(*roles, **kwargs):
        user = UserFactory(roles=list(roles), **kwargs)
        acknowledge(user, charter, "fr")
        return user

    w = SimpleNamespace(
        member=person("peer"),
        other_member=person("peer"),
        supervisor=person("supervisor"),
        other_supervisor=person("supervisor"),
        learner=person("peer"),
        trainer=person("trainer"),
        idle_trainer=person("trainer"),
        coordinator=person("coordinator"),
    )
    w.group = PracticeGroupFactory(members=[w.member], supervisors=[w.supervisor])
    w.other_group = PracticeGroupFactory(members=[w.other_member], supervisors=[w.other_supervisor])
    w.cohort = CohortFactory(members=[w.learner], trainers=[w.trainer])
    w.group_session = GroupSessionFactory(group=w.group, facilitator=w.supervisor)
    w.other_session = GroupSessionFactory(group=w.other_group, facilitator=w.other_supervisor)
    w.cohort_session = CohortSessionFactory(cohort=w.cohort, facilitator=w.trainer)
    return w

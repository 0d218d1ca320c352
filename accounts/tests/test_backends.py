"""The session's member read with SQL compiled once: the same member as Django's
``ModelBackend`` reads, from the database on every request."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from accounts.backends import MemberBackend, load_member
from home.factories import UserFactory

pytestmark = pytest.mark.django_db

FIELDS = [field.attname for field in get_user_model()._meta.concrete_fields]


def test_members_log_in_through_the_member_backend_after_axes():
    assert settings.AUTHENTICATION_BACKENDS == [
        "axes.backends.AxesStandaloneBackend",
        "accounts.backends.MemberBackend",
    ]
    assert issubclass(MemberBackend, ModelBackend)


def test_the_member_is_the_one_the_orm_reads_field_for_field():
    user = UserFactory(first_name="Élise", is_staff=True, last_login=timezone.now())
    expected = get_user_model().objects.get(pk=user.pk)
    with CaptureQueriesContext(connection) as queries:
        found = load_member(user.pk)
    assert len(queries) == 1
    assert [getattr(found, name) for name in FIELDS] == [getattr(expected, name) for name in FIELDS]
    assert [type(getattr(found, name)) for name in FIELDS] == [
        type(getattr(expected, name)) for name in FIELDS
    ]
    assert found.last_login.tzinfo is not None
    assert found._state.db == expected._state.db and not found._state.adding
    assert found.get_session_auth_hash() == expected.get_session_auth_hash()


def test_no_member_for_an_unknown_or_deactivated_account():
    user = UserFactory()
    assert MemberBackend().get_user(user.pk + 1000) is None
    user.is_active = False
    user.save()
    assert load_member(user.pk) is not None
    assert MemberBackend().get_user(user.pk) is None


def test_deactivating_an_account_ends_its_session_at_the_next_request(client):
    user = UserFactory(roles=["peer"])
    client.force_login(user)
    assert client.get(reverse("account_security")).status_code == 200
    get_user_model().objects.filter(pk=user.pk).update(is_active=False)
    response = client.get(reverse("account_security"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_password_changed_elsewhere_ends_the_session_at_the_next_request(client):
    user = UserFactory(roles=["peer"])
    client.force_login(user)
    assert client.get(reverse("account_security")).status_code == 200
    user.set_password("une toute nouvelle phrase de passe")
    user.save()
    assert client.get(reverse("account_security"))["Location"].startswith(reverse("login"))
    assert "_auth_user_id" not in client.session


def test_staff_status_given_elsewhere_applies_at_the_next_request(client):
    user = UserFactory(roles=["peer"])
    client.force_login(user)
    assert client.get(reverse("account_security")).status_code == 200
    get_user_model().objects.filter(pk=user.pk).update(is_staff=True)
    # Staff must set up two-step verification before anything else.
    response = client.get(reverse("account_security"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_setup"))

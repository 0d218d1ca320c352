"""The session's member and device read with SQL compiled once: the same member as
Django's ``ModelBackend`` reads and the same device as django-otp's, from the database on
every request."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.models import Device
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.backends import MemberBackend, load_member
from accounts.middleware import VerifiedDeviceMiddleware
from accounts.testing import give_device
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


def staff_verified(client):
    trainer = UserFactory(roles=["trainer"])
    client.force_login(trainer)  # verified: accounts.testing.mark_verified
    return trainer, TOTPDevice.objects.get(user=trainer, confirmed=True)


def test_the_device_is_the_one_django_otp_reads_field_for_field():
    device = give_device(UserFactory(roles=["trainer"]))
    expected = Device.from_persistent_id(device.persistent_id)
    with CaptureQueriesContext(connection) as queries:
        found = VerifiedDeviceMiddleware(None)._device_from_persistent_id(device.persistent_id)
    assert len(queries) == 1
    names = [field.attname for field in TOTPDevice._meta.concrete_fields]
    assert [getattr(found, name) for name in names] == [getattr(expected, name) for name in names]
    assert type(found) is TOTPDevice and not found._state.adding


@pytest.mark.parametrize(
    "persistent_id", ["auth.user/1", "otp_totp.totpdevice/x", "nothing", "no.model/1"]
)
def test_a_session_naming_no_device_verifies_nothing(persistent_id):
    assert VerifiedDeviceMiddleware(None)._device_from_persistent_id(persistent_id) is None


def test_a_verified_staff_session_reads_member_and_device_in_two_queries(client):
    staff_verified(client)
    client.get(reverse("account_security"))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("account_security")).status_code == 200
    sql = [query["sql"] for query in queries]
    assert len([s for s in sql if 'WHERE "auth_user"."id" =' in s]) == 1
    assert len([s for s in sql if 'WHERE "otp_totp_totpdevice"."id" =' in s]) == 1


def test_a_device_removed_or_unconfirmed_elsewhere_asks_for_a_code_again(client):
    _, device = staff_verified(client)
    assert client.get("/admin/").status_code == 200
    TOTPDevice.objects.filter(pk=device.pk).update(confirmed=False)
    response = client.get("/admin/")
    assert response["Location"].startswith(reverse("two_factor_verify"))
    TOTPDevice.objects.filter(pk=device.pk).update(confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    assert client.get("/admin/").status_code == 200
    device.delete()
    assert client.get("/admin/")["Location"].startswith(reverse("two_factor_verify"))


def test_another_member_s_device_verifies_nothing(client):
    staff_verified(client)
    other = give_device(UserFactory(roles=["trainer"]))
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = other.persistent_id
    session.save()
    assert client.get("/admin/")["Location"].startswith(reverse("two_factor_verify"))
    assert DEVICE_ID_SESSION_KEY not in client.session

"""Two-step verification: who must use it where, the login step, set-up and recovery codes."""

import io
import re

from django.core.management import call_command
from django.urls import reverse
from django.utils.html import escape

import pytest
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import twofactor
from accounts.demo import DEMO_TOTP_SECRET, current_code, ensure_demo_device
from accounts.testing import app_code, give_device
from home.charter import acknowledge, current_charter
from home.factories import UserFactory
from practice_analysis.factories import PracticeGroupFactory

pytestmark = pytest.mark.django_db

PASSWORD = "un mot de passe assez long"
SUPERVISION = "/fr/supervision/"
PROTECTED = ["/admin/", "/django-admin/", SUPERVISION, "/files/filer_private/compte-rendu.pdf"]


def staff(role):
    if role == "superuser":
        user = UserFactory(is_superuser=True, is_staff=True)
    else:
        user = UserFactory(roles=[role])
    acknowledge(user, current_charter(), "fr")  # the practice-analysis space asks for it
    return user


def log_in(client, user, next_url=""):
    user.set_password(PASSWORD)
    user.save()
    return client.post(
        reverse("login"), {"username": user.username, "password": PASSWORD, "next": next_url}
    )


@pytest.mark.parametrize("role", ["trainer", "supervisor", "coordinator", "superuser"])
@pytest.mark.parametrize("url", PROTECTED)
def test_staff_without_a_device_is_sent_to_set_up(client, role, url):
    client.force_login(staff(role), verified=False)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_setup"))


@pytest.mark.parametrize("url", PROTECTED)
def test_staff_with_a_device_but_no_code_is_sent_to_the_code_step(client, url):
    trainer = staff("trainer")
    give_device(trainer)
    client.force_login(trainer, verified=False)
    client.get("/fr/")  # the session learns about the device at login in real life
    session = client.session
    session[twofactor.HAS_DEVICE_SESSION_KEY] = True
    session.save()
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_verify"))


@pytest.mark.parametrize("role", ["trainer", "supervisor", "coordinator", "superuser"])
def test_verified_staff_get_in(client, role):
    user = staff(role)
    client.force_login(user)
    assert client.get("/admin/").status_code == 200
    if role == "supervisor":
        PracticeGroupFactory(supervisors=[user])
        assert client.get(SUPERVISION).status_code == 200


def test_verified_trainer_reaches_the_file_library(client):
    client.force_login(staff("trainer"))
    assert client.get("/django-admin/").status_code == 200


def test_staff_without_a_device_set_it_up_before_the_front_end_too(client, section):
    client.force_login(staff("trainer"), verified=False)
    response = client.get(section("home").url)
    assert response["Location"].startswith(reverse("two_factor_setup"))


def test_peers_are_not_forced(client):
    peer = UserFactory(roles=["peer"])
    acknowledge(peer, current_charter(), "fr")
    client.force_login(peer, verified=False)
    assert client.get("/admin/").status_code == 200
    assert client.get(reverse("entry_list")).status_code == 200


def test_full_login_of_a_trainer_asks_for_the_code_then_opens_the_admin(client):
    trainer = staff("trainer")
    give_device(trainer)
    response = log_in(client, trainer, next_url="/admin/")
    assert response["Location"] == "/admin/"
    response = client.get("/admin/")
    assert response.status_code == 302
    verify_url = response["Location"]
    assert verify_url.startswith(reverse("two_factor_verify"))
    page = client.get(verify_url)
    assert "Vérification en deux étapes" in page.content.decode()
    response = client.post(verify_url, {"code": app_code(trainer), "next": "/admin/"})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert reverse("account_security") in client.get("/fr/").content.decode()


def test_a_peer_who_chose_two_factor_gives_the_code_before_any_page(client, section):
    peer = UserFactory(roles=["peer"])
    give_device(peer)
    log_in(client, peer)
    response = client.get(section("home").url)
    assert response["Location"].startswith(reverse("two_factor_verify"))


def test_the_code_step_offers_no_links_that_would_lead_back_to_it(client):
    trainer = staff("trainer")
    give_device(trainer)
    log_in(client, trainer)
    page = client.get(reverse("two_factor_verify")).content.decode()
    assert reverse("account_security") not in page
    assert 'href="/admin/"' not in page
    assert reverse("logout") in page


def test_a_wrong_code_gets_a_clear_message_and_no_access(client):
    trainer = staff("trainer")
    give_device(trainer)
    log_in(client, trainer)
    response = client.post(reverse("two_factor_verify"), {"code": "000000"})
    assert response.status_code == 200
    assert escape("Ce code n'a pas fonctionné") in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_repeated_wrong_codes_are_slowed_down(client):
    trainer = staff("trainer")
    give_device(trainer)
    log_in(client, trainer)
    client.post(reverse("two_factor_verify"), {"code": "000000"})
    response = client.post(reverse("two_factor_verify"), {"code": app_code(trainer)})
    assert "Trop de codes erronés" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_a_recovery_code_works_once(client):
    trainer = staff("trainer")
    give_device(trainer)
    codes = twofactor.new_recovery_codes(trainer)
    assert len(codes) == 10 and len(set(codes)) == 10
    log_in(client, trainer)
    response = client.post(
        reverse("two_factor_verify"), {"code": codes[0].upper(), "next": "/admin/"}
    )
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert twofactor.recovery_codes_left(trainer) == 9

    client.post(reverse("logout"))
    log_in(client, trainer)
    response = client.post(reverse("two_factor_verify"), {"code": codes[0]})
    assert response.status_code == 200
    assert escape("Ce code n'a pas fonctionné") in response.content.decode()


def test_setting_up_shows_the_secret_then_ten_codes_once(client):
    trainer = staff("trainer")
    client.force_login(trainer, verified=False)
    response = client.get("/admin/")
    assert response["Location"].startswith(reverse("two_factor_setup"))
    page = client.get(response["Location"]).content.decode()
    assert "<svg" in page
    device = TOTPDevice.objects.get(user=trainer, confirmed=False)
    secret = twofactor.secret_for_humans(device)
    assert secret in page

    wrong = client.post(reverse("two_factor_setup"), {"code": "12345", "next": "/admin/"})
    assert escape("Ce code n'a pas fonctionné") in wrong.content.decode()
    device.throttle_reset()

    response = client.post(
        reverse("two_factor_setup"), {"code": current_code(device), "next": "/admin/"}
    )
    assert response["Location"].startswith(reverse("recovery_codes"))
    codes_page = client.get(response["Location"]).content.decode()
    codes = re.findall(r"<code>([a-z2-7]{4}-[a-z2-7]{4})</code>", codes_page)
    assert len(codes) == 10
    assert 'href="/admin/"' in codes_page
    assert StaticToken.objects.filter(device__user=trainer).count() == 10
    # Shown only once.
    assert client.get(reverse("recovery_codes"))["Location"] == reverse("account_security")
    assert client.get("/admin/").status_code == 200


def test_new_recovery_codes_replace_the_old_ones(client):
    trainer = staff("trainer")
    client.force_login(trainer)
    old = twofactor.new_recovery_codes(trainer)
    response = client.post(reverse("recovery_codes"))
    new = re.findall(
        r"<code>([a-z2-7-]{9})</code>", client.get(response["Location"]).content.decode()
    )
    assert len(new) == 10 and not set(old) & set(new)


def test_new_recovery_codes_need_a_verified_session(client):
    peer = UserFactory(roles=["peer"])
    give_device(peer)
    client.force_login(peer, verified=False)
    session = client.session
    session[twofactor.HAS_DEVICE_SESSION_KEY] = True
    session.save()
    response = client.post(reverse("recovery_codes"))
    assert response["Location"].startswith(reverse("two_factor_verify"))


def test_a_peer_may_turn_it_off_a_trainer_may_not(client, verified_login):
    peer = UserFactory(roles=["peer"])
    verified_login(client, peer)
    client.post(reverse("two_factor_disable"))
    assert not twofactor.has_two_factor(peer)

    trainer = staff("trainer")
    client.force_login(trainer)
    response = client.post(reverse("two_factor_disable"), follow=True)
    assert twofactor.has_two_factor(trainer)
    assert "ne peut pas être désactivée" in response.content.decode()


def test_security_page_offers_set_up_to_peers(client):
    client.force_login(UserFactory(roles=["peer"]))
    page = client.get(reverse("account_security")).content.decode()
    assert reverse("two_factor_setup") in page
    assert "facultative" in page


def test_security_page_is_for_logged_in_people(client):
    response = client.get(reverse("account_security"))
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("area", ["/admin/", "/django-admin/"])
def test_admin_logins_lead_to_the_site_login(client, area):
    response = client.get(f"{area}login/?next={area}")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert f"next={area.replace('/', '%2F')}" in response["Location"]


def test_anonymous_admin_visit_goes_to_the_site_login(client):
    response = client.get("/admin/")
    assert response["Location"].startswith(reverse("login"))
    response = client.get("/django-admin/")
    final = client.get(response["Location"])
    assert final["Location"].startswith(reverse("login"))


def test_a_logged_in_peer_sent_back_to_login_sees_why_instead_of_a_loop(client):
    client.force_login(UserFactory(roles=["peer"]))
    response = client.get(f"{reverse('login')}?next=/django-admin/")
    assert response.status_code == 200
    assert "ne peut pas ouvrir" in response.content.decode()
    assert client.get("/django-admin/login/").status_code == 403


def test_demo_staff_get_the_documented_secret(db):
    trainer = staff("trainer")
    peer = UserFactory(roles=["peer"])
    assert ensure_demo_device(trainer) and not ensure_demo_device(trainer)
    assert not ensure_demo_device(peer)
    device = TOTPDevice.objects.get(user=trainer)
    assert twofactor.secret_for_humans(device).replace(" ", "") == DEMO_TOTP_SECRET
    out = io.StringIO()
    call_command("demo_totp", trainer.username, stdout=out)
    assert out.getvalue().strip() == current_code(device)
    assert device.verify_token(out.getvalue().strip())

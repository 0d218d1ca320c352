"""Notification preferences: each category as the member chose, security always; quiet
hours; daily and weekly digests; the one-click link that stops a category."""

import datetime
import re
import zoneinfo
from unittest import mock

from django.core import mail, signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.users.models import UserProfile

import pytest

from accounts.notifications import ACCOUNT_SECURITY
from home import digests, notifications, outbox
from home import preferences as prefs
from home.factories import UserFactory
from home.models import Notification, NotificationPreferences, OutgoingEmail
from privacy.registry import sections

pytestmark = pytest.mark.django_db

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
MONTREAL = zoneinfo.ZoneInfo("America/Montreal")


def local(zone, days_from_today, hour, minute=0):
    """A moment in the future (outbox comparisons use the real clock), local to ``zone``."""
    day = timezone.now().astimezone(zone).date() + datetime.timedelta(days=days_from_today)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=zone)


def switchable_kinds():
    """One kind of each category a member may switch (a category without kind yet aside)."""
    found = {}
    for category in notifications.switchable_categories():
        kinds = [kind for kind in notifications.kinds(category.key) if kind.may_be_switched_off]
        if kinds:
            found[category.key] = kinds[0].key
    return found


def choices(delivery):
    return {f"category_{each.key}": delivery for each in notifications.switchable_categories()}


def set_language(member, language, time_zone=""):
    profile = UserProfile.get_for_user(member)
    profile.preferred_language = language
    profile.current_time_zone = time_zone
    profile.save()


def stop_links_in(body):
    """The stop links in an e-mail's text (the address is translated: found by its start)."""
    starts = []
    for language in ("fr", "en"):
        with translation.override(language):
            address = reverse("notifications_stop", kwargs={"token": "t"})
        starts.append(re.escape(address.removesuffix("t/")))
    return re.findall(rf"http://testserver((?:{'|'.join(starts)})\S+/)", body)


# The rule, for every category


def test_every_switchable_category_is_delivered_as_the_member_chose():
    kinds = switchable_kinds()
    assert {"contributions", "entries_and_reviews", "training"} <= set(kinds)
    with mock.patch.object(notifications, "message_for", return_value="Something happened."):
        for category, kind in kinds.items():
            for delivery, _label in prefs.DELIVERIES:
                member = UserFactory()
                prefs.save_preferences(member, {category: delivery})
                mail.outbox.clear()

                notification = notify(member, kind)

                e_mails = OutgoingEmail.objects.filter(recipient=member)
                expected = 1 if delivery == prefs.EMAIL else 0
                assert (e_mails.count(), len(mail.outbox)) == (expected, expected), (
                    category,
                    delivery,
                )
                digest = delivery if delivery in prefs.DIGESTS else ""
                assert notification.digest == digest, (category, delivery)


def notify(member, kind, email=True):
    return notifications.notify(member, kind, {}, link="/fr/quelque-part/", email=email)


def test_by_default_what_the_sender_marks_for_e_mail_is_e_mailed_at_once():
    member = UserFactory()
    with mock.patch.object(notifications, "message_for", return_value="Something happened."):
        notify(member, "approved")
        notify(member, "approved", email=False)
    assert len(mail.outbox) == 1
    assert not NotificationPreferences.objects.filter(user=member).exists()


def test_security_cannot_be_turned_off_by_the_form_or_a_tampered_row(client):
    member = UserFactory()
    client.force_login(member)
    page = client.get(reverse("notification_settings")).content.decode()
    assert 'name="category_security"' not in page
    assert 'name="category_group_changes"' not in page
    assert "ne peuvent donc pas être désactivés" in page

    data = choices(prefs.SITE)
    data.update(category_security=prefs.SITE, quiet_from="21:00", quiet_until="08:00")
    assert client.post(reverse("notification_settings"), data).status_code == 302
    chosen = NotificationPreferences.objects.get(user=member).deliveries
    assert "security" not in chosen and chosen["contributions"] == prefs.SITE

    # Even a row changed by hand, and at night: the security e-mail leaves at once.
    NotificationPreferences.objects.filter(user=member).update(
        deliveries={**chosen, "security": prefs.SITE}
    )
    with mock.patch.object(prefs, "current_time", return_value=local(PARIS, 1, 23)):
        notifications.notify(member, ACCOUNT_SECURITY, {"what": "two_factor_reset"}, email=True)
    (message,) = mail.outbox
    assert "List-Unsubscribe" not in message.extra_headers
    assert stop_links_in(message.body) == []


def test_the_settings_page_needs_login_and_saves_choices(client):
    url = reverse("notification_settings")
    assert reverse("login") in client.get(url)["Location"]
    member = UserFactory()
    client.force_login(member)
    page = client.get(url).content.decode()
    assert 'value="email" id="id_category_contributions_1" checked' in page
    data = choices(prefs.EMAIL)
    data.update(
        category_training=prefs.WEEKLY, quiet_hours="on", quiet_from="22:30", quiet_until="07:00"
    )
    assert client.post(url, data).status_code == 302
    saved = NotificationPreferences.objects.get(user=member)
    assert saved.deliveries["training"] == prefs.WEEKLY
    assert (saved.quiet_from, saved.quiet_until) == (datetime.time(22, 30), datetime.time(7))
    # A choice that does not exist is refused with the form, nothing saved.
    data["category_training"] = "hourly"
    assert client.post(url, data).status_code == 200
    assert NotificationPreferences.objects.get(user=member).deliveries["training"] == prefs.WEEKLY


def test_notify_costs_a_bounded_number_of_queries(django_assert_max_num_queries):
    member = UserFactory()
    UserProfile.get_for_user(member)
    with (
        mock.patch.object(notifications, "message_for", return_value="Something happened."),
        django_assert_max_num_queries(1),
    ):
        notify(member, "approved", email=False)
    # E-mailed: the preferences, the profile, the notification, the outbox row and its
    # task (run at once in tests: claim, send, mark sent), with their savepoints.
    with (
        mock.patch.object(notifications, "message_for", return_value="Something happened."),
        django_assert_max_num_queries(14),
    ):
        notify(member, "approved")
    prefs.save_preferences(member, {"contributions": prefs.DAILY})
    with (
        mock.patch.object(notifications, "message_for", return_value="Something happened."),
        django_assert_max_num_queries(2),
    ):
        notify(member, "approved")


# Quiet hours


def test_quiet_hours_hold_an_e_mail_until_the_morning_in_the_member_s_time_zone():
    member = UserFactory()
    set_language(member, "fr", "America/Montreal")
    evening = local(MONTREAL, 1, 22, 15)
    with (
        mock.patch.object(prefs, "current_time", return_value=evening),
        mock.patch.object(notifications, "message_for", return_value="Something happened."),
    ):
        notify(member, "approved")

    email = OutgoingEmail.objects.get(recipient=member)
    morning = local(MONTREAL, 2, 8)
    assert (email.status, email.next_attempt_at) == (OutgoingEmail.PENDING, morning)
    assert outbox.sweep.call() == 0 and mail.outbox == []
    with mock.patch("django.utils.timezone.now", return_value=morning):
        assert outbox.sweep.call() == 1
    assert len(mail.outbox) == 1


def quiet(start, end, on=True):
    return NotificationPreferences(quiet_hours=on, quiet_from=start, quiet_until=end)


@pytest.mark.parametrize(
    "hour, ends",
    [
        (20, None),
        (21, (2, 8)),
        (23, (2, 8)),
        (3, (1, 8)),
        (7, (1, 8)),
        (8, None),
        (12, None),
    ],
)
def test_quiet_hours_across_midnight(hour, ends):
    end = prefs.quiet_end(quiet(datetime.time(21), datetime.time(8)), PARIS, local(PARIS, 1, hour))
    assert end == (local(PARIS, *ends) if ends else None)


def test_quiet_hours_within_a_day_or_none():
    nap = quiet(datetime.time(13), datetime.time(15))
    assert prefs.quiet_end(nap, PARIS, local(PARIS, 1, 14)) == local(PARIS, 1, 15)
    assert prefs.quiet_end(nap, PARIS, local(PARIS, 1, 16)) is None
    night = local(PARIS, 1, 23)
    assert (
        prefs.quiet_end(quiet(datetime.time(21), datetime.time(8), on=False), PARIS, night) is None
    )
    assert prefs.quiet_end(quiet(datetime.time(8), datetime.time(8)), PARIS, night) is None


# Digests


def test_the_digest_slots_are_8_00_each_day_and_monday_8_00():
    wednesday = datetime.datetime(2026, 12, 9, 7, 59, tzinfo=PARIS)
    assert prefs.digest_slot(prefs.DAILY, PARIS, wednesday) == datetime.datetime(
        2026, 12, 8, 8, tzinfo=PARIS
    )
    assert prefs.digest_slot(prefs.DAILY, PARIS, wednesday.replace(hour=8)) == datetime.datetime(
        2026, 12, 9, 8, tzinfo=PARIS
    )
    assert prefs.digest_slot(prefs.WEEKLY, PARIS, wednesday) == datetime.datetime(
        2026, 12, 7, 8, tzinfo=PARIS
    )
    monday_early = datetime.datetime(2026, 12, 7, 7, tzinfo=PARIS)
    assert prefs.digest_slot(prefs.WEEKLY, PARIS, monday_early) == datetime.datetime(
        2026, 11, 30, 8, tzinfo=PARIS
    )


def test_a_daily_digest_gathers_the_right_notifications_in_the_member_s_language_once():
    member, other = UserFactory(), UserFactory()
    set_language(member, "en")
    prefs.save_preferences(member, {"contributions": prefs.DAILY, "training": prefs.WEEKLY})
    prefs.save_preferences(other, {"contributions": prefs.DAILY})
    params = {"model": "home.contributionpage", "title": "Écouter"}
    notifications.notify(member, "approved", params, link="/en/resources/listen/", email=True)
    notifications.notify(member, "approved", {**params, "title": "Site only"}, email=False)
    notifications.notify(member, "certificate_issued", {"course": "Weekly one"}, email=True)
    notifications.notify(other, "approved", {**params, "title": "Not yours"}, email=True)
    assert mail.outbox == []
    tomorrow = local(PARIS, 1, 12)  # midday: out of quiet hours
    # The weekly one recorded after tomorrow's weekly slot, whatever day today is (run on a
    # Sunday, tomorrow's slot is Monday 08:00, which would take it into the same e-mail).
    after_the_slot = prefs.digest_slot(prefs.WEEKLY, PARIS, tomorrow) + datetime.timedelta(
        minutes=1
    )
    weekly = Notification.objects.get(recipient=member, digest=prefs.WEEKLY)
    if weekly.created_at < after_the_slot:
        Notification.objects.filter(pk=weekly.pk).update(created_at=after_the_slot)

    # Recorded after this morning's 08:00: not yet.
    assert digests.send_due_digests() == 0
    assert digests.send_due_digests(tomorrow) == 2

    email = OutgoingEmail.objects.get(recipient=member, kind="digest")
    message = next(each for each in mail.outbox if each.to == [member.email])
    assert message.subject == "Your daily digest"
    assert "Your text “Écouter” has been approved and published." in message.body
    assert "http://testserver/en/resources/listen/" in message.body
    assert "Site only" not in message.body and "Not yours" not in message.body
    assert "Weekly one" not in message.body
    assert "this e-mail contains nothing of the texts themselves" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    (stop,) = stop_links_in(message.body)
    assert message.extra_headers["List-Unsubscribe"] == f"<http://testserver{stop}>"
    assert email.status == OutgoingEmail.SENT

    # Once: a second run (another worker) finds nothing left.
    assert digests.send_due_digests(tomorrow) == 0
    assert OutgoingEmail.objects.filter(kind="digest").count() == 2
    waiting = Notification.objects.filter(recipient=member, digested_at__isnull=True)
    assert list(waiting.exclude(digest="").values_list("digest", flat=True)) == [prefs.WEEKLY]


def test_a_digest_quoting_a_trainer_s_word_does_not_claim_to_hold_no_text():
    member = UserFactory()
    set_language(member, "en")
    prefs.save_preferences(member, {"training": prefs.DAILY})
    words = {"sender": "Nadia", "text": "On pense à toi."}
    notifications.notify(member, "kind_word", words, email=True)
    assert digests.send_due_digests(local(PARIS, 1, 12)) == 1
    (message,) = [each for each in mail.outbox if each.to == [member.email]]
    assert "On pense à toi." in message.body
    assert "contains nothing of the texts" not in message.body


def test_two_runs_cannot_digest_the_same_notifications():
    member = UserFactory()
    prefs.save_preferences(member, {"contributions": prefs.DAILY})
    with mock.patch.object(notifications, "message_for", return_value="Something happened."):
        ids = [notify(member, "approved").pk for _ in range(2)]
    profile = UserProfile.get_for_user(member)
    chosen = prefs.preferences_of(member)
    now = local(PARIS, 1, 12)
    assert digests.send_digest(member, ids, profile, chosen, now)
    assert not digests.send_digest(member, ids, profile, chosen, now)
    assert OutgoingEmail.objects.filter(kind="digest").count() == 1


def test_a_digest_due_in_quiet_hours_waits_for_their_end():
    member = UserFactory()
    prefs.save_preferences(
        member,
        {"contributions": prefs.DAILY},
        quiet_from=datetime.time(20),
        quiet_until=datetime.time(9),
    )
    with mock.patch.object(notifications, "message_for", return_value="Something happened."):
        notify(member, "approved")
    assert digests.send_due_digests(local(PARIS, 1, 8, 15)) == 1
    email = OutgoingEmail.objects.get(kind="digest")
    assert (email.status, email.next_attempt_at) == (OutgoingEmail.PENDING, local(PARIS, 1, 9))
    assert mail.outbox == []


def test_leaving_the_digest_takes_waiting_notifications_out_of_it():
    member = UserFactory()
    prefs.save_preferences(member, {"contributions": prefs.WEEKLY})
    with mock.patch.object(notifications, "message_for", return_value="Something happened."):
        notification = notify(member, "approved")
    prefs.save_preferences(member, {"contributions": prefs.DAILY})
    notification.refresh_from_db()
    assert notification.digest == prefs.DAILY
    prefs.stop(member, ["contributions"])
    notification.refresh_from_db()
    assert notification.digested_at is not None
    assert digests.send_due_digests(timezone.now() + datetime.timedelta(days=8)) == 0


# One-click stop links


def e_mailed_stop_url(member):
    with mock.patch.object(notifications, "message_for", return_value="Something happened."):
        notify(member, "approved")
    message = mail.outbox[-1]
    (url,) = stop_links_in(message.body)
    assert message.extra_headers["List-Unsubscribe"] == f"<http://testserver{url}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["Message-ID"].startswith("<notification.")
    return url


def test_the_stop_link_works_without_login_in_one_click_and_twice():
    member = UserFactory()
    url = e_mailed_stop_url(member)
    browser = Client(enforce_csrf_checks=True)

    page = browser.get(url)
    assert page.status_code == 200 and b'<form method="post"' in page.content
    assert prefs.preferences_of(member).pk is None  # a look changes nothing

    # What a mail client does (RFC 8058): a POST, no cookie, no CSRF token.
    for _ in range(2):
        response = browser.post(url, {"List-Unsubscribe": "One-Click"})
        assert response.status_code == 200
        assert prefs.delivery_of(prefs.preferences_of(member), "contributions") == prefs.SITE
    mail.outbox.clear()
    with mock.patch.object(notifications, "message_for", return_value="Something happened."):
        notify(member, "approved")
    assert mail.outbox == []


def test_a_forged_or_altered_link_is_refused():
    member, other = UserFactory(), UserFactory()
    url = e_mailed_stop_url(member)
    token = url.rstrip("/").rsplit("/", 1)[1]
    payload, stamp = token.split(":", 1)
    other_payload = signing.b64_encode(
        f'{{"u":{other.pk},"c":["contributions"]}}'.encode()
    ).decode()
    forged = [
        other_payload + ":" + stamp,  # another member under this signature
        payload + ":" + stamp[:-2] + ("AA" if not stamp.endswith("AA") else "BB"),
        signing.dumps({"u": other.pk, "c": ["contributions"]}),  # without the salt
        signing.dumps({"u": member.pk, "c": ["security"]}, salt=prefs.UNSUBSCRIBE_SALT),
        "nothing",
    ]
    for bad in forged:
        address = reverse("notifications_stop", kwargs={"token": bad})
        assert Client().post(address).status_code == 404, bad
        assert Client().get(address).status_code == 404, bad
    assert prefs.preferences_of(other).pk is None
    assert prefs.preferences_of(member).pk is None


def test_one_member_s_link_stops_only_their_own_category():
    member, other = UserFactory(), UserFactory()
    url = e_mailed_stop_url(member)
    e_mailed_stop_url(other)
    assert Client().post(url).status_code == 200
    assert prefs.preferences_of(other).pk is None
    assert prefs.preferences_of(member).deliveries == {"contributions": prefs.SITE}


# Personal data


def test_my_data_exports_the_preferences_and_erasure_removes_them():
    member = UserFactory()
    prefs.save_preferences(member, {"training": prefs.WEEKLY})
    (section,) = [each for each in sections() if each.key == "notification_preferences"]
    (row,) = section.export(member)
    assert row["deliveries"] == {"training": prefs.WEEKLY} and row["quiet_from"] == "21:00:00"
    section.erase(member)
    assert not NotificationPreferences.objects.filter(user=member).exists()

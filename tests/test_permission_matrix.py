"""The permission matrix: every URL pattern of the project x every role → what they get.

One table, ``MATRIX``: a row per URL name, one line each. The test walks every pattern of
the URL configuration (``get_resolver()``, the ``/fr/`` and ``/en/`` ones included) and fails
when a pattern has no row, naming the line to add; it also fails when a row names a pattern
that no longer exists.

The rule for third-party admin internals: the patterns *included* under ``admin/`` (Wagtail)
and ``django-admin/`` (Django admin, used for django-filer) are hundreds of library views
that share one gate each; they are covered by ``AREAS``: one row per area plus a few
representative views. Everything else, including the patterns of Wagtail's front-end
serving and document serving, needs its own row.

Each cell says what the role gets on a GET (POST for rows marked so):
``200`` the page, ``login`` a redirect to the login page, ``302`` another redirect,
``403``/``404``/``405`` a refusal (404 where the role may not know the object exists).
Staff roles are logged in with a verified second factor (``client.force_login`` of the
root conftest); what an unverified session meets is in accounts/tests/test_two_factor.py.
"""

import uuid

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import URLResolver, get_resolver, reverse
from django.utils import translation

from wagtail.documents.models import Document

import pytest

from courses.models import Certificate
from courses.reminders import token_for
from credentials.models import IssuedCredential
from gatherings.factories import GroupSessionFactory
from gatherings.models import SubjectProposal
from home.charter import acknowledge, current_charter
from home.factories import ContributionPageFactory, FileFactory, UserFactory
from home.models import Notification
from home.preferences import unsubscribe_token
from home.sharing import contribution_section
from practice_analysis.factories import PracticeGroupFactory, ReflectiveEntryFactory
from practice_analysis.models import ReflectiveEntry
from recognition import record
from recognition.tests.conftest import make_framework

# The peer's downloaded credential, named by a fixed id so that an admin area's row names it.
ISSUED_ID = uuid.UUID("6f1c1e2a-0000-4000-8000-000000000001")

ROLES = ["anonymous", "peer", "trainer", "supervisor", "coordinator", "superuser"]

# name: (method, object the URL is about, "anonymous peer trainer supervisor coordinator superuser")
# The peer is the author of the entry and the learner of the certificate; the supervisor
# supervises the peer's practice group; the file is in the "Formation" folder.
MATRIX = {
    "admin_login_redirect": ("GET", None, "login 403 403 403 403 403"),
    "django_admin_login_redirect": ("GET", None, "login 403 403 403 403 403"),
    "wagtaildocs_serve": ("GET", "document", "200 200 200 200 200 200"),
    "wagtaildocs_authenticate_with_password": ("GET", "missing", "404 404 404 404 404 404"),
    "private_thumbnail": ("GET", "missing_file", "login 404 404 404 404 404"),
    "private_file": ("GET", "file", "login 200 200 200 404 200"),
    "favicon": ("GET", None, "302 302 302 302 302 302"),
    "login": ("GET", None, "200 302 302 302 302 302"),
    "logout": ("POST", None, "302 302 302 302 302 302"),
    "two_factor_verify": ("GET", None, "login 302 302 302 302 302"),
    "account_security": ("GET", None, "login 200 200 200 200 200"),
    "reading_comfort": ("GET", None, "login 200 200 200 200 200"),
    "two_factor_setup": ("GET", None, "login 200 302 302 302 302"),
    "two_factor_disable": ("POST", None, "login 302 302 302 302 302"),
    "recovery_codes": ("GET", None, "login 302 302 302 302 302"),
    "password_change": ("GET", None, "login 200 200 200 200 200"),
    "password_reset": ("GET", None, "200 200 200 200 200 200"),
    "password_reset_done": ("GET", None, "200 200 200 200 200 200"),
    "password_reset_confirm": ("GET", "password_link", "200 200 200 200 200 200"),
    "invitation_confirm": ("GET", "password_link", "200 200 200 200 200 200"),
    "password_reset_complete": ("GET", None, "200 200 200 200 200 200"),
    "my_learning": ("GET", None, "login 200 200 200 200 200"),
    "training_record": ("GET", None, "login 200 200 200 200 200"),
    # A reminder's signed links are the peer's own: anyone else's is "not found".
    "reminder_not_now": ("GET", "reminder", "login 200 404 404 404 404"),
    "reminders_stop": ("GET", "reminder", "login 200 404 404 404 404"),
    "reminders_resume": ("POST", None, "login 302 302 302 302 302"),
    "reminders_off": ("POST", None, "login 302 302 302 302 302"),
    "certificate_download": ("GET", "certificate", "login 200 404 404 404 404"),
    "certificate_verify": ("GET", "certificate", "200 200 200 200 200 200"),
    # Open Badges credentials: the issuer's face is public; a credential is its holder's only.
    "credentials_issuer": ("GET", None, "200 200 200 200 200 200"),
    "credentials_jwks": ("GET", None, "200 200 200 200 200 200"),
    "credentials_status_list": ("GET", "status_list", "200 200 200 200 200 200"),
    "my_credentials": ("GET", None, "login 200 200 200 200 200"),
    "credential_download": ("POST", "credential_request", "login 200 404 404 404 404"),
    "credential_revoke": ("POST", "issued_credential", "login 302 404 404 404 404"),
    "entry_list": ("GET", None, "login 200 200 200 200 200"),
    "entry_create": ("GET", None, "login 200 302 302 302 302"),
    "entry_detail": ("GET", "entry", "login 200 404 404 404 404"),
    "entry_edit": ("GET", "entry", "login 302 404 404 404 404"),
    "entry_autosave": ("POST", "entry", "401 409 404 404 404 404"),  # JSON in every case
    "entry_withdraw": ("POST", "entry", "login 302 404 404 404 404"),
    "entry_reopen": ("POST", "entry", "login 302 404 404 404 404"),
    "entry_share": ("POST", "entry", "login 302 404 404 404 404"),
    "shared_entry": ("GET", "entry", "login 404 404 404 404 404"),
    "supervision_queue": ("GET", None, "login 404 404 200 404 404"),
    "supervision_entry": ("GET", "entry", "login 404 404 200 404 404"),
    "supervision_take": ("POST", "entry", "login 404 404 302 404 404"),
    "supervision_review": ("POST", "entry", "login 404 404 302 404 404"),
    "charter_acknowledge": ("POST", "charter", "login 302 302 302 302 302"),
    "wagtailcore_authenticate_with_password": (
        "GET",
        "missing_restriction",
        "404 404 404 404 404 404",
    ),
    "wagtail_login_redirect": ("GET", None, "login login login login login login"),
    "wagtailcore_login": ("GET", None, "login login login login login login"),
    "wagtail_serve": ("GET", "home", "200 200 200 200 200 200"),
    "search": ("GET", None, "200 200 200 200 200 200"),
    "notification_list": ("GET", None, "login 200 200 200 200 200"),
    "notification_read": ("POST", "notification", "login 302 404 404 404 404"),
    "notification_read_all": ("POST", None, "login 302 302 302 302 302"),
    "notification_settings": ("GET", None, "login 200 200 200 200 200"),
    # A signed link from an e-mail: no login, the token is the proof (a forged one: 404).
    "notifications_stop": ("GET", "stop_link", "200 200 200 200 200 200"),
    # "Share": those who may add a contribution (peer, trainer); the draft is the peer's.
    "share_list": ("GET", None, "login 200 200 404 404 200"),
    "share_new": ("GET", None, "login 200 200 404 404 200"),
    "share_detail": ("GET", "contribution", "login 200 404 404 404 404"),
    "share_edit": ("GET", "contribution", "login 200 404 404 404 404"),
    "my_data": ("GET", None, "login 200 200 200 200 200"),
    "my_data_download": ("POST", None, "login 302 302 302 302 302"),
    "my_data_archive": ("GET", None, "login 404 404 404 404 404"),  # none asked for yet
    "erasure_request": ("POST", None, "login 200 200 200 200 200"),
    "erasure_cancel": ("POST", None, "login 302 302 302 302 302"),
    # Live sessions (gatherings): the session is the peer's group's, facilitated by the
    # supervisor; coordinators schedule it but see neither it nor its answers.
    "session_list": ("GET", None, "login 200 200 200 200 200"),
    "session_schedule": ("GET", None, "login 404 404 200 200 404"),
    "session_detail": ("GET", "session", "login 200 404 200 404 404"),
    "session_edit": ("GET", "session", "login 404 404 200 200 404"),
    "session_answer": ("POST", "session", "login 302 404 302 404 404"),
    "session_ics": ("GET", "session", "login 200 404 200 404 404"),
    "session_check_in": ("POST", "session", "login 302 404 302 404 404"),
    "session_attendance": ("GET", "session", "login 404 404 200 404 404"),
    "session_attendance_sheet": ("GET", "session", "login 404 404 200 404 404"),
    # The session's record: its facilitator or a supervisor of the group starts it (this
    # session is tomorrow's: nothing to open yet, back to the session).
    "session_record": ("GET", "session", "login 404 404 302 404 404"),
    "calendar_feed_settings": ("GET", None, "login 200 200 200 200 200"),
    "calendar_feed": ("GET", "missing_feed", "404 404 404 404 404 404"),
    # Co-development (gatherings/codev.py): the peer's group's workshop; the subject is the
    # peer's (withdrawn only by them).
    "session_subjects": ("GET", "workshop", "login 200 404 200 404 404"),
    "session_mode": ("GET", "workshop", "login 200 404 200 404 404"),
    "session_subject_withdraw": ("POST", "subject", "login 302 404 404 404 404"),
    # Competences (recognition): the peer's own; only a supervisor of the peer's own group
    # confirms. A superuser is a technical role: no supervisor of anyone. A cohort's
    # aggregate (for its trainers and the coordinators, recognition/tests/test_access.py)
    # is asked here of a cohort that does not exist: a cohort would change the rows above.
    "my_competences": ("GET", None, "login 200 200 200 200 200"),
    "my_competence": ("GET", "competence", "login 200 200 200 200 200"),
    "competence_peers": ("GET", None, "login 200 200 200 200 200"),
    "peer_competences": ("GET", "competence_peer", "login 404 404 200 404 404"),
    "confirm_competence": ("GET", "peer_competence", "login 404 404 200 404 404"),
    "competence_cohorts": ("GET", None, "login 200 200 200 200 200"),
    "competence_cohort": ("GET", "missing_cohort", "login 404 404 404 404 404"),
    # The recognition record: each member's own (no id in the address); a link is withdrawn
    # only by its holder; the public page is the token's; coordinators attest statuses.
    "my_record": ("GET", None, "login 200 200 200 200 200"),
    "my_record_pdf": ("GET", None, "login 200 200 200 200 200"),
    "my_record_link": ("POST", None, "login 302 302 302 302 302"),
    "my_record_link_revoke": ("POST", "record_link", "login 302 404 404 404 404"),
    "record_public": ("GET", "record_token", "200 200 200 200 200 200"),
    "attested_statuses": ("GET", None, "login 404 404 404 200 404"),
    "attest_status": ("GET", "competence_peer", "login 404 404 404 200 404"),
}

# Included admin areas: one row per area, plus representative views (see the docstring).
AREA_PREFIXES = ("admin/", "django-admin/")
AREAS = {
    "/admin/": "login 200 200 200 200 200",
    "/admin/pages/": "login 200 200 302 200 200",
    "/admin/cohorts/": "login 302 200 302 200 200",
    "/admin/live_sessions/": "login 302 302 200 200 302",
    # Coordinators manage accounts in the People area; Wagtail's user and group editors
    # (superuser status, passwords, any group) and the Django admin's are superusers' only.
    "/admin/users/": "login 302 302 302 302 200",
    "/admin/groups/": "login 302 302 302 302 200",
    "/admin/people/": "login 302 302 302 200 200",
    "/admin/people/new/": "login 302 302 302 200 200",
    "/django-admin/auth/user/": "login 403 403 403 403 200",
    "/django-admin/auth/group/": "login 403 403 403 403 200",
    "/admin/settings/home/sitesettings/": "login 302 302 302 302 302",
    "/django-admin/": "login 403 200 403 200 200",
    "/django-admin/filer/folder/": "login 403 200 403 200 200",
    "/django-admin/otp_totp/totpdevice/": "login 403 403 403 403 200",
    "/admin/undelivered-emails/": "login 404 404 404 200 200",
    # Verifiable credentials issued, and revoking one (a confirmation page): coordinators.
    "/admin/credentials/": "login 404 404 404 200 200",
    f"/admin/credentials/{ISSUED_ID}/revoke/": "login 404 404 404 200 200",
    # The competency framework: trainers and coordinators write it.
    "/admin/snippets/competences/competence/": "login 302 200 302 200 200",
    "/admin/snippets/competences/domain/": "login 302 200 302 200 200",
    # The task queue (arguments are ids; tracebacks may name anything): superusers only.
    "/django-admin/django_tasks_database/dbtaskresult/": "login 403 403 403 403 200",
}


def walk(patterns, prefix=""):
    """(route, name) of every pattern, with the admin areas' includes left to AREAS."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if route in AREA_PREFIXES:
                continue
            yield from walk(pattern.url_patterns, route)
        else:
            yield route, pattern.name


def project_patterns():
    with translation.override("fr"):
        return list(walk(get_resolver().url_patterns))


def test_every_url_pattern_has_a_row():
    missing = [(route, name) for route, name in project_patterns() if name not in MATRIX]
    assert not missing, "\n".join(
        f"URL pattern {route!r} (name {name!r}) has no row in tests/test_permission_matrix.py: "
        f'add `"{name}": ("GET", None, "login 200 200 200 200 200"),` with what each role '
        "should get."
        for route, name in missing
    )
    names = {name for _, name in project_patterns()}
    stale = sorted(set(MATRIX) - names)
    assert not stale, f"rows for URL names that no longer exist: {stale}"


@pytest.fixture
def people(db):
    people = {
        "peer": UserFactory(roles=["peer"]),
        "trainer": UserFactory(roles=["trainer"]),
        "supervisor": UserFactory(roles=["supervisor"]),
        "coordinator": UserFactory(roles=["coordinator"]),
        "superuser": UserFactory(is_superuser=True, is_staff=True),
    }
    charter = current_charter()
    for user in people.values():
        acknowledge(user, charter, "fr")
    return people


@pytest.fixture
def objects(people):
    group = PracticeGroupFactory(members=[people["peer"]], supervisors=[people["supervisor"]])
    entry = ReflectiveEntryFactory(
        author=people["peer"], group=group, state=ReflectiveEntry.SUBMITTED
    )
    certificate = Certificate.objects.create(
        user=people["peer"],
        learner_name="Alice Martin",
        course_key=uuid.uuid4(),
        course_title="Le rôle de pair-aidant",
        duration_minutes=45,
    )
    issued = IssuedCredential.objects.create(
        id=ISSUED_ID,
        user=people["peer"],
        kind="module_certificate",
        ref=certificate.code,
        name=certificate.course_title,
        identified_by=IssuedCredential.NAME,
        status_index=5,
    )
    document = Document.objects.create(
        title="Programme", file=ContentFile(b"programme", name="programme.txt")
    )
    guide = FileFactory(original_filename="guide.pdf")
    session = GroupSessionFactory(group=group, facilitator=people["supervisor"])
    workshop = GroupSessionFactory(group=group, kind="codev", facilitator=people["supervisor"])
    subject = SubjectProposal.objects.create(session=workshop, author=people["peer"], title="x")
    notification = Notification.objects.create(
        recipient=people["peer"], kind=Notification.KINDS[0][0], link="/fr/"
    )
    contribution = ContributionPageFactory(
        parent=contribution_section("fr"), owner=people["peer"], publish=False
    )
    competence = make_framework()
    key = competence.translation_key
    link = record.create_link(people["peer"])
    # kind: (URL kwargs, URL args, POST data)
    return {
        None: ({}, [], {}),
        "entry": ({"pk": entry.pk}, [], {}),
        "certificate": ({"code": certificate.code}, [], {}),
        "credential_request": (
            {},
            [],
            {"kind": "module_certificate", "ref": certificate.code, "identified_by": "name"},
        ),
        "issued_credential": ({"pk": issued.pk}, [], {}),
        "status_list": ({"list_id": "1"}, [], {}),
        "charter": ({}, [], {"charter": current_charter().pk}),
        "document": ({}, [str(document.pk), "programme.txt"], {}),
        "missing": ({"restriction_id": 999999}, [], {}),
        "missing_restriction": ({"page_view_restriction_id": 999999, "page_id": 1}, [], {}),
        "file": ({"path": guide.url.removeprefix("/files/")}, [], {}),
        "missing_file": ({"path": "nothing/here.png"}, [], {}),
        "home": ({}, [""], {}),
        "notification": ({"pk": notification.pk}, [], {}),
        "stop_link": ({"token": unsubscribe_token(people["peer"], ["contributions"])}, [], {}),
        "contribution": ({"pk": contribution.pk}, [], {}),
        "reminder": ({"token": token_for(people["peer"], uuid.uuid4())}, [], {}),
        "session": ({"pk": session.pk}, [], {}),
        "workshop": ({"pk": workshop.pk}, [], {}),
        "subject": ({"pk": workshop.pk, "proposal": subject.pk}, [], {}),
        "missing_feed": ({"token": "no-such-calendar"}, [], {}),
        "competence": ({"key": key}, [], {}),
        "competence_peer": ({"pk": people["peer"].pk}, [], {}),
        "peer_competence": ({"pk": people["peer"].pk, "key": key}, [], {}),
        "missing_cohort": ({"pk": 999999}, [], {}),
        "record_link": ({"pk": link.pk}, [], {}),
        "record_token": ({"token": link.token}, [], {}),
        # A link to choose a password, for nobody: the calm "this link no longer works".
        "password_link": ({"uidb64": "MA", "token": "x-y"}, [], {}),
    }


def outcome(client, response):
    if response.status_code in (301, 302):
        location = response["Location"]
        if location.startswith(("/admin/login/", "/django-admin/login/")):
            # The admins' own login addresses lead to the site's login page (or a 403).
            return outcome(client, client.get(location))
        if any(
            location.startswith(reverse("login").replace("/fr/", f"/{code}/"))
            for code in ("fr", "en")
        ):
            return "login"
        return "302"
    return str(response.status_code)


def request(client, method, url, data):
    return client.post(url, data) if method == "POST" else client.get(url)


def as_role(client, people, role):
    client.logout()
    if role != "anonymous":
        client.force_login(people[role])


def test_permission_matrix(client, people, objects):
    """Each cell is checked in its own rolled-back transaction, so POSTs change nothing."""
    assert Group.objects.filter(name="peer").exists()
    mismatches = []
    for name, (method, kind, expected_row) in MATRIX.items():
        kwargs, args, data = objects[kind]
        url = reverse(name, kwargs=kwargs or None, args=args or None)
        for role, expected in zip(ROLES, expected_row.split(), strict=True):
            with transaction.atomic():
                as_role(client, people, role)
                got = outcome(client, request(client, method, url, data))
                transaction.set_rollback(True)
            if got != expected:
                mismatches.append(f"{name:<40} {role:<12} expected {expected:<6} got {got}  {url}")
    for url, expected_row in AREAS.items():
        for role, expected in zip(ROLES, expected_row.split(), strict=True):
            as_role(client, people, role)
            got = outcome(client, client.get(url))
            if got != expected:
                mismatches.append(f"{url:<40} {role:<12} expected {expected:<6} got {got}")
    assert not mismatches, "\n" + "\n".join(mismatches)

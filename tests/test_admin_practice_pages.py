"""The editing space reveals nothing of a practice group's pages to anyone outside the group.

**How the URLs are found.** ``admin_patterns()`` walks the whole URL configuration
(``django.urls.get_resolver()``, recursively through every ``include``) and keeps each
pattern whose full route starts with ``admin/``: Wagtail's own views, wagtail-localize's,
every viewset and ``register_admin_urls`` hook of ours and of any library. Nothing is
listed by hand, so a view that a Wagtail upgrade or a new app adds is enumerated, and
tried, the day it appears.

**How they are tried.** Each pattern's path parameters are filled from their names:
page-like names (``page_id``, ``parent_page_id``, ``page_to_move_id``, ``destination_id``,
``page_pk``, and ``pk``/``object_id`` of views whose model — or their viewset's — is a page
or is not declared) with the id of the group's page, of a session log whose draft is in
moderation and of a co-development record; ``revision_id``, ``workflow_state_id``,
``task_state_id``, ``translation_id``, ``translation_source_id``, ``redirect_id`` with the
objects that lead to the session log; any other integer parameter with the session log's
id too (a new view's unknown parameter is tried as a page id); Wagtail's regular-expression
routes (the revision comparison) get the page id in their first group. Patterns without
parameters are tried with the query-string forms ``?id=&page_id=&parent_page_id=&childOf=``,
and every registered page bulk action (delete, move, publish, unpublish, …) with ``?id=``.
(Only GET is enumerated; POSTs that would change something are tried on the views that do.)

Every request is made twice, with the practice ids and with ids that do not exist, as a
peer of another group, a trainer, a supervisor of another group, a coordinator and a
superuser (a technical role: they are refused the records like anyone else, see
docs/security.md). Both answers must be the same (status and redirect), and no answer may
contain a title or a sentence of the records. The member who wrote the log and the group's
supervisor are the control: the same views work for them.

The listings (explorer, searches, choosers, reports, dashboard, history, workflow reports,
translations to do, redirects, the admin API) are read too, and show no title of another
group's records — nor to a member who has left the group. A page named in a form (a link
in rich text, a parent page) is answered as a missing one. A text counts as shown in any
of its forms: as is, escaped for HTML or for JSON.
"""

import datetime
import json
import re

from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.html import escape
from django.utils.text import capfirst

from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.viewsets import viewsets
from wagtail.models import Locale, Page

import pytest

from home.charter import acknowledge, current_charter
from home.factories import UserFactory
from practice_analysis.factories import PracticeGroupFactory
from practice_analysis.models import (
    CodevWorkshopPage,
    PracticeAnalysisIndexPage,
    PracticeGroupPage,
    PracticeSessionPage,
)
from privacy.models import AuditEvent

pytestmark = pytest.mark.django_db

MISSING = 987654
# Words of the records that must never reach an outsider, in any form.
GROUP_NAME = "Groupe Zinnober"
# Records are titled by their kind and date (practice_analysis.models.pages.record_title),
# whatever their scribe typed: those neutral titles are secrets too.
SESSION_TITLE = "Séance du 6 octobre 2026"
SECRETS = [
    SESSION_TITLE,  # the session log's title, published and in its draft in moderation
    "Atelier de codéveloppement du 13 octobre 2026",  # the co-development record's title
    "Marjolaine a parlé d'un appel difficile",  # a field of the log
    "Sujet Escarbille",  # the co-development record's subject
    "Révision Pimprenelle",  # a field only in the draft
    "seance-du-6-octobre-2026",  # the log's address
    "seance-quenouille",  # the start of a redirect's address
]
# What a view does with these is no page's business; these never perform an action on GET.
SKIPPED = {
    "wagtailadmin_logout",
    "wagtailadmin_editing_sessions:release",
    "wagtailadmin_error_test",  # raises on purpose
}


def admin_patterns():
    """(route, name, pattern) of every URL pattern under ``admin/``, found recursively."""
    found = []

    def walk(patterns, prefix, namespaces):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                ns = [*namespaces, pattern.namespace] if pattern.namespace else namespaces
                walk(pattern.url_patterns, route, ns)
            elif isinstance(pattern, URLPattern) and route.lstrip("^").startswith("admin/"):
                name = ":".join([*namespaces, pattern.name or route])
                found.append((route.lstrip("^"), name, pattern))

    walk(get_resolver().url_patterns, "", [])
    return found


PARAMETER = re.compile(r"<(?:(\w+):)?(\w+)>")
PAGE_PARAMETERS = {"page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk"}
OBJECT_PARAMETERS = {"pk", "object_id"}


def view_model(pattern, name):
    """The model a view says it works on, or its viewset's (found by URL namespace)."""
    callback = pattern.callback
    for holder in (getattr(callback, "view_class", None), getattr(callback, "cls", None)):
        if getattr(holder, "model", None) is not None:
            return holder.model
    model = (getattr(callback, "view_initkwargs", None) or {}).get("model")
    if model is None and ":" in name:
        namespace = name.rsplit(":", 1)[0]
        models = {vs.name: getattr(vs, "model", None) for vs in viewsets.viewsets if vs.name}
        model = models.get(namespace)
    return model


REGEX_GROUP = re.compile(r"\((?:\?P<\w+>)?([^()]*)\)")


def fill_regex(route, first):
    """A regular-expression route (Wagtail's revision comparison): its first group gets the
    id, the others their last word alternative (``earliest``, ``latest``)."""
    groups = REGEX_GROUP.findall(route)
    path = route
    for index, group in enumerate(groups):
        words = [w for w in group.split("|") if w.isalpha()]
        value = first if index == 0 or not words else words[-1]
        path = REGEX_GROUP.sub(str(value), path, count=1)
    return "/" + path.replace("^", "").replace("$", "").replace("\\", "")


def fill(route, values):
    """The path of a route, or None when a parameter has no value."""
    path = route.replace("^", "").replace("$", "")
    for converter, name in PARAMETER.findall(route):
        value = values.get(name)
        if value is None:
            return None
        path = path.replace(f"<{converter + ':' if converter else ''}{name}>", str(value), 1)
    return "/" + path


def parameter_sets(route, name, pattern, objects):
    """Pairs (path with practice ids, path with missing ids) to try for one pattern."""
    model = view_model(pattern, name)
    names = [parameter for _c, parameter in PARAMETER.findall(route)]
    fixed = {
        "action_name": "approve",
        "mode": "",
        "filter_spec": "original",
        "export": "csv",
        "content_type_app_name": "practice_analysis",
        "content_type_model_name": "practicesessionpage",
        "app_label": "wagtailcore",
        "model_name": "page",
        "app_name": "home",
        "action": "delete",
        "uidb64": "MQ",
        "token": "x-y",
    }
    pages = [objects["session"], objects["group_page"], objects["codev"]]
    pairs = []
    for page in pages if set(names) & (PAGE_PARAMETERS | OBJECT_PARAMETERS) else pages[:1]:
        real, missing = {**fixed, **objects["context"]}, {**fixed, **objects["context"]}
        for parameter in names:
            if parameter in real:
                continue
            other_kind = isinstance(model, type) and not issubclass(model, Page)
            if parameter in OBJECT_PARAMETERS and other_kind:
                return []  # an object of another kind (a user, an image…): not ours to try
            leads_to = objects["leads_to"].get(parameter)
            real[parameter] = leads_to if leads_to is not None else page.pk
            missing[parameter] = MISSING
        pairs.append((fill(route, real), fill(route, missing)))
    return [(real, missing) for real, missing in pairs if real]


QUERY = "?id={0}&page_id={0}&parent_page_id={0}&childOf={0}"


def answer(response):
    """What an answer tells: its status and where it redirects, ids made alike."""
    return response.status_code, re.sub(r"\d+", "ID", response.get("Location", ""))


def leaked(response, secrets):
    """The secrets found in an answer: as they are, escaped for HTML, or for JSON."""
    content = b"".join(response) if response.streaming else response.content
    text = content.decode("utf-8", "replace")
    forms = {s: {s, escape(s), json.dumps(s)[1:-1], json.dumps(escape(s))[1:-1]} for s in secrets}
    return [s for s in secrets if any(form in text for form in forms[s])]


def person(role=None):
    user = UserFactory(roles=[role] if role else [])
    acknowledge(user, current_charter(), "fr")
    return user


@pytest.fixture
def records():
    """A group with a published log and a newer draft in moderation, and a co-development
    record; another group for the outsiders who are in one."""
    people = {
        "member": person("peer"),
        "group_supervisor": person("supervisor"),
        "peer_of_another_group": person("peer"),
        "supervisor_of_another_group": person("supervisor"),
        "trainer": person("trainer"),
        "coordinator": person("coordinator"),
        "superuser": UserFactory(is_superuser=True, is_staff=True),
    }
    group = PracticeGroupFactory(
        name=GROUP_NAME, members=[people["member"]], supervisors=[people["group_supervisor"]]
    )
    PracticeGroupFactory(
        members=[people["peer_of_another_group"]],
        supervisors=[people["supervisor_of_another_group"]],
    )
    group_page = PracticeGroupPage.objects.get(group=group)
    session = group_page.add_child(
        instance=PracticeSessionPage(
            title="Séance Quenouille",
            slug="seance-quenouille",
            date=datetime.date(2026, 10, 6),
            session_format="app",
            situation="<p>Marjolaine a parlé d'un appel difficile.</p>",
            owner=people["member"],
            facilitator=people["group_supervisor"],
        )
    )
    session.attendees.set([people["member"]])
    session.save_revision(user=people["member"]).publish()
    session.title = "Séance Quenouille révisée"
    session.learnings = "<p>Révision Pimprenelle.</p>"
    revision = session.save_revision(user=people["member"], log_action=True)
    workflow_state = session.get_workflow().start(session, people["member"])
    codev = group_page.add_child(
        instance=CodevWorkshopPage(
            title="Atelier Brindille",
            date=datetime.date(2026, 10, 13),
            subject="Sujet Escarbille",
            expose_summary="<p>Un exposé.</p>",
            owner=people["member"],
            live=False,
        )
    )
    codev.save_revision(user=people["member"], log_action=True)

    from wagtail_localize.models import Translation, TranslationSource

    source, _created = TranslationSource.get_or_create_from_instance(session)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="en")
    )
    from wagtail.contrib.redirects.models import Redirect

    redirect = Redirect.objects.create(old_path="/seance-quenouille-avant", redirect_page=session)
    leads_to = {
        "redirect_id": redirect.pk,
        "revision_id": revision.pk,
        "workflow_state_id": workflow_state.pk,
        "task_state_id": workflow_state.current_task_state.pk,
        "translation_id": translation.pk,
        "translation_source_id": source.pk,
    }
    return {
        "people": people,
        "group_page": group_page,
        "session": session,
        "codev": codev,
        "index": PracticeAnalysisIndexPage.objects.filter(locale=group_page.locale).get(),
        "leads_to": leads_to,
        # Shared by every group (not records): the same real value in both requests.
        "context": {
            "task_id": workflow_state.current_task_state.task_id,
            "workflow_pk": workflow_state.workflow_id,
        },
    }


def login(client, user):
    client.force_login(user)
    return client


def requests_for(objects):
    """Every (name, path with practice ids, path with missing ids) the enumeration tries."""
    tries = []
    for route, name, pattern in admin_patterns():
        if name in SKIPPED:
            continue
        if REGEX_GROUP.search(route):
            for page in ("session", "group_page", "codev"):
                real = fill_regex(route, objects[page].pk)
                tries.append((name, real, fill_regex(route, MISSING)))
        elif PARAMETER.search(route):
            tries += [
                (name, real, missing)
                for real, missing in parameter_sets(route, name, pattern, objects)
            ]
        else:
            path = "/" + route.replace("^", "").replace("$", "")
            ids = objects["session"].pk
            tries.append((name, path + QUERY.format(ids), path + QUERY.format(MISSING)))
    for action in bulk_action_registry.actions.get("wagtailcore", {}).get("page", {}):
        base = f"/admin/bulk/wagtailcore/page/{action}/"
        for page in ("session", "group_page", "codev"):
            pk = objects[page].pk
            tries.append((f"bulk {action}", f"{base}?id={pk}", f"{base}?id={MISSING}"))
        tries.append(
            (f"bulk {action} all", f"{base}?id=all&childOf={objects['group_page'].pk}", None)
        )
    return tries


OUTSIDERS = [
    "peer_of_another_group",
    "trainer",
    "supervisor_of_another_group",
    "coordinator",
    "superuser",
]


def secrets_for(who):
    # Coordinators name the groups and manage them: a group's name is no secret to them,
    # nor to those who were in it.
    if who in ("coordinator", "superuser", "former_member"):
        return SECRETS
    return [*SECRETS, GROUP_NAME]


@pytest.mark.parametrize("who", OUTSIDERS)
def test_no_admin_url_reveals_another_groups_records(client, records, who):
    """Every admin URL, practice ids against missing ids: the same answer, nothing shown."""
    login(client, records["people"][who])
    secrets = secrets_for(who)
    differences, leaks = [], []
    for name, real, missing in requests_for(records):
        response = client.get(real)
        if found := leaked(response, secrets):
            leaks.append(f"{name} {real} {response.status_code}: {found}")
        if missing is not None:
            expected = answer(client.get(missing))
            if answer(response) != expected:
                differences.append(f"{name} {real}: {answer(response)} != {expected}")
    assert not leaks, "\n".join(leaks)
    assert not differences, "\n".join(differences)


def listings(objects):
    index, session = objects["index"].pk, objects["session"].pk
    return [
        "/admin/",
        f"/admin/pages/{index}/",
        f"/admin/pages/{index}/?q=S%C3%A9ance",
        "/admin/pages/search/?q=S%C3%A9ance",
        "/admin/pages/search/?q=Brindille",
        f"/admin/choose-page/{index}/",
        "/admin/choose-page/search/?q=S%C3%A9ance",
        "/admin/choose-page/?q=S%C3%A9ance",
        "/admin/api/main/pages/?search=S%C3%A9ance",
        f"/admin/api/main/pages/?child_of={index}&for_explorer=1",
        f"/admin/api/main/pages/{session}/",
        "/admin/reports/site-history/",
        "/admin/reports/page-types-usage/",
        "/admin/reports/aging-pages/",
        "/admin/reports/locked/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/translations-to-do/",
        "/admin/redirects/",
        "/admin/redirects/?q=quenouille",
        "/admin/bulk/wagtailcore/page/delete/?id=all",
        "/admin/bulk/wagtailcore/page/publish/?id=all&q=S%C3%A9ance",
    ]


@pytest.mark.parametrize("who", [*OUTSIDERS, "former_member"])
def test_listings_show_no_title_of_another_groups_records(client, records, who):
    """Listings, reports, searches and the dashboard — also for a member who has left the
    group after writing, submitting and locking its records."""
    former = records["people"]["member"]
    codev = records["codev"]
    codev.save_revision(user=former, log_action=True)
    codev.get_workflow().start(codev, former)
    Page.objects.filter(pk=codev.pk).update(locked=True, locked_by=former)
    if who == "former_member":
        records["session"].group.members.remove(former)
    login(client, former if who == "former_member" else records["people"][who])
    leaks = []
    for url in listings(records):
        response = client.get(url)
        assert response.status_code < 500, url
        if found := leaked(response, secrets_for(who)):
            leaks.append(f"{url} {response.status_code}: {found}")
    assert not leaks, "\n".join(leaks)


def test_a_refusal_is_audited(client, records):
    login(client, records["people"]["trainer"])
    session = records["session"]
    assert client.get(f"/admin/pages/{session.pk}/history/").status_code == 404
    event = AuditEvent.objects.filter(action=AuditEvent.DENIED).latest("pk")
    assert event.object_type == "wagtailcore.page" and event.object_id == str(session.pk)


@pytest.mark.parametrize("who", OUTSIDERS)
def test_outsiders_change_nothing(client, records, who):
    """POSTs that would delete, unpublish or approve answer 404 and leave the records."""
    login(client, records["people"][who])
    session, codev = records["session"], records["codev"]
    task_state = records["leads_to"]["task_state_id"]
    for url in (
        f"/admin/pages/{session.pk}/delete/",
        f"/admin/pages/{session.pk}/unpublish/",
        f"/admin/pages/workflow/action/{session.pk}/approve/{task_state}/",
        f"/admin/bulk/wagtailcore/page/delete/?id={codev.pk}&id={session.pk}",
    ):
        assert client.post(url, {}).status_code == 404, url
    assert Page.objects.filter(pk__in=[session.pk, codev.pk], live=True).count() == 1
    session.refresh_from_db()
    assert session.live and session.current_workflow_state.status == "in_progress"


@pytest.mark.parametrize("who", ["member", "group_supervisor"])
def test_the_group_keeps_working_in_the_admin(client, records, who):
    """The member who wrote the log and the group's supervisor open what the others may not."""
    login(client, records["people"][who])
    session, group_page = records["session"], records["group_page"]
    revision = records["leads_to"]["revision_id"]
    for url in (
        f"/admin/pages/{group_page.pk}/",
        f"/admin/pages/{session.pk}/edit/",
        f"/admin/pages/{session.pk}/history/",
        f"/admin/pages/{session.pk}/revisions/{revision}/view/",
        f"/admin/pages/{session.pk}/workflow_history/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
    assert leaked(client.get(f"/admin/pages/{group_page.pk}/"), [SESSION_TITLE])
    chooser = client.get(f"/admin/choose-page/{group_page.pk}/")
    assert leaked(chooser, [SESSION_TITLE])


def test_the_groups_supervisor_sees_the_draft_awaiting_them(client, records):
    login(client, records["people"]["group_supervisor"])
    assert leaked(client.get("/admin/"), [SESSION_TITLE])


def test_a_link_to_a_hidden_record_shows_as_a_broken_link(client, records, section):
    """A peer of another group who types a record's id into a link of their contribution
    learns neither its title nor its address, in the editor or in its preview."""
    from home.factories import ContributionPageFactory

    peer, session = records["people"]["peer_of_another_group"], records["session"]
    link = f'<p>Voir <a linktype="page" id="{session.pk}">la séance</a>.</p>'
    page = ContributionPageFactory(
        parent=section("contributions"), owner=peer, author=peer, body=[("paragraph", link)]
    )
    login(client, peer)
    for url in (f"/admin/pages/{page.pk}/edit/", f"/admin/pages/{page.pk}/view_draft/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert not leaked(response, [*SECRETS, GROUP_NAME]), url
    # The group's member, editing the same text, sees where the link goes.
    login(client, records["people"]["member"])
    page.owner = records["people"]["member"]
    page.save()
    assert leaked(client.get(f"/admin/pages/{page.pk}/edit/"), [session.slug])


def test_a_published_text_never_links_to_a_record(client, records, section):
    """On the site, a link to a group's page or record shows as a broken link to every
    reader, the group's own members included (the rendered text is shared by the cache)."""
    from home.factories import ContributionPageFactory

    peer, session = records["people"]["peer_of_another_group"], records["session"]
    link = f'<p>Voir <a linktype="page" id="{session.pk}">la séance</a>.</p>'
    page = ContributionPageFactory(
        parent=section("contributions"), owner=peer, author=peer, body=[("paragraph", link)]
    )
    page.save_revision().publish()
    for who in ("peer_of_another_group", "member"):
        acknowledge(records["people"][who], current_charter(), "fr")
        login(client, records["people"][who])
        response = client.get(page.url)
        assert response.status_code == 200, who
        assert "la séance" in response.content.decode()
        assert not leaked(response, [*SECRETS, GROUP_NAME, "zinnober"]), who


@pytest.mark.parametrize("who", ["peer_of_another_group", "superuser"])
def test_a_hidden_page_typed_into_a_form_is_no_valid_choice(client, records, who):
    """Choosing another group's page as the parent of a new page (or the destination of a
    copy, a page chooser…) is answered as for a page that does not exist."""
    login(client, records["people"][who])
    url = "/admin/pages/create/home/contributionpage"
    hidden = client.post(url, {"parent_page": records["group_page"].pk})
    missing = client.post(url, {"parent_page": MISSING})
    assert hidden.status_code == missing.status_code == 200
    assert not leaked(hidden, [*secrets_for(who), GROUP_NAME])
    assert hidden.context["form"].errors == missing.context["form"].errors


def test_usage_does_not_count_another_groups_records(client, records):
    """The facilitator of a session log: the log is not among their usage (not even as a
    private page of its type) for those who manage accounts."""
    facilitator = records["people"]["group_supervisor"]
    kind = capfirst(str(PracticeSessionPage._meta.verbose_name))
    for who in ("coordinator", "superuser"):
        login(client, records["people"][who])
        usage = client.get(f"/admin/users/usage/{facilitator.pk}/")
        assert usage.status_code == 200 or who != "superuser"  # coordinators: the People area
        assert not leaked(usage, [kind, *SECRETS]), who
        # Deleting an account says how many objects name it (coordinators may not delete).
        deleting = client.get(f"/admin/users/delete/{facilitator.pk}/")
        assert not leaked(deleting, [kind, *SECRETS]), who

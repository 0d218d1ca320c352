"""The bootstrap command: idempotent, builds the bilingual page tree, keeps roles as code."""

import io

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageViewRestriction,
    Revision,
    Site,
    Workflow,
    WorkflowPage,
)

import pytest
from filer.models import Folder, FolderPermission

from courses.models import CourseIndexPage
from home.models import CharterPage, ContributionIndexPage, CrisisLine, HomePage, StandardPage
from home.roles import FOLDERS
from practice_analysis.models import PracticeAnalysisIndexPage

pytestmark = pytest.mark.django_db

SECTIONS = [
    ("about", StandardPage, "association", "about-us"),
    ("charter", CharterPage, "charte", "charter"),
    ("courses", CourseIndexPage, "formation", "training"),
    ("contributions", ContributionIndexPage, "ressources", "resources"),
    ("practice_analysis", PracticeAnalysisIndexPage, "analyse-de-pratiques", "practice-analysis"),
]


def run_bootstrap():
    out = io.StringIO()
    call_command("bootstrap", stdout=out)
    return out.getvalue()


def counts():
    return {
        "groups": Group.objects.count(),
        "group permissions": Group.permissions.through.objects.count(),
        "page permissions": GroupPagePermission.objects.count(),
        "collection permissions": GroupCollectionPermission.objects.count(),
        "folder permissions": FolderPermission.objects.count(),
        "workflows": Workflow.objects.count(),
        "workflow pages": WorkflowPage.objects.count(),
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "crisis lines": CrisisLine.objects.count(),
    }


def group_permissions(name):
    return set(
        Group.objects.get(name=name).permissions.values_list("content_type__app_label", "codename")
    )


def test_second_run_changes_nothing():
    before = counts()

    output = run_bootstrap()

    assert "bootstrap: nothing to change" in output
    assert counts() == before


def test_default_site_serves_the_french_home_page():
    site = Site.objects.get(is_default_site=True)
    home = HomePage.objects.get(locale__language_code="fr")

    assert site.root_page_id == home.pk
    assert home.live


def test_home_page_has_a_live_english_translation():
    fr = HomePage.objects.get(locale__language_code="fr")
    en = HomePage.objects.get(locale__language_code="en")

    assert en.live
    assert en.translation_key == fr.translation_key


@pytest.mark.parametrize(
    ("model", "fr_slug", "en_slug"),
    [section[1:] for section in SECTIONS],
    ids=[section[0] for section in SECTIONS],
)
def test_section_exists_live_in_french_and_english(model, fr_slug, en_slug):
    fr = model.objects.get(locale__language_code="fr", slug=fr_slug)
    en = model.objects.get(locale__language_code="en", slug=en_slug)

    assert fr.live and en.live
    assert en.translation_key == fr.translation_key
    assert fr.get_parent().specific_class is HomePage
    assert en.get_parent().locale.language_code == "en"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_practice_analysis_is_restricted_to_logged_in_members(language):
    page = PracticeAnalysisIndexPage.objects.get(locale__language_code=language)

    restrictions = PageViewRestriction.objects.filter(page=page)

    assert [r.restriction_type for r in restrictions] == [PageViewRestriction.LOGIN]


def test_restores_a_permission_removed_by_hand():
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    Group.objects.get(name="peer").permissions.remove(access_admin)

    output = run_bootstrap()

    assert "nothing to change" not in output
    assert ("wagtailadmin", "access_admin") in group_permissions("peer")
    assert "bootstrap: nothing to change" in run_bootstrap()


def test_removes_a_permission_added_by_hand():
    delete_user = Permission.objects.get(content_type__app_label="auth", codename="delete_user")
    Group.objects.get(name="coordinator").permissions.add(delete_user)

    run_bootstrap()

    assert ("auth", "delete_user") not in group_permissions("coordinator")
    assert ("accounts", "change_person") in group_permissions("coordinator")


def test_restores_page_permissions_changed_by_hand(section):
    peer = Group.objects.get(name="peer")
    contributions = section("contributions")
    publish = Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page")
    GroupPagePermission.objects.create(group=peer, page=contributions, permission=publish)
    GroupPagePermission.objects.filter(
        group__name="trainer", page=section("courses"), permission__codename="publish_page"
    ).delete()

    run_bootstrap()

    assert not GroupPagePermission.objects.filter(
        group=peer, permission__codename="publish_page"
    ).exists()
    assert GroupPagePermission.objects.filter(
        group__name="trainer", page=section("courses"), permission__codename="publish_page"
    ).exists()


def test_restores_folder_permissions_changed_by_hand():
    formation = Folder.objects.get(name=FOLDERS["training"], parent=None)
    coordination = Folder.objects.get(name=FOLDERS["coordination"], parent=None)
    right = FolderPermission.objects.get(group__name="peer", folder=formation)
    right.can_edit = FolderPermission.ALLOW
    right.save()
    FolderPermission.objects.create(
        group=Group.objects.get(name="peer"),
        folder=coordination,
        type=FolderPermission.CHILDREN,
        can_read=FolderPermission.ALLOW,
    )

    run_bootstrap()

    right.refresh_from_db()
    assert right.can_edit != FolderPermission.ALLOW
    assert right.can_read == FolderPermission.ALLOW
    assert not FolderPermission.objects.filter(group__name="peer", folder=coordination).exists()


def test_removes_wagtails_unused_default_groups():
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

    moderators = Group.objects.create(name="Moderators")
    Group.objects.create(name="Editors")
    task = GroupApprovalTask.objects.create(name="Moderators approval")
    task.groups.set([moderators])
    workflow = Workflow.objects.create(name="Moderators approval")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)

    output = run_bootstrap()

    assert "removed unused group Moderators" in output
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    workflow.refresh_from_db()
    assert not workflow.active


def test_keeps_a_default_group_someone_is_in():
    from home.factories import UserFactory

    editors = Group.objects.create(name="Editors")
    UserFactory().groups.add(editors)

    assert "kept group Editors" in run_bootstrap()
    assert Group.objects.filter(name="Editors").exists()

"""Apply the roles of ``home.roles`` to the database: groups, permissions, folders, workflows.

Each step compares what is there with what should be and only writes the difference, so a
second run changes nothing. Permissions a role should not have are removed.
"""

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from filer.models import Folder, FolderPermission

from home.roles import COLLECTIONS, FOLDERS, PAGE_ACTIONS, ROLES
from practice_analysis.models import GroupSupervisorApprovalTask

from .site_tree import TreeBuilder, ensure_crisis_lines, section_pages
from .slugs import unaccent_slugs

# Groups Wagtail's own migrations create. Nothing here uses them, and a group that exists
# is a group someone could be put in: bootstrap removes them while nobody is in them (with
# the default "Moderators approval" workflow Wagtail made for them).
WAGTAIL_DEFAULT_GROUPS = ["Moderators", "Editors"]

FOLDER_RIGHTS = {"read": "can_read", "edit": "can_edit", "add_children": "can_add_children"}

# Workflows that exist so far: which sections they cover and whose approval they need.
WORKFLOWS = [
    {
        "name": "Relecture des pages du site",
        "task": "Validation par la coordination",
        "approvers": ["coordinator"],
        "sections": ["home"],
    },
    {
        "name": "Relecture des contenus de formation",
        "task": "Validation par l'équipe de formation",
        "approvers": ["trainer"],
        "sections": ["courses"],
    },
    {
        "name": "Relecture des contributions",
        "task": "Validation par l'équipe de formation",
        "approvers": ["trainer"],
        "sections": ["contributions"],
    },
    {
        # Session logs and co-development records: the page's own group's supervisors.
        "name": "Relecture des comptes rendus de groupe",
        "task": "Validation par la supervision du groupe",
        "task_class": GroupSupervisorApprovalTask,
        "sections": ["practice_analysis"],
    },
]


def permission(dotted):
    app_label, codename = dotted.split(".")
    try:
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)
    except Permission.DoesNotExist as error:
        raise ImproperlyConfigured(
            f"Permission {dotted} does not exist: are all migrations applied?"
        ) from error


class Bootstrap(TreeBuilder):
    @transaction.atomic
    def run(self):
        self.home = self.build()
        unaccent_slugs(self.note)
        ensure_crisis_lines(self.note)
        groups = {name: self.ensure_group(name) for name in ROLES}
        collections = {key: self.ensure_collection(name) for key, name in COLLECTIONS.items()}
        for collection in collections.values():
            self.ensure_login_only_collection(collection)
        folders = {key: self.ensure_folder(name) for key, name in FOLDERS.items()}
        for name, role in ROLES.items():
            group = groups[name]
            self.sync_model_permissions(group, role)
            self.sync_page_permissions(group, role)
            self.sync_collection_permissions(group, role, collections)
            self.sync_folder_permissions(group, role, folders)
        for spec in WORKFLOWS:
            self.ensure_workflow(spec, groups)
        self.remove_unused_default_groups()
        return self.changes

    def remove_unused_default_groups(self):
        for group in Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS):
            if group.user_set.exists():
                self.note(f"kept group {group.name}: it still has members")
                continue
            tasks = GroupApprovalTask.objects.filter(groups=group)
            for task in tasks:
                if task.groups.exclude(pk=group.pk).exists():
                    continue
                for workflow in Workflow.objects.filter(workflow_tasks__task=task, active=True):
                    if workflow.workflow_tasks.count() > 1:
                        continue
                    workflow.deactivate()
                    self.note(f"deactivated workflow {workflow.name}")
                task.deactivate()
            group.delete()
            self.note(f"removed unused group {group.name}")

    def ensure_group(self, name):
        group, created = Group.objects.get_or_create(name=name)
        if created:
            self.note(f"group {name}")
        return group

    def ensure_collection(self, name):
        root = Collection.get_first_root_node()
        existing = root.get_children().filter(name=name).first()
        if existing:
            return existing
        self.note(f"collection {name}")
        return root.add_child(name=name)

    def ensure_folder(self, name):
        folder, created = Folder.objects.get_or_create(name=name, parent=None)
        if created:
            self.note(f"folder {name}")
        return folder

    def sync_model_permissions(self, group, role):
        wanted = {permission(dotted) for dotted in role.permissions}
        current = set(group.permissions.all())
        if wanted != current:
            group.permissions.set(wanted)
            self.note(f"permissions of {group.name}")

    def section_pages(self, key):
        return [self.home, *self.home.get_translations()] if key == "home" else section_pages(key)

    def sync_page_permissions(self, group, role):
        wanted = {
            (page.pk, PAGE_ACTIONS[action])
            for key, actions in role.pages.items()
            for page in self.section_pages(key)
            for action in actions
        }
        existing = GroupPagePermission.objects.filter(group=group).select_related("permission")
        current = {(p.page_id, p.permission.codename): p for p in existing}
        for key in current.keys() - wanted:
            current[key].delete()
            self.note(f"removed page permission of {group.name}")
        for page_id, codename in wanted - current.keys():
            GroupPagePermission.objects.create(
                group=group, page_id=page_id, permission=permission(f"wagtailcore.{codename}")
            )
            self.note(f"page permission {codename} for {group.name}")

    def sync_collection_permissions(self, group, role, collections):
        wanted = {
            (collections[key].pk, permission(dotted).pk)
            for key, perms in role.collections.items()
            for dotted in perms
        }
        existing = GroupCollectionPermission.objects.filter(group=group)
        current = {(p.collection_id, p.permission_id): p for p in existing}
        for key in current.keys() - wanted:
            current[key].delete()
            self.note(f"removed collection permission of {group.name}")
        for collection_id, permission_id in wanted - current.keys():
            GroupCollectionPermission.objects.create(
                group=group, collection_id=collection_id, permission_id=permission_id
            )
            self.note(f"collection permission for {group.name}")

    def sync_folder_permissions(self, group, role, folders):
        # A right a role lacks stays unset, never DENY: filer lets DENY win over the ALLOW
        # of another role the same member holds.
        wanted = {
            folders[key].pk: {
                field: FolderPermission.ALLOW if right in rights else None
                for right, field in FOLDER_RIGHTS.items()
            }
            for key, rights in role.folders.items()
        }
        existing = {p.folder_id: p for p in FolderPermission.objects.filter(group=group)}
        for folder_id in existing.keys() - wanted.keys():
            existing[folder_id].delete()
            self.note(f"removed folder permission of {group.name}")
        for folder_id, rights in wanted.items():
            current = existing.get(folder_id)
            if current is None:
                FolderPermission.objects.create(
                    group=group, folder_id=folder_id, type=FolderPermission.CHILDREN, **rights
                )
                self.note(f"folder permission for {group.name}")
            elif any(getattr(current, f) != v for f, v in rights.items()) or (
                current.type != FolderPermission.CHILDREN
            ):
                for f, v in rights.items():
                    setattr(current, f, v)
                current.type = FolderPermission.CHILDREN
                current.save()
                self.note(f"folder permission updated for {group.name}")

    def ensure_workflow(self, spec, groups):
        task_class = spec.get("task_class", GroupApprovalTask)
        task = task_class.objects.filter(name=spec["task"]).first()
        if task is None:
            task = task_class.objects.create(name=spec["task"])
            if "approvers" in spec:
                task.groups.set([groups[name] for name in spec["approvers"]])
            self.note(f"task {spec['task']}")
        workflow, created = Workflow.objects.get_or_create(name=spec["name"])
        if created:
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
            self.note(f"workflow {spec['name']}")
        for key in spec["sections"]:
            for page in self.section_pages(key):
                assigned = WorkflowPage.objects.filter(page=page).first()
                if assigned is None:
                    WorkflowPage.objects.create(page=page, workflow=workflow)
                    self.note(f"workflow on {page.title}")

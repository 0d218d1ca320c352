"""The four roles as code: groups, model and page permissions, collections and file folders.

``ROLES`` is the single source of truth. ``bootstrap`` applies it and docs/roles.md
describes it; a test checks all three agree.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

PAGE_ACTIONS = {
    "add": "add_page",
    "change": "change_page",
    "publish": "publish_page",
    "lock": "lock_page",
    "unlock": "unlock_page",
}

# Collections and folders are data, named once in the association's language.
COLLECTIONS = {
    "training": "Formation",
    "contributions": "Contributions des pairs",
    "site": "Site de l'association",
}

FOLDERS = {
    "training": "Formation",
    "shared": "Ressources partagées",
    "coordination": "Coordination",
}

FILE_LIBRARY = [
    "filer.can_use_directory_listing",
    "filer.view_folder",
    "filer.add_folder",
    "filer.change_folder",
    "filer.view_file",
    "filer.add_file",
    "filer.change_file",
    "filer.delete_file",
    "filer.view_image",
    "filer.add_image",
    "filer.change_image",
    "filer.delete_image",
]
# Coordinators manage practice groups (who is in them, who supervises); never their content.
PRACTICE_GROUPS = [
    "practice_analysis.add_practicegroup",
    "practice_analysis.change_practicegroup",
    "practice_analysis.view_practicegroup",
]
# Trainers and coordinators revoke certificates; nobody adds or deletes them by hand.
CERTIFICATES = ["courses.view_certificate", "courses.change_certificate"]
# Coordinators manage every cohort. Trainers see and change cohorts, and
# courses.services.cohorts_visible_to narrows that to the cohorts they train.
COHORTS_TRAINED = ["courses.view_cohort", "courses.change_cohort"]
COHORTS = [*COHORTS_TRAINED, "courses.add_cohort", "courses.delete_cohort"]
# Trainers and coordinators write the competency framework (competences' snippets).
COMPETENCE_FRAMEWORK = [
    f"competences.{action}_{model}"
    for model in ("domain", "competence")
    for action in ("add", "change", "delete", "view")
]
# Coordinators answer members' requests for erasure (privacy.services.erase_member).
ERASURE_REQUESTS = ["privacy.view_erasurerequest", "privacy.carry_out_erasure"]
# Coordinators see the verifiable credentials issued and revoke one, with a reason
# (credentials.admin_views); "change" is only ever that.
CREDENTIALS = ["credentials.view_issuedcredential", "credentials.change_issuedcredential"]
# Coordinators see which e-mails were not delivered (recipient, kind, error; never the text).
OUTBOX = ["home.view_outgoingemail"]
# Coordinators manage member accounts in the People area (accounts.people), never through
# Django's auth.*_user permissions: those open Wagtail's stock user editor (superuser
# status, passwords, any group), which stays for superusers.
PEOPLE = ["accounts.add_person", "accounts.change_person", "accounts.view_person"]
IMAGES = ["wagtailimages.add_image", "wagtailimages.change_image", "wagtailimages.choose_image"]
DOCUMENTS = [
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]


@dataclass(frozen=True)
class Role:
    name: str
    label: str
    description: str
    permissions: list = field(default_factory=list)
    # section key of setup.site_tree.SECTIONS -> actions of PAGE_ACTIONS
    pages: dict = field(default_factory=dict)
    collections: dict = field(default_factory=dict)
    # folder key -> subset of "read", "edit", "add_children"
    folders: dict = field(default_factory=dict)


ROLES = {
    role.name: role
    for role in [
        Role(
            name="peer",
            label=_("Peer supporter"),
            description=_(
                "Follows modules, writes reflective entries, takes part in practice groups "
                "and proposes contributions."
            ),
            permissions=["wagtailadmin.access_admin"],
            # "add" lets a member edit the pages they created, and only those, never publish.
            # Under "courses" it is for proposing lessons: courses.wagtail_hooks keeps modules
            # for those who may publish them.
            pages={"contributions": ["add"], "courses": ["add"]},
            collections={
                "contributions": ["wagtailimages.add_image", "wagtailimages.choose_image"]
            },
            folders={"training": ["read"], "shared": ["read"]},
        ),
        Role(
            name="trainer",
            label=_("Trainer"),
            description=_(
                "Writes and publishes training modules, reviews peer contributions and "
                "follows cohorts."
            ),
            permissions=[
                "wagtailadmin.access_admin",
                "wagtail_localize.submit_translation",
                *FILE_LIBRARY,
                *CERTIFICATES,
                *COHORTS_TRAINED,
                *COMPETENCE_FRAMEWORK,
            ],
            pages={
                "courses": ["add", "change", "publish", "lock", "unlock"],
                "contributions": ["add", "change", "publish", "lock", "unlock"],
            },
            collections={
                "training": [*IMAGES, *DOCUMENTS],
                "contributions": IMAGES,
            },
            folders={
                "training": ["read", "edit", "add_children"],
                "shared": ["read", "edit", "add_children"],
            },
        ),
        Role(
            name="supervisor",
            label=_("Supervisor"),
            description=_(
                "Reviews the reflective entries and session records of the practice groups "
                "they are assigned to, and only those."
            ),
            permissions=["wagtailadmin.access_admin"],
            folders={"training": ["read"], "shared": ["read"]},
        ),
        Role(
            name="coordinator",
            label=_("Coordinator"),
            description=_(
                "Manages members, cohorts, practice groups and site settings; sees "
                "aggregate figures, never the content of reflective entries."
            ),
            permissions=[
                "wagtailadmin.access_admin",
                "wagtail_localize.submit_translation",
                *PEOPLE,
                "home.change_sitesettings",
                "home.add_crisisline",
                "home.change_crisisline",
                "home.delete_crisisline",
                "home.view_crisisline",
                *FILE_LIBRARY,
                *CERTIFICATES,
                *PRACTICE_GROUPS,
                *COHORTS,
                *ERASURE_REQUESTS,
                *OUTBOX,
                *COMPETENCE_FRAMEWORK,
                *CREDENTIALS,
            ],
            pages={
                "about": ["add", "change", "publish", "lock", "unlock"],
                "charter": ["change", "publish", "lock", "unlock"],
            },
            collections={"site": [*IMAGES, *DOCUMENTS]},
            folders={
                "shared": ["read", "edit", "add_children"],
                "coordination": ["read", "edit", "add_children"],
            },
        ),
    ]
}


# Roles only a superuser may grant or take away: they manage other people's access.
SUPERUSER_GRANTED_ROLES = {"coordinator"}

# Not a group: the name under which superuser status appears in audit records and in the
# notification a member receives when it is granted or removed.
SUPERUSER = "superuser"

# Groups kept by code for each practice group (practice_analysis.services): technical, never
# shown or chosen in the People area; the practice-group audit records their memberships.
TECHNICAL_GROUP_PREFIX = "practice-group-"


def role_label(group_name):
    """The translated display name of a role's group, or the group name for other groups."""
    if group_name == SUPERUSER:
        return _("Administrator (technical)")
    role = ROLES.get(group_name)
    return role.label if role else group_name


def is_technical_group(group_name):
    return group_name.startswith(TECHNICAL_GROUP_PREFIX)

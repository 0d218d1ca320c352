"""Demo accounts and demo content for ``seed_demo``: realistic, in both languages.

Later issues add their own demo content here (modules, practice groups, contributions).
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from wagtail.models import Locale, Site
from wagtail.users.models import UserProfile

from .models import SiteSettings, StandardPage
from .site_tree import section_pages


@dataclass(frozen=True)
class DemoAccount:
    username: str
    first_name: str
    last_name: str
    roles: tuple
    language: str = "fr"
    superuser: bool = False


DEMO_ACCOUNTS = [
    DemoAccount("alice", "Alice", "Martin", ("peer",)),
    DemoAccount("bruno", "Bruno", "Lefèvre", ("peer",)),
    DemoAccount("gabriel", "Gabriel", "Okafor", ("peer",), language="en"),
    DemoAccount("chloe", "Chloé", "Bernard", ("trainer", "peer")),
    DemoAccount("david", "David", "Moreau", ("supervisor",)),
    DemoAccount("farid", "Farid", "Haddad", ("supervisor",), language="en"),
    DemoAccount("emma", "Emma", "Rousseau", ("coordinator",)),
    DemoAccount("admin", "Admin", "Technique", (), superuser=True),
]

ABOUT_BODY = {
    "fr": [
        ("heading", "Qui sommes-nous ?"),
        (
            "paragraph",
            "<p>Entrepairs réunit des personnes qui vivent ou ont vécu des troubles psychiques "
            "et qui s'engagent comme pair-aidant·e·s : dans les groupes d'entraide mutuelle, "
            "au téléphone, lors de permanences ou aux côtés d'équipes de soin.</p>",
        ),
        (
            "paragraph",
            "<p>Nous proposons des modules de formation courts, des groupes d'analyse de "
            "pratiques et des ateliers de codéveloppement. Chacun·e avance à son rythme.</p>",
        ),
        (
            "callout",
            {
                "kind": "tip",
                "text": "<p>Nouvelle ou nouveau ? Commencez par lire la charte, puis le module "
                "« Le rôle de pair-aidant : missions et limites ».</p>",
            },
        ),
    ],
    "en": [
        ("heading", "Who are we?"),
        (
            "paragraph",
            "<p>Entrepairs brings together people who live or have lived with mental health "
            "conditions and who volunteer or work as peer supporters: in mutual-aid groups, on "
            "the phone, at drop-in sessions or alongside care teams.</p>",
        ),
        (
            "paragraph",
            "<p>We offer short training modules, practice-analysis groups and co-development "
            "workshops. Everyone moves at their own pace.</p>",
        ),
        (
            "callout",
            {
                "kind": "tip",
                "text": "<p>New here? Start by reading the charter, then the module "
                "“The peer role: scope and limits”.</p>",
            },
        ),
    ],
}

PARTNERS = {
    "fr": {
        "title": "Nos partenaires",
        "slug": "partenaires",
        "intro": "<p>Nous travaillons avec des groupes d'entraide mutuelle, des associations "
        "de familles et des équipes de psychiatrie de secteur.</p>",
        "body": [
            (
                "paragraph",
                "<p>Les équipes de soin nous sollicitent pour co-animer des ateliers de "
                "rétablissement. Nos pair-aidant·e·s y apportent leur savoir d'expérience ; les "
                "professionnel·le·s restent responsables du soin.</p>",
            ),
        ],
    },
    "en": {
        "title": "Our partners",
        "slug": "partners",
        "intro": "<p>We work with mutual-aid groups, family associations and community "
        "psychiatry teams.</p>",
        "body": [
            (
                "paragraph",
                "<p>Care teams ask us to co-facilitate recovery workshops. Our peer supporters "
                "bring their experiential knowledge; professionals remain responsible for "
                "care.</p>",
            ),
        ],
    },
}


class DemoSeeder:
    def __init__(self, password):
        self.password = password
        self.changes = []

    def note(self, message):
        self.changes.append(message)

    @transaction.atomic
    def run(self):
        for account in DEMO_ACCOUNTS:
            self.ensure_account(account)
        self.ensure_site_settings()
        self.ensure_about_content()
        from courses.demo import CourseSeeder
        from practice_analysis.demo import PracticeSeeder

        CourseSeeder(self.note).run()
        PracticeSeeder(self.note).run()
        return self.changes

    def ensure_account(self, account):
        User = get_user_model()
        user = User.objects.filter(username=account.username).first()
        if user is None:
            user = User.objects.create_user(
                username=account.username,
                email=f"{account.username}@entrepairs.example",
                password=self.password,
                first_name=account.first_name,
                last_name=account.last_name,
                is_superuser=account.superuser,
                is_staff=account.superuser,
            )
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = account.language
            profile.save()
            self.note(f"account {account.username}")
        missing = set(account.roles) - set(user.groups.values_list("name", flat=True))
        if missing:
            user.groups.add(*Group.objects.filter(name__in=missing))
            self.note(f"roles of {account.username}")
        from accounts.demo import ensure_demo_device

        if ensure_demo_device(user):
            self.note(f"two-step verification of {account.username}")

    def ensure_site_settings(self):
        site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        if not site_settings.contact_email:
            site_settings.association_name = "Entrepairs"
            site_settings.contact_email = "contact@entrepairs.example"
            site_settings.contact_phone = "01 23 45 67 89"
            site_settings.postal_address = "12 rue de l'Entraide\n75011 Paris"
            site_settings.save()
            self.note("site settings")

    def ensure_about_content(self):
        for about in section_pages("about"):
            language = about.locale.language_code
            if not about.body:
                about.body = ABOUT_BODY[language]
                about.save_revision().publish()
                self.note(f"about page ({language})")
        fr_about = section_pages("about")[0]
        partners = (
            StandardPage.objects.child_of(fr_about).filter(slug=PARTNERS["fr"]["slug"]).first()
        )
        if partners is None:
            partners = fr_about.add_child(instance=StandardPage(**PARTNERS["fr"]))
            partners.save_revision().publish()
            self.note("partners page")
        en = Locale.objects.get(language_code="en")
        if not partners.has_translation(en):
            translation = partners.copy_for_translation(en)
            for name, value in PARTNERS["en"].items():
                setattr(translation, name, value)
            translation.save_revision().publish()
            self.note("partners page (en)")

"""Demo accounts and demo content for ``seed_demo``: realistic, in both languages.

Modules and practice groups come from their apps' demo modules; contributions are here.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from wagtail.models import Locale, Site
from wagtail.users.models import UserProfile

from accounts.demo import ensure_demo_device
from accounts.people.audit import unannounced
from home.models import ContributionPage, SiteSettings, StandardPage
from setup.site_tree import section_pages

from .competences import CompetenceSeeder
from .courses import CourseSeeder
from .practice import PracticeSeeder
from .sessions import SessionSeeder


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
        CourseSeeder(self.note).run()
        PracticeSeeder(self.note).run()
        SessionSeeder(self.note).run()
        CompetenceSeeder(self.note).run()
        self.ensure_contributions()
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
            with unannounced():  # recorded, not told: demo people need no notice
                user.groups.add(*Group.objects.filter(name__in=missing))
            self.note(f"roles of {account.username}")
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

    def ensure_contributions(self):
        """Peer contributions: reviewed the way peers' texts are, then translated."""
        index = section_pages("contributions")[0]
        en = Locale.objects.get(language_code="en")
        users = {u.username: u for u in get_user_model().objects.all()}
        for spec in CONTRIBUTIONS:
            page = ContributionPage.objects.child_of(index).filter(slug=spec["fr"]["slug"]).first()
            if page is not None:
                continue
            author = users[spec["author"]]
            page = index.add_child(
                instance=ContributionPage(
                    owner=author,
                    live=False,
                    kind=spec["kind"],
                    signature=spec["signature"],
                    **spec["fr"],
                )
            )
            page.tags.add(*spec["tags"])
            page.save_revision(user=author)
            self.review(page, author, users[REVIEWER], spec["review"])
            page.refresh_from_db()
            if page.live and spec["en"]:
                translation = page.copy_for_translation(en)
                for name, value in spec["en"].items():
                    setattr(translation, name, value)
                translation.save_revision(user=users[REVIEWER]).publish()
            self.note(f"contribution {spec['fr']['slug']}")

    @staticmethod
    def review(page, author, reviewer, steps):
        """Submit the page as its author, then play the reviewer's decisions in order (a
        trainer may also publish their own text at once)."""
        if steps == ["publish"]:
            page.get_latest_revision().publish(user=author)
            return
        workflow_state = page.get_workflow().start(page, author)
        for step in steps:
            task_state = workflow_state.current_task_state
            if step == "submit":
                continue
            if step == "resubmit":
                page.save_revision(user=author)
                workflow_state.resume(author)
            elif step == "request_changes":
                task_state.task.specific.on_action(
                    task_state, reviewer, "reject", comment=CHANGE_REQUEST
                )
            else:
                task_state.task.specific.on_action(task_state, reviewer, "approve", comment="")
            workflow_state.refresh_from_db()


REVIEWER = "chloe"
CHANGE_REQUEST = (
    "Merci pour ce texte très juste. Pourrais-tu retirer le nom de la ville ? "
    "On reconnaîtrait le groupe."
)

CONTRIBUTIONS = [
    {
        "author": "alice",
        "kind": ContributionPage.TESTIMONY,
        "signature": ContributionPage.BY_NAME,
        "tags": ["entraide", "rétablissement"],
        "review": ["request_changes", "resubmit", "approve"],
        "fr": {
            "title": "Ce que le groupe m'a appris",
            "slug": "ce-que-le-groupe-ma-appris",
            "summary": "Trois ans au GEM, et une idée simple : on peut aider sans tout savoir.",
            "body": [
                (
                    "paragraph",
                    "<p>Quand je suis arrivée au groupe d'entraide, je pensais n'avoir rien à "
                    "donner. J'écoutais surtout. Un jour, une adhérente m'a dit que mon silence "
                    "l'avait aidée plus qu'un conseil.</p>",
                ),
                (
                    "testimony",
                    {
                        "quote": "On peut aider sans tout savoir. Il suffit parfois d'être là.",
                        "attribution": "Une pair-aidante",
                    },
                ),
                (
                    "paragraph",
                    "<p>Aujourd'hui, j'anime l'accueil du mardi. Je garde cette phrase en tête "
                    ": je n'ai pas à réparer, j'ai à accompagner.</p>",
                ),
            ],
        },
        "en": {
            "title": "What the group taught me",
            "slug": "what-the-group-taught-me",
            "summary": "Three years at the mutual-aid group, and a simple idea: you can help "
            "without knowing everything.",
            "body": [
                (
                    "paragraph",
                    "<p>When I joined the mutual-aid group, I thought I had nothing to give. "
                    "Mostly I listened. One day, a member told me my silence had helped her "
                    "more than any advice.</p>",
                ),
                (
                    "testimony",
                    {
                        "quote": "You can help without knowing everything. Sometimes being "
                        "there is enough.",
                        "attribution": "A peer supporter",
                    },
                ),
                (
                    "paragraph",
                    "<p>Today I host the Tuesday drop-in. I keep this in mind: I do not have "
                    "to fix things, I am there to walk alongside.</p>",
                ),
            ],
        },
    },
    {
        "author": "bruno",
        "kind": ContributionPage.TIP,
        "signature": ContributionPage.ANONYMOUS,
        "tags": ["écoute", "prendre soin de soi"],
        "review": ["approve"],
        "fr": {
            "title": "Après un appel difficile",
            "slug": "apres-un-appel-difficile",
            "summary": "Quelques gestes simples pour souffler après une permanence "
            "téléphonique éprouvante.",
            "content_note": "Ce texte parle d'appels où la personne évoque des idées suicidaires.",
            "body": [
                (
                    "paragraph",
                    "<p>Certains appels laissent une trace. Voici ce qui m'aide, à prendre ou "
                    "à laisser.</p>",
                ),
                (
                    "key_points",
                    {
                        "title": "Après l'appel",
                        "points": [
                            "Noter ce qui a été convenu, sans détail sur la personne.",
                            "Prévenir le ou la référent·e de permanence si un relais est "
                            "nécessaire (3114, 15).",
                            "Faire une vraie pause : marcher, boire de l'eau, respirer.",
                            "En parler au prochain groupe d'analyse de pratiques.",
                        ],
                    },
                ),
            ],
        },
        "en": {
            "title": "After a difficult call",
            "slug": "after-a-difficult-call",
            "summary": "A few simple things to catch your breath after a hard phone shift.",
            "content_note": "This text is about calls where the caller talks about suicidal "
            "thoughts.",
            "body": [
                (
                    "paragraph",
                    "<p>Some calls leave a mark. Here is what helps me; take what suits you.</p>",
                ),
                (
                    "key_points",
                    {
                        "title": "After the call",
                        "points": [
                            "Write down what was agreed, with no detail about the person.",
                            "Tell the shift lead if a hand-over is needed (3114, 15).",
                            "Take a real break: walk, drink some water, breathe.",
                            "Bring it to your next practice-analysis group.",
                        ],
                    },
                ),
            ],
        },
    },
    {
        "author": "chloe",
        "kind": ContributionPage.EVENT_REPORT,
        "signature": ContributionPage.BY_NAME,
        "tags": ["rétablissement"],
        "review": ["publish"],
        "fr": {
            "title": "Retour sur la journée du rétablissement",
            "slug": "journee-du-retablissement",
            "summary": "Une journée d'ateliers co-animés par des pair-aidant·e·s et des "
            "soignant·e·s.",
            "body": [
                (
                    "paragraph",
                    "<p>Une quarantaine de personnes ont participé aux ateliers. Le plus "
                    "demandé : « Raconter son parcours sans s'exposer ».</p>",
                ),
            ],
        },
        "en": {
            "title": "Looking back on recovery day",
            "slug": "recovery-day",
            "summary": "A day of workshops co-hosted by peer supporters and care staff.",
            "body": [
                (
                    "paragraph",
                    "<p>About forty people joined the workshops. The most popular one: "
                    "“Telling your story without over-exposing yourself”.</p>",
                ),
            ],
        },
    },
    {
        "author": "alice",
        "kind": ContributionPage.RESOURCE,
        "signature": ContributionPage.BY_NAME,
        "tags": ["rétablissement"],
        "review": ["submit"],
        "fr": {
            "title": "Mes lectures sur le rétablissement",
            "slug": "mes-lectures-sur-le-retablissement",
            "summary": "Des livres et des podcasts qui m'ont accompagnée.",
            "body": [
                (
                    "paragraph",
                    "<p>Des témoignages, des guides pratiques et deux podcasts de personnes "
                    "concernées, avec un mot sur chacun.</p>",
                ),
            ],
        },
        "en": {},
    },
]

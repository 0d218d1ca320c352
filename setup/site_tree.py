"""The page tree of DESIGN.md, in French with English translations, created by ``bootstrap``.

Each section is found again on later runs by its type and French slug, so a second run
changes nothing and never overwrites what editors wrote.
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction

from wagtail.models import CollectionViewRestriction, Locale, Page, PageViewRestriction, Site

from courses.models import CourseIndexPage
from home.models import CharterPage, ContributionIndexPage, HomePage, StandardPage
from practice_analysis.models import PracticeAnalysisIndexPage


@dataclass(frozen=True)
class Section:
    key: str
    model: type
    fr: dict
    en: dict
    shared: dict = field(default_factory=dict)
    show_in_menus: bool = True
    login_only: bool = False


CHARTER_FR = """
<h2>Nos valeurs</h2>
<p>Nous sommes des personnes concernées par les troubles psychiques. Notre savoir
d'expérience a de la valeur : il se partage, il ne se juge pas.</p>
<ul>
<li><b>Réciprocité</b> : chacun·e peut aider et être aidé·e.</li>
<li><b>Auto-organisation</b> : rien pour nous sans nous.</li>
<li><b>Respect</b> : de chaque parcours, de chaque rythme, de chaque choix.</li>
</ul>
<h2>Confidentialité</h2>
<p>Ce qui est dit en groupe d'analyse de pratiques ou en atelier de codéveloppement reste
dans le groupe, sauf danger grave pour une personne. Dans nos écrits, nous ne nommons
personne : nous parlons d'« un adhérent », d'« une proche ». Jamais de nom, d'initiales,
de date de naissance, d'adresse ou de numéro de téléphone.</p>
<h2>Les limites de notre rôle</h2>
<p>La pair-aidance ne remplace pas le soin. Quand une situation nous dépasse, nous passons
le relais aux professionnel·le·s et nous le disons à la personne. En cas de risque
suicidaire, nous appelons le 3114 ou le 15.</p>
<h2>Prendre soin de soi</h2>
<p>Chacun·e peut faire une pause, dire « pas maintenant », demander du soutien. Personne
n'est évalué·e sur sa santé.</p>
"""

CHARTER_EN = """
<h2>Our values</h2>
<p>We are people with lived experience of mental health conditions. Our experiential
knowledge has value: it is shared, not judged.</p>
<ul>
<li><b>Reciprocity</b>: anyone can help and be helped.</li>
<li><b>Self-organisation</b>: nothing about us without us.</li>
<li><b>Respect</b>: for every path, every pace, every choice.</li>
</ul>
<h2>Confidentiality</h2>
<p>What is said in a practice-analysis group or a co-development workshop stays in the
group, unless someone is in serious danger. In what we write, we name nobody: we speak of
"a member", "a relative". Never a name, initials, birth date, address or phone number.</p>
<h2>The limits of our role</h2>
<p>Peer support does not replace care. When a situation is beyond us, we hand over to
professionals and we tell the person so. If there is a risk of suicide, we call 3114
or 15.</p>
<h2>Looking after ourselves</h2>
<p>Anyone can take a break, say "not now", ask for support. Nobody is assessed on their
health.</p>
"""

HOME = Section(
    key="home",
    model=HomePage,
    fr={
        "title": "Entrepairs",
        "slug": "accueil",
        "intro": "<p>L'intranet et l'espace de formation de l'association : se former à son "
        "rythme, réfléchir sa pratique entre pairs, partager ce que l'on sait.</p>",
    },
    en={
        "title": "Entrepairs",
        "slug": "home",
        "intro": "<p>The association's intranet and training space: learn at your own pace, "
        "reflect on your practice among peers, share what you know.</p>",
    },
    show_in_menus=False,
)

SECTIONS = [
    Section(
        key="about",
        model=StandardPage,
        fr={
            "title": "L'association",
            "slug": "association",
            "intro": "<p>Qui nous sommes, ce que nous faisons, comment nous rejoindre.</p>",
        },
        en={
            "title": "About us",
            "slug": "about-us",
            "intro": "<p>Who we are, what we do, how to join us.</p>",
        },
    ),
    Section(
        key="charter",
        model=CharterPage,
        fr={
            "title": "Charte",
            "slug": "charte",
            "intro": "<p>Les engagements que nous prenons ensemble. Merci de la lire avant "
            "d'entrer dans les espaces partagés.</p>",
            "body": CHARTER_FR,
        },
        en={
            "title": "Charter",
            "slug": "charter",
            "intro": "<p>The commitments we make together. Please read it before entering "
            "the shared spaces.</p>",
            "body": CHARTER_EN,
        },
        shared={"version": "1", "effective_date": datetime.date(2026, 1, 1)},
    ),
    Section(
        key="courses",
        model=CourseIndexPage,
        fr={
            "title": "Formation",
            "slug": "formation",
            "intro": "<p>Des modules courts, à suivre à votre rythme. Vous pouvez faire une "
            "pause et reprendre quand vous voulez.</p>",
        },
        en={
            "title": "Training",
            "slug": "training",
            "intro": "<p>Short modules to follow at your own pace. You can pause and come back "
            "whenever you like.</p>",
        },
        login_only=True,
    ),
    Section(
        key="contributions",
        model=ContributionIndexPage,
        fr={
            "title": "Ressources & témoignages",
            "slug": "ressources",
            "intro": "<p>Des textes écrits par des pair-aidant·e·s, relus avant publication.</p>",
        },
        en={
            "title": "Resources & testimonies",
            "slug": "resources",
            "intro": "<p>Texts written by peer supporters, reviewed before publication.</p>",
        },
        login_only=True,
    ),
    Section(
        key="practice_analysis",
        model=PracticeAnalysisIndexPage,
        fr={
            "title": "Analyse de pratiques",
            "slug": "analyse-de-pratiques",
            "intro": "<p>L'espace des groupes d'analyse de pratiques et de codéveloppement. "
            "Ce qui est dit ici reste ici.</p>",
        },
        en={
            "title": "Practice analysis",
            "slug": "practice-analysis",
            "intro": "<p>The space of practice-analysis and co-development groups. What is "
            "said here stays here.</p>",
        },
        login_only=True,
    ),
]


class TreeBuilder:
    """Creates what is missing of the tree and counts what it changed."""

    def __init__(self):
        self.changes = []

    def note(self, message):
        self.changes.append(message)

    @transaction.atomic
    def build(self):
        fr = Locale.get_default()
        en, created = Locale.objects.get_or_create(language_code="en")
        if created:
            self.note("locale en")
        home = self.ensure_home(fr)
        self.ensure_translation(home, HOME, en)
        for section in SECTIONS:
            page = self.ensure_child(home, section)
            self.ensure_translation(page, section, en)
            if section.login_only:
                for each in [page, *page.get_translations()]:
                    self.ensure_login_only(each)
        return home

    def ensure_home(self, locale):
        site = Site.objects.filter(is_default_site=True).first()
        home = HomePage.objects.filter(locale=locale).first()
        if home is None:
            root = Page.get_first_root_node()
            home = root.add_child(instance=self.new_page(HOME, "fr", locale=locale))
            home.save_revision().publish()
            self.note("home page")
        if site is None:
            Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
            self.note("site")
        elif site.root_page_id != home.pk:
            previous = site.root_page
            site.root_page = home
            site.site_name = "Entrepairs"
            site.save()
            self.note("site root")
            # Wagtail's placeholder "Welcome" page goes; anything real stays.
            if type(previous.specific) is Page and previous.is_leaf():
                previous.delete()
        return home

    def ensure_child(self, parent, section):
        existing = section.model.objects.child_of(parent).filter(slug=section.fr["slug"]).first()
        if existing is not None:
            return existing
        page = parent.add_child(instance=self.new_page(section, "fr", locale=parent.locale))
        page.save_revision().publish()
        self.note(f"page {section.key}")
        return page

    def ensure_translation(self, page, section, locale):
        if page.has_translation(locale):
            return page.get_translation(locale)
        translation = page.copy_for_translation(locale)
        for name, value in self.fields(section, "en").items():
            setattr(translation, name, value)
        translation.save()
        translation.save_revision().publish()
        self.note(f"page {section.key} ({locale.language_code})")
        return translation

    def ensure_login_only(self, page):
        _restriction, created = PageViewRestriction.objects.get_or_create(
            page=page, restriction_type=PageViewRestriction.LOGIN
        )
        if created:
            self.note(f"login-only {page.title}")

    def ensure_login_only_collection(self, collection):
        """Documents of the association's collections are for members: Wagtail's document
        view (``WAGTAILDOCS_SERVE_METHOD = "serve_view"``) sends anyone else to log in."""
        _restriction, created = CollectionViewRestriction.objects.get_or_create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
        if created:
            self.note(f"login-only collection {collection.name}")

    @staticmethod
    def fields(section, language):
        return {
            **section.shared,
            **getattr(section, language),
            "show_in_menus": section.show_in_menus,
        }

    def new_page(self, section, language, locale):
        return section.model(locale=locale, **self.fields(section, language))


def section_pages(key):
    """The root page of a section in every language (empty before ``bootstrap``)."""
    section = next(s for s in SECTIONS if s.key == key)
    page = section.model.objects.filter(
        locale=Locale.get_default(), slug=section.fr["slug"], depth=3
    ).first()
    if page is None:
        return []
    return [
        page,
        *section.model.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk),
    ]


CRISIS_LINES = [
    {
        "number": "3114",
        "fr": {
            "name": "Numéro national de prévention du suicide",
            "description": "Gratuit, 24 h/24 et 7 j/7, pour vous ou pour un·e proche.",
        },
        "en": {
            "name": "National suicide prevention line",
            "description": "Free, 24 hours a day, 7 days a week, for you or someone close.",
        },
    },
    {
        "number": "15",
        "fr": {"name": "SAMU", "description": "Urgence médicale, danger pour la vie."},
        "en": {"name": "SAMU", "description": "Medical emergency, danger to life."},
    },
    {
        "number": "112",
        "fr": {
            "name": "Numéro d'urgence européen",
            "description": "Depuis n'importe quel téléphone, partout en Europe.",
        },
        "en": {
            "name": "European emergency number",
            "description": "From any phone, anywhere in Europe.",
        },
    },
]


def ensure_crisis_lines(note):
    """The crisis numbers in both languages, created once; editors may change them after."""
    from home.models import CrisisLine

    fr, en = Locale.get_default(), Locale.objects.get(language_code="en")
    for order, spec in enumerate(CRISIS_LINES):
        line = CrisisLine.objects.filter(locale=fr, number=spec["number"]).first()
        if line is None:
            line = CrisisLine.objects.create(
                locale=fr, number=spec["number"], sort_order=order, **spec["fr"]
            )
            note(f"crisis line {spec['number']}")
        if not CrisisLine.objects.filter(translation_key=line.translation_key, locale=en).exists():
            translation = line.copy_for_translation(en)
            for name, value in spec["en"].items():
                setattr(translation, name, value)
            translation.save()
            note(f"crisis line {spec['number']} (en)")

"""Demo practice groups and reflective entries for ``seed_demo`` (in French, anonymised)."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction

from practice_analysis.access import without_emails
from practice_analysis.models import (
    CodevWorkshopPage,
    EntryReview,
    PracticeGroup,
    PracticeSessionPage,
    ReflectiveEntry,
)
from practice_analysis.states import move

E = ReflectiveEntry

GROUPS = [
    {
        "name": "Analyse de pratiques — GEM des Tilleuls",
        "kind": PracticeGroup.APP,
        "members": ["alice", "bruno"],
        "supervisors": ["david"],
        "facilitator": "david",
    },
    {
        "name": "Codéveloppement — pair-aidance",
        "kind": PracticeGroup.CODEV,
        "members": ["gabriel", "bruno"],
        "supervisors": ["farid"],
        "facilitator": "farid",
    },
]

ENTRIES = [
    {
        "author": "alice",
        "group": 0,
        "title": "Un appel tard le soir",
        "setting": "phone",
        "month": (2026, 9),
        "path": [(E.SUBMITTED, "alice"), (E.IN_REVIEW, "david"), (E.VALIDATED, "david")],
        "description": "Un adhérent m'a appelée vers 22 heures. Il disait ne plus dormir depuis "
        "plusieurs jours et avoir peur de « tout lâcher ». Je l'ai écouté une demi-heure.",
        "feelings": "J'ai senti mon cœur s'accélérer. J'avais peur de dire un mot de travers, "
        "et en même temps j'étais touchée qu'il m'appelle, moi.",
        "evaluation": "Je suis restée calme et je lui ai demandé directement s'il pensait au "
        "suicide. Il a dit non. Ce qui a été difficile : raccrocher.",
        "analysis": "Je me suis reconnue dans ses nuits blanches. C'est une force pour "
        "comprendre, et un risque de parler de moi plus que de lui.",
        "conclusion": "J'aurais pu lui rappeler plus tôt le 3114, même sans idées suicidaires.",
        "action_plan": "Préparer une phrase de fin d'appel et noter les relais possibles.",
        "question": "Comment terminer un appel sans que la personne se sente lâchée ?",
        "tags": ["role_limits", "hand_over"],
        "review": {
            "overall_comment": "Un écrit sincère et précis. Tu as posé la question du suicide "
            "directement : c'est exactement ce qu'il fallait faire.",
            "section_comments": {
                "analysis": {
                    "strengths": "Tu vois bien ce que ton vécu t'apporte et ce qu'il risque.",
                },
                "action_plan": {"suggestions": "Ta phrase de fin d'appel : apporte-la en séance."},
            },
            "bring_to_session": True,
        },
    },
    {
        "author": "alice",
        "group": 0,
        "title": "Partager mon parcours en atelier",
        "setting": "group",
        "month": (2026, 10),
        "path": [(E.SUBMITTED, "alice")],
        "description": "Pendant un atelier, une participante m'a demandé si j'avais « été "
        "internée ». J'ai répondu oui, et j'ai raconté plus que je ne voulais.",
        "feelings": "Sur le moment, de la fierté d'être honnête ; le soir, de la gêne.",
        "evaluation": "Mon témoignage a ouvert la discussion. J'en ai trop dit sur des détails.",
        "analysis": "Je n'avais pas préparé ce que je voulais partager ou garder pour moi.",
        "conclusion": "",
        "action_plan": "",
        "question": "Comment garder la main sur ce que je partage ?",
        "tags": ["self_disclosure"],
        "wants_to_talk": True,
    },
    {
        "author": "alice",
        "group": 0,
        "title": "Brouillon : la visite à domicile",
        "setting": "one_to_one",
        "month": (2026, 11),
        "path": [],
        "description": "Une adhérente m'a demandé de passer chez elle pour l'aider à trier "
        "son courrier.",
        "feelings": "",
        "evaluation": "",
        "analysis": "",
        "conclusion": "",
        "action_plan": "",
        "question": "",
        "tags": ["role_limits"],
    },
    {
        "author": "bruno",
        "group": 0,
        "title": "Un désaccord avec l'équipe soignante",
        "setting": "other",
        "month": (2026, 8),
        "path": [(E.SUBMITTED, "bruno"), (E.IN_REVIEW, "david"), (E.CHANGES_REQUESTED, "david")],
        "description": "Lors d'une réunion, une infirmière a parlé d'un adhérent devant moi "
        "comme s'il n'était « pas capable ». Je n'ai rien dit.",
        "feelings": "De la colère, puis de la honte de m'être tu.",
        "evaluation": "J'ai protégé la relation avec l'équipe, pas la personne.",
        "analysis": "Je me sens parfois illégitime face aux professionnels.",
        "conclusion": "",
        "action_plan": "",
        "question": "Comment dire mon désaccord sans rompre le lien ?",
        "tags": ["power", "conflict"],
        "review": {
            "overall_comment": "Merci pour cet écrit courageux. Peux-tu compléter la conclusion "
            "et le plan d'action : que pourrais-tu dire la prochaine fois, et à qui ?",
            "section_comments": {
                "feelings": {"questions": "Qu'est-ce qui t'a retenu de parler, sur le moment ?"},
            },
            "discuss_in_person": True,
        },
    },
    {
        "author": "bruno",
        "group": 1,
        "title": "Quand un pair me demande un conseil médical",
        "setting": "gem_activity",
        "month": (2026, 10),
        "path": [(E.SUBMITTED, "bruno"), (E.IN_REVIEW, "farid")],
        "description": "Un adhérent m'a demandé s'il pouvait arrêter son traitement, puisque "
        "moi je l'avais fait.",
        "feelings": "Je me suis senti responsable et pris au piège de mon propre récit.",
        "evaluation": "Je lui ai dit que ce n'était pas à moi de répondre, un peu sèchement.",
        "analysis": "Ma propre histoire pèse dans la relation : il me prend pour un modèle.",
        "conclusion": "J'aurais pu dire ce que j'ai vécu, et l'encourager à en parler à son "
        "médecin.",
        "action_plan": "Travailler cette situation en atelier de codéveloppement.",
        "question": "",
        "tags": ["role_limits", "self_disclosure"],
    },
    {
        "author": "gabriel",
        "group": 1,
        "title": "Mon premier atelier comme animateur",
        "setting": "group",
        "month": (2026, 11),
        "path": [],
        "description": "J'ai animé mon premier groupe de parole. Deux personnes ont monopolisé "
        "la parole.",
        "feelings": "Du stress avant, de la fatigue après.",
        "evaluation": "",
        "analysis": "",
        "conclusion": "",
        "action_plan": "",
        "question": "Comment redistribuer la parole avec bienveillance ?",
        "tags": [],
    },
]


SESSION = {
    "group": 0,
    "date": datetime.date(2026, 10, 6),
    "situation": "<p>Une pair-aidante raconte un appel d'un adhérent qui disait vouloir "
    "« tout arrêter ». Elle est restée au téléphone, puis a proposé d'appeler le 3114 "
    "ensemble.</p>",
    "questions": "<ul><li>Jusqu'où rester en ligne ?</li><li>Comment passer le relais sans "
    "que la personne se sente abandonnée ?</li></ul>",
    "analysis": "<p>Le groupe repère l'importance de nommer ses propres limites, et de "
    "préparer à l'avance les numéros de relais.</p>",
    "learnings": "<p>Demander directement « pensez-vous au suicide ? » n'augmente pas le "
    "risque ; c'est souvent un soulagement pour la personne.</p>",
    "follow_ups": "<p>Chacun·e note ses relais locaux pour la prochaine séance.</p>",
}

WORKSHOP = {
    "group": 1,
    "subject": "Comment poser une limite à un adhérent très sollicitant ?",
    "date": datetime.date(2026, 10, 20),
    "expose_summary": "<p>La cliente est sollicitée chaque jour par un adhérent qui "
    "l'appelle en dehors des permanences. Elle n'ose pas dire non.</p>",
    "clarifications": "<p>Depuis quand ? Depuis l'été. A-t-elle déjà dit ses horaires ? "
    "Jamais clairement.</p>",
    "contract": "Comment puis-je dire non sans casser la relation ?",
    "consultant_inputs": [
        (
            "input",
            {
                "kind": "experience",
                "text": "J'ai vécu la même chose : j'ai proposé un créneau fixe chaque semaine.",
            },
        ),
        ("input", {"kind": "hypothesis", "text": "Peut-être a-t-il peu d'autres liens."}),
        ("input", {"kind": "resource", "text": "Le module « Prendre soin de soi »."}),
    ],
    "action_plan": [
        (
            "action",
            {
                "action": "Annoncer mes horaires de permanence",
                "objective": "Souffler",
                "resources": "L'animateur du GEM",
                "due_date": datetime.date(2026, 11, 3),
                "indicator": "Moins d'appels hors permanence",
            },
        ),
    ],
    "learnings": [
        (
            "learning",
            {
                "who": "La cliente",
                "learning": "J'ai le droit de dire non, et de le dire avec douceur.",
            },
        ),
        (
            "learning",
            {"who": "Un consultant", "learning": "Poser une limite protège aussi la relation."},
        ),
    ],
    "climate": 4,
    "next_follow_up": datetime.date(2026, 11, 17),
}


class PracticeSeeder:
    def __init__(self, note):
        self.note = note

    @transaction.atomic
    def run(self):
        users = {u.username: u for u in get_user_model().objects.all()}
        groups = [self.ensure_group(spec, users) for spec in GROUPS]
        for spec in ENTRIES:
            self.ensure_entry(spec, groups, users)
        self.ensure_record(
            PracticeSessionPage,
            SESSION,
            groups,
            users["alice"],
            session_format=PracticeGroup.APP,
            facilitator=users["david"],
        )
        self.ensure_record(
            CodevWorkshopPage,
            WORKSHOP,
            groups,
            users["bruno"],
            client=users["gabriel"],
            facilitator=users["farid"],
        )

    def ensure_record(self, model, spec, groups, scribe, **extra):
        group_page = groups[spec["group"]].page
        # A record's title is made from its date (GroupRecordPage): the date identifies it.
        if model.objects.child_of(group_page).filter(date=spec["date"]).exists():
            return
        fields = {key: value for key, value in spec.items() if key != "group"}
        record = group_page.add_child(instance=model(**fields, **extra))
        record.save_revision(user=scribe).publish()
        self.note(f"{model._meta.model_name} “{record.title}”")

    def ensure_group(self, spec, users):
        group = PracticeGroup.objects.filter(name=spec["name"]).first()
        if group is None:
            group = PracticeGroup.objects.create(
                name=spec["name"], kind=spec["kind"], facilitator=users[spec["facilitator"]]
            )
            # Audited and notified in the site like any change, but seeding sends no e-mail.
            with without_emails():
                group.members.add(*[users[name] for name in spec["members"]])
                group.supervisors.add(*[users[name] for name in spec["supervisors"]])
            self.note(f"practice group {spec['name']}")
        return group

    def ensure_entry(self, spec, groups, users):
        author = users[spec["author"]]
        # Titles are encrypted: compared here, not in the database.
        if any(entry.title == spec["title"] for entry in author.reflective_entries.all()):
            return
        entry = ReflectiveEntry.objects.create(
            author=author,
            group=groups[spec["group"]],
            title=spec["title"],
            setting=spec["setting"],
            situation_month=datetime.date(*spec["month"], 1),
            description=spec["description"],
            feelings=spec["feelings"],
            evaluation=spec["evaluation"],
            analysis=spec["analysis"],
            conclusion=spec["conclusion"],
            action_plan=spec["action_plan"],
            question_for_supervisor=spec["question"],
            ethics_tags=spec["tags"],
            wants_to_talk=spec.get("wants_to_talk", False),
        )
        for state, who in spec["path"]:
            if state in (E.VALIDATED, E.CHANGES_REQUESTED):
                EntryReview.objects.create(
                    entry=entry, reviewer=users[who], decision=state, **spec["review"]
                )
            move(entry, state, users[who])
        self.note(f"reflective entry “{spec['title']}” ({entry.state})")

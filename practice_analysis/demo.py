"""Demo practice groups and reflective entries for ``seed_demo`` (in French, anonymised)."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction

from .models import EntryReview, PracticeGroup, ReflectiveEntry
from .states import move

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


class PracticeSeeder:
    def __init__(self, note):
        self.note = note

    @transaction.atomic
    def run(self):
        users = {u.username: u for u in get_user_model().objects.all()}
        groups = [self.ensure_group(spec, users) for spec in GROUPS]
        for spec in ENTRIES:
            self.ensure_entry(spec, groups, users)

    def ensure_group(self, spec, users):
        group = PracticeGroup.objects.filter(name=spec["name"]).first()
        if group is None:
            group = PracticeGroup.objects.create(
                name=spec["name"], kind=spec["kind"], facilitator=users[spec["facilitator"]]
            )
            group.members.add(*[users[name] for name in spec["members"]])
            group.supervisors.add(*[users[name] for name in spec["supervisors"]])
            self.note(f"practice group {spec['name']}")
        return group

    def ensure_entry(self, spec, groups, users):
        author = users[spec["author"]]
        if ReflectiveEntry.objects.filter(author=author, title=spec["title"]).exists():
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

"""The demo competency framework for ``seed_demo``, read from ``competences.toml``: domains,
competences and their levels in French and English, the modules that develop them, a
demo peer's self-assessments and confirmation, and her recognition record."""

import tomllib
from pathlib import Path

from django.contrib.auth import get_user_model

from wagtail.models import Locale

from competences.models import Competence, Domain, Level
from courses.models import CoursePage
from recognition import record
from recognition.models import AttestedStatus, Confirmation, SelfAssessment

DATA = Path(__file__).with_name("competences.toml")


class CompetenceSeeder:
    def __init__(self, note):
        self.note = note

    def run(self):
        with DATA.open("rb") as file:
            data = tomllib.load(file)
        if Domain.objects.exists():  # idempotent: a framework written already stays
            return
        locales = {code: Locale.objects.get(language_code=code) for code in ("fr", "en")}
        competences = {}
        for d_order, spec in enumerate(data["domain"], start=1):
            domains = self.translated(
                Domain,
                locales,
                lambda code, spec=spec, d_order=d_order: {
                    "name": spec["name"][code],
                    "description": spec["description"][code],
                    "sort_order": d_order,
                },
            )
            for c_order, item in enumerate(spec["competence"], start=1):
                pair = self.translated(
                    Competence,
                    locales,
                    lambda code, item=item, c_order=c_order, domains=domains: {
                        "domain": domains[code],
                        "name": item["name"][code],
                        "description": item["description"][code],
                        "easy_read": item["easy_read"][code],
                        "sort_order": c_order,
                    },
                )
                for rank, level in enumerate(data["level"], start=1):
                    self.translated(
                        Level,
                        locales,
                        lambda code, item=item, rank=rank, level=level, pair=pair: {
                            "competence": pair[code],
                            "rank": rank,
                            "sort_order": rank,
                            "name": level["name"][code],
                            "descriptor": item["levels"][code][rank - 1],
                            "easy_read": item["easy_levels"][code][rank - 1],
                        },
                    )
                modules = CoursePage.objects.filter(
                    slug__in=item.get("modules", []), locale=locales["fr"]
                )
                for module in modules:
                    module.competences.add(pair["fr"])
                    # The English module names the same (default-language) competences.
                    translation = module.get_translation_or_none(locales["en"])
                    if translation is not None:
                        translation.specific.competences.add(pair["fr"])
                competences[item["name"]["fr"]] = pair["fr"]
        self.note(f"competency framework ({len(competences)} competences)")
        self.seed_people(data, competences)

    def translated(self, model, locales, fields):
        first = model.objects.create(locale=locales["fr"], **fields("fr"))
        second = model.objects.create(
            locale=locales["en"], translation_key=first.translation_key, **fields("en")
        )
        return {"fr": first, "en": second}

    def seed_people(self, data, competences):
        people = {u.username: u for u in get_user_model().objects.all()}
        for spec in data.get("assessment", []):
            if spec["peer"] in people:
                SelfAssessment.objects.create(
                    peer=people[spec["peer"]],
                    competence_key=competences[spec["competence"]].translation_key,
                    level=spec["level"],
                    note=spec.get("note", ""),
                )
        for spec in data.get("confirmation", []):
            if spec["peer"] in people:
                Confirmation.objects.create(
                    peer=people[spec["peer"]],
                    supervisor=people.get(spec["supervisor"]),
                    competence_key=competences[spec["competence"]].translation_key,
                    level=spec["level"],
                    comment=spec.get("comment", ""),
                    name_shown=spec.get("name_shown", False),
                )
        self.note("competences of the demo peer")
        if "record" in data and data["record"]["peer"] in people:
            self.seed_record(data["record"], people, competences)

    def seed_record(self, spec, people, competences):
        """The demo peer's record: an attested status, the items chosen, a live link."""
        peer = people[spec["peer"]]
        if spec.get("status"):
            AttestedStatus.objects.create(
                peer=peer, status=spec["status"], attested_by=people.get(spec.get("attested_by"))
            )
        available = record.record_of(peer)
        keys = set()
        for wanted in spec["show"]:
            if wanted.startswith("competence:"):
                competence = competences[wanted.removeprefix("competence:")]
                keys.add(f"competence:{competence.translation_key}")
            else:  # a whole section of the record
                keys.update(item.key for item in getattr(available, wanted))
        record.choose(peer, keys, available)
        if spec.get("link"):
            record.create_link(peer)
        self.note(f"recognition record of {peer.username} ({len(keys)} items shown)")

"""Fill the benchmark database with an association network's worth of data.

``python -m bench.generate [--fresh]`` with ``DJANGO_SETTINGS_MODULE=config.settings.bench``:
migrate + bootstrap, then 50 modules of 8 lessons (French, published English translations),
5,000 members, 100 cohorts, 100,000 completed lessons, 20,000 quiz attempts, 200 practice
groups, 5,000 reflective entries and 1,000 session and co-development records. Rows are
bulk-created; pages go through Wagtail (treebeard paths, revisions, translations) as an
editor's would. A database that was generated with the same ``SCALE`` is reused.
"""

import argparse
import io
import json
import os
import random
import resource
import sys
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

SCALE = {
    "modules": 50,
    "lessons_per_module": 8,
    "quiz_lessons": (3, 7),  # lesson indexes with a quiz
    "members": 5000,
    "trainers": 60,
    "supervisors": 100,
    "coordinators": 5,
    "cohorts": 100,
    "report_cohort_learners": 100,
    "cohort_learners": 50,
    "completions": 100_000,
    "quiz_attempts": 20_000,
    "groups": 200,
    "entries": 5000,
    "records": 1000,
    "seed": 7,
}
GENERATOR_VERSION = 2
LEARNERS_FOR_LOAD = 60  # members with fixed names, used by the load test


def fixtures_path():
    from django.conf import settings

    return Path(settings.BENCH_DIR) / "fixtures.json"


class Clock:
    """Prints each step with its duration, and the total."""

    def __init__(self):
        self.start = self.last = time.monotonic()
        self.steps = {}

    def step(self, name):
        now = time.monotonic()
        self.steps[name] = round(now - self.last, 1)
        print(f"  {name}: {now - self.last:.1f} s", flush=True)
        self.last = now

    @property
    def total(self):
        return round(time.monotonic() - self.start, 1)

    @property
    def cpu(self):
        """CPU seconds of this process: on a shared machine, the wall clock says little."""
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return round(usage.ru_utime + usage.ru_stime, 1)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fresh", action="store_true", help="delete and rebuild the database")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.bench")

    import django

    django.setup()
    from django.conf import settings

    Path(settings.BENCH_DIR).mkdir(parents=True, exist_ok=True)
    database = settings.DATABASES["default"]
    is_sqlite = database["ENGINE"].endswith("sqlite3")
    existing = fixtures_path()
    if not args.fresh and existing.exists():
        fixtures = json.loads(existing.read_text())
        same_scale = fixtures.get("scale") == json.loads(json.dumps(SCALE))
        if same_scale and fixtures.get("version") == GENERATOR_VERSION:
            print(f"Reusing the benchmark database ({fixtures['generated_in_s']} s to generate).")
            # Code may have new migrations since the data was made (new indexes, columns).
            from django.core.management import call_command

            call_command("migrate", "--noinput", verbosity=0)
            return fixtures
    if args.fresh or existing.exists():
        existing.unlink(missing_ok=True)
        if is_sqlite:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{database['NAME']}{suffix}").unlink(missing_ok=True)
        else:
            sys.exit("--fresh on PostgreSQL: drop and create the database yourself first.")
    fixtures = Generator().run()
    existing.write_text(json.dumps(fixtures, indent=2))
    print(
        f"Generated in {fixtures['generated_in_s']} s ({fixtures['generation_cpu_s']} s of CPU)"
        f" -> {existing}"
    )
    return fixtures


class Generator:
    def __init__(self):
        self.rng = random.Random(SCALE["seed"])
        self.clock = Clock()

    def run(self):
        from django.core.cache import cache
        from django.core.management import call_command

        print("Generating the benchmark database:", flush=True)
        call_command("migrate", "--noinput", verbosity=0)
        call_command("bootstrap", stdout=io.StringIO())
        cache.clear()
        self.clock.step("migrate + bootstrap")
        modules = self.make_modules()
        users = self.make_users()
        cohorts = self.make_cohorts(users, modules)
        self.make_learning(users, modules, cohorts)
        groups = self.make_groups(users)
        self.make_entries(groups)
        self.make_records(groups)
        cache.clear()
        self.clock.step("cache cleared")
        return self.fixtures(users, modules, cohorts, groups)

    # Pages --------------------------------------------------------------------------------

    def make_modules(self):
        """50 modules of 8 lessons, in French and English, built from the demo modules' text."""
        from django.db import transaction

        from wagtail.models import Locale

        from courses.content import publish_translation
        from courses.models import CoursePage, LessonPage
        from setup.demo.content import MODULES
        from setup.demo.courses import course_fields, lesson_fields
        from setup.site_tree import section_pages

        catalogue = section_pages("courses")[0]
        en = Locale.objects.get(language_code="en")
        plain = [
            (spec, index)
            for spec in MODULES
            for index, lesson in enumerate(spec["lessons"])
            if not any(block[0] == "quiz" for block in lesson["body"]["fr"])
        ]
        with_quiz = [
            (spec, index)
            for spec in MODULES
            for index, lesson in enumerate(spec["lessons"])
            if any(block[0] == "quiz" for block in lesson["body"]["fr"])
        ]
        modules = []
        for number in range(SCALE["modules"]):
            spec = MODULES[number % len(MODULES)]
            key = f"bench-{number:02d}"
            with transaction.atomic():
                fields = {
                    lang: self._numbered(course_fields(spec, lang), number) for lang in ["fr", "en"]
                }
                course = CoursePage(**fields["fr"])
                catalogue.add_child(instance=course)
                course.save_revision().publish()
                publish_translation(course, en, fields["en"])
                lessons = []
                for index in range(SCALE["lessons_per_module"]):
                    pool = with_quiz if index in SCALE["quiz_lessons"] else plain
                    source, source_index = pool[(number * 8 + index) % len(pool)]
                    lesson_spec = source["lessons"][source_index]
                    fr = self._numbered(lesson_fields(lesson_spec, key, index, "fr"), index)
                    lesson = course.add_child(instance=LessonPage(**fr))
                    lesson.save_revision().publish()
                    en_fields = self._numbered(lesson_fields(lesson_spec, key, index, "en"), index)
                    publish_translation(lesson, en, en_fields)
                    lessons.append(lesson)
            modules.append((course, lessons))
            if number % 10 == 9:
                self.clock.step(f"modules {number - 9}-{number} (fr + en, 8 lessons each)")
        assert CoursePage.objects.live().count() == 2 * SCALE["modules"]
        return modules

    @staticmethod
    def _numbered(fields, number):
        fields = dict(fields)
        fields["title"] = f"{fields['title']} ({number + 1})"
        fields["slug"] = f"{fields['slug']}-{number + 1}"
        return fields

    # People -------------------------------------------------------------------------------

    def make_users(self):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group

        from home.charter import current_charter
        from home.models import CharterAcknowledgement

        User = get_user_model()
        names_file = (
            Path(__file__).resolve().parent.parent / "practice_analysis/data/given_names.txt"
        )
        given = [n.strip() for n in names_file.read_text().splitlines() if n.strip()]
        surnames = [
            "Martin",
            "Bernard",
            "Dubois",
            "Thomas",
            "Robert",
            "Richard",
            "Petit",
            "Durand",
            "Leroy",
            "Moreau",
            "Simon",
            "Laurent",
            "Lefebvre",
            "Michel",
        ]
        kinds = [
            ("member", SCALE["members"], ["peer"]),
            ("trainer", SCALE["trainers"], ["peer", "trainer"]),
            ("supervisor", SCALE["supervisors"], ["supervisor"]),
            ("coordinator", SCALE["coordinators"], ["coordinator"]),
        ]
        rows = []
        for kind, count, _roles in kinds:
            for number in range(count):
                rows.append(
                    User(
                        username=f"bench-{kind}-{number:04d}",
                        email=f"bench-{kind}-{number:04d}@entrepairs.example",
                        first_name=self.rng.choice(given),
                        last_name=self.rng.choice(surnames),
                        password="!bench-sessions-are-created-directly",
                    )
                )
        User.objects.bulk_create(rows, batch_size=1000)
        by_name = dict(
            User.objects.filter(username__startswith="bench-").values_list("username", "pk")
        )
        users = {
            kind: [by_name[f"bench-{kind}-{n:04d}"] for n in range(count)]
            for kind, count, _r in kinds
        }
        groups = dict(Group.objects.values_list("name", "pk"))
        links = [
            User.groups.through(user_id=user_id, group_id=groups[role])
            for kind, _count, roles in kinds
            for role in roles
            for user_id in users[kind]
        ]
        User.groups.through.objects.bulk_create(links, batch_size=2000)
        charter = current_charter()
        if charter is not None:
            CharterAcknowledgement.objects.bulk_create(
                [
                    CharterAcknowledgement(
                        user_id=user_id,
                        charter_key=charter.translation_key,
                        version=charter.version,
                        language="fr",
                    )
                    for user_id in by_name.values()
                ],
                batch_size=2000,
            )
        self.clock.step(f"{len(rows)} users, roles and charter acknowledgements")
        return users

    # Training -----------------------------------------------------------------------------

    def make_cohorts(self, users, modules):
        from courses.models import Cohort

        members = users["member"]
        today = date(2026, 9, 1)
        cohorts = []
        memberships = []
        for number in range(SCALE["cohorts"]):
            size = SCALE["report_cohort_learners"] if number == 0 else SCALE["cohort_learners"]
            start = today + timedelta(days=7 * (number % 20))
            cohort = Cohort(
                name=f"Promotion {number + 1:03d}",
                description="Parcours d'accueil des nouvelles et nouveaux pair-aidant·e·s.",
                start_date=start,
                end_date=start + timedelta(days=90),
            )
            learners = members[:size] if number == 0 else self.rng.sample(members, size)
            course_ids = [modules[(number * 3 + k) % len(modules)][0].pk for k in range(5)]
            memberships.append(
                (learners, course_ids, users["trainer"][number % len(users["trainer"])])
            )
            cohorts.append(cohort)
        Cohort.objects.bulk_create(cohorts)
        cohorts = list(Cohort.objects.order_by("pk"))
        Cohort.members.through.objects.bulk_create(
            Cohort.members.through(cohort_id=c.pk, user_id=u)
            for c, (learners, _m, _t) in zip(cohorts, memberships, strict=True)
            for u in learners
        )
        Cohort.modules.through.objects.bulk_create(
            Cohort.modules.through(cohort_id=c.pk, coursepage_id=m)
            for c, (_l, course_ids, _t) in zip(cohorts, memberships, strict=True)
            for m in course_ids
        )
        Cohort.trainers.through.objects.bulk_create(
            Cohort.trainers.through(cohort_id=c.pk, user_id=trainer)
            for c, (_l, _m, trainer) in zip(cohorts, memberships, strict=True)
        )
        self.clock.step(f"{len(cohorts)} cohorts")
        return [
            (cohort, *membership) for cohort, membership in zip(cohorts, memberships, strict=True)
        ]

    def make_learning(self, users, modules, cohorts):
        """Enrolments, then completions up to the target, then quiz attempts up to theirs."""
        from django.utils import timezone

        from courses.models import Certificate, Enrollment, LessonCompletion, QuizAttempt
        from courses.quiz import passes

        by_pk = {course.pk: (course, lessons) for course, lessons in modules}
        planned = {user_id: [] for user_id in users["member"]}
        for _cohort, learners, course_ids, _trainer in cohorts:
            for user_id in learners:
                planned[user_id] += [c for c in course_ids if c not in planned[user_id]]
        now = timezone.now()
        enrollments, completions, progress = [], [], []
        target = SCALE["completions"]
        members = users["member"]
        rounds = 0
        while len(completions) < target and rounds < 20:
            for user_id in members:
                if len(completions) >= target:
                    break
                candidates = planned[user_id]
                if rounds < len(candidates):
                    course_id = candidates[rounds]
                else:
                    course_id = self.rng.choice(list(by_pk))
                    if course_id in candidates:
                        continue
                    candidates.append(course_id)
                course, lessons = by_pk[course_id]
                done = min(
                    self.rng.choice([0, 1, 2, 3, 4, 5, 6, 7, 8, 8, 8]), target - len(completions)
                )
                progress.append((user_id, course, lessons, done))
                started = now - timedelta(days=self.rng.randint(1, 200))
                enrollments.append(
                    Enrollment(
                        user_id=user_id,
                        course_key=course.translation_key,
                        status=Enrollment.COMPLETED if done == len(lessons) else Enrollment.ACTIVE,
                        completed_at=started + timedelta(days=20) if done == len(lessons) else None,
                    )
                )
                for lesson in lessons[:done]:
                    completions.append(
                        LessonCompletion(
                            user_id=user_id,
                            course_key=course.translation_key,
                            lesson_key=lesson.translation_key,
                        )
                    )
            rounds += 1
        Enrollment.objects.bulk_create(enrollments, batch_size=2000)
        LessonCompletion.objects.bulk_create(completions, batch_size=5000)
        self.spread_activity(now)
        self.clock.step(f"{len(enrollments)} enrolments, {len(completions)} completed lessons")

        quizzes = {}
        for _course, lessons in modules:
            for index in SCALE["quiz_lessons"]:
                quizzes[lessons[index].pk] = self._quiz_answers(lessons[index])
        attempts = []
        reached = [
            (user_id, course, lessons[index], done > index)
            for user_id, course, lessons, done in progress
            for index in SCALE["quiz_lessons"]
            if done >= index
        ]
        while len(attempts) < SCALE["quiz_attempts"] and reached:
            for user_id, course, lesson, passed in reached:
                if len(attempts) >= SCALE["quiz_attempts"]:
                    break
                answers, right = quizzes[lesson.pk]
                results = {q: (passed or self.rng.random() < 0.5) for q in right}
                score = round(100 * sum(results.values()) / len(results))
                attempts.append(
                    QuizAttempt(
                        user_id=user_id,
                        course_key=course.translation_key,
                        lesson_key=lesson.translation_key,
                        quiz_id=lesson.quiz.id,
                        answers=answers,
                        results=results,
                        score=score,
                        passed=passes(sum(results.values()), len(results), course.pass_mark),
                        submission=uuid.uuid4(),
                    )
                )
        QuizAttempt.objects.bulk_create(attempts, batch_size=2000)
        completed = [
            Certificate(
                user_id=user_id,
                learner_name=f"Membre {user_id}",
                course_key=course.translation_key,
                course_title=course.title,
                duration_minutes=course.duration_minutes,
            )
            for user_id, course, lessons, done in progress
            if done == len(lessons)
        ]
        Certificate.objects.bulk_create(completed, batch_size=2000)
        self.clock.step(f"{len(attempts)} quiz attempts, {len(completed)} certificates")

    @staticmethod
    def spread_activity(now):
        """Last activity over the past 200 days (``auto_now`` sets it to now at creation), so
        that cohort reports have quiet learners to list, as real ones do."""
        from courses.models import Enrollment

        buckets = {}
        for pk in Enrollment.objects.values_list("pk", flat=True):
            buckets.setdefault(pk % 20, []).append(pk)
        for bucket, pks in buckets.items():
            for start in range(0, len(pks), 500):
                Enrollment.objects.filter(pk__in=pks[start : start + 500]).update(
                    last_activity_at=now - timedelta(days=10 * bucket)
                )

    @staticmethod
    def _quiz_answers(lesson):
        from courses.quiz import questions_of

        answers, right = {}, {}
        for question_id, _question, options in questions_of(lesson.quiz):
            answers[question_id] = sorted(o for o, value in options.items() if value["is_correct"])
            right[question_id] = True
        return answers, right

    # Practice analysis --------------------------------------------------------------------

    def make_groups(self, users):
        """200 groups (each gets its page and access group, as in the admin), 25 members each."""
        from django.contrib.auth import get_user_model

        from practice_analysis.models import PracticeGroup
        from practice_analysis.services import sync_access_group

        User = get_user_model()
        kinds = [k for k, _label in PracticeGroup.KINDS if k != PracticeGroup.INDIVIDUAL]
        groups = []
        for number in range(SCALE["groups"]):
            groups.append(
                PracticeGroup.objects.create(
                    name=f"Groupe {number + 1:03d} — GEM {number % 40 + 1}",
                    kind=kinds[number % len(kinds)],
                )
            )
        self.clock.step(f"{len(groups)} practice groups with their pages")
        members = users["member"]
        per_group = len(members) // len(groups)
        supervisors = users["supervisor"]
        member_rows, supervisor_rows, access_rows = [], [], []
        for number, group in enumerate(groups):
            people = members[number * per_group : (number + 1) * per_group]
            # Each supervisor follows two groups; the benchmark's supervisor follows three.
            chosen = {supervisors[number // 2 % len(supervisors)]}
            if number == 2:
                chosen.add(supervisors[0])
            member_rows += [
                PracticeGroup.members.through(practicegroup_id=group.pk, user_id=u) for u in people
            ]
            supervisor_rows += [
                PracticeGroup.supervisors.through(practicegroup_id=group.pk, user_id=u)
                for u in chosen
            ]
            access_rows += [
                User.groups.through(user_id=u, group_id=group.access_group_id)
                for u in {*people, *chosen}
            ]
            group.bench_members, group.bench_supervisors = people, sorted(chosen)
        PracticeGroup.members.through.objects.bulk_create(member_rows, batch_size=2000)
        PracticeGroup.supervisors.through.objects.bulk_create(supervisor_rows)
        User.groups.through.objects.bulk_create(access_rows, batch_size=2000)
        for group in groups[:3]:
            sync_access_group(group)  # a no-op when the rows above are right
        self.clock.step(f"{len(member_rows)} group memberships")
        return groups

    def make_entries(self, groups):
        from django.utils import timezone

        from practice_analysis.models import EntryReview, ReflectiveEntry
        from setup.demo.practice import ENTRIES

        E = ReflectiveEntry
        states = [E.DRAFT] * 3 + [E.SUBMITTED] * 3 + [E.IN_REVIEW] + [E.CHANGES_REQUESTED] * 2
        states += [E.VALIDATED] * 10 + [E.ARCHIVED]
        now = timezone.now()
        rows = []
        for number in range(SCALE["entries"]):
            group = groups[number % len(groups)]
            text = ENTRIES[number % len(ENTRIES)]
            state = self.rng.choice(states)
            rows.append(
                ReflectiveEntry(
                    author_id=self.rng.choice(group.bench_members),
                    group=group,
                    title=f"{text['title']} ({number + 1})",
                    description=text["description"],
                    feelings=text["feelings"],
                    evaluation=text["evaluation"],
                    analysis=text["analysis"],
                    conclusion=text["conclusion"],
                    action_plan=text["action_plan"],
                    setting=text["setting"],
                    situation_month=date(*text["month"], 1),
                    ethics_tags=text["tags"],
                    question_for_supervisor=text["question"],
                    wants_to_talk=self.rng.random() < 0.15,
                    state=state,
                    shared_with_group=state == E.VALIDATED and self.rng.random() < 0.3,
                    reviewer_id=group.bench_supervisors[0] if state == E.IN_REVIEW else None,
                    submitted_at=None
                    if state == E.DRAFT
                    else now - timedelta(days=self.rng.randint(1, 300)),
                )
            )
        ReflectiveEntry.objects.bulk_create(rows, batch_size=1000)
        reviewed = ReflectiveEntry.objects.filter(
            state__in=[E.VALIDATED, E.CHANGES_REQUESTED, E.ARCHIVED]
        )
        reviews = [
            EntryReview(
                entry_id=pk,
                reviewer_id=groups_by_pk[group_id].bench_supervisors[0],
                overall_comment="Un écrit sincère et précis : merci.",
                decision=E.CHANGES_REQUESTED if state == E.CHANGES_REQUESTED else E.VALIDATED,
            )
            for groups_by_pk in [{g.pk: g for g in groups}]
            for pk, group_id, state in reviewed.values_list("pk", "group_id", "state")
        ]
        EntryReview.objects.bulk_create(reviews, batch_size=1000)
        self.clock.step(f"{len(rows)} reflective entries, {len(reviews)} reviews")

    def make_records(self, groups):
        """1,000 session logs and co-development records under the groups' pages."""
        from django.db import transaction

        from practice_analysis.models import (
            CodevWorkshopPage,
            PracticeGroupPage,
            PracticeSessionPage,
        )

        pages = {page.group_id: page for page in PracticeGroupPage.objects.all()}
        per_group = SCALE["records"] // len(groups)
        situation = (
            "<p>Une adhérente a raconté un appel difficile avec un membre de sa famille. "
            "Le groupe a cherché ce qui aide à poser une limite sans rompre le lien.</p>"
        )
        count = 0
        for number, group in enumerate(groups):
            parent = pages[group.pk]
            with transaction.atomic():
                for index in range(per_group):
                    day = date(2026, 1, 5) + timedelta(days=14 * index + number % 14)
                    if index % 3 == 2:
                        page = CodevWorkshopPage(
                            title=f"Atelier du {day:%d/%m/%Y}",
                            date=day,
                            facilitator_id=group.bench_supervisors[0],
                            subject="Dire non sans fermer la porte",
                            expose_summary=situation,
                            contract="Comment poser une limite sans perdre le lien ?",
                            climate=4,
                        )
                    else:
                        page = PracticeSessionPage(
                            title=f"Séance du {day:%d/%m/%Y}",
                            date=day,
                            facilitator_id=group.bench_supervisors[0],
                            session_format=group.kind,
                            situation=situation,
                            learnings="<p>Nommer ce qu'on ressent avant de répondre.</p>",
                        )
                    parent.add_child(instance=page)
                    page.save_revision().publish()
                    count += 1
            if number % 50 == 49:
                self.clock.step(f"records of groups {number - 49}-{number}")
        self.clock.step(f"{count} session and co-development records")

    # What the runner needs ----------------------------------------------------------------

    def fixtures(self, users, modules, cohorts, groups):
        from django.contrib.auth import get_user_model

        from courses.models import Cohort, LessonPage
        from practice_analysis.services import supervision_queue

        User = get_user_model()
        learner = users["member"][0]
        course, lessons = modules[0]
        lesson = lessons[SCALE["quiz_lessons"][0]]
        report_cohort = Cohort.objects.get(pk=cohorts[0][0].pk)
        supervisor = User.objects.get(pk=users["supervisor"][0])
        counts = {
            "pages": LessonPage.objects.count(),
            "queue_of_bench_supervisor": supervision_queue(supervisor).count(),
            "report_cohort_learners": report_cohort.members.count(),
        }
        return {
            "version": GENERATOR_VERSION,
            "scale": SCALE,
            "generated_in_s": self.clock.total,
            "generation_cpu_s": self.clock.cpu,
            "steps_s": self.clock.steps,
            "counts": counts,
            "users": {
                "learner": User.objects.get(pk=learner).username,
                "trainer": User.objects.get(pk=cohorts[0][3]).username,
                "supervisor": supervisor.username,
                "coordinator": User.objects.get(pk=users["coordinator"][0]).username,
                "load_learners": list(
                    User.objects.filter(pk__in=users["member"][1 : LEARNERS_FOR_LOAD + 1])
                    .order_by("pk")
                    .values_list("username", flat=True)
                ),
                "load_supervisors": list(
                    User.objects.filter(pk__in=users["supervisor"][:20])
                    .order_by("pk")
                    .values_list("username", flat=True)
                ),
            },
            "lesson_id": lesson.pk,
            "course_id": course.pk,
            "report_cohort_id": report_cohort.pk,
        }


if __name__ == "__main__":
    main()

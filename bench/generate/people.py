"""Accounts and training: members, trainers, supervisors and coordinators with their roles
and charter acknowledgements; cohorts; enrolments, completed lessons, quiz attempts and
certificates. All rows are bulk-created (no signal has anything to do for them: caches are
cleared at the end of the generation)."""

import uuid
from datetime import date, timedelta
from pathlib import Path

SURNAMES = [
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
KINDS = [  # (kind, key of the scale, roles)
    ("member", "members", ["peer"]),
    ("trainer", "trainers", ["peer", "trainer"]),
    ("supervisor", "supervisors", ["supervisor"]),
    ("coordinator", "coordinators", ["coordinator"]),
]
FLUSH = 50_000  # rows kept in memory before they are written


def make_users(scale, rng, clock):
    """{kind: [user ids]}."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from home.charter import current_charter
    from home.models import CharterAcknowledgement

    User = get_user_model()
    root = Path(__file__).resolve().parent.parent.parent
    names = (root / "home/data/given_names.txt").read_text().splitlines()
    given = [name.strip() for name in names if name.strip()]
    rows = [
        User(
            username=f"bench-{kind}-{number:05d}",
            email=f"bench-{kind}-{number:05d}@entrepairs.example",
            first_name=rng.choice(given),
            last_name=rng.choice(SURNAMES),
            password="!bench-sessions-are-created-directly",
        )
        for kind, key, _roles in KINDS
        for number in range(scale[key])
    ]
    User.objects.bulk_create(rows, batch_size=2000)
    by_name = dict(User.objects.filter(username__startswith="bench-").values_list("username", "pk"))
    users = {
        kind: [by_name[f"bench-{kind}-{n:05d}"] for n in range(scale[key])]
        for kind, key, _r in KINDS
    }
    groups = dict(Group.objects.values_list("name", "pk"))
    User.groups.through.objects.bulk_create(
        [
            User.groups.through(user_id=user_id, group_id=groups[role])
            for kind, _key, roles in KINDS
            for role in roles
            for user_id in users[kind]
        ],
        batch_size=5000,
    )
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
            batch_size=5000,
        )
    clock.step(f"{len(rows)} users, roles and charter acknowledgements")
    return users


def make_cohorts(scale, rng, clock, users, modules):
    """[(cohort, learner ids, module ids, trainer id)]; the first one is the report's."""
    from courses.models import Cohort

    members = users["member"]
    today = date(2026, 9, 1)
    cohorts, memberships = [], []
    for number in range(scale["cohorts"]):
        size = scale["report_cohort_learners"] if number == 0 else scale["cohort_learners"]
        start = today + timedelta(days=7 * (number % 20))
        cohorts.append(
            Cohort(
                name=f"Promotion {number + 1:04d}",
                description="Parcours d'accueil des nouvelles et nouveaux pair-aidant·e·s.",
                start_date=start,
                end_date=start + timedelta(days=90),
            )
        )
        learners = members[:size] if number == 0 else rng.sample(members, size)
        course_ids = [modules[(number * 3 + k) % len(modules)][0].pk for k in range(5)]
        memberships.append((learners, course_ids, users["trainer"][number % len(users["trainer"])]))
    Cohort.objects.bulk_create(cohorts, batch_size=1000)
    cohorts = list(Cohort.objects.order_by("pk"))
    rows = list(zip(cohorts, memberships, strict=True))
    Cohort.members.through.objects.bulk_create(
        (Cohort.members.through(cohort_id=c.pk, user_id=u) for c, (ls, _m, _t) in rows for u in ls),
        batch_size=5000,
    )
    Cohort.modules.through.objects.bulk_create(
        (
            Cohort.modules.through(cohort_id=c.pk, coursepage_id=m)
            for c, (_l, ms, _t) in rows
            for m in ms
        ),
        batch_size=5000,
    )
    Cohort.trainers.through.objects.bulk_create(
        (Cohort.trainers.through(cohort_id=c.pk, user_id=t) for c, (_l, _m, t) in rows),
        batch_size=5000,
    )
    clock.step(f"{len(cohorts)} cohorts")
    return [(cohort, *membership) for cohort, membership in rows]


def make_learning(scale, rng, clock, users, modules, cohorts):
    """Enrolments, then completions up to the target, then quiz attempts up to theirs."""
    from django.utils import timezone

    from courses.models import Certificate, Enrollment, LessonCompletion

    by_pk = {course.pk: (course, lessons) for course, lessons in modules}
    course_ids = list(by_pk)
    planned = {user_id: [] for user_id in users["member"]}
    for _cohort, learners, cohort_courses, _trainer in cohorts:
        for user_id in learners:
            planned[user_id] += [c for c in cohort_courses if c not in planned[user_id]]
    now = timezone.now()
    enrollments, completions, progress = [], [], []
    target, made = scale["completions"], 0
    rounds = 0
    while made < target and rounds < 20:
        for user_id in users["member"]:
            if made >= target:
                break
            candidates = planned[user_id]
            if rounds < len(candidates):
                course_id = candidates[rounds]
            else:
                course_id = rng.choice(course_ids)
                if course_id in candidates:
                    continue
                candidates.append(course_id)
            course, lessons = by_pk[course_id]
            done = min(rng.choice([0, 1, 2, 3, 4, 5, 6, 7, 8, 8, 8]), target - made)
            progress.append((user_id, course, lessons, done))
            started = now - timedelta(days=rng.randint(1, 200))
            finished = done == len(lessons)
            enrollments.append(
                Enrollment(
                    user_id=user_id,
                    course_key=course.translation_key,
                    status=Enrollment.COMPLETED if finished else Enrollment.ACTIVE,
                    completed_at=started + timedelta(days=20) if finished else None,
                )
            )
            completions += [
                LessonCompletion(
                    user_id=user_id,
                    course_key=course.translation_key,
                    lesson_key=lesson.translation_key,
                )
                for lesson in lessons[:done]
            ]
            made += done
            if len(completions) >= FLUSH:
                LessonCompletion.objects.bulk_create(completions, batch_size=5000)
                completions = []
        rounds += 1
    LessonCompletion.objects.bulk_create(completions, batch_size=5000)
    Enrollment.objects.bulk_create(enrollments, batch_size=5000)
    spread_activity(now)
    clock.step(f"{len(enrollments)} enrolments, {made} completed lessons")

    attempts = make_attempts(scale, rng, modules, progress)
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
    Certificate.objects.bulk_create(completed, batch_size=5000)
    clock.step(f"{attempts} quiz attempts, {len(completed)} certificates")


def make_attempts(scale, rng, modules, progress):
    from courses.models import QuizAttempt
    from courses.quiz import passes

    quizzes = {}
    for _course, lessons in modules:
        for index in scale["quiz_lessons"]:
            quizzes[lessons[index].pk] = quiz_answers(lessons[index])
    reached = [
        (user_id, course, lessons[index], done > index)
        for user_id, course, lessons, done in progress
        for index in scale["quiz_lessons"]
        if done >= index
    ]
    attempts, made = [], 0
    while made < scale["quiz_attempts"] and reached:
        for user_id, course, lesson, passed in reached:
            if made >= scale["quiz_attempts"]:
                break
            answers, right = quizzes[lesson.pk]
            results = {q: (passed or rng.random() < 0.5) for q in right}
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
                    submission=uuid.UUID(int=rng.getrandbits(128), version=4),
                )
            )
            made += 1
            if len(attempts) >= FLUSH:
                QuizAttempt.objects.bulk_create(attempts, batch_size=2000)
                attempts = []
    QuizAttempt.objects.bulk_create(attempts, batch_size=2000)
    return made


def spread_activity(now):
    """Last activity over the past 200 days (``auto_now`` sets it to now at creation), so
    that cohort reports have quiet learners to list, as real ones do."""
    from courses.models import Enrollment

    buckets = {}
    for pk in Enrollment.objects.values_list("pk", flat=True):
        buckets.setdefault(pk % 20, []).append(pk)
    for bucket, pks in buckets.items():
        for start in range(0, len(pks), 900):
            Enrollment.objects.filter(pk__in=pks[start : start + 900]).update(
                last_activity_at=now - timedelta(days=10 * bucket)
            )


def quiz_answers(lesson):
    from courses.quiz import questions_of

    answers, right = {}, {}
    for question_id, _question, options in questions_of(lesson.quiz):
        answers[question_id] = sorted(o for o, value in options.items() if value["is_correct"])
        right[question_id] = True
    return answers, right

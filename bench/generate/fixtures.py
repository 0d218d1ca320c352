"""What the runner and the load test need to know of the generated data."""

from . import LEARNERS_FOR_LOAD, SUPERVISORS_FOR_LOAD


def describe(users, modules, cohorts):
    from django.contrib.auth import get_user_model

    from courses.models import Cohort, LessonPage
    from practice_analysis.services import supervision_queue

    from . import BASE

    User = get_user_model()
    course, lessons = modules[0]
    lesson = lessons[BASE["quiz_lessons"][0]]
    report_cohort = Cohort.objects.get(pk=cohorts[0][0].pk)
    supervisor = User.objects.get(pk=users["supervisor"][0])

    def names(ids):
        return list(
            User.objects.filter(pk__in=ids).order_by("pk").values_list("username", flat=True)
        )

    return {
        "counts": {
            "pages": LessonPage.objects.count(),
            "queue_of_bench_supervisor": supervision_queue(supervisor).count(),
            "report_cohort_learners": report_cohort.members.count(),
            "accounts": User.objects.filter(username__startswith="bench-").count(),
        },
        "users": {
            "learner": User.objects.get(pk=users["member"][0]).username,
            "trainer": User.objects.get(pk=cohorts[0][3]).username,
            "supervisor": supervisor.username,
            "coordinator": User.objects.get(pk=users["coordinator"][0]).username,
            "load_learners": names(users["member"][1 : LEARNERS_FOR_LOAD + 1]),
            "load_supervisors": names(users["supervisor"][:SUPERVISORS_FOR_LOAD]),
        },
        "lesson_id": lesson.pk,
        "course_id": course.pk,
        "report_cohort_id": report_cohort.pk,
    }

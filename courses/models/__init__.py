"""Training: the catalogue, modules and lessons (pages), and each learner's state (models).

Learner state is keyed on the pages' ``translation_key``: progress made in French counts
in English and the other way round.
"""

from .certificates import Certificate, new_certificate_code
from .cohorts import Cohort
from .learning import Enrollment, LessonCompletion, QuizAttempt, ReflectionNote
from .pages import THEMES, CourseIndexPage, CoursePage, CoursePrerequisite, LessonPage
from .reminders import KindWord, ModuleReminder, ReminderOptOut

__all__ = [
    "THEMES",
    "Certificate",
    "Cohort",
    "CourseIndexPage",
    "CoursePage",
    "CoursePrerequisite",
    "Enrollment",
    "KindWord",
    "LessonCompletion",
    "LessonPage",
    "ModuleReminder",
    "QuizAttempt",
    "ReflectionNote",
    "ReminderOptOut",
    "new_certificate_code",
]

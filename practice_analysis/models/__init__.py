"""Practice analysis: groups, their members-only pages and records, reflective entries.

What is written here is confidential. Who may see what is decided in ``services.py``
only; views and templates call it.
"""

from .entries import EntryRead, EntryReview, EntryTransition, ReflectiveEntry
from .follow_ups import FollowUpReminder
from .groups import PracticeGroup
from .pages import (
    CodevWorkshopPage,
    PracticeAnalysisIndexPage,
    PracticeGroupPage,
    PracticeSessionPage,
)
from .tasks import GroupSupervisorApprovalTask, group_of_page, pages_of_groups

__all__ = [
    "CodevWorkshopPage",
    "EntryRead",
    "EntryReview",
    "EntryTransition",
    "FollowUpReminder",
    "GroupSupervisorApprovalTask",
    "PracticeAnalysisIndexPage",
    "PracticeGroup",
    "PracticeGroupPage",
    "PracticeSessionPage",
    "ReflectiveEntry",
    "group_of_page",
    "pages_of_groups",
]

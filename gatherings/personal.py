"""Live sessions' panel on the member's own home (``home.personal``): the next few sessions
the member may open, with their answer, in one query (``services.upcoming_for``)."""

from home.personal import Panel, register_panel

from . import services

# How many sessions the home lists; "My sessions" has them all.
LISTED_SESSIONS = 3


def upcoming_panel(request):
    sessions = list(services.upcoming_for(request.user, LISTED_SESSIONS))
    if not sessions:
        return None
    return Panel("gatherings/panels/upcoming.html", {"sessions": sessions})


def register():
    register_panel("upcoming_sessions", builder=upcoming_panel, area="overview", order=10)

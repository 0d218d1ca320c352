"""The account itself, the pages it owns, its requests and the audit log about it."""

from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from .audit import events_about
from .models import DataArchive, ErasureRequest
from .registry import plain, register, register_model


@register("account", _("Account"), order=0)
def export_account(user):
    profile = getattr(user, "wagtail_userprofile", None)
    return {
        "username": user.get_username(),
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "date_joined": plain(user.date_joined),
        "last_login": plain(user.last_login),
        "is_active": user.is_active,
        "preferred_language": getattr(profile, "preferred_language", "") or "",
    }


@register("pages", _("Pages you created or own"), order=80)
def export_pages(user):
    # Pages stay after an erasure, shown under « ancien·ne membre » (public_author_name).
    pages = Page.objects.filter(owner=user).select_related("locale").order_by("pk")
    return [
        {
            "id": page.pk,
            "title": page.title,
            "language": page.locale.language_code,
            "type": page.specific_class._meta.verbose_name if page.specific_class else "",
            "live": page.live,
            "first_published_at": plain(page.first_published_at),
            "last_published_at": plain(page.last_published_at),
        }
        for page in pages
    ]


register_model(
    "erasure_requests",
    _("Requests for erasure"),
    ErasureRequest,
    user_field="user",
    fields=["requested_at", "status", "handled_at"],
    order=90,
)


register_model(
    "data_archives",
    _("Copies of your data"),
    DataArchive,
    user_field="user",
    fields=["requested_at", "ready_at"],
    erase="delete",
    order=92,
)


@register("audit_log", _("Audit log about you"), order=95)
def export_audit_log(user):
    events = events_about(user).order_by("at", "pk")
    return [
        {
            "at": plain(event.at),
            "action": event.action,
            "by_you": event.actor_id == user.pk,
            "object_type": event.object_type,
            "object_id": event.object_id,
            "outcome": event.outcome,
        }
        for event in events
    ]

"""The rights of the people concerned: asking for erasure, carrying it out, and how an
erased member is named from then on.

Erasure anonymises the account rather than deleting it: what others wrote and what the
association must keep (reviews given, published contributions, certificates issued) stays,
tied to an account that no longer says who it was. Each app's ``personal_data.py`` says
what it removes (``registry``).
"""

import base64
import secrets

from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import audit, registry
from .models import AuditEvent, DataArchive, ErasureRequest
from .tasks import build_data_archive

# Usernames of erased accounts start with this; nobody else's may (see is_erased).
ERASED_PREFIX = "erased-"
ERASE_PERMISSION = "privacy.carry_out_erasure"
FORMER_MEMBER = gettext_lazy("former member")


class ErasureRefused(Exception):
    """The erasure cannot be carried out by this person or on this account; says why."""


def is_erased(user):
    return (
        user is not None
        and not user.is_active
        and user.get_username().startswith(ERASED_PREFIX)
        and not user.has_usable_password()
    )


def public_author_name(user):
    """How a member is named on what they wrote: their name, or « ancien·ne membre » once
    erased (or when the account is gone)."""
    if user is None or is_erased(user):
        return str(FORMER_MEMBER)
    return user.get_full_name().strip() or user.get_username()


# "My data" archives -----------------------------------------------------------------------


def request_archive(user, language):
    """Ask for a new archive of the member's data, built by a task in ``language``."""
    with transaction.atomic():
        DataArchive.objects.update_or_create(
            user=user,
            defaults={
                "language": language,
                "requested_at": timezone.now(),
                "ready_at": None,
                "filename": "",
                "content": "",
            },
        )
        build_data_archive.enqueue(user.pk)


def archive_status(user):
    """The member's archive without its content (asked for, ready or not), or None."""
    return DataArchive.objects.filter(user=user).defer("content").first()


def ready_archive(user):
    """The member's archive if it is ready: (zip bytes, file name), or None."""
    archive = DataArchive.objects.filter(user=user, ready_at__isnull=False).first()
    if archive is None:
        return None
    return base64.b64decode(archive.content), archive.filename


# Requests --------------------------------------------------------------------------------


def pending_request(user):
    return ErasureRequest.objects.filter(user=user, status=ErasureRequest.PENDING).first()


def request_erasure(user, request=None):
    """The member asks; asking twice is one request."""
    existing = pending_request(user)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            erasure_request = ErasureRequest.objects.create(user=user)
    except IntegrityError:  # asked twice at once
        return pending_request(user)
    audit.record(
        AuditEvent.ERASURE_REQUESTED,
        actor=user,
        subject=user,
        obj=erasure_request,
        request=request,
    )
    return erasure_request


def cancel_request(user, request=None):
    erasure_request = pending_request(user)
    if erasure_request is None:
        return None
    erasure_request.status = ErasureRequest.CANCELLED
    erasure_request.handled_at = timezone.now()
    erasure_request.save(update_fields=["status", "handled_at"])
    audit.record(
        AuditEvent.ERASURE_CANCELLED,
        actor=user,
        subject=user,
        obj=erasure_request,
        request=request,
    )
    return erasure_request


def requests_for(user):
    """The requests a member may see in the editing space: all of them for those who may
    carry them out, none otherwise."""
    if not (user.is_active and (user.is_superuser or user.has_perm(ERASE_PERMISSION))):
        return ErasureRequest.objects.none()
    return ErasureRequest.objects.select_related("user", "handled_by")


def check_may_erase(by, member):
    """Who may carry out an erasure: someone with the permission, on someone else, and
    only a superuser on a superuser (a technical account is closed by its peers)."""
    if not (by.is_active and (by.is_superuser or by.has_perm(ERASE_PERMISSION))):
        raise PermissionDenied
    if by.pk == member.pk:
        raise ErasureRefused(_("Another coordinator carries out your own request."))
    if member.is_superuser and not by.is_superuser:
        raise ErasureRefused(
            _("This is a technical administrator's account: another administrator erases it.")
        )
    if is_erased(member):
        raise ErasureRefused(_("This account has already been erased."))


# Erasure ---------------------------------------------------------------------------------


@transaction.atomic
def erase_member(erasure_request, by, request=None):
    """Carry out a pending request: every app removes what it holds, then the account is
    anonymised and its sessions ended. Recorded without the member's name."""
    erasure_request = ErasureRequest.objects.select_for_update().get(pk=erasure_request.pk)
    if erasure_request.status != ErasureRequest.PENDING:
        raise ErasureRefused(_("This request has already been handled."))
    member = erasure_request.user
    check_may_erase(by, member)
    for section in registry.sections():
        if section.erase is not None:
            section.erase(member)
    anonymise_account(member)
    erasure_request.status = ErasureRequest.DONE
    erasure_request.handled_at = timezone.now()
    erasure_request.handled_by = by
    erasure_request.save(update_fields=["status", "handled_at", "handled_by"])
    audit.record(AuditEvent.ERASURE, actor=by, subject=member, obj=erasure_request, request=request)
    return member


def anonymise_account(user):
    """No name, no e-mail, no password, no role: the account can never be used again."""
    user.username = f"{ERASED_PREFIX}{secrets.token_hex(6)}"
    user.first_name = ""
    user.last_name = ""
    user.email = ""
    user.set_unusable_password()
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    profile = getattr(user, "wagtail_userprofile", None)
    if profile is not None:
        if profile.avatar:
            profile.avatar.delete(save=False)
        profile.delete()
    end_sessions(user)


def end_sessions(user):
    """Delete the member's sessions (and their cached copies), wherever they are open."""
    from importlib import import_module

    from django.conf import settings

    store = import_module(settings.SESSION_ENGINE).SessionStore
    key = str(user.pk)
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == key:
            store(session_key=session.session_key).delete()


def erased_accounts():
    return get_user_model().objects.filter(username__startswith=ERASED_PREFIX, is_active=False)

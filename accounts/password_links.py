"""Sending a link to choose a password: an invitation to a new member, a reset to a member.

Nobody types another person's password: a coordinator sends a link, the member chooses.
The e-mail goes to the address on record, in the member's language; the link works once
and expires (``accounts.tokens``). Sends are recorded in the audit log and limited per
account, so that nobody's mailbox can be flooded.
"""

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from privacy import audit
from privacy.models import AuditEvent

from .tokens import invitation_tokens, reset_tokens

INVITATION = "invitation"
RESET = "reset"

# At most this many links per account in the window, whoever asks for them.
LINKS_PER_ACCOUNT = 3
LINK_WINDOW = 60 * 60


def not_yet_joined(member):
    """Invited, never logged in: no password chosen yet."""
    return member.last_login is None and not member.has_usable_password()


def link_kind(member):
    """An account never used gets an invitation; one that was used, a reset link."""
    return INVITATION if not_yet_joined(member) else RESET


def count_attempt(key, window):
    """Increment a counter in the cache and return its new value (the first is 1)."""
    if cache.add(key, 1, window):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        return 1


def account_throttled(member):
    return (
        count_attempt(f"entrepairs:password-link:account:{member.pk}", LINK_WINDOW)
        > LINKS_PER_ACCOUNT
    )


def password_link(member, kind):
    """The absolute address of the link, in the member's language."""
    from home.notifications import absolute_url, preferred_language

    generator = invitation_tokens if kind == INVITATION else reset_tokens
    view = "invitation_confirm" if kind == INVITATION else "password_reset_confirm"
    with translation.override(preferred_language(member)):
        path = reverse(
            view,
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(member.pk)),
                "token": generator.make_token(member),
            },
        )
    return absolute_url(path)


def send_password_link(member, kind, *, request=None, actor=None):
    """E-mail the link (through the outbox) and record it. Returns False (nothing sent)
    when the account has had too many links lately, has no address, or is inactive."""
    from home import outbox
    from home.notifications import preferred_language
    from home.roles import role_label

    from .people.rules import role_names

    if not (member.is_active and member.email) or account_throttled(member):
        return False
    generator = invitation_tokens if kind == INVITATION else reset_tokens
    with translation.override(preferred_language(member)):
        context = {
            "member": member,
            "url": password_link(member, kind),
            "days": generator.timeout // (60 * 60 * 24),
            "hours": generator.timeout // (60 * 60),
            "roles": [str(role_label(name)) for name in role_names(member)],
            "by_someone": actor is not None and actor.pk != member.pk,
            "site_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/",
        }
        subject = render_to_string(f"accounts/email/{kind}_subject.txt", context).strip()
        body = render_to_string(f"accounts/email/{kind}_body.txt", context)
    # Through the outbox: with the mail server down, the link waits and leaves later.
    outbox.send(member.email, subject, body, kind=f"password_{kind}", recipient=member)
    audit.record(
        AuditEvent.INVITATION_SENT if kind == INVITATION else AuditEvent.PASSWORD_RESET_SENT,
        actor=actor,
        subject=member,
        request=request,
    )
    return True

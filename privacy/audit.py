"""Writing to the audit log: one function, called wherever personal data is touched.

``record`` never takes text: an object is named by its model and id, a person by their
account. The network address is kept as a keyed hash (HMAC with the secret key), cut
short: enough to see that failed logins come from one address, not to find the address.
"""

import hashlib
import hmac
from contextvars import ContextVar

from django.conf import settings
from django.db import models

from .models import AuditEvent


def hash_address(address):
    if not address:
        return ""
    key = settings.SECRET_KEY.encode("utf-8")
    return hmac.new(key, address.encode("utf-8"), hashlib.sha256).hexdigest()[:16]


LOCAL_PROXIES = {"127.0.0.1", "::1"}

# The request being served, for records written far from any view (a signal on a model
# change): who acted and from where are then still known.
_current_request = ContextVar("entrepairs_audit_request", default=None)


def current_request():
    """The request this thread is serving, or None (a command, a task, a test without one)."""
    return _current_request.get()


class AuditContextMiddleware:
    """Makes the request known to ``record`` for the time it is served."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)


def client_address(request):
    """The client's address. Behind the local nginx, the header it sets (and overwrites:
    ``proxy_set_header X-Real-IP $remote_addr``, docs/deployment.md), named by
    ``CLIENT_ADDRESS_HEADER``; never a header a client could have written itself."""
    if request is None:
        return ""
    address = request.META.get("REMOTE_ADDR", "")
    header = getattr(settings, "CLIENT_ADDRESS_HEADER", "")
    if header and address in LOCAL_PROXIES:
        address = request.META.get(header, "").strip() or address
    return address


def record(action, *, actor=None, subject=None, obj=None, request=None, outcome=None):
    """Append an event. ``actor`` defaults to the request's member; ``subject`` is a
    member or their id; ``obj`` is a model instance (or a ``(type label, id)`` pair).
    Without ``request``, the request being served (if any) gives the actor and address."""
    request = request if request is not None else current_request()
    if actor is None and request is not None:
        user = getattr(request, "user", None)
        actor = user if user is not None and user.is_authenticated else None
    object_type = object_id = ""
    if isinstance(obj, models.Model):
        object_type, object_id = obj._meta.label_lower, str(obj.pk)
    elif obj is not None:
        object_type, object_id = obj[0], str(obj[1])
    return AuditEvent.objects.create(
        action=action,
        actor=actor if actor is None or actor.pk else None,
        subject_id=subject if subject is None or isinstance(subject, int) else subject.pk,
        object_type=object_type,
        object_id=object_id,
        outcome=outcome or AuditEvent.SUCCESS,
        ip_hash=hash_address(client_address(request)),
    )


def denied(request, obj, subject=None, *, actor=None):
    """A member asked for a confidential object they may not see (they got a 404): the one
    way a refusal is written. ``obj`` is an instance or a ``(type label, id)`` pair, its id
    as asked (cut to 64 characters: it may be anything typed in an address); ``subject``,
    whose data it is, when known. A service that has the member but not the request passes
    ``actor`` (the request being served still gives the address)."""
    if obj is not None and not isinstance(obj, models.Model):
        obj = (obj[0], str(obj[1])[:64])
    return record(
        AuditEvent.DENIED,
        actor=actor if actor is not None and actor.is_authenticated else None,
        request=request,
        obj=obj,
        subject=subject,
        outcome=AuditEvent.FAILURE,
    )


def events_about(user):
    """Events in which the member acted or whose data was concerned."""
    return AuditEvent.objects.filter(models.Q(actor=user) | models.Q(subject=user))

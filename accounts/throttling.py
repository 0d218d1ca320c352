"""Login throttling: the client address django-axes counts failures against (behind a
reverse proxy or not), and a limit per address across usernames."""

from django.conf import settings
from django.db.models import Sum

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit, get_lockout_parameters
from axes.models import AccessAttempt


def client_ip(request):
    """The address of the person, not of nginx: the proxy's entry in X-Forwarded-For.

    Only the last ``TRUSTED_PROXY_COUNT`` entries were written by our own proxies; earlier
    ones come from the client and could be forged, so they are never used.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


class AddressLimitHandler(AxesDatabaseHandler):
    """django-axes' database handler, with the client address given its own, higher limit.

    ``AXES_LOCKOUT_PARAMETERS`` counts failures per username-and-address pair and per
    address alone (someone trying many usernames from one place). Axes compares one
    number, the largest of those counts, with one limit (``AXES_FAILURE_LIMIT``, the pair's).
    Here the address's count is scaled to the pair's limit, so that it locks at
    ``AXES_ADDRESS_FAILURE_LIMIT`` failures, higher because a GEM's members may share one
    address. A success resets only the pair, not what other usernames did from there.
    """

    def failure_counts(self, request, credentials=None):
        """{"pair": failures, "address": failures} within the cool-off time."""
        counts = [
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        ]
        kinds = [
            "address" if parameter == "ip_address" else "pair"
            for parameter in get_lockout_parameters(request, credentials)
        ]
        found = {"pair": 0, "address": 0}
        for kind, count in zip(kinds, counts, strict=True):
            found[kind] = max(found[kind], count)
        return found

    def get_failures(self, request, credentials=None):
        limit = get_failure_limit(request, credentials)
        counts = self.failure_counts(request, credentials)
        # Integer scaling: the address reaches ``limit`` exactly at its own limit.
        return max(counts["pair"], counts["address"] * limit // settings.AXES_ADDRESS_FAILURE_LIMIT)

    def reset_user_attempts(self, request, credentials=None):
        username = get_client_username(request, credentials)
        count, _deleted = AccessAttempt.objects.filter(
            username=username, ip_address=request.axes_ip_address
        ).delete()
        return count


def locked_by_address(request, credentials=None):
    """Whether the address alone is locked (many usernames tried), not just one account."""
    counts = AddressLimitHandler().failure_counts(request, credentials)
    return counts["address"] >= settings.AXES_ADDRESS_FAILURE_LIMIT

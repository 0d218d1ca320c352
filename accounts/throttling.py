"""The client address django-axes counts failures against, behind a reverse proxy or not."""

from django.conf import settings


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

"""The issuer's public face (profile, keys, status list) and the member's own credentials."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from home.downloads import attachment
from privacy import audit

from . import issuance, keys, services, status
from .models import IssuedCredential

JSON_LD = "application/ld+json"


def _wants_json(request):
    accept = request.headers.get("Accept", "")
    return request.GET.get("format") == "json" or (("json" in accept) and "text/html" not in accept)


def issuer(request):
    """Public: the association as an Open Badges issuer, JSON-LD for machines, HTML for
    people (the same address, by the request's Accept header or ``?format=json``)."""
    profile = issuance.issuer_profile()
    if _wants_json(request):
        response = JsonResponse(profile, content_type=JSON_LD)
    else:
        response = render(
            request,
            "credentials/issuer.html",
            {
                "profile": profile,
                "jwks": keys.public_jwks(),
                "status_url": issuance.status_list_url(),
            },
        )
    response["Vary"] = "Accept"
    return response


def jwks(request):
    """Public: the keys that verify the issuer's credentials, current and old."""
    return JsonResponse(keys.public_jwks(), content_type="application/jwk-set+json")


@never_cache
def status_list(request, list_id):
    """Public: the revocation status list, a signed BitstringStatusListCredential."""
    if list_id != status.LIST_ID:
        raise Http404
    token = issuance.status_list_credential(services.revoked_indexes())
    return HttpResponse(token, content_type=issuance.MEDIA_TYPE)


@never_cache
@login_required
def my_credentials(request):
    """The member's achievements they may export, and the credentials they downloaded."""
    issued = list(services.credentials_of(request.user))
    return render(
        request,
        "credentials/my_credentials.html",
        {
            "achievements": services.achievements_of(request.user),
            "issued": issued,
            "choices": IssuedCredential.IDENTIFIED_BY,
            "has_email": bool(request.user.email),
            "issuer_url": issuance.issuer_id(),
        },
    )


@never_cache
@login_required
@require_POST
def download(request):
    """The member's own credential as a VC-JWT file; anything else is a 404, logged."""
    kind, ref = request.POST.get("kind", ""), request.POST.get("ref", "")
    found = services.issue(request.user, kind, ref, request.POST.get("identified_by", ""))
    if found is None:
        audit.denied(request, (f"credentials.{kind[:20]}", ref))
        raise Http404
    credential, token = found
    name = _("verifiable-credential")  # outside the f-string, where makemessages finds it
    filename = f"{name}-{credential.pk}.jwt"
    return attachment(token, filename, issuance.MEDIA_TYPE)


@login_required
@require_POST
def revoke(request, pk):
    """The member revokes one of their own credentials; anyone else's is a 404, logged."""
    credential = services.credentials_of(request.user).filter(pk=pk).first()
    if credential is None:
        owner = IssuedCredential.objects.filter(pk=pk).values_list("user", flat=True).first()
        audit.denied(request, (IssuedCredential._meta.label_lower, pk), subject=owner)
        raise Http404
    if services.revoke(credential, request.user):
        messages.success(request, _("The credential is revoked: it no longer verifies."))
    return redirect("my_credentials")

"""« My data »: a member downloads everything the platform holds about them, and may ask
for erasure. Only ever about the member who is logged in: no id in any URL."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from . import audit, services
from .forms import ErasureRequestForm
from .models import AuditEvent


@never_cache
@login_required
def my_data(request, form=None):
    return render(
        request,
        "privacy/my_data.html",
        {
            "pending": services.pending_request(request.user),
            "archive": services.archive_status(request.user),
            "form": form or ErasureRequestForm(),
        },
    )


@never_cache
@login_required
@require_POST
def my_data_download(request):
    """Ask for a copy: a task builds it (it may take a while for a long membership)."""
    services.request_archive(request.user, get_language())
    messages.success(
        request, _("Your copy is being prepared. It will be ready on this page in a moment.")
    )
    return redirect("my_data")


@never_cache
@login_required
@require_safe
def my_data_archive(request):
    """The member's own archive, once built: the moment their data leaves, audited."""
    archive = services.ready_archive(request.user)
    if archive is None:
        raise Http404
    content, filename = archive
    audit.record(
        AuditEvent.EXPORT,
        subject=request.user,
        obj=("privacy.mydata", request.user.pk),
        request=request,
    )
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@login_required
@require_POST
def erasure_request(request):
    form = ErasureRequestForm(request.POST)
    if not form.is_valid():
        return my_data(request, form=form)
    services.request_erasure(request.user, request=request)
    messages.success(
        request,
        _(
            "Your request is recorded. A coordinator will carry it out within a month and "
            "you will no longer be able to log in. Until then you can change your mind here."
        ),
    )
    return redirect("my_data")


@login_required
@require_POST
def erasure_cancel(request):
    if services.cancel_request(request.user, request=request):
        messages.success(request, _("Your request is cancelled. Nothing has been erased."))
    return redirect("my_data")

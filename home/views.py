"""Views of the site outside Wagtail pages: charter acknowledgement and checked downloads."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from filer import settings as filer_settings
from filer.models import File

from .charter import acknowledge
from .models import CharterPage
from .services import files_readable_by


@require_POST
@login_required
def acknowledge_charter(request):
    charter = get_object_or_404(CharterPage.objects.live(), pk=request.POST.get("charter", 0) or 0)
    acknowledge(request.user, charter, language=get_language())
    messages.success(request, _("Thank you. Your acknowledgement of the charter is recorded."))
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(next_url)
    return redirect(charter.get_url(request))


@never_cache
def serve_file(request, path):
    """Hand out a private library file to a member whose folder permissions allow it.

    Anonymous visitors are asked to log in whatever the path; a member without permission
    gets the same 404 as for a file that does not exist.
    """
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    file = File.objects.filter(file=path, is_public=False).first()
    if file is None or not files_readable_by(request.user).filter(pk=file.pk).exists():
        raise Http404
    response = filer_settings.FILER_PRIVATEMEDIA_SERVER.serve(request, file, save_as=False)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=file.original_filename or file.label
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response

"""Views of the site outside Wagtail pages: charter acknowledgement, checked downloads,
and the member's notifications."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from easy_thumbnails.files import ThumbnailFile
from filer import settings as filer_settings
from filer.models import File
from filer.utils.filer_easy_thumbnails import thumbnail_to_original_filename

from .charter import acknowledge, charter_for_reading, current_charter
from .models import CharterPage
from .notifications import forget_unread_count
from .services import files_readable_by, notifications_of
from .sharing import may_share


@require_POST
@login_required
def acknowledge_charter(request):
    charter_id = request.POST.get("charter", "")
    if not charter_id.isdigit():
        raise Http404
    charter = get_object_or_404(CharterPage.objects.live(), pk=charter_id)
    current = current_charter()
    if current is None or charter.version != current.version:
        # An outdated translation: what was read is not the version that counts.
        messages.info(request, _("The charter has changed: please read the current version."))
        return redirect(charter_for_reading(current or charter).get_url(request))
    acknowledge(request.user, charter, language=get_language())
    messages.success(request, _("Thank you. Your acknowledgement of the charter is recorded."))
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(next_url)
    return redirect(charter.get_url(request))


def favicon(request):
    """Browsers that ask for /favicon.ico without reading the page's icon link."""
    return redirect(static("img/favicon.svg"))


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


@never_cache
def serve_thumbnail(request, path):
    """A thumbnail of a private library image, under the same rule as the image itself."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    source = thumbnail_to_original_filename(path)
    file = File.objects.filter(file=source, is_public=False).first() if source else None
    if file is None or not files_readable_by(request.user).filter(pk=file.pk).exists():
        raise Http404
    thumbnail = ThumbnailFile(name=path, storage=file.file.thumbnail_storage)
    thumbnail.mime_type = file.mime_type
    try:
        response = filer_settings.FILER_PRIVATEMEDIA_THUMBNAIL_SERVER.serve(
            request, thumbnail, save_as=False
        )
    except OSError as error:
        raise Http404 from error
    response["X-Content-Type-Options"] = "nosniff"
    return response


NOTIFICATIONS_PER_PAGE = 20


@never_cache
@login_required
def notification_list(request):
    notifications = notifications_of(request.user)
    page = Paginator(notifications, NOTIFICATIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "home/notification_list.html",
        {
            "notifications": page,
            "has_unread": notifications.filter(read_at__isnull=True).exists(),
            "may_share": may_share(request.user),
        },
    )


def _back_to_list(request):
    page = request.POST.get("page", "")
    url = reverse("notification_list")
    return redirect(f"{url}?page={page}" if page.isdigit() else url)


@require_POST
@login_required
def notification_read(request, pk):
    """Mark one of the member's own notifications as read, then follow its link if asked."""
    notification = get_object_or_404(notifications_of(request.user), pk=pk)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    if request.POST.get("open") and notification.link.startswith("/"):
        return redirect(notification.link)
    return _back_to_list(request)


@require_POST
@login_required
def notification_read_all(request):
    updated = (
        notifications_of(request.user).filter(read_at__isnull=True).update(read_at=timezone.now())
    )
    forget_unread_count(request.user.pk)
    if updated:
        messages.success(request, _("All your notifications are marked as read."))
    return _back_to_list(request)

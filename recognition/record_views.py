"""The recognition record: the member's own page (choices, link, PDF), the public page a
verification link opens, and the coordinators' attested statuses. Who may reach what is
in ``services``; what the record holds, in ``record``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from courses.certificates import learner_name
from home.charter import charter_required
from home.models import SiteSettings
from home.pdf import qr_data_uri, render_pdf

from . import record, services
from .forms import AttestForm
from .models import AttestedStatus


def public_url(request, link):
    return request.build_absolute_uri(reverse("record_public", kwargs={"token": link.token}))


def _link_context(request, peer):
    link = record.live_link(peer)
    if link is None:
        return {"link": None}
    url = public_url(request, link)
    return {"link": link, "link_url": url, "qr": qr_data_uri(url)}


@never_cache
@charter_required
def my_record(request):
    available = record.record_of(request.user)
    if request.method == "POST":
        record.choose(request.user, request.POST.getlist("show"), available)
        messages.success(request, _("Saved. Your record shows what you chose, and only that."))
        return redirect("my_record")
    chosen = record.chosen_keys(request.user)
    return render(
        request,
        "recognition/my_record.html",
        {
            "available": available,
            "chosen": chosen,
            "session_names": record.SESSION_NAMES,
            "shown": available.only(chosen),
            "status": services.current_status(request.user),
            **_link_context(request, request.user),
        },
    )


@require_POST
@charter_required
def create_link(request):
    record.create_link(request.user)
    messages.success(
        request, _("Your verification link is ready. You can withdraw it at any time.")
    )
    return redirect(reverse("my_record") + "#link")


@require_POST
@charter_required
def revoke_link(request, pk):
    link = services.own_link(request.user, pk)
    record.revoke(link)
    messages.success(request, _("Link withdrawn. Whoever opens it now reads that you withdrew it."))
    return redirect(reverse("my_record") + "#link")


@never_cache
@login_required
def record_pdf(request):
    peer = request.user
    language = translation.get_language()
    title = _("Recognition record")
    context = {
        "association": SiteSettings.for_request(request).association_name,
        "name": learner_name(peer),
        "record": record.shown(peer),
        "date": timezone.localdate(),
        **_link_context(request, peer),
    }
    content = render_pdf("recognition/pdf/record.html", context, lang=language, title=title)
    response = HttpResponse(content, content_type="application/pdf")
    name = _("recognition-record")  # outside the f-string, where makemessages finds it
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{name}.pdf"
    )
    return response


def _public_headers(response):
    response["Cache-Control"] = "no-store, private"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


def record_public(request, token):
    """Public, no login: what the member chose, as it stands now; 410 once withdrawn."""
    link = record.link_for_token(token)
    if link is None:
        raise Http404
    association = SiteSettings.for_request(request).association_name
    if not link.is_live or not link.peer.is_active:
        response = render(
            request, "recognition/record_withdrawn.html", {"association": association}, status=410
        )
        return _public_headers(response)
    if request.user != link.peer:  # the holder checking their own link is not a view
        record.count_view(link)
    context = {
        "association": association,
        "name": learner_name(link.peer),
        "record": record.shown(link.peer),
        "today": timezone.localdate(),
    }
    return _public_headers(render(request, "recognition/record_public.html", context))


# Coordinators: a member's attested status ---------------------------------------------


STATUSES_PER_PAGE = 30


@never_cache
@charter_required
def statuses(request):
    search = request.GET.get("q", "")[:100]
    members = services.attestable_members(request.user, search)
    page = Paginator(members, STATUSES_PER_PAGE).get_page(request.GET.get("page"))
    latest = services.latest_statuses(page.object_list)
    rows = [(member, latest.get(member.pk)) for member in page.object_list]
    return render(
        request,
        "recognition/statuses.html",
        {"rows": rows, "page_obj": page, "search": search},
    )


@never_cache
@charter_required
def attest_status(request, pk):
    member = services.member_for_attestation(request.user, pk)
    form = AttestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.attest_status(request.user, member, form.cleaned_data["status"])
        messages.success(request, _("Saved. The member is told, and sees it on their record."))
        return redirect("attested_statuses")
    history = AttestedStatus.objects.filter(peer=member).select_related("attested_by")
    return render(
        request,
        "recognition/attest_status.html",
        {"member": member, "form": form, "history": history},
    )

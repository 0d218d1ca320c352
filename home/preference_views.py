"""The member's "Notifications" settings page, and the one-click page that stops a
category's e-mails from a link in an e-mail (no login: the link is signed)."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from wagtail.users.models import UserProfile

from . import preferences as prefs
from .notifications import categories, switchable_categories

TIME_INPUT = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class NotificationPreferencesForm(forms.Form):
    """One choice per category the member may switch, and the quiet hours. Categories
    that may not be switched off have no field: what is posted for them is ignored."""

    quiet_hours = forms.BooleanField(
        required=False,
        label=_("Keep quiet hours"),
        widget=forms.CheckboxInput(attrs={"aria-describedby": "quiet-help"}),
        help_text=_("During these hours no e-mail is sent to you: it waits until they end."),
    )
    quiet_from = forms.TimeField(label=_("From"), widget=TIME_INPUT)
    quiet_until = forms.TimeField(label=_("Until"), widget=TIME_INPUT)

    def __init__(self, *args, preferences, **kwargs):
        super().__init__(*args, **kwargs)
        self.categories = switchable_categories()
        for category in self.categories:
            self.fields[f"category_{category.key}"] = forms.ChoiceField(
                label=category.label,
                choices=prefs.DELIVERIES,
                widget=forms.RadioSelect,
                initial=prefs.delivery_of(preferences, category.key),
            )
        self.fields["quiet_hours"].initial = preferences.quiet_hours
        self.fields["quiet_from"].initial = preferences.quiet_from
        self.fields["quiet_until"].initial = preferences.quiet_until

    def category_fields(self):
        return [self[f"category_{category.key}"] for category in self.categories]

    def deliveries(self):
        return {
            category.key: self.cleaned_data[f"category_{category.key}"]
            for category in self.categories
        }


@never_cache
@login_required
def notification_settings(request):
    user = request.user
    preferences = prefs.preferences_of(user)
    form = NotificationPreferencesForm(request.POST or None, preferences=preferences)
    if request.method == "POST" and form.is_valid():
        prefs.save_preferences(
            user,
            form.deliveries(),
            quiet_hours=form.cleaned_data["quiet_hours"],
            quiet_from=form.cleaned_data["quiet_from"],
            quiet_until=form.cleaned_data["quiet_until"],
        )
        messages.success(request, _("Your choices are saved."))
        return redirect("notification_settings")
    context = {
        "form": form,
        "always": [each for each in categories() if each not in form.categories],
        "time_zone": prefs.time_zone_of(UserProfile.get_for_user(user)).key,
    }
    return render(request, "home/notification_settings.html", context)


def _labels(keys):
    known = {category.key: category.label for category in categories()}
    return [known[key] for key in keys]


# Mail clients POST here without a CSRF token (RFC 8058, one click): the signed token is
# the proof, and stopping twice changes nothing.
@csrf_exempt
@never_cache
def stop_notifications(request, token):
    found = prefs.read_unsubscribe_token(token)
    if found is None:
        raise Http404
    member_id, keys = found
    member = get_user_model().objects.filter(pk=member_id, is_active=True).first()
    if member is None:
        raise Http404
    context = {"labels": _labels(keys), "token": token}
    if request.method == "POST":
        prefs.stop(member, keys)
        return render(request, "home/notifications_stopped.html", {**context, "done": True})
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    return render(request, "home/notifications_stopped.html", context)

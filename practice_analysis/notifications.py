"""E-mails about reflective entries: a link and what happened, never the content."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from wagtail.users.models import UserProfile


def preferred_language(user):
    return UserProfile.get_for_user(user).get_preferred_language() or settings.LANGUAGE_CODE


def notify_author_of_review(entry, review, request):
    """Tell the author their entry was reviewed, in their language, with a link only."""
    author = entry.author
    if not author.email:
        return
    with translation.override(preferred_language(author)):
        url = request.build_absolute_uri(reverse("entry_detail", kwargs={"pk": entry.pk}))
        context = {"author": author, "review": review, "url": url}
        subject = render_to_string("practice_analysis/email/review_subject.txt", context).strip()
        body = render_to_string("practice_analysis/email/review_body.txt", context)
    send_mail(subject, body, None, [author.email])

"""Telling the author their entry was reviewed: a link and what happened, never the content."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from home.models import Notification
from home.notifications import notify, preferred_language

from .models import ReflectiveEntry


def notify_author_of_review(entry, review, request):
    """Tell the author their entry was reviewed, in the site and by e-mail, in their language."""
    author = entry.author
    validated = review.decision == ReflectiveEntry.VALIDATED
    # The link is written in the author's language: the site's paths are translated.
    with translation.override(preferred_language(author)):
        path = reverse("entry_detail", kwargs={"pk": entry.pk})
    notify(
        author,
        Notification.ENTRY_VALIDATED if validated else Notification.ENTRY_CHANGES_REQUESTED,
        link=path,
    )
    if not author.email:
        return
    with translation.override(preferred_language(author)):
        url = request.build_absolute_uri(path)
        context = {"author": author, "review": review, "url": url}
        subject = render_to_string("practice_analysis/email/review_subject.txt", context).strip()
        body = render_to_string("practice_analysis/email/review_body.txt", context)
    send_mail(subject, body, None, [author.email])

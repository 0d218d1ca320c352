"""Learner actions (POST only) and the "My learning" dashboard."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from home import limits
from home.downloads import attachment
from home.models import SiteSettings
from privacy import audit

from . import certificates, records, reminders, services
from .models import (
    Certificate,
    CoursePage,
    LessonPage,
)
from .quiz import submit_attempt


def _post_only(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect(f"{_login_url()}?next={request.path}")
    return None


def _login_url():
    from django.conf import settings
    from django.urls import reverse

    return reverse(settings.LOGIN_URL)


def resume_url(request, state):
    """The address "Continue" leads to (the rule: ``services.continue_page``)."""
    return services.continue_page(state).get_url(request)


def enrol(request, course):
    refused = _post_only(request)
    if refused:
        return refused
    try:
        services.enrol(request.user, course)
    except services.LearningRefused as error:
        messages.warning(request, str(error))
        return redirect(course.get_url(request))
    state = services.course_state(request.user, course)
    return redirect(resume_url(request, state))


def pause(request, course):
    refused = _post_only(request)
    if refused:
        return refused
    try:
        services.pause(request.user, course)
    except services.LearningRefused as error:
        messages.warning(request, str(error))
        return redirect(course.get_url(request))
    messages.success(
        request, _("The module is paused. Your progress is kept: come back whenever you like.")
    )
    return redirect("my_learning")


def _lesson_course(lesson):
    return CoursePage.objects.ancestor_of(lesson).live().last()


def complete_lesson(request, lesson):
    refused = _post_only(request)
    if refused:
        return refused
    course = _lesson_course(lesson)
    # The notes typed on the page come with "I have finished": nothing typed is lost.
    kept = keep_notes(request, course, lesson)
    if kept is not True:
        return kept
    if lesson.quiz is not None:
        messages.info(request, _("This lesson is complete when its quiz is passed."))
        return redirect(lesson.get_url(request) + "#quiz")
    try:
        state = services.complete_lesson(request.user, course, lesson)
    except services.LearningRefused as error:
        messages.warning(request, str(error))
        return redirect(course.get_url(request))
    return _after_completion(request, course, state)


def _after_completion(request, course, state):
    if state.next_lesson_key is None:
        return redirect(finished_url(request, course))
    return redirect(resume_url(request, state))


def finished_url(request, course):
    """The module page, opened on the moment that says it is finished (``completion``)."""
    return course.get_url(request) + "#finished"


def submit_quiz(request, lesson):
    refused = _post_only(request)
    if refused:
        return refused
    course = _lesson_course(lesson)
    kept = keep_notes(request, course, lesson)
    if kept is not True:
        return kept
    try:
        attempt = submit_attempt(request.user, course, lesson, request.POST)
    except services.LearningRefused as error:
        messages.warning(request, str(error))
        return redirect(lesson.get_url(request) + "#quiz")
    if attempt.passed and services.course_state(request.user, course).status == services.COMPLETED:
        return redirect(finished_url(request, course))
    # What the attempt gave is said once, in the feedback the page opens on (no message).
    return redirect(lesson.get_url(request) + "#quiz-feedback")


REFUSED_NOTE_KEY = "courses.refused_notes"
NOTE_FIELD = "note-"


def take_refused_note(request, block_id):
    """The text of a note just refused as too long for this block, once; else None."""
    session = getattr(request, "session", None)
    refused = session.get(REFUSED_NOTE_KEY) if session is not None else None
    if not refused or block_id not in refused:
        return None
    text = refused.pop(block_id)
    session[REFUSED_NOTE_KEY] = refused
    return text


def typed_notes(request):
    """{block id: text} of the notes sent with a lesson's form (``note-<block id>`` fields).

    Every button of the lesson page (save a note, finish, check the quiz) belongs to one
    form that holds the note boxes, so a note typed before any of them is sent with it."""
    return {
        key.removeprefix(NOTE_FIELD): request.POST.get(key, "")
        for key in request.POST
        if key.startswith(NOTE_FIELD)
    }


def keep_notes(request, course, lesson, texts=None):
    """Save the notes typed on the lesson page. True when all are saved; otherwise the
    answer to send back to the page, where a note too long is shown again as typed."""
    texts = typed_notes(request) if texts is None else texts
    too_long = {
        block_id: text for block_id, text in texts.items() if limits.length(text) > limits.NOTE
    }
    if too_long:
        messages.warning(
            request,
            _(
                "Your note is a little too long (%(limit)s characters at most): it is not "
                "saved yet. Your text is still in the box; please shorten it."
            )
            % {"limit": limits.shown(limits.NOTE)},
        )
        # Shown once in its box on the lesson page, as typed (``take_refused_note``).
        request.session[REFUSED_NOTE_KEY] = too_long
        return redirect(lesson.get_url(request) + f"#reflection-{next(iter(too_long))}")
    try:
        for block_id, text in texts.items():
            services.save_note(request.user, course, lesson, block_id, text)
    except services.LearningRefused as error:
        messages.warning(request, str(error))
        return redirect(lesson.get_url(request))
    return True


def save_note(request, lesson, block_id):
    refused = _post_only(request)
    if refused:
        return refused
    course = _lesson_course(lesson)
    texts = typed_notes(request)
    if "text" in request.POST:  # a form of the note alone
        texts[block_id] = request.POST["text"]
    kept = keep_notes(request, course, lesson, texts)
    if kept is not True:
        return kept
    saved = texts.get(block_id, "").strip()
    messages.success(request, _("Your note is saved.") if saved else _("Your note is deleted."))
    return redirect(lesson.get_url(request) + f"#reflection-{block_id}")


@never_cache
@login_required
def my_learning(request):
    """The learner's own modules, progress and notes: nobody else's data is ever read here."""
    user = request.user
    enrollments = services.enrollments_of(user)
    keys = [enrollment.course_key for enrollment in enrollments]
    courses = list(services.pages_in_language(CoursePage, keys).values())
    states = services.course_states(user, courses, enrollments_of_user=enrollments)
    notes = list(services.notes_of(user))
    lessons = services.pages_in_language(LessonPage, {note.lesson_key for note in notes})
    context = {
        "in_progress": [s for s in states if s.status in (services.IN_PROGRESS, services.PAUSED)],
        "completed": [s for s in states if s.status == services.COMPLETED],
        "page_catalogue": services.catalogue(),
        "notes": [(note, lessons.get(note.lesson_key)) for note in notes],
    }
    for state in context["in_progress"]:
        state.resume_url = resume_url(request, state)
    owned = services.certificates_of(user)
    context["certificates"] = {c.course_key: c for c in owned}
    context["reminders_stopped"] = reminders.stopped(user)
    context["reminder_days"] = settings.ENTREPAIRS_IDLE_REMINDER_DAYS
    return render(request, "courses/my_learning.html", context)


def _association_name(request):
    return SiteSettings.for_request(request).association_name


@never_cache
@login_required
def certificate_download(request, code):
    """The learner's own certificate as a PDF; anyone else's code is a 404."""
    certificate = services.certificates_of(request.user).filter(code=code).first()
    if certificate is None:
        # Someone else's certificate, or none: a 404 either way, and the attempt is logged.
        owner = Certificate.objects.filter(code=code).values_list("user", flat=True).first()
        audit.denied(request, (Certificate._meta.label_lower, code), subject=owner)
        raise Http404
    course = services.pages_in_language(CoursePage, [certificate.course_key]).get(
        certificate.course_key
    )
    content = certificates.certificate_pdf(
        certificate,
        course_title=course.title if course else certificate.course_title,
        association=_association_name(request),
        url=certificates.verification_url(certificate, request),
        language=get_language(),
    )
    name = _("certificate")  # outside the f-string, where makemessages finds it
    return attachment(content, f"{name}-{certificate.code}.pdf", "application/pdf")


@never_cache
@login_required
def training_record(request):
    """The learner's record of completed modules, with dates and hours, as a PDF."""
    rows = services.completed_modules(request.user)
    content = certificates.training_record_pdf(
        certificates.learner_name(request.user),
        rows,
        association=_association_name(request),
        language=get_language(),
        sections=records.extra_sections(request.user),
    )
    name = _("record-of-training")
    return attachment(content, f"{name}.pdf", "application/pdf")


def certificate_verify(request, code):
    """Public: whether a certificate is valid, with only the name, module and date."""
    certificate = Certificate.objects.filter(code=code.upper()).first()
    course = None
    if certificate is not None:
        course = services.pages_in_language(CoursePage, [certificate.course_key]).get(
            certificate.course_key
        )
    return render(
        request,
        "courses/certificate_verify.html",
        {
            "certificate": certificate,
            "course_title": course.title if course else getattr(certificate, "course_title", ""),
            "code": code,
        },
        status=200 if certificate else 404,
    )

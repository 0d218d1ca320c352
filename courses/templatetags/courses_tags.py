"""Template helpers for lessons: the lesson's body, a learner's note for a prompt, a quiz
with its feedback."""

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from courses import cards
from courses.cohorts import cell_text
from courses.quiz import right_needed
from courses.reminders import TOKEN_PARAMETER, read_token
from home.cache import get_versioned, set_versioned
from home.fragments import fragment_key, shareable

register = template.Library()

# Blocks that show the learner's own answers, notes and forms: rendered for each request.
# Every other block is the same for all readers of a live revision, and is kept rendered.
MEMBER_BLOCKS = {"quiz", "reflection"}


@register.simple_tag(takes_context=True)
def lesson_body(context, page):
    """The lesson's blocks, as ``{% include_block block with block_id=block.id %}`` would
    render them one by one; the shared ones are kept rendered, one cache entry per lesson
    (its live revision and the language are in the key)."""
    shared = shareable(context.get("request"), page)
    key = fragment_key("lesson-blocks", get_language(), page) if shared else None
    kept = (get_versioned(key) if key else None) or {}
    added = {}
    parts = []
    for index, raw in enumerate(page.body.raw_data):
        block_id = raw.get("id")
        if block_id in kept:
            parts.append(kept[block_id])
            continue
        block = page.body[index]
        block_context = context.flatten()
        block_context["block_id"] = block.id
        html = str(conditional_escape(block.render_as_block(context=block_context)))
        if key and block_id and raw["type"] not in MEMBER_BLOCKS:
            added[block_id] = html
        parts.append(html)
    if added:
        set_versioned(key, {**kept, **added})
    return mark_safe("".join(parts))


@register.simple_tag(takes_context=True)
def note_for(context, notes, block_id):
    """The learner's note for this block; a note refused as too long comes back once, as
    typed, so that nothing is lost (``courses.views.save_note``)."""
    from courses.views import take_refused_note

    request = context.get("request")
    refused = take_refused_note(request, block_id) if request is not None else None
    if refused is not None:
        return {"text": refused}
    return notes.get(block_id)


@register.simple_tag
def certificate_for(certificates, course_key):
    return certificates.get(course_key)


@register.simple_tag
def quiz_questions(value, attempt=None, reveal=False):
    """Questions for display. Before an attempt: the options alone. After a failed one: the
    member's own answers with their explanations, not which option is right, so that the
    next try is theirs. Once passed, or when asked (``reveal``): every option, which are
    right, and every explanation."""
    questions = []
    for question in value["questions"].bound_blocks:
        chosen = set(attempt.answers.get(question.id, [])) if attempt else set()
        options = []
        for option in question.value["options"].bound_blocks:
            row = {"id": option.id, "text": option.value["text"], "chosen": option.id in chosen}
            if attempt is not None and not reveal and not row["chosen"]:
                continue
            if attempt is not None:
                row["explanation"] = option.value["explanation"]
            if reveal:
                row["is_correct"] = option.value["is_correct"]
            options.append(row)
        questions.append(
            {
                "id": question.id,
                "kind": question.value["kind"],
                "text": question.value["question"],
                "options": options,
                "right": attempt.results.get(question.id) if attempt else None,
            }
        )
    return questions


@register.simple_tag(takes_context=True)
def quiz_feedback(context, value, attempt):
    """The feedback on the member's last attempt: ``(questions, revealed)``; the right
    answers are shown once the quiz is passed or the member asks ("Show the answers")."""
    request = context.get("request")
    asked = request is not None and request.GET.get("answers") == "shown"
    revealed = bool(attempt.passed or asked)
    return quiz_questions(value, attempt, reveal=revealed), revealed


# One question of the feedback list, with the layout the template loop had (the page's markup
# is unchanged: tests/test_page_markup.py renders the loop again and compares).
FEEDBACK_QUESTION = """
                    <li class="feedback feedback--{verdict}">
                        <p class="feedback__question"><span class="feedback__text">{text}</span>
                            <span class="badge {badge}">{label}</span></p>
                        <ul class="feedback__options">
                            {options}
                        </ul>
                    </li>
                """
FEEDBACK_OPTION = """
                                <li>
                                    <span class="option-text">{chosen}{text}</span>
                                    {correct}
                                    {explanation}
                                </li>
                            """


@register.simple_tag
def quiz_feedback_items(questions):
    """The feedback list's items for ``quiz_feedback``'s questions, written here rather
    than by nested template loops (a dozen nodes an option, most of them ``{% if %}``)."""
    return mark_safe(feedback_items(questions))


def feedback_items(questions):
    right = escape(_("Right"))
    to_review = escape(_("To review"))
    # Translated outside the f-strings, where makemessages finds them.
    your_answer, correct = escape(_("Your answer:")), escape(_("Correct answer"))
    your_answer = f"<strong>{your_answer}</strong> "
    correct_answer = f'<span class="badge badge--done">{correct}</span>'
    items = []
    for question in questions:
        options = []
        for option in question["options"]:
            explanation = option.get("explanation")
            options.append(
                FEEDBACK_OPTION.format(
                    chosen=your_answer if option["chosen"] else "",
                    text=conditional_escape(option["text"]),
                    correct=correct_answer if option.get("is_correct") else "",
                    explanation=(
                        f'<p class="explanation">{conditional_escape(explanation)}</p>'
                        if explanation
                        else ""
                    ),
                )
            )
        is_right = question["right"]
        items.append(
            FEEDBACK_QUESTION.format(
                verdict="right" if is_right else "wrong",
                text=conditional_escape(question["text"]),
                badge="badge--done" if is_right else "",
                label=right if is_right else to_review,
                options="".join(options),
            )
        )
    return "".join(items)


@register.simple_tag
def quiz_rule(value, course):
    """``{"total": questions, "needed": right answers that pass}`` (``quiz.passes``)."""
    total = len(value["questions"])
    return {"total": total, "needed": right_needed(total, course.pass_mark)}


@register.simple_tag
def progress_rows(report):
    """The cohort report's rows, a learner and their state in each module: built here rather
    than in the template, as a report has hundreds of cells (every text escaped). A report
    repeats the same few sentences: each is made and escaped once."""
    language = get_language()
    cells_html = {}
    rows = []
    for learner, cells in report.rows:
        name = escape(learner.get_full_name() or learner.get_username())
        states = []
        for cell in cells:
            # Cells alike are one object (``cohorts.CellMaker``): found by identity, which
            # hashes faster than their fields.
            html = cells_html.get(id(cell))
            if html is None:
                key = (cell.status, cell.percent, cell.completed_on)
                html = cells_html[id(cell)] = f"<td>{escape(cell_text(*key, language))}</td>"
            states.append(html)
        rows.append(f'<tr><th scope="row">{name}</th>{"".join(states)}</tr>')
    return mark_safe("\n".join(rows))


@register.simple_tag
def quiet_learner_rows(report, kind_word_url_name, sends_kind_words):
    """The rows of the learners without recent activity, built here as ``progress_rows``
    are (a row for each learner of the cohort at most): their name, their last activity's
    date and, for the cohort's trainers (``sends_kind_words``), a link to send them a kind
    word."""
    never = escape(_("Never started"))
    send = _("Send %(name)s a kind word")
    addresses = {}
    if sends_kind_words:
        active = [learner.pk for learner, _at in report.inactive if learner.is_active]
        addresses = addresses_of(kind_word_url_name, [report.cohort.pk], active)
    dates = {}
    rows = []
    for learner, last_activity in report.inactive:
        name = escape(learner.get_full_name() or learner.get_username())
        if last_activity is None:
            when = never
        else:
            day = timezone.localdate(last_activity)
            when = dates.get(day)
            if when is None:
                when = dates[day] = escape(formats.date_format(day, "SHORT_DATE_FORMAT"))
        row = f'<tr><th scope="row">{name}</th><td>{when}</td>'
        if sends_kind_words:
            link = ""
            if learner.is_active:
                address = escape(addresses[learner.pk])
                link = f'<a href="{address}">{send % {"name": name}}</a>'
            row += f"<td>{link}</td>"
        rows.append(row + "</tr>")
    return mark_safe("\n".join(rows))


# The completion chart, its table and the quiz questions' table, written here as the progress
# rows are: each row was a template loop of a dozen nodes, three `blocktranslate` among them.
# Every text is escaped as autoescaping would; numbers are written as the templates wrote
# them (plain, USE_THOUSAND_SEPARATOR being off): courses/tests/test_cohorts.py holds each
# tag equal to the template loop it replaced.


@register.simple_tag
def completion_summary(report):
    """The chart's description: every module and the share of the cohort who completed it."""
    share = _("%(module)s: %(percent)s%%")
    last = len(report.completion) - 1
    return mark_safe(
        "".join(
            share % {"module": conditional_escape(row.module.title), "percent": row.percent}
            + ("; " if index < last else ".")
            for index, row in enumerate(report.completion)
        )
    )


@register.simple_tag
def completion_bars(report, bar_width):
    """The chart's bars: per module its title, the whole bar, the completed part, the share."""
    percent = _("%(percent)s%%")
    rows = []
    for row in report.completion:
        title = conditional_escape(Truncator(row.module.title).chars(80))
        done = (
            f'<rect x="16" y="{row.y + 24}" width="{row.width}" height="16" rx="3" fill="#1f5f8b"/>'
            if row.width
            else ""
        )
        rows.append(
            f'\n        <text x="16" y="{row.y + 16}" fill="#1d2428">{title}</text>'
            f'\n        <rect x="16" y="{row.y + 24}" width="{bar_width}" height="16" rx="3" '
            f'fill="#e8f0ec" stroke="#7fa391"/>\n        {done}'
            f'\n        <text x="{bar_width + 26}" y="{row.y + 37}" fill="#1d2428">'
            f"{percent % {'percent': row.percent}}</text>\n    "
        )
    return mark_safe("".join(rows))


@register.simple_tag
def completion_rows(report):
    """The completion table's rows: a module, how many learners completed it, their share."""
    of_total = _("%(completed)s of %(total)s")
    percent = _("%(percent)s%%")
    total = report.learner_count
    return mark_safe(
        "".join(
            f'\n            <tr>\n                <th scope="row">'
            f"{conditional_escape(row.module.title)}</th>\n                <td>"
            f"{of_total % {'completed': row.completed, 'total': total}}</td>"
            f"\n                <td>{percent % {'percent': row.percent}}</td>"
            "\n            </tr>\n        "
            for row in report.completion
        )
    )


@register.simple_tag
def question_rows(report):
    """The quiz questions' rows, most missed first: the question, where it is, how many
    answers and the share of right ones."""
    percent = _("%(percent)s%%")
    indent = "\n" + " " * 32
    return mark_safe(
        "".join(
            f'{indent[:-4]}<tr>{indent}<th scope="row">{conditional_escape(stat.question)}</th>'
            f"{indent}<td>{conditional_escape(stat.module)} — {conditional_escape(stat.lesson)}"
            f"</td>{indent}<td>{stat.answered}</td>"
            f"{indent}<td>{percent % {'percent': stat.percent_right}}</td>"
            f"{indent[:-4]}</tr>{indent[:-8]}"
            for stat in report.questions
        )
    )


def addresses_of(url_name, args, ids):
    """{id: reverse(url_name, args=[*args, id])}, the pattern reversed once: ``reverse``
    reads the URL patterns at each call, and these addresses differ only by their last
    number."""
    marker = 987654321987654321
    head, found, tail = reverse(url_name, args=[*args, marker]).rpartition(str(marker))
    if not found:  # a pattern that does not end with the id
        return {pk: reverse(url_name, args=[*args, pk]) for pk in ids}
    return {pk: f"{head}{pk}{tail}" for pk in ids}


REMINDER_CHOICES = "courses/includes/reminder_choices.html"
# What the choices' template renders without a token: most visits come from no reminder,
# and spare the template's context and nodes (courses/tests/test_reminders.py holds it equal).
NO_REMINDER_CHOICES = "\n"


@register.simple_tag(takes_context=True)
def reminder_choices(context):
    """On the page a reminder's link leads to, "not now" and "stop these reminders", when
    the link's token was made for this learner (no query: the token is signed)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    token = request.GET.get(TOKEN_PARAMETER, "") if user is not None else ""
    if not token or not user.is_authenticated or read_token(token, user) is None:
        return NO_REMINDER_CHOICES
    return render_to_string(REMINDER_CHOICES, {"token": token})


# A learner's state of a module, on every card that shows one (catalogue, My learning, the
# module's page), and the catalogue's cards: written in Python (``courses.cards``).


@register.simple_tag
def state_badge(state):
    """``<span class="badge …">`` naming where the learner is in the module."""
    return cards.state_badge(state)


@register.simple_tag
def progress_bar(state):
    """The share of the module's required lessons done, as a bar and in words."""
    return cards.progress_bar(state)


@register.simple_tag(takes_context=True)
def module_card(context, state):
    """A module's ``<li>`` in the catalogue."""
    return cards.module_card(state, context.get("request"))

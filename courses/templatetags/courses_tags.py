"""Template helpers for lessons: a learner's note for a prompt, a quiz with its feedback."""

from django import template

register = template.Library()


@register.simple_tag
def note_for(notes, block_id):
    return notes.get(block_id)


@register.simple_tag
def certificate_for(certificates, course_key):
    return certificates.get(course_key)


@register.simple_tag
def quiz_questions(value, attempt=None):
    """Questions for display; correctness and explanations only once an attempt exists."""
    questions = []
    for question in value["questions"].bound_blocks:
        chosen = set(attempt.answers.get(question.id, [])) if attempt else set()
        options = []
        for option in question.value["options"].bound_blocks:
            row = {"id": option.id, "text": option.value["text"], "chosen": option.id in chosen}
            if attempt is not None:
                row["is_correct"] = option.value["is_correct"]
                row["explanation"] = option.value["explanation"]
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

"""Lesson blocks: the site's shared blocks (``home.blocks``) plus reflection and quiz.

Quiz answers are keyed by block ids, which wagtail-localize keeps in translations, so an
attempt in French and one in English are about the same questions.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

# VideoBlock, TestimonyBlock and KeyPointsBlock are shared blocks now; their old path here
# stays for the migrations that name it.
from home.blocks import (
    BaseStreamBlock,
    HeadingBlock,
    ImageBlock,
    KeyPointsBlock,
    TestimonyBlock,
    VideoBlock,
)

SINGLE, MULTIPLE, TRUE_FALSE = "single", "multiple", "true_false"


class ReflectionBlock(blocks.StructBlock):
    """A question the learner answers in a private note, only they can read it."""

    prompt = blocks.TextBlock(label=_("Question to reflect on"))

    class Meta:
        icon = "edit"
        label = _("Reflection prompt")
        template = "courses/blocks/reflection_block.html"
        description = _("The learner writes a private note")


class AnswerOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"))
    is_correct = blocks.BooleanBlock(required=False, label=_("Correct answer"))
    # Shown only after an attempt: search must not give it away before.
    explanation = blocks.TextBlock(
        required=False,
        label=_("Explanation"),
        help_text=_(
            "Shown after an attempt to whoever chose this answer; every explanation is "
            "shown once the quiz is passed, or when the learner asks to see the answers."
        ),
        search_index=False,
    )

    class Meta:
        icon = "radio-full"
        label = _("Answer")


class QuestionBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[
            (SINGLE, _("Single choice")),
            (MULTIPLE, _("Multiple choice")),
            (TRUE_FALSE, _("True or false")),
        ],
        default=SINGLE,
        label=_("Kind of question"),
        search_index=False,
    )
    question = blocks.TextBlock(
        label=_("Question"),
        help_text=_(
            "The site adds “(several answers possible)” to a multiple-choice question: "
            "no need to write it."
        ),
    )
    options = blocks.ListBlock(AnswerOptionBlock(), min_num=2, label=_("Answers"))

    class Meta:
        icon = "help"
        label = _("Question")

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for option in value["options"] if option["is_correct"])
        if value["kind"] == TRUE_FALSE and len(value["options"]) != 2:
            raise StructBlockValidationError(
                block_errors={
                    "options": ValidationError(_("A true-or-false question has two answers."))
                }
            )
        if value["kind"] == MULTIPLE and correct < 1:
            raise StructBlockValidationError(
                block_errors={"options": ValidationError(_("Mark at least one correct answer."))}
            )
        if value["kind"] in (SINGLE, TRUE_FALSE) and correct != 1:
            raise StructBlockValidationError(
                block_errors={"options": ValidationError(_("Mark exactly one correct answer."))}
            )
        return value


class QuizBlock(blocks.StructBlock):
    """A gentle knowledge check: explanations after each attempt, retries without penalty."""

    title = blocks.CharBlock(required=False, label=_("Title"))
    introduction = blocks.TextBlock(required=False, label=_("Introduction"))
    questions = blocks.ListBlock(QuestionBlock(), min_num=1, label=_("Questions"))

    class Meta:
        icon = "tasks"
        label = _("Quiz")
        template = "courses/blocks/quiz_block.html"
        description = _("Questions with an explanation for each answer")


class LessonStreamBlock(BaseStreamBlock):
    """The site's blocks, plus what lessons need: video, testimony, key points, reflection
    and quiz."""

    video = VideoBlock()
    testimony = TestimonyBlock()
    key_points = KeyPointsBlock()
    reflection = ReflectionBlock()
    quiz = QuizBlock()


class EasyReadStreamBlock(blocks.StreamBlock):
    """The easy-read (FALC) version: short sentences, no quiz of its own."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=["bold", "ul", "link"], label=_("Paragraph"))
    image = ImageBlock()
    key_points = KeyPointsBlock()

"""Lesson blocks: the site's basic blocks plus testimony, key points, reflection and quiz.

Quiz answers are keyed by block ids, which wagtail-localize keeps in translations, so an
attempt in French and one in English are about the same questions.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock

from home.blocks import BaseStreamBlock, HeadingBlock, ImageBlock

SINGLE, MULTIPLE, TRUE_FALSE = "single", "multiple", "true_false"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video address"), help_text=_("A YouTube, Vimeo or PeerTube link."))
    transcript = blocks.RichTextBlock(
        required=False,
        features=["bold", "italic", "ul"],
        label=_("Transcript"),
        help_text=_("A written version for people who cannot or do not want to watch."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "courses/blocks/video_block.html"
        description = _("An embedded video with its transcript")


class TestimonyBlock(blocks.StructBlock):
    """A lived-experience quote, attributed by role, never by name."""

    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(
        required=False,
        label=_("Who says it"),
        help_text=_("A role, never a name: for example “a peer supporter in a GEM”."),
    )

    class Meta:
        icon = "openquote"
        label = _("Testimony")
        template = "courses/blocks/testimony_block.html"
        description = _("A lived-experience quote")
        preview_value = {
            "quote": "I was listened to without being judged; that is what I try to give back.",
            "attribution": "A peer supporter",
        }


class KeyPointsBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, label=_("Title"))
    points = blocks.ListBlock(blocks.CharBlock(label=_("Point")), label=_("Points"))

    class Meta:
        icon = "list-ul"
        label = _("Key points")
        template = "courses/blocks/key_points_block.html"
        description = _("What to remember, in a few short sentences")


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
        help_text=_("Shown after the attempt, whether this answer was chosen or not."),
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
    question = blocks.TextBlock(label=_("Question"))
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

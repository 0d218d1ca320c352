"""StreamField blocks shared by the site's pages (lessons reuse them too)."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from .filer_chooser import FilerFileChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"
        form_classname = "title"
        description = _("A section title (second level)")
        preview_value = _("What this part is about")


class CalloutBlock(blocks.StructBlock):
    """A framed message: information, a tip, or a content note before something difficult."""

    kind = blocks.ChoiceBlock(
        choices=[
            ("information", _("Information")),
            ("tip", _("Tip")),
            ("content_note", _("Content note")),
        ],
        default="information",
        label=_("Kind"),
    )
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul"], label=_("Text"))

    class Meta:
        icon = "help"
        label = _("Callout")
        template = "blocks/callout_block.html"
        description = _("A framed message: information, tip or content note")
        preview_value = {"kind": "tip", "text": "<p>Take a break whenever you need to.</p>"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        required=False,
        label=_("Alternative text"),
        help_text=_("Describe the image for people who cannot see it. Leave empty if decorative."),
    )
    caption = blocks.CharBlock(required=False, label=_("Caption"))

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"
        description = _("An illustration with its alternative text")


class FileLinkBlock(blocks.StructBlock):
    """A link to a file of the file library; access is checked when it is downloaded."""

    file = FilerFileChooserBlock(label=_("File"))
    title = blocks.CharBlock(
        required=False,
        label=_("Link text"),
        help_text=_("Shown instead of the file name when given."),
    )

    class Meta:
        icon = "doc-full"
        label = _("File from the library")
        template = "blocks/file_link_block.html"
        description = _("A download link to a document of the file library")


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
        template = "blocks/video_block.html"
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
        template = "blocks/testimony_block.html"
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
        template = "blocks/key_points_block.html"
        description = _("What to remember, in a few short sentences")


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Paragraph"))
    callout = CalloutBlock()
    image = ImageBlock()
    file = FileLinkBlock()

"""The framework as translatable snippets (wagtail-localize): a domain holds competences,
a competence holds its levels, each with a plain descriptor and an easy-read one.

What members record about a competence is keyed on its ``translation_key``, so that a
level confirmed in French counts in English too.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Locale, Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel


def in_default_locale():
    """Modules name competences in the site's default language (``limit_choices_to``)."""
    return {"locale": Locale.get_default()}


class Domain(TranslatableMixin, models.Model):
    """A family of competences, for example "Listening and being with"."""

    name = models.CharField(max_length=120, verbose_name=_("name"))
    description = models.TextField(blank=True, verbose_name=_("description"))
    sort_order = models.PositiveSmallIntegerField(default=0, verbose_name=_("order"))

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("sort_order")]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("competence domain")
        verbose_name_plural = _("competence domains")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.name


class Competence(TranslatableMixin, ClusterableModel):
    """What a peer supporter knows how to do, in plain words, with its levels."""

    domain = models.ForeignKey(
        Domain, on_delete=models.PROTECT, related_name="competences", verbose_name=_("domain")
    )
    name = models.CharField(max_length=160, verbose_name=_("name"))
    description = models.TextField(verbose_name=_("what it means"))
    easy_read = models.TextField(
        blank=True,
        verbose_name=_("easy-read version"),
        help_text=_("Short sentences, one idea each (FALC)."),
    )
    sort_order = models.PositiveSmallIntegerField(default=0, verbose_name=_("order"))

    panels = [
        FieldPanel("domain"),
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("easy_read"),
        FieldPanel("sort_order"),
        InlinePanel("levels", heading=_("Levels"), label=_("level"), min_num=1),
    ]
    translatable_fields = [
        SynchronizedField("domain"),
        TranslatableField("name"),
        TranslatableField("description"),
        TranslatableField("easy_read"),
        SynchronizedField("sort_order"),
        TranslatableField("levels"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("competence")
        verbose_name_plural = _("competences")
        ordering = ["domain__sort_order", "sort_order", "pk"]

    def __str__(self):
        return self.name


class Level(TranslatableMixin, Orderable):
    """One step of a competence: its rank (1 is the first) and what it looks like."""

    competence = ParentalKey(Competence, on_delete=models.CASCADE, related_name="levels")
    rank = models.PositiveSmallIntegerField(verbose_name=_("rank"), help_text=_("1, 2, 3…"))
    name = models.CharField(max_length=80, verbose_name=_("name"))
    descriptor = models.TextField(verbose_name=_("what it looks like"))
    easy_read = models.TextField(blank=True, verbose_name=_("easy-read version"))

    panels = [
        FieldPanel("rank"),
        FieldPanel("name"),
        FieldPanel("descriptor"),
        FieldPanel("easy_read"),
    ]
    translatable_fields = [
        SynchronizedField("rank"),
        TranslatableField("name"),
        TranslatableField("descriptor"),
        TranslatableField("easy_read"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("level")
        verbose_name_plural = _("levels")
        unique_together = [("translation_key", "locale")]

    def __str__(self):
        return self.name

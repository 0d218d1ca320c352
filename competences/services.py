"""The framework in the reader's language: what other apps ask of competences."""

from wagtail.models import Locale

from .models import Competence, Domain


def current_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:  # pragma: no cover - a site without locales
        return Locale.get_default()


def framework(locale=None):
    """[(domain, [competence, …])] in the reader's language, levels prefetched (3 queries).

    A domain or competence not yet translated is shown in the default language."""
    locale = locale or current_locale()
    domains = _in_locale(Domain.objects.all(), locale)
    competences = _in_locale(
        Competence.objects.select_related("domain").prefetch_related("levels"), locale
    )
    by_domain = {}
    for competence in competences:
        by_domain.setdefault(competence.domain.translation_key, []).append(competence)
    return [(domain, by_domain.get(domain.translation_key, [])) for domain in domains]


def competences(locale=None):
    return [competence for _domain, items in framework(locale) for competence in items]


def by_key(locale=None):
    """{translation_key: competence} in the reader's language."""
    return {competence.translation_key: competence for competence in competences(locale)}


def _in_locale(queryset, locale):
    """Objects in the locale, or in the default locale where no translation exists."""
    default_id = Locale.get_default().pk

    def rank(row):
        return 0 if row.locale_id == locale.pk else 1 if row.locale_id == default_id else 2

    chosen = {}
    for row in queryset:
        current = chosen.get(row.translation_key)
        if current is None or rank(row) < rank(current):
            chosen[row.translation_key] = row
    return sorted(chosen.values(), key=_order)


def _order(row):
    domain = row.domain if isinstance(row, Competence) else row
    return (domain.sort_order, row.sort_order, row.pk)

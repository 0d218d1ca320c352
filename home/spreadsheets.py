"""Cells of CSV and XLSX exports that a spreadsheet cannot take for a formula.

A member's name or a page title such as ``=HYPERLINK("https://evil.example", "Open")``
would run as a formula in the spreadsheet of whoever opens an export (CSV/formula
injection). OWASP's advice: prefix any text that starts with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return with a single quote. Every export goes through ``safe_cell``:
ours (``courses.cohorts``) directly, Wagtail's report and listing exports through
``neutralise_wagtail_exports``.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The value as a spreadsheet must show it: text never starts a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_rows(rows):
    return [[safe_cell(value) for value in row] for row in rows]


def neutralise_wagtail_exports():
    """Wagtail's own exports (reports, listings with ``list_export``) write every value
    through ``SpreadsheetExportMixin.preprocess_field_value``, and headings through
    ``get_heading``: both are made to return safe cells. Called once, at start-up."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin, "_cells_neutralised", False):
        return
    preprocess = SpreadsheetExportMixin.preprocess_field_value
    heading = SpreadsheetExportMixin.get_heading

    def preprocess_field_value(self, field, value, export_format):
        return safe_cell(preprocess(self, field, value, export_format))

    def get_heading(self, queryset, field):
        return safe_cell(heading(self, queryset, field))

    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
    SpreadsheetExportMixin.get_heading = get_heading
    SpreadsheetExportMixin._cells_neutralised = True

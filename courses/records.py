"""What else the record of training counts, told by the apps above courses (a registry,
docs/architecture.md): each registers a section, a title and the member's rows.

gatherings registers the live sessions a member attended, with their hours.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class RecordSection:
    key: str
    title: object  # a lazy string: written in the reader's language
    rows: object  # rows(user) -> [(title, date, minutes)]


_sections = {}


def register_record_section(key, *, title, rows):
    if key in _sections:
        raise ValueError(f"The record section {key!r} is registered twice.")
    _sections[key] = RecordSection(key, title, rows)


def extra_sections(user):
    """[(title, rows)] of every registered section that has rows for the member."""
    return [(title, rows) for _key, title, rows in keyed_sections(user)]


def keyed_sections(user):
    """[(key, title, rows)] of every registered section that has rows for the member."""
    found = []
    for section in _sections.values():
        rows = section.rows(user)
        if rows:
            found.append((section.key, section.title, rows))
    return found

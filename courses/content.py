"""Build modules from plain data: stream values with stable block ids, and translations.

Block ids are derived from positions and shared by both languages, as wagtail-localize
keeps them in translations: quiz answers given in French and in English are about the
same options.
"""

import uuid

from .models import CoursePrerequisite

NAMESPACE = uuid.UUID("6f1d3c1e-6a43-4c1b-9a39-2f8c4f0c5e10")


def block_id(*parts):
    return str(uuid.uuid5(NAMESPACE, "/".join(str(part) for part in parts)))


def list_items(values, prefix, convert=lambda value, _prefix: value):
    return [
        {
            "type": "item",
            "value": convert(value, f"{prefix}/{index}"),
            "id": block_id(prefix, index),
        }
        for index, value in enumerate(values)
    ]


def raw_value(block_type, value, prefix):
    if block_type == "key_points":
        return {**value, "points": list_items(value["points"], prefix)}
    if block_type == "quiz":

        def question(value, question_prefix):
            return {**value, "options": list_items(value["options"], question_prefix)}

        return {**value, "questions": list_items(value["questions"], prefix, question)}
    return value


def raw_stream(blocks, prefix):
    return [
        {
            "type": block_type,
            "value": raw_value(block_type, value, f"{prefix}/{index}"),
            "id": block_id(prefix, index),
        }
        for index, (block_type, value) in enumerate(blocks)
    ]


def publish_translation(page, locale, fields, prerequisites=()):
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    if prerequisites:
        translation.prerequisite_links = [
            CoursePrerequisite(prerequisite=p.get_translation_or_none(locale) or p)
            for p in prerequisites
        ]
    translation.save_revision().publish()
    return translation

"""The anonymisation guard moved to ``home.anonymisation`` (contributions use it too); this
name stays so that older imports keep working."""

from home.anonymisation import KINDS, Finding, check_fields, find_identifying

__all__ = ["KINDS", "Finding", "check_fields", "find_identifying"]

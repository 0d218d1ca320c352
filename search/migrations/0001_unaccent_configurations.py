"""Accent-insensitive search on PostgreSQL: the unaccent extension and two text search
configurations, French and English, that drop accents before stemming. Nothing on other
databases (SQLite folds nothing, and its search is not stemmed).

The database user needs the right to create the extension (a trusted extension since
PostgreSQL 13: the database's owner may), or an administrator creates it once
(docs/deployment.md). After this migration the pages are indexed anew: ``update_index``.
"""

from django.db import migrations

# name: (configuration copied, its stemming dictionary)
CONFIGURATIONS = {
    "french_unaccent": ("french", "french_stem"),
    "english_unaccent": ("english", "english_stem"),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for name, (base, stem) in CONFIGURATIONS.items():
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
        schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {base})")
        # Words with letters beyond ASCII lose their accents, then are stemmed as before.
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name} "
            f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {stem}"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in CONFIGURATIONS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create, drop, elidable=False)]

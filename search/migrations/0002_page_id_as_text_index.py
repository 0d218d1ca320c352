"""On PostgreSQL, the search index names pages by their id as text, and its query joins
pages on ``id::varchar(50)::text``: without an index on that expression, PostgreSQL may
read the whole page table once per matching entry (69 ms at 5,000 practice groups, for a
hundred results). Nothing on other databases."""

from django.db import migrations

INDEX = "search_page_id_as_text"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} "
            "ON wagtailcore_page (((id)::character varying(50)::text))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_unaccent_configurations"), ("wagtailcore", "0001_initial")]

    operations = [migrations.RunPython(create, drop, elidable=False)]

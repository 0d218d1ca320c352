"""The database itself refuses to change an audit event (deleting stays possible: retention).

SQLite rebuilds a table when one of its columns changes: a later migration altering
AuditEvent must create the trigger again (a test checks that it is there).
"""

from django.db import migrations

MESSAGE = "the audit log is append-only"

SQL = {
    "sqlite": (
        [
            "CREATE TRIGGER IF NOT EXISTS privacy_auditevent_no_update "
            "BEFORE UPDATE ON privacy_auditevent "
            f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;"
        ],
        ["DROP TRIGGER IF EXISTS privacy_auditevent_no_update;"],
    ),
    "postgresql": (
        [
            "CREATE OR REPLACE FUNCTION privacy_auditevent_append_only() RETURNS trigger AS $$ "
            f"BEGIN RAISE EXCEPTION '{MESSAGE}'; END; $$ LANGUAGE plpgsql;",
            "DROP TRIGGER IF EXISTS privacy_auditevent_no_update ON privacy_auditevent;",
            "CREATE TRIGGER privacy_auditevent_no_update BEFORE UPDATE ON privacy_auditevent "
            "FOR EACH ROW EXECUTE FUNCTION privacy_auditevent_append_only();",
        ],
        [
            "DROP TRIGGER IF EXISTS privacy_auditevent_no_update ON privacy_auditevent;",
            "DROP FUNCTION IF EXISTS privacy_auditevent_append_only();",
        ],
    ),
}


def run(statements_index):
    def operation(apps, schema_editor):
        statements = SQL.get(schema_editor.connection.vendor, ([], []))[statements_index]
        for statement in statements:
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("privacy", "0001_initial")]

    operations = [migrations.RunPython(run(0), run(1))]

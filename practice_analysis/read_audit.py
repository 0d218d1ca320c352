"""Every read of a group record goes to the audit log: who read which record, when, from where.

A record is read in two ways: rendered by its template (the front end, a preview, a
revision, a task's preview: ``GroupRecordPage.serve``), or shown in the editing space's
form or comparison (the editor, a revert, the comparison of two revisions: the record's
panels, ``RecordPanels``). Both call ``record_read``. Every read is logged, the scribe's
too: a record is the group's, not one author's, and its members may ask who read it.
"""

from privacy import audit
from privacy.models import AuditEvent

READ_METHODS = ("GET",)  # a HEAD answer has no body: nothing is read


def record_read(request, page):
    """Log that the request's member is shown this record (once per request)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or request.method not in READ_METHODS:
        return None
    if page.pk is None:  # a preview of a record being written: nothing stored is shown
        return None
    already = getattr(request, "_group_records_read", None)
    if already is None:
        already = request._group_records_read = set()
    if page.pk in already:
        return None
    already.add(page.pk)
    return audit.record(AuditEvent.READ, request=request, obj=page, subject=page.owner_id)

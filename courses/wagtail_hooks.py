"""Training in the Wagtail admin: certificates, which trainers and coordinators may revoke."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.viewsets.model import ModelViewSet

from .forms import CertificateRevocationForm
from .models import Certificate


class CertificateViewSet(ModelViewSet):
    model = Certificate
    icon = "doc-full-inverse"
    menu_label = _("Certificates")
    menu_order = 300
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "code",
        "learner_name",
        "course_title",
        DateColumn("issued_at", label=_("issued on")),
        DateColumn("revoked_at", label=_("revoked on")),
    ]
    search_fields = ["code", "learner_name", "course_title"]
    list_filter = ["issued_at"]
    inspect_view_fields = [
        "code",
        "learner_name",
        "course_title",
        "duration_minutes",
        "issued_at",
        "revoked_at",
        "revoked_by",
        "revocation_reason",
    ]
    edit_handler = ObjectList(
        [FieldPanel("revoked"), FieldPanel("revocation_reason")],
        base_form_class=CertificateRevocationForm,
    )


@hooks.register("register_admin_viewset")
def register_certificates():
    return CertificateViewSet("certificates")

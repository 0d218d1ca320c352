"""Server-side length limits on free text: generous, finite, and said kindly.

Browsers are told the limit too (``maxlength``), but only the server's check counts: a
script, an old browser or a crafted request sends whatever it likes.
"""

from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

# Per field, in characters. A reflective section of 20,000 characters is about eight pages.
ENTRY_SECTION = 20000
ENTRY_QUESTION = 5000
REVIEW_OVERALL = 10000
REVIEW_COMMENT = 5000
NOTE = 10000
SHORT_TEXT = 2000
CONTRIBUTION_BODY = 100000


class TextTooLong(MaxLengthValidator):
    """Counts a line break as one character, as the browser's ``maxlength`` does (forms
    send them as two), and asks to shorten the text without blaming anyone."""

    message = _(
        "This text is a little too long: %(limit_value)s characters at most "
        "(it has %(show_value)s). Please shorten it; what you wrote is still here."
    )

    def clean(self, x):
        return len(x.replace("\r\n", "\n"))


def limit_length(field, limit):
    """Give a form field ``limit`` characters at most, checked on the server."""
    field.max_length = limit
    # Replaces the model's own limit, if any, so that one message is shown, not two.
    field.validators = [v for v in field.validators if not isinstance(v, MaxLengthValidator)] + [
        TextTooLong(limit)
    ]
    field.widget.attrs["maxlength"] = str(limit)
    return field

"""Server-side length limits on free text: generous, finite, and said kindly.

Browsers are told the limit too (``maxlength``), but only the server's check counts: a
script, an old browser or a crafted request sends whatever it likes.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

# Per field, in characters. A reflective section of 20,000 characters is about eight pages.
ENTRY_SECTION = 20000
ENTRY_QUESTION = 5000
REVIEW_OVERALL = 10000
REVIEW_COMMENT = 5000
NOTE = 10000
SHORT_TEXT = 2000
CONTRIBUTION_BODY = 100000
# A group record: each free text (formatting included), and each part made of blocks.
RECORD_TEXT = 20000
RECORD_BLOCKS = 50000


def length(text):
    """A text's length as the browser counts it: a line break is one character (forms send
    it as two)."""
    return len(text.replace("\r\n", "\n"))


def shown(number):
    """A number as the member reads it: « 20 000 » in French, "20,000" in English."""
    return number_format(number, force_grouping=True)


class TextTooLong(MaxLengthValidator):
    """Counts as the browser's ``maxlength`` does (``length``), shows numbers as the member
    reads them, and asks to shorten the text without blaming anyone."""

    message = _(
        "This text is a little too long: %(limit_value)s characters at most "
        "(it has %(show_value)s). Please shorten it; what you wrote is still here."
    )

    def clean(self, x):
        return length(x)

    def __call__(self, value):
        count = self.clean(value)
        if count > self.limit_value:
            raise ValidationError(
                self.message,
                code=self.code,
                params={
                    "limit_value": shown(self.limit_value),
                    "show_value": shown(count),
                    "value": value,
                },
            )


def limit_length(field, limit):
    """Give a form field ``limit`` characters at most, checked on the server."""
    field.max_length = limit
    # Replaces the model's own limit, if any, so that one message is shown, not two.
    field.validators = [v for v in field.validators if not isinstance(v, MaxLengthValidator)] + [
        TextTooLong(limit)
    ]
    field.widget.attrs["maxlength"] = str(limit)
    return field

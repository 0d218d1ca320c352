"""Every string the code translates reaches the catalogues: ``makemessages`` (xgettext)
does not look inside f-strings, so ``f"{_('Your answer:')}"`` stays English in French
without any check noticing (scripts/check_catalogues.py checks the entries there are)."""

import ast
from pathlib import Path

from tests.test_architecture import APPS, ROOT

GETTEXT = {
    "_",
    "gettext",
    "gettext_lazy",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "pgettext_lazy",
    "npgettext",
    "npgettext_lazy",
}


def translated_inside_f_strings(source):
    """(line, function) of each gettext call written inside an f-string."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.JoinedStr):
            for inner in ast.walk(node):
                if (
                    isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Name)
                    and inner.func.id in GETTEXT
                    and any(
                        isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                        for arg in inner.args
                    )
                ):
                    found.append((inner.lineno, inner.func.id))
    return found


def test_the_check_sees_a_call_inside_an_f_string():
    assert translated_inside_f_strings("x = f\"<b>{_('Your answer:')}</b>\"") == [(1, "_")]
    assert translated_inside_f_strings('y = _("Your answer:")\nx = f"<b>{y}</b>"') == []
    # A variable's text is marked for translation where it is written.
    assert translated_inside_f_strings('x = f"<b>{_(label)}</b>"') == []


def test_no_string_is_translated_inside_an_f_string():
    found = {
        f"{path.relative_to(ROOT)}:{line}": name
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts
        for line, name in translated_inside_f_strings(Path(path).read_text())
    }
    assert not found, f"translate outside the f-string, where makemessages finds it: {found}"

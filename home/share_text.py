"""The text of a contribution written on the site: plain text with a few conventions, turned
into Wagtail rich text, and back for editing.

Nothing a member types becomes markup: every character is escaped, and the only tags are
those this module writes (paragraphs, line breaks, lists, bold, italic, links to ``http``,
``https`` or ``mailto`` addresses). The conventions, told beside the form:

* an empty line starts a new paragraph;
* a line starting with "- " or "* " is an item of a list, "1. " of a numbered list;
* ``**bold**``, ``_italic_``;
* a web address becomes a link, and ``[words](https://…)`` a link on those words.
"""

import re
from html import escape
from html.parser import HTMLParser

_BULLET_RE = re.compile(r"^\s*[-*•]\s+(.*)$")
_NUMBERED_RE = re.compile(r"^\s*\d{1,3}[.)]\s+(.*)$")
_URL = r"(?:https?://|mailto:)[^\s<>\"'\]\[()]+"
_LINK_RE = re.compile(rf"\[([^\]\n]{{1,300}})\]\(({_URL})\)|({_URL})")
_BOLD_RE = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC_RE = re.compile(r"(?<![\w*])_(?=\S)(.+?)(?<=\S)_(?![\w*])")
_TRAILING_PUNCTUATION = ".,;:!?"


def text_to_html(text):
    """The member's text as Wagtail rich text (database format), escaped throughout."""
    lines = (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    html, group, kind = [], [], None
    for line in [*lines, ""]:
        bullet, numbered = _BULLET_RE.match(line), _NUMBERED_RE.match(line)
        line_kind = "ul" if bullet else "ol" if numbered else "p" if line.strip() else None
        if line_kind != kind or line_kind is None:
            html.append(_group_html(kind, group))
            group, kind = [], line_kind
        if line_kind is not None:
            group.append((bullet or numbered).group(1) if line_kind != "p" else line.strip())
    return "".join(html)


def _group_html(kind, lines):
    if not lines:
        return ""
    if kind == "p":
        return "<p>" + "<br/>".join(_inline(line) for line in lines) + "</p>"
    return f"<{kind}>" + "".join(f"<li>{_inline(line)}</li>" for line in lines) + f"</{kind}>"


def _inline(text):
    """One line: links found on the raw text, emphasis on the escaped pieces between them."""
    pieces, position = [], 0
    for match in _LINK_RE.finditer(text):
        words, address, bare = match.groups()
        end = match.end()
        if bare:
            # "see https://example.org." — the full stop ends the sentence, not the address.
            stripped = bare.rstrip(_TRAILING_PUNCTUATION)
            end -= len(bare) - len(stripped)
            address, words = stripped, stripped
        pieces.append(_emphasis(escape(text[position : match.start()], quote=False)))
        pieces.append(f'<a href="{escape(address)}">{escape(words, quote=False)}</a>')
        position = end
    pieces.append(_emphasis(escape(text[position:], quote=False)))
    return "".join(pieces)


def _emphasis(escaped):
    escaped = _BOLD_RE.sub(r"<b>\1</b>", escaped)
    return _ITALIC_RE.sub(r"<i>\1</i>", escaped)


# Back to the member's conventions -----------------------------------------------------------


class NotPlainText(ValueError):
    """The rich text holds what the site's form cannot show (a heading, an internal link…)."""


_SAFE_ADDRESS_RE = re.compile(r"^(?:https?://|mailto:)", re.IGNORECASE)


class _TextWriter(HTMLParser):
    """Reads only the tags ``text_to_html`` writes (and their usual synonyms)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.current, self.lists, self.link = [], [], [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "p":
            self._end_block()
        elif tag == "br":
            self.current.append("\n")
        elif tag in ("ul", "ol"):
            self._end_block()
            self.lists.append([tag, 0])
        elif tag == "li" and self.lists:
            self._end_block()
            self.lists[-1][1] += 1
            kind, number = self.lists[-1]
            self.current.append("- " if kind == "ul" else f"{number}. ")
        elif tag in ("b", "strong"):
            self.current.append("**")
        elif tag in ("i", "em"):
            self.current.append("_")
        elif (
            tag == "a" and "linktype" not in attrs and _SAFE_ADDRESS_RE.match(attrs.get("href", ""))
        ):
            self.link = (attrs["href"], len(self.current))
        else:
            raise NotPlainText(tag)

    def handle_endtag(self, tag):
        if tag in ("b", "strong"):
            self.current.append("**")
        elif tag in ("i", "em"):
            self.current.append("_")
        elif tag == "a" and self.link:
            href, start = self.link
            words = "".join(self.current[start:])
            del self.current[start:]
            self.current.append(href if words == href else f"[{words}]({href})")
            self.link = None
        elif tag in ("ul", "ol") and self.lists:
            self._end_block()
            self.lists.pop()
            self.blocks.append("")
        elif tag in ("p", "li"):
            self._end_block()
            if tag == "p":
                self.blocks.append("")

    def handle_data(self, data):
        self.current.append(data)

    def _end_block(self):
        line = "".join(self.current).strip()
        if line:
            self.blocks.append(line)
        self.current = []

    def text(self):
        self._end_block()
        return re.sub(r"\n{3,}", "\n\n", "\n".join(self.blocks)).strip()


def html_to_text(html):
    """The member's conventions for a rich text; ``NotPlainText`` if it holds more."""
    writer = _TextWriter()
    writer.feed(html or "")
    writer.close()
    return writer.text()


def body_to_text(body):
    """The text of a contribution's body made only of paragraphs; ``NotPlainText`` otherwise
    (a trainer added an image, a video or a quote in the editing space)."""
    parts = []
    for block in body:
        if block.block_type != "paragraph":
            raise NotPlainText(block.block_type)
        parts.append(html_to_text(block.value.source))
    return "\n\n".join(part for part in parts if part)

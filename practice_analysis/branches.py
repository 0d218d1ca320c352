"""A branch of the page tree as a range of paths, which the path's unique index answers."""

from django.db.models import Q

from wagtail.models import Page

PATH_LENGTH = Page._meta.get_field("path").max_length


def branch_q(path, prefix="", itself=True):
    """The pages under ``path`` (and the page itself unless ``itself`` is false) as a range
    of paths, which the path's unique index answers: ``path__startswith`` is a LIKE (or a
    SUBSTR) that SQLite answers by reading every page of the network. Both bounds are made
    of treebeard's alphabet (``Page._get_children_path_interval``'s idea, to any depth), so
    that PostgreSQL orders them as SQLite does whatever the column's collation."""
    first, last = Page.alphabet[0], Page.alphabet[-1]
    low = path if itself else path + first * Page.steplen
    return Q(**{f"{prefix}path__range": (low, path + last * (PATH_LENGTH - len(path)))})

"""Factories for tests: members with roles, pages under the bootstrapped tree, library files."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils.text import slugify

import factory
from filer.models import File, Folder

from .models import ContributionPage, StandardPage
from .roles import FOLDERS

PASSWORD = "a-long-test-password-42"
PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


class UserFactory(factory.django.DjangoModelFactory):
    """A member who can log in with ``PASSWORD``; ``roles=["peer"]`` puts them in those groups."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"member{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@entrepairs.example")
    first_name = factory.Sequence(lambda n: f"Camille{n}")
    last_name = "Durand"
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if not create or not extracted:
            return
        names = [extracted] if isinstance(extracted, str) else list(extracted)
        groups = list(Group.objects.filter(name__in=names))
        missing = set(names) - {group.name for group in groups}
        if missing:
            raise ValueError(f"No group named {sorted(missing)}: has bootstrap run?")
        self.groups.add(*groups)


class StandardPageFactory(factory.django.DjangoModelFactory):
    """A standard page added under ``parent`` (required), published unless ``publish=False``."""

    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Page d'essai {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    intro = "<p>Une page créée pour un test.</p>"

    @classmethod
    def _create(cls, model_class, *args, parent, publish=True, **kwargs):
        page = parent.add_child(instance=model_class(*args, **kwargs))
        if publish:
            page.save_revision().publish()
            page.refresh_from_db()
        return page


class ContributionPageFactory(factory.django.DjangoModelFactory):
    """A contribution under ``parent`` (the contributions section) by ``owner``; published
    unless ``publish=False``."""

    class Meta:
        model = ContributionPage

    title = factory.Sequence(lambda n: f"Témoignage {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    kind = ContributionPage.TESTIMONY
    body = factory.LazyFunction(
        lambda: [("paragraph", "<p>Ce qui m'a aidé : être écouté·e sans être jugé·e.</p>")]
    )

    @classmethod
    def _create(cls, model_class, *args, parent, publish=True, tags=(), **kwargs):
        page = parent.add_child(instance=model_class(*args, live=publish, **kwargs))
        if tags:
            page.tags.add(*tags)
            page.save()
        revision = page.save_revision(user=page.owner)
        if publish:
            revision.publish()
            page.refresh_from_db()
        return page


class FileFactory(factory.django.DjangoModelFactory):
    """A private file of the library, by default a small PDF in the "Formation" folder."""

    class Meta:
        model = File

    original_filename = "guide.pdf"
    file = factory.LazyAttribute(lambda f: ContentFile(PDF_BYTES, name=f.original_filename))
    folder = factory.LazyFunction(lambda: Folder.objects.get(name=FOLDERS["training"], parent=None))
    is_public = False

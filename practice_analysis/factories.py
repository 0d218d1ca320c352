"""Factories for practice-analysis tests: groups with members and supervisors, entries."""

import factory

from home.factories import UserFactory

from .models import PracticeGroup, ReflectiveEntry


class PracticeGroupFactory(factory.django.DjangoModelFactory):
    """A group; ``members=[...]`` and ``supervisors=[...]`` add people after creation."""

    class Meta:
        model = PracticeGroup
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Groupe d'analyse {n}")
    kind = PracticeGroup.APP

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        if create and extracted:
            self.members.add(*extracted)

    @factory.post_generation
    def supervisors(self, create, extracted, **kwargs):
        if create and extracted:
            self.supervisors.add(*extracted)


class ReflectiveEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReflectiveEntry

    author = factory.SubFactory(UserFactory, roles=["peer"])
    group = factory.SubFactory(PracticeGroupFactory)
    title = "Un appel qui m'a inquiété"
    description = "Un adhérent m'a appelé un soir de mars, très angoissé."
    feelings = "J'ai eu peur de mal faire."


def bulk_practice_groups(count, batch=500):
    """``count`` practice groups, each with what the admin gives it (its access group, its
    page under the French practice space, the page's view restriction), written in bulk:
    thousands of groups in seconds, for tests and measures at the scale of a national
    network. No signal runs: call it before the requests it is meant to weigh on."""
    import uuid

    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import F

    from wagtail.models import Locale, Page, PageViewRestriction

    from .models import PracticeAnalysisIndexPage, PracticeGroupPage

    index = PracticeAnalysisIndexPage.objects.get(locale=Locale.get_default())
    last = index.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    stamp = uuid.uuid4().hex[:8]
    access = Group.objects.bulk_create(
        [Group(name=f"practice-group-bulk-{stamp}-{n}") for n in range(count)], batch_size=batch
    )
    groups = PracticeGroup.objects.bulk_create(
        [
            PracticeGroup(name=f"Groupe {stamp} {n}", kind=PracticeGroup.APP, access_group=group)
            for n, group in enumerate(access)
        ],
        batch_size=batch,
    )
    content_type = ContentType.objects.get_for_model(PracticeGroupPage)
    pages = []
    for n, group in enumerate(groups):
        slug = f"groupe-{stamp}-{n}"
        pages.append(
            Page(
                title=group.name,
                draft_title=group.name,
                slug=slug,
                content_type=content_type,
                locale_id=index.locale_id,
                path=Page._get_path(index.path, index.depth + 1, step + n + 1),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                live=True,
            )
        )
    pages = Page.objects.bulk_create(pages, batch_size=batch)
    # A page type's own row cannot be bulk-created below its Page row: inserted directly.
    fields = PracticeGroupPage._meta.local_concrete_fields
    rows = [
        PracticeGroupPage(page_ptr_id=p.pk, group=g) for p, g in zip(pages, groups, strict=True)
    ]
    for start in range(0, len(rows), batch):
        PracticeGroupPage.objects._insert(rows[start : start + batch], fields=fields)
    Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + count)
    restrictions = PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=p, restriction_type=PageViewRestriction.GROUPS) for p in pages],
        batch_size=batch,
    )
    PageViewRestriction.groups.through.objects.bulk_create(
        [
            PageViewRestriction.groups.through(pageviewrestriction_id=r.pk, group_id=g.pk)
            for r, g in zip(restrictions, access, strict=True)
        ],
        batch_size=batch,
    )
    return groups

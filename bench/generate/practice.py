"""Practice analysis: groups (each with its access group, its members-only page, the page's
view restriction and the right to add records under it, as ``ensure_group_page`` makes
them), members and supervisors, reflective entries in every state with their reviews, and
session logs and co-development records under the groups' pages."""

import random
from datetime import date, timedelta

from django.utils.text import slugify

from .pages import add_children


def make_groups(scale, clock, users):
    """The groups, each carrying ``bench_members`` and ``bench_supervisors`` (user ids)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission

    from wagtail.models import GroupPagePermission, Locale, PageViewRestriction

    from practice_analysis.models import (
        PracticeAnalysisIndexPage,
        PracticeGroup,
        PracticeGroupPage,
    )
    from practice_analysis.services import ensure_group_page, sync_access_group

    User = get_user_model()
    kinds = [k for k, _label in PracticeGroup.KINDS if k != PracticeGroup.INDIVIDUAL]
    count = scale["groups"]
    PracticeGroup.objects.bulk_create(
        PracticeGroup(name=f"Groupe {n + 1:04d} — GEM {n % 40 + 1}", kind=kinds[n % len(kinds)])
        for n in range(count)
    )
    groups = list(PracticeGroup.objects.order_by("pk"))
    Group.objects.bulk_create(Group(name=f"practice-group-{group.pk}") for group in groups)
    access = dict(
        Group.objects.filter(name__startswith="practice-group-").values_list("name", "pk")
    )
    for group in groups:
        group.access_group_id = access[f"practice-group-{group.pk}"]
    PracticeGroup.objects.bulk_update(groups, ["access_group"], batch_size=1000)
    index = PracticeAnalysisIndexPage.objects.get(locale=Locale.get_default())
    pages = add_children(
        index,
        [
            PracticeGroupPage(title=group.name, slug=slugify(group.name), group_id=group.pk)
            for group in groups
        ],
    )
    PageViewRestriction.objects.bulk_create(
        PageViewRestriction(page_id=page.pk, restriction_type=PageViewRestriction.GROUPS)
        for page in pages
    )
    restrictions = dict(
        PageViewRestriction.objects.filter(page__in=pages).values_list("page_id", "pk")
    )
    PageViewRestriction.groups.through.objects.bulk_create(
        PageViewRestriction.groups.through(
            pageviewrestriction_id=restrictions[page.pk], group_id=group.access_group_id
        )
        for page, group in zip(pages, groups, strict=True)
    )
    add_page = Permission.objects.get(content_type__app_label="wagtailcore", codename="add_page")
    GroupPagePermission.objects.bulk_create(
        GroupPagePermission(group_id=group.access_group_id, page_id=page.pk, permission=add_page)
        for page, group in zip(pages, groups, strict=True)
    )
    clock.step(f"{count} practice groups with their pages")

    members, supervisors = users["member"], users["supervisor"]
    per_group = len(members) // count
    member_rows, supervisor_rows, access_rows = [], [], []
    for number, group in enumerate(groups):
        people = members[number * per_group : (number + 1) * per_group]
        # Each supervisor follows two groups; the benchmark's supervisor follows three.
        chosen = {supervisors[number // 2 % len(supervisors)]}
        if number == 2:
            chosen.add(supervisors[0])
        member_rows += [
            PracticeGroup.members.through(practicegroup_id=group.pk, user_id=u) for u in people
        ]
        supervisor_rows += [
            PracticeGroup.supervisors.through(practicegroup_id=group.pk, user_id=u) for u in chosen
        ]
        access_rows += [
            User.groups.through(user_id=u, group_id=group.access_group_id)
            for u in {*people, *chosen}
        ]
        group.bench_members, group.bench_supervisors = people, sorted(chosen)
    PracticeGroup.members.through.objects.bulk_create(member_rows, batch_size=5000)
    PracticeGroup.supervisors.through.objects.bulk_create(supervisor_rows, batch_size=5000)
    User.groups.through.objects.bulk_create(access_rows, batch_size=5000)
    # What the admin makes for a group, made again the usual way, must find nothing to add.
    before = PageViewRestriction.objects.count(), GroupPagePermission.objects.count()
    for group in groups[:3]:
        ensure_group_page(group)
        sync_access_group(group)
    after = PageViewRestriction.objects.count(), GroupPagePermission.objects.count()
    assert before == after, "the bulk groups differ from what ensure_group_page makes"
    clock.step(f"{len(member_rows)} group memberships")
    return groups


def make_entries(scale, clock, groups):
    from django.utils import timezone

    from practice_analysis.models import EntryReview, ReflectiveEntry
    from setup.demo.practice import ENTRIES

    E = ReflectiveEntry
    states = [E.DRAFT] * 3 + [E.SUBMITTED] * 3 + [E.IN_REVIEW] + [E.CHANGES_REQUESTED] * 2
    states += [E.VALIDATED] * 10 + [E.ARCHIVED]
    now = timezone.now()
    rows = []
    for number in range(scale["entries"]):
        # The k-th entry of group g is drawn alike at every scale (its own generator, seeded
        # by g and k): the groups the bench measures hold the same entries at 1x and 10x.
        index, position = number % len(groups), number // len(groups)
        group = groups[index]
        own = random.Random(f"{scale['seed']}-{index}-{position}")
        text = ENTRIES[(index + position) % len(ENTRIES)]
        state = own.choice(states)
        rows.append(
            ReflectiveEntry(
                author_id=own.choice(group.bench_members),
                group=group,
                title=f"{text['title']} ({position + 1})",
                description=text["description"],
                feelings=text["feelings"],
                evaluation=text["evaluation"],
                analysis=text["analysis"],
                conclusion=text["conclusion"],
                action_plan=text["action_plan"],
                setting=text["setting"],
                situation_month=date(*text["month"], 1),
                ethics_tags=text["tags"],
                question_for_supervisor=text["question"],
                wants_to_talk=own.random() < 0.15,
                state=state,
                shared_with_group=state == E.VALIDATED and own.random() < 0.3,
                reviewer_id=group.bench_supervisors[0] if state == E.IN_REVIEW else None,
                submitted_at=None
                if state == E.DRAFT
                else now - timedelta(days=own.randint(1, 300)),
            )
        )
    ReflectiveEntry.objects.bulk_create(rows, batch_size=1000)
    by_pk = {group.pk: group for group in groups}
    reviewed = ReflectiveEntry.objects.filter(
        state__in=[E.VALIDATED, E.CHANGES_REQUESTED, E.ARCHIVED]
    ).values_list("pk", "group_id", "state")
    reviews = [
        EntryReview(
            entry_id=pk,
            reviewer_id=by_pk[group_id].bench_supervisors[0],
            overall_comment="Un écrit sincère et précis : merci.",
            decision=E.CHANGES_REQUESTED if state == E.CHANGES_REQUESTED else E.VALIDATED,
        )
        for pk, group_id, state in reviewed
    ]
    EntryReview.objects.bulk_create(reviews, batch_size=1000)
    clock.step(f"{len(rows)} reflective entries, {len(reviews)} reviews")


SITUATION = (
    "<p>Une adhérente a raconté un appel difficile avec un membre de sa famille. "
    "Le groupe a cherché ce qui aide à poser une limite sans rompre le lien.</p>"
)


def make_records(scale, clock, groups):
    """Session logs and co-development records (one in three) under the groups' pages."""
    from practice_analysis.models import (
        CodevWorkshopPage,
        PracticeGroupPage,
        PracticeSessionPage,
    )

    pages = {page.group_id: page for page in PracticeGroupPage.objects.all()}
    per_group = scale["records"] // len(groups)
    count = 0
    for number, group in enumerate(groups):
        parent = pages[group.pk]
        records = []
        for index in range(per_group):
            day = date(2026, 1, 5) + timedelta(days=14 * index + number % 14)
            common = {"date": day, "facilitator_id": group.bench_supervisors[0]}
            if index % 3 == 2:
                page = CodevWorkshopPage(
                    **common,
                    subject="Dire non sans fermer la porte",
                    expose_summary=SITUATION,
                    contract="Comment poser une limite sans perdre le lien ?",
                    climate=4,
                )
            else:
                page = PracticeSessionPage(
                    **common,
                    session_format=group.kind,
                    situation=SITUATION,
                    learnings="<p>Nommer ce qu'on ressent avant de répondre.</p>",
                )
            page.locale_id = parent.locale_id
            page.title = page.neutral_title()
            page.slug = slugify(page.title)
            records.append(page)
        add_children(parent, records)
        count += len(records)
        if number % 500 == 499:
            clock.step(f"records of groups up to {number + 1}")
    clock.step(f"{count} session and co-development records")

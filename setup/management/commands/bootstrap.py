"""Create the roles, their permissions, folders, workflows and the page tree (idempotent)."""

from django.core.management.base import BaseCommand

from setup.bootstrap import Bootstrap


class Command(BaseCommand):
    help = "Create or update roles, permissions, collections, folders, workflows and the page tree."

    def handle(self, *args, **options):
        changes = Bootstrap().run()
        if not changes:
            self.stdout.write("bootstrap: nothing to change")
            return
        for change in changes:
            self.stdout.write(f"  + {change}", style_func=self.style.SUCCESS)
        self.stdout.write(f"bootstrap: {len(changes)} change(s)")

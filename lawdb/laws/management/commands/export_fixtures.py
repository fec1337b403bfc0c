from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from lawdb.laws.exporters import export


class Command(BaseCommand):
    help = "Write the database back to the curated files, in their canonical form."

    def add_arguments(self, parser):
        parser.add_argument("--path", default=str(settings.FIXTURES_DIR), help="fixtures folder")

    def handle(self, *args, path, **options):
        written = export(Path(path))
        self.stdout.write(f"wrote {len(written)} files under {path}")

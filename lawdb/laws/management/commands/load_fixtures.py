from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lawdb.laws.importers import LoadError, load


class Command(BaseCommand):
    help = "Check every curated file, then load them all in one transaction (or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("--path", default=str(settings.FIXTURES_DIR), help="fixtures folder")

    def handle(self, *args, path, **options):
        try:
            report = load(Path(path))
        except LoadError as exc:
            raise CommandError(str(exc)) from exc
        for line in report.lines():
            self.stdout.write(line)

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lawdb.laws.importers import LoadError, load


class Command(BaseCommand):
    help = "Check every curated file, then load them all in one transaction (or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("--path", default=str(settings.FIXTURES_DIR), help="fixtures folder")
        parser.add_argument(
            "--strict", action="store_true", help="treat warnings (no official source) as errors"
        )
        parser.add_argument("--quiet-warnings", action="store_true", help="count warnings only")

    def handle(self, *args, path, strict, quiet_warnings, **options):
        try:
            report = load(Path(path), strict=strict)
        except LoadError as exc:
            raise CommandError(str(exc)) from exc
        for line in report.lines():
            self.stdout.write(line)
        if report.warnings:
            self.stderr.write(f"{len(report.warnings)} warning(s):")
            if not quiet_warnings:
                for warning in report.warnings:
                    self.stderr.write(f"  {warning}")

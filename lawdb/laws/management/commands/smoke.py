from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client

from lawdb.laws.models import Law


class Command(BaseCommand):
    help = "One request through the whole stack: the database answers and pages render."

    def handle(self, *args, **options):
        client = Client(SERVER_NAME="127.0.0.1")
        health = client.get("/healthz")
        if health.status_code != 200:
            raise CommandError(f"/healthz answered {health.status_code}: {health.content!r}")
        law = Law.objects.select_related("jurisdiction").first()
        if law is None:
            raise CommandError("no laws were loaded")
        page = client.get(law.jurisdiction.get_absolute_url())
        if page.status_code != 200 or law.citation.encode() not in page.content.replace(
            b"&#x27;", b"'"
        ):
            raise CommandError(f"{law.jurisdiction.get_absolute_url()} answered {page.status_code}")
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            version = cursor.fetchone()[0]
        self.stdout.write(
            f"smoke ok: PostgreSQL {version}, {Law.objects.count()} laws, "
            f"{law.jurisdiction.get_absolute_url()} rendered"
        )

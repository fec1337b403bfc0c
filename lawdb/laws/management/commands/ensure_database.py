from django.core.management.base import BaseCommand
from django.db import connection

from lawdb.dbutil import create_database_if_missing


class Command(BaseCommand):
    help = "Create the configured database if the server does not have it yet."

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            return
        params = connection.get_connection_params()  # starts the embedded server if it is used
        name = params.pop("dbname")
        conninfo = {k: params[k] for k in ("host", "port", "user", "password") if params.get(k)}
        if create_database_if_missing(name, **conninfo):
            self.stdout.write(f"created database {name}")

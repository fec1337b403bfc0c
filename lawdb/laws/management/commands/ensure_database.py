import psycopg
from django.core.management.base import BaseCommand
from django.db import connection
from psycopg import sql


class Command(BaseCommand):
    help = "Create the configured database if the server does not have it yet."

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            return
        params = connection.get_connection_params()  # starts the embedded server if it is used
        name = params.pop("dbname")
        params.pop("cursor_factory", None)
        params.pop("context", None)
        params.pop("prepare_threshold", None)
        params.pop("server_side_binding", None)
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
            found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if not found:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
                self.stdout.write(f"created database {name}")

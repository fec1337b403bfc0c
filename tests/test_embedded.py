"""The embedded PostgreSQL path: with no DATABASE_URL, a fresh data folder gets a server that
starts, creates the database, has the extensions the search needs, and keeps data across runs."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(args, data_dir):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(LAWDB_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="lawdb.settings.dev")
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )


def test_embedded_server_starts_migrates_and_keeps_data(tmp_path):
    data_dir = tmp_path / "data"
    migrate = run(["migrate", "--noinput", "-v0"], data_dir)
    assert migrate.returncode == 0, migrate.stderr
    assert (data_dir / "postgres" / "PG_VERSION").exists()

    check = run(
        [
            "shell",
            "-c",
            "from django.db import connection\n"
            "c = connection.cursor()\n"
            "c.execute('SHOW server_version'); print('version', c.fetchone()[0])\n"
            "c.execute(\"SELECT string_agg(extname, ',' ORDER BY extname) FROM pg_extension\")\n"
            "print('ext', c.fetchone()[0])\n"
            "c.execute(\"SELECT count(*) FROM django_migrations WHERE app='laws'\")\n"
            "print('migrations', c.fetchone()[0])",
        ],
        data_dir,
    )
    assert check.returncode == 0, check.stderr
    assert "version 18" in check.stdout
    assert "pg_trgm" in check.stdout and "unaccent" in check.stdout
    # a second process sees what the first wrote: the data folder survives restarts
    assert "migrations 0" not in check.stdout

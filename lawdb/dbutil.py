import psycopg
from psycopg import sql


def create_database_if_missing(name: str, **conninfo) -> bool:
    """Create database `name` on the server `conninfo` points at; True if it was created."""
    with psycopg.connect(dbname="postgres", autocommit=True, **conninfo) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return False
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return True

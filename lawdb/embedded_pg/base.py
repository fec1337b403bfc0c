from django.db.backends.postgresql import base as postgresql

from . import server


class DatabaseWrapper(postgresql.DatabaseWrapper):
    """The PostgreSQL backend, pointed at the embedded server, which it starts on first use."""

    _ready_databases: set[str] = set()

    def get_connection_params(self):
        options = dict(self.settings_dict.get("OPTIONS") or {})
        pgdata = options.pop("pgdata")
        handle = server.start(pgdata)
        name = self.settings_dict["NAME"]
        if name and name not in self._ready_databases and name != "postgres":
            # test databases are created by Django itself; the main one by us
            if not name.startswith("test_"):
                server.ensure_database(handle, name)
            self._ready_databases.add(name)
        settings_dict = {**self.settings_dict, "OPTIONS": options}
        settings_dict["HOST"], settings_dict["PORT"] = server.address(handle)
        original, self.settings_dict = self.settings_dict, settings_dict
        try:
            return super().get_connection_params()
        finally:
            self.settings_dict = original

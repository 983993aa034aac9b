"""Which server to use, and the connection details every tool needs."""

from __future__ import annotations

import os
from urllib.parse import quote

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from . import config, localdb


class DatabaseError(Exception):
    """The server could not be used; the message says what to do."""


def server_url() -> str:
    """DATABASE_URL when set, else the private server's URL (which this does not start)."""
    return config.database_url() or localdb.server().url()


def ensure_server() -> str:
    """Start the private server, or check the DATABASE_URL one; return the URL."""
    url = config.database_url()
    if url is None:
        url = localdb.up().url()
    check_timescaledb_preloaded(url)
    return url


def with_dbname(url: str, dbname: str) -> str:
    return make_conninfo(url, dbname=dbname)


def check_url(url: str) -> dict[str, str]:
    """The URL's parts, or a UsageError (exit 2) naming what is wrong with it."""
    source = "DATABASE_URL" if config.database_url() else "the server URL"
    try:
        parts = conninfo_to_dict(url)
    except psycopg.ProgrammingError as exc:
        raise config.UsageError(f"{source} cannot be parsed: {str(exc).strip()}; e.g. postgresql://user:secret@host:5432/marketdb") from None
    port = parts.get("port", "5432")
    if not (port.isdigit() and 1 <= int(port) <= 65535):
        raise config.UsageError(f"{source} has port {port!r}; a port is a number from 1 to 65535")
    return parts


def connect(url: str, autocommit: bool = True) -> psycopg.Connection:
    check_url(url)
    try:
        return psycopg.connect(url, autocommit=autocommit, connect_timeout=10)
    except psycopg.OperationalError as exc:
        where = describe(url)
        hint = "run `make db-up`" if config.database_url() is None else "check DATABASE_URL"
        raise DatabaseError(f"cannot connect to {where}: {str(exc).strip()}; {hint}") from exc


def refuse_standby(url: str, what: str) -> None:
    """Maintenance and deploys write: on a hot standby they would fail half way, so they
    stop at once (exit 2) and say where to run them."""
    with connect(url) as conn:
        if conn.execute("SELECT pg_is_in_recovery()").fetchone()[0]:
            raise config.UsageError(
                f"{describe(url)} is a hot standby (pg_is_in_recovery() is true): it replays the primary's changes and "
                f"takes no writes; run {what} against the primary, whose changes the standby replays")


def describe(url: str) -> str:
    """host:port/dbname without the password, for messages."""
    parts = conninfo_to_dict(url)
    return f"{parts.get('host', 'localhost')}:{parts.get('port', 5432)}/{parts.get('dbname', '')}"


# TimescaleDB's loader defines this setting when the server preloads it (every backend,
# every database); any role can read it, where shared_preload_libraries needs
# pg_read_all_settings.
TIMESCALEDB_LOADER_QUERY = "SELECT current_setting('timescaledb.disable_load', true) IS NOT NULL"


def preloaded_libraries(conn: psycopg.Connection) -> list[str] | None:
    """shared_preload_libraries, or None where this role may not read it: a managed
    service's admin role often lacks pg_read_all_settings, which that setting needs."""
    try:
        with conn.transaction():
            preload = conn.execute("SHOW shared_preload_libraries").fetchone()[0]
    except psycopg.errors.InsufficientPrivilege:
        return None
    return [lib.strip() for lib in preload.split(",") if lib.strip()]


def check_timescaledb_preloaded(url: str) -> None:
    with connect(with_dbname(url, "postgres")) as conn:
        libraries = preloaded_libraries(conn)
        loader = conn.execute(TIMESCALEDB_LOADER_QUERY).fetchone()[0]
    preload = "not readable by this role" if libraries is None else repr(", ".join(libraries))
    missing = not loader if libraries is None else "timescaledb" not in libraries
    if missing:
        raise DatabaseError(
            f"TimescaleDB is not preloaded on {describe(url)} (shared_preload_libraries: {preload}); "
            "add timescaledb to shared_preload_libraries in its postgresql.conf and restart it"
        )


def database_exists(url: str, name: str) -> bool:
    with connect(with_dbname(url, "postgres")) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is not None


def create_database(url: str, name: str) -> None:
    # template0: a server's template1 may carry extensions (the Docker images put
    # TimescaleDB there), and core/extensions must create them itself.
    with connect(with_dbname(url, "postgres")) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8'").format(sql.Identifier(name)))


def drop_database(url: str, name: str) -> None:
    with connect(with_dbname(url, "postgres")) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def sqitch_target(url: str) -> str:
    """A Sqitch target URI (db:pg://user:password@host:port/dbname) for a libpq URL."""
    p = conninfo_to_dict(url)
    auth = quote(p.get("user", config.SUPERUSER), safe="")
    if p.get("password"):
        auth += ":" + quote(p["password"], safe="")
    return f"db:pg://{auth}@{p.get('host', 'localhost')}:{p.get('port', 5432)}/{quote(p.get('dbname', ''), safe='')}"


def libpq_args(url: str) -> list[str]:
    """-h -p -U -d flags for psql, pg_prove and pg_dump."""
    p = conninfo_to_dict(url)
    return ["-h", p.get("host", "localhost"), "-p", str(p.get("port", 5432)), "-U", p.get("user", config.SUPERUSER), "-d", p.get("dbname", "")]


def libpq_env(url: str) -> dict[str, str]:
    env = dict(os.environ)
    p = conninfo_to_dict(url)
    if p.get("password"):
        env["PGPASSWORD"] = p["password"]
    if p.get("sslmode"):
        env["PGSSLMODE"] = p["sslmode"]
    return env

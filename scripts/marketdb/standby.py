"""The private server's streaming standby: a pg_basebackup copy of it on a port of its own,
fed through a physical replication slot on the primary (`marketdb db replica up`)."""

from __future__ import annotations

import os
import time

from . import config, localdb, localdb_root

# Written after the primary's settings (which pg_basebackup copies): later lines win.
STANDBY_SETTINGS = """
# --- marketdb streaming standby (written by scripts/marketdb/standby.py) ---
port = {port}
cluster_name = '{name}'
hot_standby = on
# The primary keeps the rows a standby query still reads: vacuum on the primary never
# cancels a standby read (a long standby read delays the primary's cleanup instead).
hot_standby_feedback = on
# Replay of a lock a standby read conflicts with (maintenance's ACCESS EXCLUSIVE on a
# parent, a dropped partition) waits up to this long, then cancels that read (SQLSTATE
# 40001, "conflict with recovery"): reads shorter than this are never cancelled, and the
# standby never falls further behind than this for their sake.
max_standby_streaming_delay = 30s
primary_conninfo = 'host=127.0.0.1 port={primary_port} user={role} password={password} application_name={name}'
primary_slot_name = '{slot}'
"""


def replica_name(port: int) -> str:
    return f"marketdb_replica_{port}"


def replica_up(port: int | None = None, primary_port: int | None = None, settings: str = "") -> localdb.Server:
    """Start a streaming standby of the private server (copying it with pg_basebackup on first
    use): the replication role and a physical slot are made on the primary; settings are
    added to the standby's postgresql.conf."""
    localdb_root._require_root("starting the standby")
    replica = localdb.server(config.replica_port() if port is None else port)
    if replica.port == localdb.server(primary_port).port:
        raise localdb_root.LocalDbError(f"the standby needs a port of its own, not the primary's {replica.port}")
    primary = localdb.up(primary_port)
    name = replica_name(replica.port)
    with localdb_root._lock(f"pg{replica.port}"):
        if localdb.is_running(replica):
            return replica
        if localdb._port_in_use(replica.port):
            raise localdb_root.LocalDbError(f"port {replica.port} on 127.0.0.1 is in use by another program; "
                                            f"choose another, e.g. `MARKETDB_REPLICA_PORT={replica.port + 1} make replica-up`")
        if not (replica.host_data / "PG_VERSION").exists():
            import psycopg  # here only: the rest of this module runs without the virtualenv's packages

            with psycopg.connect(primary.url("postgres"), autocommit=True) as conn:
                exists = conn.execute("SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = %s)", (config.REPLICATION_ROLE,)).fetchone()[0]
                verb = "ALTER" if exists else "CREATE"
                conn.execute(f"{verb} ROLE {config.REPLICATION_ROLE} LOGIN REPLICATION PASSWORD '{config.REPLICATION_PASSWORD}'")
                # A slot keeps the WAL the standby has not received; max_slot_wal_keep_size
                # bounds it, so a standby left behind can never fill the primary's disk.
                conn.execute("ALTER SYSTEM SET max_slot_wal_keep_size = '10GB'")
                conn.execute("SELECT pg_reload_conf()")
                if not conn.execute("SELECT EXISTS (SELECT FROM pg_replication_slots WHERE slot_name = %s)", (name,)).fetchone()[0]:
                    conn.execute("SELECT pg_create_physical_replication_slot(%s, true)", (name,))
            home = replica.root / replica.home.lstrip("/")
            home.mkdir(parents=True, exist_ok=True)
            uid, gid = localdb_root._postgres_ids(replica.root)
            os.chown(home, uid, gid)
            localdb_root._progress(f"copying the server on port {primary.port} into a standby at {replica.host_data}")
            copier = localdb.Server(port=replica.port, root=replica.root, env=(("PGPASSWORD", config.REPLICATION_PASSWORD),))
            localdb_root._chroot(copier, "pg_basebackup", "-h", "127.0.0.1", "-p", str(primary.port), "-U", config.REPLICATION_ROLE,
                                 "-D", replica.data, "-X", "stream", "-S", name, "-c", "fast", "--no-password")
            with open(replica.host_data / "postgresql.conf", "a") as conf:
                conf.write(STANDBY_SETTINGS.format(port=replica.port, name=name, primary_port=primary.port,
                                                   role=config.REPLICATION_ROLE, password=config.REPLICATION_PASSWORD, slot=name))
                conf.write(settings)
            (replica.host_data / "standby.signal").touch()
            os.chown(replica.host_data / "standby.signal", uid, gid)
        result = localdb_root._chroot(replica, "pg_ctl", "start", "-w", "-t", "120", "-D", replica.data, "-l", f"{replica.home}/server.log",
                                      check=False)
        if result.returncode != 0:
            raise localdb_root.LocalDbError(f"the standby on port {replica.port} failed to start; last lines of {replica.log}:\n"
                                            f"{localdb_root._tail(replica.log)}\n"
                                            f"`make replica-down` removes it, `make replica-up` copies the primary again")
    return replica


def replica_down(port: int | None = None, primary_port: int | None = None) -> bool:
    """Stop the standby, delete its copy and drop its slot on the primary (so the primary
    keeps no WAL for it). Returns whether there was one."""
    localdb_root._require_root("removing the standby")
    replica = localdb.server(config.replica_port() if port is None else port)
    existed = (replica.host_data / "PG_VERSION").exists()
    localdb.destroy(replica.port)
    primary = localdb.server(primary_port)
    if localdb.is_running(primary):
        import psycopg  # as in replica_up

        with psycopg.connect(primary.url("postgres"), autocommit=True) as conn:
            # The walsender of a standby just stopped may hold the slot for a moment.
            for _ in range(50):
                active = conn.execute("SELECT bool_or(active) FROM pg_replication_slots WHERE slot_name = %s",
                                      (replica_name(replica.port),)).fetchone()[0]
                if not active:
                    break
                time.sleep(0.1)
            conn.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = %s AND NOT active",
                         (replica_name(replica.port),))
    return existed

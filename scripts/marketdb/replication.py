"""Replication as marketdb watches it: a streaming standby's state and lag, seen from both
ends; the wait for a standby to catch up (tests, benchmark)."""

from __future__ import annotations

import time

import psycopg

from . import config, db, standby


def status(primary_url: str, standby_url: str) -> dict:
    """What `marketdb db replica status` prints: the primary's view of its standby (state,
    lag in bytes and time, the WAL its slot retains) and the standby's own (replaying,
    last replayed transaction)."""
    from psycopg.conninfo import conninfo_to_dict

    name = standby.replica_name(conninfo_to_dict(standby_url).get("port"))
    state: dict = {"standby": db.describe(standby_url), "streaming": False}
    with db.connect(primary_url) as conn:
        row = conn.execute(
            "SELECT r.state, r.sync_state, pg_wal_lsn_diff(pg_current_wal_lsn(), r.replay_lsn)::bigint,"
            "       r.replay_lag::text, r.replay_lsn::text"
            "  FROM pg_stat_replication AS r WHERE r.application_name = %s", (name,)).fetchone()
        slot = conn.execute(
            "SELECT s.active, pg_wal_lsn_diff(pg_current_wal_lsn(), s.restart_lsn)::bigint, s.wal_status"
            "  FROM pg_replication_slots AS s WHERE s.slot_name = %s", (name,)).fetchone()
    state["primary_sees"] = row[0] if row else "no standby connected"
    state["streaming"] = bool(row and row[0] == "streaming")
    state["sync_state"] = row[1] if row else None
    state["lag_bytes"] = row[2] if row else None
    state["replay_lag"] = row[3] if row else None
    state["replay_lsn"] = row[4] if row else None
    state["slot"] = name if slot else "none"
    state["slot_retains_bytes"] = slot[1] if slot else None
    state["slot_wal_status"] = slot[2] if slot else None
    try:
        with psycopg.connect(standby_url, autocommit=True, connect_timeout=5) as conn:
            recovering, replayed_at, behind = conn.execute(
                "SELECT pg_is_in_recovery(), pg_last_xact_replay_timestamp(),"
                "       (clock_timestamp() - pg_last_xact_replay_timestamp())::text").fetchone()
        state["standby_in_recovery"] = recovering
        state["last_replayed_commit"] = replayed_at.isoformat() if replayed_at else None
        state["since_last_replayed"] = behind
    except psycopg.OperationalError as exc:
        state["standby_in_recovery"] = None
        state["standby_error"] = str(exc).strip().splitlines()[0]
    return state


def wait_for_standby(primary_url: str, standby_url: str, timeout: float = 120.0) -> float:
    """Wait until the standby has replayed everything the primary wrote before the call;
    returns the seconds it took."""
    started = time.monotonic()
    with db.connect(primary_url) as conn:
        # The insert position: with synchronous_commit = off (the private server) the last
        # commits may not be written yet, and the write position would be short of them.
        target = conn.execute("SELECT pg_current_wal_insert_lsn()::text").fetchone()[0]
        # A walsender sends only flushed WAL, and nothing flushes a record that is not an
        # asynchronous commit (the bgwriter's running-transactions record, every 15 s)
        # until the next commit or checkpoint: a commit of our own, flushed, carries it.
        conn.execute("SET synchronous_commit = on")
        conn.execute("SELECT pg_current_xact_id()")
    with psycopg.connect(standby_url, autocommit=True) as conn:
        while not conn.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", (target,)).fetchone()[0]:
            if time.monotonic() - started > timeout:
                raise TimeoutError(f"the standby did not replay {target} within {timeout} s")
            time.sleep(0.02)
    return time.monotonic() - started



PUBLICATION = "marketdb_exchange"


def subscribe(publisher_url: str, subscriber_url: str, subscription: str = PUBLICATION, hosts: list[tuple[str, int]] | None = None,
              failover: bool = False) -> None:
    """Subscribe a deployed marketdb database to a publisher's marketdb_exchange: the
    replication role on the publisher (it reads the tables for the first copy, as
    marketdb_reader), then the subscription on the subscriber (as a superuser there).
    Both URLs are superusers'; the subscription connects as the replication role.
    hosts: every member of a Patroni cluster, the subscription connecting to the one that
    takes writes; failover: its slot is copied to the standbys (PostgreSQL 17), so it goes on
    from the next primary."""
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    with db.connect(publisher_url) as conn:
        if conn.execute("SHOW wal_level").fetchone()[0] != "logical":
            raise db.DatabaseError(f"{db.describe(publisher_url)} has wal_level = {conn.execute('SHOW wal_level').fetchone()[0]}: "
                                   "set wal_level = logical and restart it to publish")
        exists = conn.execute("SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = %s)", (config.REPLICATION_ROLE,)).fetchone()[0]
        conn.execute(f"{'ALTER' if exists else 'CREATE'} ROLE {config.REPLICATION_ROLE} LOGIN REPLICATION PASSWORD '{config.REPLICATION_PASSWORD}'")
        conn.execute(f"GRANT marketdb_reader TO {config.REPLICATION_ROLE}")
    parts = conninfo_to_dict(publisher_url)
    where = ({"host": ",".join(h for h, _ in hosts), "port": ",".join(str(p) for _, p in hosts), "target_session_attrs": "read-write"}
             if hosts else {"host": parts.get("host", "127.0.0.1"), "port": parts.get("port", "5432")})
    source = make_conninfo(**where, dbname=parts["dbname"], user=config.REPLICATION_ROLE, password=config.REPLICATION_PASSWORD)
    with db.connect(subscriber_url) as conn:
        conn.execute(f"CREATE SUBSCRIPTION {subscription} CONNECTION '{source}' PUBLICATION {PUBLICATION}"
                     f"{' WITH (failover = true)' if failover else ''}")

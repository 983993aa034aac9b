"""`marketdb`: the command line behind the Makefile.

Exit codes: 0 success, 1 the database or a tool failed (its error is printed), 2 bad arguments
or settings (also `maintain` and `deploy` against a hot standby); `db status` exits 3 when the
private server is not running (as pg_ctl status does), `db replica status` when no standby streams;
`maintain` exits 3 when a table was skipped or timed out, `doctor` when a setting should change
(1 when something marketdb needs is missing); `review` exits 1 when a change breaks the review
rule, `schedule --show` 3 when no job is scheduled.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import psycopg

from . import archive, backup, config, db, doctor, ha, harness, localdb, maintenance, replication, standby, tap


def _db_up(args: argparse.Namespace) -> int:
    url = db.ensure_server()
    where = "DATABASE_URL server" if config.database_url() else "private server"
    print(f"{where} ready at {db.describe(url)}", file=sys.stderr)
    return 0


def _db_down(args: argparse.Namespace) -> int:
    if config.database_url():
        print("DATABASE_URL is set: there is no private server to stop", file=sys.stderr)
        return 0
    stopped = localdb.down()
    print("private server stopped" if stopped else "private server was not running", file=sys.stderr)
    return 0


def _db_status(args: argparse.Namespace) -> int:
    if config.database_url():
        url = config.database_url()
        db.check_timescaledb_preloaded(url)
        print(f"using DATABASE_URL: {db.describe(url)} (reachable, TimescaleDB preloaded)")
        return 0
    srv = localdb.server()
    running = localdb.is_running(srv)
    print(f"private server: {'running' if running else 'stopped'}")
    print(f"  port:      {srv.port}")
    print(f"  root:      {srv.root}{'' if srv.root.exists() else ' (not built yet)'}")
    print(f"  data:      {srv.host_data}")
    print(f"  log:       {srv.log}")
    if running:
        with db.connect(srv.url("postgres")) as conn:
            version = conn.execute("SHOW server_version").fetchone()[0]
            dbs = [r[0] for r in conn.execute("SELECT datname FROM pg_database WHERE NOT datistemplate ORDER BY 1")]
        print(f"  version:   PostgreSQL {version}")
        print(f"  databases: {', '.join(dbs)}")
    return 0 if running else 3


def _no_replica_of_database_url() -> None:
    if config.database_url():
        raise config.UsageError(
            "DATABASE_URL is set: marketdb makes a standby only of its private server; for your own server's standby "
            "see docs/replication.md (\"When one server is not enough\"), then point DATABASE_URL at the standby for `marketdb status`")


def _replica_up(args: argparse.Namespace) -> int:
    _no_replica_of_database_url()
    srv = standby.replica_up()
    print(f"standby of the private server ready at {db.describe(srv.url())} (read only)", file=sys.stderr)
    return 0


def _replica_down(args: argparse.Namespace) -> int:
    _no_replica_of_database_url()
    removed = standby.replica_down()
    print("standby stopped, its copy and its slot removed" if removed else "there was no standby", file=sys.stderr)
    return 0


def _replica_status(args: argparse.Namespace) -> int:
    _no_replica_of_database_url()
    state = replication.status(localdb.server().url("postgres"), localdb.server(config.replica_port()).url("postgres"))
    if args.json:
        print(maintenance.to_json(state))
    else:
        for key, value in state.items():
            print(f"{key + ':':<22} {'' if value is None else value}")
    return 0 if state["streaming"] else 3


def _db_url(args: argparse.Namespace) -> int:
    url = db.server_url()
    print(db.sqitch_target(url) if args.sqitch else url)
    return 0


def _db_destroy(args: argparse.Namespace) -> int:
    if config.database_url():
        print("DATABASE_URL is set: marketdb never destroys a server it did not create", file=sys.stderr)
        return 2
    home = localdb.destroy()
    print(f"private server stopped and its data removed ({home}); the cached root is kept", file=sys.stderr)
    return 0


def _deploy(args: argparse.Namespace) -> int:
    from psycopg.conninfo import conninfo_to_dict

    url = db.ensure_server()
    db.refuse_standby(db.with_dbname(url, "postgres"), "deploys")  # the target database may not exist yet
    name = conninfo_to_dict(url).get("dbname") if config.database_url() else config.DEPLOY_DATABASE
    if not name:
        raise config.UsageError("DATABASE_URL names no database; add one, e.g. .../marketdb")
    if not db.database_exists(url, name):
        db.create_database(url, name)
        print(f"created database {name}", file=sys.stderr)
    target = db.with_dbname(url, name)
    pending = backup.pending_changes(config.PROJECT_ROOT, target)
    if pending:  # a deploy that changes something: first a point to recover to
        print(f"marketdb: {backup.restore_point(target, pending[0])[1]}", file=sys.stderr)
    out = harness.sqitch(config.PROJECT_ROOT, target, "deploy", "--verify")
    print(out.stdout.rstrip())
    if out.stderr.strip():  # a warning of Sqitch's or of a script: the DBA must see it
        print(out.stderr.rstrip(), file=sys.stderr)
    print(harness.sqitch(config.PROJECT_ROOT, target, "status").stdout.rstrip())
    with db.connect(target) as conn:
        rows = conn.execute(
            "SELECT change, committed_at FROM sqitch.changes WHERE project = 'marketdb' ORDER BY committed_at, change"
        ).fetchall()
    print("\ndeployed changes:")
    for change, committed_at in rows:
        print(f"  {change:<40} {committed_at:%Y-%m-%d %H:%M:%S %Z}")
    print(f"\ndeployed to {db.describe(target)}; connect with: psql '{target}'")
    try:
        wrong = [f for f in doctor.run(target) if f.status in ("change", "missing")]
    except psycopg.Error as exc:  # the deploy succeeded; the check is advice
        print(f"marketdb: could not check the server's settings ({str(exc).strip()}): run `marketdb doctor`", file=sys.stderr)
        wrong = []
    if wrong:
        print(f"marketdb: this server needs attention ({', '.join(f.check for f in wrong)}): run `marketdb doctor`", file=sys.stderr)
    return 0


def _review(args: argparse.Namespace) -> int:
    from . import review, review_report

    if args.size < 1:
        raise config.UsageError("--size: at least 1")
    review.plan_range(config.PROJECT_ROOT, args.since, args.until)  # bad arguments before a server starts
    progress = (lambda message: print(message, file=sys.stderr)) if not args.quiet else (lambda message: None)
    with review.scratch_server() as server:
        result = review.run(config.PROJECT_ROOT, server, since=args.since, until=args.until, size=args.size,
                            maintenance=args.maintenance, keep=args.keep, progress=progress)
    print(review_report.terminal(result))
    if args.report:
        Path(args.report).write_text(review_report.markdown(result))
        print(f"report: {args.report}", file=sys.stderr)
    return 1 if result.failures else 0


def _schedule(args: argparse.Namespace) -> int:
    from . import schedule

    url = db.server_url()
    if args.remove:
        removed = schedule.remove(url)
        print(f"unscheduled {removed} job(s) named {schedule.JOB}" if removed else f"no job named {schedule.JOB} for this database",
              file=sys.stderr)
        return 0
    if args.show:
        found = schedule.jobs(url)
    else:
        found = [schedule.install(url, args.every, args.role)]
    columns = ["jobid", "jobname", "schedule", "command", "database", "username", "active", "last_status", "last_start",
               "last_message"]
    print(maintenance.to_json(found) if args.json else maintenance.render_table(found, columns))
    return 0 if found or not args.show else 3


def _archive(args: argparse.Namespace) -> int:
    url = db.server_url()
    if args.archive_action == "export":
        done = archive.export(url, Path(args.to), args.table)
        for item in done:
            print(f"{item['table']}: {item['rows']} rows in {item['file']} (sha256 {item['sha256']}), table dropped")
        if not done:
            print("no archive tables to export", file=sys.stderr)
    else:
        print(f"restored {archive.restore(url, Path(args.file))} (read only)")
    return 0


def _backup_config(args: argparse.Namespace) -> int:
    print(backup.recipe(db.server_url(), args.repo))
    return 0


def _doctor(args: argparse.Namespace) -> int:
    findings = doctor.run(db.server_url())
    if args.json:
        print(maintenance.to_json({"findings": doctor.as_dicts(findings), "exit_code": doctor.exit_code(findings)}))
    else:
        print(maintenance.render_table(doctor.as_dicts(findings), ["check", "status", "found", "advice"]))
    for f in findings:
        if f.status in ("change", "missing"):
            print(f"marketdb: {f.check}: {f.advice}", file=sys.stderr)
    return doctor.exit_code(findings)


def _pgtap(args: argparse.Namespace) -> int:
    server_url = db.ensure_server()
    url = harness.create_test_database(server_url, "pgtap")
    try:
        harness.deploy(config.PROJECT_ROOT, url)
        failed = 0
        for name in args.files:
            result = tap.run_pgtap(config.PROJECT_ROOT, url, Path(name).resolve())
            print(result.output.rstrip())
            for problem in result.problems():
                print(f"{result.file}: {problem}", file=sys.stderr)
            failed += not result.ok
        return 1 if failed else 0
    finally:
        if harness.keep_databases():
            print(f"KEEP_DB: kept database {db.describe(url)}", file=sys.stderr)
        else:
            harness.drop_test_database(url)


def _maintain(args: argparse.Namespace) -> int:
    if args.premake is not None and not args.table:
        raise config.UsageError("--premake applies to one table: give --table too")
    if args.table is not None and not args.table.strip():
        raise config.UsageError("--table: a table name is required, got ''; leave --table out to maintain every table")
    try:
        reference = maintenance.parse_reference_time(args.now) if args.now is not None else None
    except ValueError as exc:
        raise config.UsageError(str(exc)) from None
    db.refuse_standby(db.server_url(), "maintenance")
    progress = None if args.json else (lambda m: print(f"[marketdb] {m}", file=sys.stderr, flush=True))
    actions = maintenance.run(
        db.server_url(), table=args.table, reference_time=reference, dry_run=args.dry_run,
        premake_days=args.premake, progress=progress,
    )
    maintenance.print_actions(actions, reference, args.dry_run, args.json)
    if not args.dry_run:  # detach -> export -> drop: the archives of the tables that want it
        wanted = archive.exporting_tables(db.server_url(), args.table)
        if args.archive_to and not archive.can_export(db.server_url()):
            raise config.UsageError("--archive-to: exporting drops archive tables, which only marketdb_owner may: "
                                    "run it as the owner (or a login granted marketdb_owner)")
        if wanted and args.archive_to:
            for name in wanted:
                for item in archive.export(db.server_url(), Path(args.archive_to), name):
                    print(f"marketdb: exported {item['table']}: {item['rows']} rows in {item['file']}, table dropped", file=sys.stderr)
        elif wanted and (waiting := sum(len(archive.archives(db.server_url(), name)) for name in wanted)):
            print(f"marketdb: {waiting} archive table(s) of {', '.join(wanted)} wait for export: run with --archive-to DIR",
                  file=sys.stderr)
    failed = [a for a in actions if a.action in maintenance.FAILED_ACTIONS]
    not_done = [a for a in actions if a.action in maintenance.NOT_DONE_ACTIONS]
    for a in failed + not_done:
        print(f"marketdb: {a.parent_table}: {a.action}: {a.detail}", file=sys.stderr)
    if failed:
        return 1
    if not_done:
        print(f"marketdb: finished, but {len(not_done)} table(s) were not maintained (skipped or lock timeout); "
              "the next run retries them", file=sys.stderr)
        return 3
    return 0


def _status(args: argparse.Namespace) -> int:
    try:
        reference = maintenance.parse_reference_time(args.now) if args.now is not None else None
    except ValueError as exc:
        raise config.UsageError(str(exc)) from None
    rows = maintenance.status(db.server_url(), reference)
    tiers = maintenance.tiers(db.server_url(), reference)
    jobs = maintenance.jobs(db.server_url())
    if args.json:
        print(maintenance.to_json({"tables": rows, "tiers": tiers, "timescaledb_jobs": jobs}))
    else:
        columns = ["parent_table", "kind", "enabled", "partitions", "oldest_day", "newest_day", "rows_in_default",
                   "oldest_in_default", "newest_in_default", "premake_days", "retention", "retention_action",
                   "next_retention_cutoff", "last_outcome", "last_success_at", "overdue"]
        print(maintenance.render_table(rows, columns))
        print("\nPartition tiers (daily partitions of a month older than compact_after become one monthly partition):")
        print(maintenance.render_table(tiers, ["parent_table", "daily_partitions", "monthly_partitions", "other_partitions",
                                               "oldest_daily", "compact_after", "months_due"]))
        print("\nTimescaleDB jobs (compression and rollup refresh, run by TimescaleDB's scheduler):")
        if jobs:
            print(maintenance.render_table(jobs, ["job_id", "proc_name", "target", "scheduled", "last_run_status",
                                                  "last_run_started_at", "total_runs", "total_failures", "last_error"]))
        else:
            print("  none (the apache edition has no compression or continuous aggregates)")
    # Status only reports (exit 0); what needs a DBA is also said on stderr, where cron mail sees it.
    for row in rows:
        if row["overdue"]:
            print(f"marketdb: {row['parent_table']} is overdue: last maintained successfully at {row['last_success_at'] or 'never'} "
                  f"(last outcome {row['last_outcome'] or 'none'}); check the maintenance schedule", file=sys.stderr)
    for job in maintenance.failed_jobs(jobs):
        print(f"marketdb: TimescaleDB job {job['job_id']} ({job['proc_name']} on {job['target']}) last run failed: "
              f"{job['last_error']}", file=sys.stderr)
    return 0


def _no_ha_for_database_url() -> None:
    if config.database_url():
        raise config.UsageError(
            "DATABASE_URL is set: `marketdb ha` makes a throwaway Patroni cluster on this machine only; to run marketdb "
            "under Patroni on your own servers see docs/ha.md, then point DATABASE_URL at the leader (or at every member "
            "with target_session_attrs=read-write)")


def _ha_up(args: argparse.Namespace) -> int:
    _no_ha_for_database_url()
    c = ha.up()
    out = ha.deploy(c, args.every)
    if out.strip():
        print(out.rstrip(), file=sys.stderr)
    leader = ha.leader(c)
    where = "no leader at this moment (`marketdb ha status`)" if leader is None else f"leader {c.name(leader)} on 127.0.0.1:{c.pg_port(leader)}"
    print(f"Patroni cluster {ha.SCOPE}-{c.base} ready: {where}, "
          f"maintenance in pg_cron ({args.every or '15 * * * *'}); writers: {c.writer_url()}", file=sys.stderr)
    return 0


def _ha_status(args: argparse.Namespace) -> int:
    _no_ha_for_database_url()
    state = ha.status(ha.cluster())
    if args.json:
        print(maintenance.to_json(state))
    else:
        print(f"cluster {state['scope']}: leader {state['leader'] or 'none'}")
        print(f"{'member':<8} {'role':<13} {'state':<10} {'port':<6} {'timeline':<9} lag (bytes)")
        for m in state["members"]:
            lag = "" if m["role"] == "leader" else m["lag"]
            print(f"{m['name']:<8} {m['role']:<13} {m['state']:<10} {m['port']!s:<6} {m['timeline']!s:<9} {lag}")
        print("etcd: " + ", ".join(f"{e['name']} :{e['port']} {'healthy' if e['healthy'] else 'DOWN'}" for e in state["etcd"]))
        print(f"writers: {state['writer_url']}")
    return 0 if state["leader"] else 3


def _ha_down(args: argparse.Namespace) -> int:
    _no_ha_for_database_url()
    removed = ha.down()
    print("Patroni cluster stopped and removed (members, etcd, data)" if removed else "there was no Patroni cluster",
          file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="marketdb", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    dbp = sub.add_parser("db", help="the private local server (or the DATABASE_URL one)")
    dbsub = dbp.add_subparsers(dest="action", required=True)
    dbsub.add_parser("up", help="start it (building the Debian 13 root on first use)").set_defaults(func=_db_up)
    dbsub.add_parser("down", help="stop it").set_defaults(func=_db_down)
    dbsub.add_parser("status", help="show where it is and whether it runs").set_defaults(func=_db_status)
    urlp = dbsub.add_parser("url", help="print its URL")
    urlp.add_argument("--sqitch", action="store_true", help="as a Sqitch target URI")
    urlp.set_defaults(func=_db_url)
    dbsub.add_parser("destroy", help="stop it and delete its data").set_defaults(func=_db_destroy)
    rp = dbsub.add_parser("replica", help="a streaming hot standby of the private server (MARKETDB_REPLICA_PORT, default its port + 1)")
    rsub = rp.add_subparsers(dest="replica_action", required=True)
    rsub.add_parser("up", help="copy the private server with pg_basebackup (first use) and start the standby").set_defaults(func=_replica_up)
    rsub.add_parser("down", help="stop the standby, delete its copy and drop its replication slot").set_defaults(func=_replica_down)
    rps = rsub.add_parser("status", help="replication state and lag; exit 0 streaming, 3 not")
    rps.add_argument("--json", action="store_true")
    rps.set_defaults(func=_replica_status)

    sub.add_parser("deploy", help="deploy the plan to database marketdb and show its status").set_defaults(func=_deploy)

    pgtap_cmd = sub.add_parser("pgtap", help="run pgTAP files against a fresh, deployed test database")
    pgtap_cmd.add_argument("files", nargs="+", help="pgTAP files, e.g. tests/pgtap/core_roles.sql")
    pgtap_cmd.set_defaults(func=_pgtap)
    mp = sub.add_parser("maintain", help="apply the partition and retention policies, table by table (the hourly cron job); exit 0 done, 1 failed, 2 bad argument, 3 a table skipped or timed out")
    mp.add_argument("--table", help="only this table, e.g. exchange.trades (default: every enabled policy)")
    mp.add_argument("--now", help="reference time, ISO 8601 (default: the database's now()); without offset: UTC")
    mp.add_argument("--dry-run", action="store_true", help="report what would be done, change nothing")
    mp.add_argument("--premake", type=int, help="days ahead for this run (with --table; default: the policy's)")
    mp.add_argument("--json", action="store_true", help="print JSON instead of a table")
    mp.add_argument("--archive-to", help="then write the archive tables of the policies with export_archives to this "
                    "directory and drop each once its file is checked (detach -> export -> drop)")
    mp.set_defaults(func=_maintain)

    dp = sub.add_parser("doctor", help="check the server against what the schema needs; exit 0 well, 1 something missing, 3 a setting to change")
    dp.add_argument("--json", action="store_true", help="print JSON instead of a table")
    dp.set_defaults(func=_doctor)

    rv = sub.add_parser("review", help="deploy the changes under review (or run maintenance) on a seeded scratch database "
                        "under load; report locks, waits, rewrites per statement; exit 1 when a change breaks the rule")
    rv.add_argument("--since", help="review the changes after this tag (default: the plan's last tag)")
    rv.add_argument("--until", help="through this tag or change (default: the plan's end)")
    rv.add_argument("--size", type=int, default=1, help="seed size: 1 (default) is ~15,000 rows a table, 75 days; N is N times the rows")
    rv.add_argument("--maintenance", action="store_true", help="after the changes, one maintenance run (premake, rescue, retention, merge) on the result, "
                    "call by call (--until the last tag: maintenance alone)")
    rv.add_argument("--report", help="also write the Markdown report to this file")
    rv.add_argument("--keep", action="store_true", help="keep the review database (on a DATABASE_URL scratch server)")
    rv.add_argument("--quiet", action="store_true", help="no progress on stderr")
    rv.set_defaults(func=_review)

    sc = sub.add_parser("schedule", help="install or update the maintenance job in pg_cron (idempotent), run by a login "
                        "granted marketdb_maintainer; --show lists it (exit 3 when there is none), --remove unschedules it")
    sc.add_argument("--every", default="15 * * * *", help="a cron schedule, or pg_cron's 'N seconds' (default: '15 * * * *')")
    sc.add_argument("--role", default="marketdb_cron", help="the login the job runs as (made if missing; default marketdb_cron)")
    sc.add_argument("--show", action="store_true", help="only show the job and its last run")
    sc.add_argument("--remove", action="store_true", help="unschedule it")
    sc.add_argument("--json", action="store_true")
    sc.set_defaults(func=_schedule)

    ap = sub.add_parser("archive", help="detached partitions and archive tables out of the database (export) and back (restore)")
    asub = ap.add_subparsers(dest="archive_action", required=True)
    ae = asub.add_parser("export", help="each archive table to <dir>/<table>.dump (pg_dump custom) with a .sha256; "
                         "dropped only after the file was read back and checked")
    ae.add_argument("--to", required=True, help="the directory to write to")
    ae.add_argument("--table", help="only this managed table's archives, e.g. exchange.orderbook_deltas")
    ae.set_defaults(func=_archive)
    ar = asub.add_parser("restore", help="an exported file back as the read-only table it was (checked against its .sha256)")
    ar.add_argument("file")
    ar.set_defaults(func=_archive)

    bc = sub.add_parser("backup-config", help="pgBackRest for this server: its configuration, the postgresql.conf lines "
                        "and the commands, so every deploy's restore point can be restored to (docs/operations.md)")
    bc.add_argument("--repo", default="/var/lib/pgbackrest", help="the repository path (default /var/lib/pgbackrest)")
    bc.set_defaults(func=_backup_config)

    hp = sub.add_parser("ha", help="a throwaway Patroni cluster of three members over etcd on 127.0.0.1 (MARKETDB_HA_PORT, "
                        "default 54340..54372): failover drills (docs/ha.md)")
    hsub = hp.add_subparsers(dest="ha_action", required=True)
    hu = hsub.add_parser("up", help="start etcd and three members (synchronous, pg_rewind), deploy marketdb through the "
                         "leader and schedule maintenance in pg_cron")
    hu.add_argument("--every", help="the maintenance job's schedule (default '15 * * * *'; pg_cron's 'N seconds' too)")
    hu.set_defaults(func=_ha_up)
    hs = hsub.add_parser("status", help="members, roles, timelines and lag, etcd's health; exit 3 when there is no leader")
    hs.add_argument("--json", action="store_true")
    hs.set_defaults(func=_ha_status)
    hsub.add_parser("down", help="stop every process of the cluster and delete its data").set_defaults(func=_ha_down)

    sp = sub.add_parser("status", help="partitions per managed table, rows in default, next retention cut-off")
    sp.add_argument("--now", help="reference time for the cut-off, ISO 8601 (default: now())")
    sp.add_argument("--json", action="store_true", help="print JSON instead of a table")
    sp.set_defaults(func=_status)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except (config.UsageError, maintenance.ArgumentRejected) as exc:
        print(f"marketdb: {exc}", file=sys.stderr)
        return 2
    except (localdb.LocalDbError, db.DatabaseError, harness.HarnessError, archive.ArchiveError) as exc:
        print(f"marketdb: {exc}", file=sys.stderr)
        return 1
    except psycopg.Error as exc:
        print(f"marketdb: the database failed: {str(exc).strip()}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

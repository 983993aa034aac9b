"""`marketdb schedule`: maintenance run by pg_cron, inside the server, on the primary.

pg_cron keeps its jobs in the database named by cron.database_name (any: the private server
uses postgres, RDS and most managed services too). The job runs in marketdb's database
(cron.schedule_in_database) as a login granted marketdb_maintainer, no superuser, and calls
maintenance.run_all(): it commits table by table, and raises at the end naming each table it
could not maintain, so that run is 'failed' in cron.job_run_details with the table's name.
pg_cron runs nothing on a hot standby; after a failover the new primary's scheduler runs it.
"""

from __future__ import annotations

from psycopg import sql

from . import config, db

JOB = "marketdb-maintenance"
DEFAULT_SCHEDULE = "15 * * * *"  # hourly, a quarter past: see docs/maintenance.md, "Scheduling"
DEFAULT_ROLE = "marketdb_cron"
COMMAND = "CALL maintenance.run_all()"


def cron_database(conn) -> str:
    """cron.database_name, or a UsageError saying how to preload pg_cron."""
    libraries = db.preloaded_libraries(conn)
    name = conn.execute("SELECT current_setting('cron.database_name', true)").fetchone()[0]
    if (libraries is not None and "pg_cron" not in libraries) or not name:
        raise config.UsageError(
            "pg_cron is not preloaded on this server: add pg_cron to shared_preload_libraries, set cron.database_name "
            "(the database that keeps pg_cron's jobs, e.g. 'postgres') and cron.use_background_workers = on, then restart "
            "(docs/maintenance.md, \"Scheduling\")")
    return name


def jobs(url: str) -> list[dict]:
    """marketdb's maintenance jobs in pg_cron for url's database (none when pg_cron is not
    there), each with its last run."""
    with db.connect(url) as conn:
        here = conn.execute("SELECT current_database()").fetchone()[0]
        try:
            name = cron_database(conn)
        except config.UsageError:
            return []
    with db.connect(db.with_dbname(url, name)) as conn:
        if not conn.execute("SELECT EXISTS (SELECT FROM pg_extension WHERE extname = 'pg_cron')").fetchone()[0]:
            return []
        cur = conn.execute(
            "SELECT j.jobid, j.jobname, j.schedule, j.command, j.database, j.username, j.active,"
            "       r.status AS last_status, r.return_message AS last_message, r.start_time AS last_start,"
            "       r.end_time AS last_end"
            "  FROM cron.job AS j"
            "  LEFT JOIN LATERAL (SELECT * FROM cron.job_run_details AS d WHERE d.jobid = j.jobid"
            "                      ORDER BY d.runid DESC LIMIT 1) AS r ON true"
            " WHERE j.jobname = %s AND j.database = %s ORDER BY j.jobid", (JOB, here))
        names = [c.name for c in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]


def install(url: str, schedule: str = DEFAULT_SCHEDULE, role: str = DEFAULT_ROLE) -> dict:
    """Installs or updates the job (idempotent: one job of this name for url's database).
    The role is made if missing (LOGIN: pg_cron's background worker logs in as it; no
    password, so nobody else can) and granted marketdb_maintainer, nothing more."""
    db.refuse_standby(url, "schedules")
    with db.connect(url) as conn:
        here = conn.execute("SELECT current_database()").fetchone()[0]
        name = cron_database(conn)
        if not conn.execute("SELECT to_regprocedure('maintenance.run_all()') IS NOT NULL").fetchone()[0]:
            raise config.UsageError(f"{here} has no maintenance.run_all(): deploy the plan first (`marketdb deploy`)")
        found = conn.execute("SELECT rolsuper, rolcanlogin FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
        if found is None:
            conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(role)))
        elif found[0]:
            raise config.UsageError(f"--role {role} is a superuser: the job runs as a login granted marketdb_maintainer, nothing more")
        elif not found[1]:
            conn.execute(sql.SQL("ALTER ROLE {} LOGIN").format(sql.Identifier(role)))
        conn.execute(sql.SQL("GRANT marketdb_maintainer TO {}").format(sql.Identifier(role)))
        superuser = conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()[0]
    with db.connect(db.with_dbname(url, name)) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS pg_cron")
        # Another role's job of the same name for this database: one job only.
        for (jobid,) in conn.execute("SELECT jobid FROM cron.job WHERE jobname = %s AND database = %s AND username <> %s",
                                     (JOB, here, role)).fetchall():
            conn.execute("SELECT cron.unschedule(%s)", (jobid,))
        if superuser:
            conn.execute("SELECT cron.schedule_in_database(%s, %s, %s, %s, %s, true)", (JOB, schedule, COMMAND, here, role))
        else:
            # pg_cron lets only a superuser schedule for another role: act as the role (its
            # maker holds ADMIN on it, so may take SET for this).
            conn.execute(sql.SQL("GRANT {} TO current_user WITH INHERIT FALSE, SET TRUE").format(sql.Identifier(role)))
            conn.execute(sql.SQL("GRANT USAGE ON SCHEMA cron TO {}").format(sql.Identifier(role)))
            conn.execute(sql.SQL("SET ROLE {}").format(sql.Identifier(role)))
            try:
                conn.execute("SELECT cron.schedule_in_database(%s, %s, %s, %s)", (JOB, schedule, COMMAND, here))
            finally:
                conn.execute("RESET ROLE")
    return jobs(url)[0]


def remove(url: str) -> int:
    """Unschedules marketdb's maintenance job for url's database; returns how many went."""
    found = jobs(url)
    if not found:
        return 0
    with db.connect(url) as conn:
        name = cron_database(conn)
    with db.connect(db.with_dbname(url, name)) as conn:
        for job in found:
            conn.execute("SELECT cron.unschedule(%s)", (job["jobid"],))
    return len(found)

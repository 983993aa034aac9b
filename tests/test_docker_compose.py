"""docker-compose.yml cannot run here (no Docker engine); its contract is checked instead."""

from __future__ import annotations

import yaml

from conftest import PROJECT
from marketdb import config, doctor

COMPOSE = yaml.safe_load((PROJECT / "docker-compose.yml").read_text())


def service() -> dict:
    services = COMPOSE["services"]
    assert len(services) == 1, "one service: the database"
    return next(iter(services.values()))


def test_image_is_the_full_timescaledb_2_29_for_postgresql_17():
    image = service()["image"]
    name, _, tag = image.partition(":")
    assert name == "timescale/timescaledb-ha", "the -ha images carry pgTAP and the full (timescale) edition"
    # The newest release line marketdb is tested on (doctor.MAX_TESTED_TIMESCALEDB), not an
    # old one: a user pulling the image gets what the README says is tested.
    pg, _, ts = tag.partition("-ts")
    assert pg.split(".")[0] == "pg17", f"tag {tag!r} must be PostgreSQL 17"
    assert tuple(int(p) for p in ts.split(".")[:2]) == doctor.MAX_TESTED_TIMESCALEDB, f"tag {tag!r} must be TimescaleDB 2.29"
    assert "latest" not in tag


def test_port_and_credentials_match_the_private_server():
    svc = service()
    assert f"127.0.0.1:{config.DEFAULT_PORT}:5432" in svc["ports"]
    env = svc["environment"]
    assert env["POSTGRES_USER"] == config.SUPERUSER
    assert env["POSTGRES_PASSWORD"] == config.PASSWORD


def test_healthcheck_waits_for_postgres():
    check = service()["healthcheck"]
    assert "pg_isready" in " ".join(check["test"])
    assert check["retries"] >= 10

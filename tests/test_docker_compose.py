"""docker-compose.yml cannot run here (no Docker engine); its contract is checked instead."""

from __future__ import annotations

import yaml

from conftest import PROJECT
from marketdb import config

COMPOSE = yaml.safe_load((PROJECT / "docker-compose.yml").read_text())


def service() -> dict:
    services = COMPOSE["services"]
    assert len(services) == 1, "one service: the database"
    return next(iter(services.values()))


def test_image_is_a_pinned_full_timescaledb_for_postgresql_17():
    image = service()["image"]
    name, _, tag = image.partition(":")
    assert name == "timescale/timescaledb-ha", "the -ha images carry pgTAP and the full (timescale) edition"
    assert tag.startswith("pg17.") and "-ts2." in tag, f"tag {tag!r} must pin PostgreSQL 17 and TimescaleDB 2.x exactly"
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

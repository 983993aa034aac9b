# marketdb: the two commands are `make deploy` and `make test` (see README.md).
SHELL := /bin/bash
VENV := .venv
MARKETDB := $(VENV)/bin/marketdb
PYTEST_ARGS ?=

.PHONY: deps db-up db-down db-status db-url db-destroy replica-up replica-down replica-status deploy test pgtap maintain status doctor bench torture fidelity-release release-manifest catalog docs review schedule alerts-check exporter backup-config ha-up ha-status ha-down failover-test

deps: ## Debian packages and the virtualenv (idempotent, fast when already there)
	@scripts/bootstrap.sh

db-up: deps ## start the private server (or check DATABASE_URL's)
	@$(MARKETDB) db up

db-down: deps
	@$(MARKETDB) db down

db-status: deps
	@$(MARKETDB) db status

db-url: deps
	@$(MARKETDB) db url

db-destroy: deps
	@$(MARKETDB) db destroy

replica-up: deps ## start a streaming hot standby of the private server (port + 1, MARKETDB_REPLICA_PORT)
	@$(MARKETDB) db replica up

replica-down: deps ## stop the standby, delete its copy and its replication slot
	@$(MARKETDB) db replica down

replica-status: deps ## the standby's state and lag, from both ends
	@$(MARKETDB) db replica status $(ARGS)

ha-up: deps ## a Patroni cluster of three members over etcd on 127.0.0.1 (MARKETDB_HA_PORT, default 54340), marketdb deployed, maintenance in pg_cron (docs/ha.md)
	@$(MARKETDB) ha up $(ARGS)

ha-status: deps ## its members, roles, timelines and lag; etcd's health
	@$(MARKETDB) ha status $(ARGS)

ha-down: deps ## stop the Patroni cluster and delete everything it made
	@$(MARKETDB) ha down

failover-test: deps ## the failover drills under Patroni (about 4 minutes; CI runs them after make test): figures in build/failover.json
	@MARKETDB_FAILOVER=1 $(VENV)/bin/pytest -n 0 tests/test_failover.py

deploy: deps ## start the server, deploy the plan to database marketdb, show sqitch status
	@$(MARKETDB) deploy

test: deps ## every test: plan rules, squawk, deploy+verify, pgTAP, revert fidelity, Python
	@$(VENV)/bin/pytest $(PYTEST_ARGS)

fidelity-release: deps ## every change's own revert round trip, released ones too (run it when a tag is made)
	@MARKETDB_FIDELITY=all $(VENV)/bin/pytest tests/test_revert.py

release-manifest: fidelity-release ## after tagging: record the released scripts' hashes (tests/released.sha256)
	@$(VENV)/bin/python -c "from pathlib import Path; from marketdb import config, plan_rules; \
		(config.PROJECT_ROOT / plan_rules.RELEASE_MANIFEST).write_text(plan_rules.release_manifest(config.PROJECT_ROOT))"
	@echo "wrote tests/released.sha256: commit it with the tag"

catalog: deps db-up ## rewrite catalog/ (one file per object) from a fresh deploy of the plan on the private server
	@$(VENV)/bin/python -m marketdb.catalog

docs: deps ## rewrite docs/plan.md from sqitch.plan
	@$(VENV)/bin/python -m marketdb.docs

pgtap: deps ## one or more pgTAP files on a fresh test database: make pgtap FILE=tests/pgtap/x.sql
	@test -n "$(FILE)" || { echo "usage: make pgtap FILE=tests/pgtap/<file>.sql" >&2; exit 2; }
	@$(MARKETDB) pgtap $(FILE)

maintain: deps ## partition maintenance on the deployed database: make maintain ARGS='--dry-run'
	@$(MARKETDB) maintain $(ARGS)

status: deps ## partitions per managed table, rows in default, next retention cut-off
	@$(MARKETDB) status $(ARGS)

review: deps ## the changes since the last tag on a seeded scratch server under load (docs/review.md): make review ARGS='--since v0.1.0'
	@mkdir -p build
	@$(MARKETDB) review --report $(or $(REPORT),build/review.md) $(ARGS)

schedule: deps ## the maintenance job in pg_cron, run by a login granted marketdb_maintainer: make schedule ARGS='--show'
	@$(MARKETDB) schedule $(ARGS)

alerts-check: deps db-up ## promtool: check the alert rules (monitoring/marketdb.rules.yml) and run their tests
	@$(VENV)/bin/python -m marketdb.monitoring check

exporter: deps db-up ## postgres_exporter with marketdb's queries on 127.0.0.1:9187, in the foreground (docs/operations.md, Monitoring)
	@$(VENV)/bin/python -m marketdb.monitoring exporter $(ARGS)

backup-config: deps ## pgBackRest for the deployed server: configuration, archive settings, commands (docs/operations.md)
	@$(MARKETDB) backup-config $(ARGS)

doctor: deps ## check the server against what the schema needs (exit 0 well, 1 missing, 3 change)
	@$(MARKETDB) doctor $(ARGS)

bench: deps db-up ## benchmarks, results in bench/ (QUICK=1: small sizes, results in bench/quick/)
	@$(VENV)/bin/python -m marketdb.bench $(if $(QUICK),--quick --out bench/quick,--out bench)

torture: deps ## the long torture run of maintenance (make test runs a short one): TORTURE_SECONDS=300
	@MARKETDB_TORTURE_SECONDS=$(or $(TORTURE_SECONDS),300) MARKETDB_TORTURE_RESCUE_ROWS=$(or $(TORTURE_RESCUE_ROWS),1000000) \
		$(VENV)/bin/pytest -s tests/test_torture.py

"""The benchmark's data: its sizes, and trades generated from a fixed seed (skewed tickers,
bursts, out of order and late arrivals, the way the connectors deliver them)."""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from datetime import datetime, timedelta

SEED = 20261123


@dataclass(frozen=True)
class Sizes:
    copy_rows: int
    copy_days: int
    upsert_batches: int
    batch_rows: int
    read_days: int
    read_rows_per_day: int
    read_queries: int
    maintenance_partitions: tuple[int, ...]
    rescue_rows: int
    runs: int
    wait_rows: int = 1_000_000  # rows of the partition detached and of the batch rescued (writer waits)
    history: tuple[int, ...] = (365, 3650)  # days of exchange.trades history, before and after compaction
    history_rows_per_day: int = 300
    deploy_changes: int | None = None  # the plan's first N changes deployed and reverted (None: all)


# The full run fits in 20 minutes on 2 cores.
FULL = Sizes(1_000_000, 30, 20, 10_000, 365, 20_000, 40, (30, 365, 1500), 100_000, 5, history_rows_per_day=100)
QUICK = Sizes(100_000, 30, 4, 10_000, 30, 2_000, 20, (30, 120), 10_000, 5, 50_000, (400,), 50)
# make test's smoke run: every scenario and every field at the least size that still has
# each one's shape (a month to merge, days to rescue, a partition to detach); no figure.
SMOKE = Sizes(3_000, 3, 2, 500, 3, 200, 3, (10,), 1_000, 1, 2_000, (40,), 5, deploy_changes=5)
SIZES = {"full": FULL, "quick": QUICK, "smoke": SMOKE}


def _arrivals(rng: random.Random, n: int, start: datetime, days: int) -> list[datetime]:
    """Trade times with bursts, delivered slightly out of order, some of them late."""
    span = days * 86_400
    bursts = [rng.uniform(0, span) for _ in range(max(10, days * 5))]
    times = []
    for _ in range(n):
        if rng.random() < 0.3:  # 30% of trades come in bursts around news
            offset = min(max(rng.gauss(rng.choice(bursts), 120), 0), span - 1)
        else:
            offset = rng.uniform(0, span)
        times.append(offset)
    times.sort()
    # Out of order: shuffle within windows of 500 arrivals; 1% arrive up to a day late.
    for i in range(0, n, 500):
        window = times[i:i + 500]
        rng.shuffle(window)
        times[i:i + 500] = window
    out = []
    for t in times:
        if rng.random() < 0.01:
            t = max(t - rng.uniform(0, 86_400), 0)
        out.append(start + timedelta(seconds=t))
    return out


def _tickers(rng: random.Random, n: int, count: int = 500) -> list[str]:
    """Skewed: a few markets carry most trades (Zipf-like weights)."""
    names = [f"KX{i:04d}" for i in range(count)]
    weights = [1 / (i + 1) ** 1.1 for i in range(count)]
    return rng.choices(names, weights, k=n)


def exchange_trades_csv(n: int, start: datetime, days: int, seed: int = SEED, id_prefix: str = "T") -> bytes:
    rng = random.Random(seed)
    buf = io.StringIO()
    for i, (ticker, ts) in enumerate(zip(_tickers(rng, n), _arrivals(rng, n, start, days))):
        yes = rng.randint(1, 99)
        buf.write(f"{id_prefix}{i:09d},{ticker},{ts.isoformat()},{yes},{100 - yes},{1 + int(rng.expovariate(0.2))},"
                  f"{'yes' if rng.random() < 0.5 else 'no'}\n")
    return buf.getvalue().encode()


def crypto_trades_csv(n: int, start: datetime, days: int, seed: int = SEED) -> bytes:
    rng = random.Random(seed + 1)
    symbols = [f"SYM{i:03d}USDT" for i in range(200)]
    weights = [1 / (i + 1) ** 1.2 for i in range(200)]
    buf = io.StringIO()
    for i, (symbol, ts) in enumerate(zip(rng.choices(symbols, weights, k=n), _arrivals(rng, n, start, days))):
        price = round(100 * (1 + rng.random()), 4)
        buf.write(f"{symbol},{ts.isoformat()},{i},{price},{round(rng.expovariate(2), 6) + 0.000001},"
                  f"{'t' if rng.random() < 0.5 else 'f'},{'buy' if rng.random() < 0.5 else 'sell'}\n")
    return buf.getvalue().encode()


EXCHANGE_COLUMNS = "trade_id, ticker, ts, yes_price, no_price, count, taker_side"
CRYPTO_COLUMNS = "symbol, trade_ts, trade_id, price, quantity, is_buyer_maker, side"


def upsert_batches(sizes: Sizes, start: datetime, days: int, seed: int) -> list[list[list[str]]]:
    """Batches of which 10% repeat rows already sent, the way connectors re-deliver."""
    rng = random.Random(seed)
    fresh_per_batch = sizes.batch_rows * 9 // 10
    csv = exchange_trades_csv(sizes.upsert_batches * fresh_per_batch, start, days, seed, id_prefix="U").decode()
    rows = [line.split(",") for line in csv.splitlines()]
    batches: list[list[list[str]]] = []
    sent: list[list[str]] = []
    for b in range(sizes.upsert_batches):
        new = rows[b * fresh_per_batch:(b + 1) * fresh_per_batch]
        # The first batch can only repeat itself; later ones repeat what earlier ones stored.
        repeats = rng.sample(sent or new, sizes.batch_rows - fresh_per_batch)
        batches.append(new + repeats)
        sent.extend(new)
    return batches


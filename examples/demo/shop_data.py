"""Acme Shop's sample data: a deterministic product catalogue and 120 days of orders (stdlib only)."""

from __future__ import annotations

import datetime as dt
import functools
import random
from dataclasses import dataclass

REGIONS = ("North", "South", "East", "West")
STATUSES = ("pending", "paid", "shipped", "returned")
TODAY = dt.date(2025, 6, 30)  # fixed, so every run shows the same numbers
VAT_RATE = 0.20


@dataclass(frozen=True)
class Product:
    sku: str
    name: str
    category: str
    price: float
    unit_cost: float
    stock: int


@dataclass(frozen=True)
class Order:
    number: int
    day: dt.date
    sku: str
    quantity: int
    region: str
    status: str

    @property
    def revenue(self) -> float:
        return round(PRODUCTS_BY_SKU[self.sku].price * self.quantity, 2)


PRODUCTS = (
    Product("MUG-01", "Enamel mug", "Kitchen", 14.0, 5.2, 140),
    Product("MUG-02", "Espresso cup set", "Kitchen", 32.0, 13.5, 35),
    Product("TEA-01", "Loose-leaf tea tin", "Pantry", 9.5, 3.1, 410),
    Product("TEA-02", "Matcha starter kit", "Pantry", 42.0, 19.0, 12),
    Product("BAG-01", "Canvas tote", "Accessories", 18.0, 6.0, 260),
    Product("BAG-02", "Leather weekender", "Accessories", 189.0, 88.0, 7),
    Product("LMP-01", "Desk lamp", "Home", 64.0, 29.0, 44),
    Product("LMP-02", "Paper lantern", "Home", 22.0, 8.4, 0),
)
PRODUCTS_BY_SKU = {product.sku: product for product in PRODUCTS}


@functools.lru_cache(maxsize=1)
def all_orders() -> tuple[Order, ...]:
    """Every order of the last 120 days (cached: the data never changes while the app runs)."""
    rng = random.Random(20250630)
    orders = []
    number = 10_000
    for days_ago in range(120, -1, -1):
        day = TODAY - dt.timedelta(days=days_ago)
        for _ in range(rng.randint(6, 14 + (120 - days_ago) // 12)):
            number += 1
            product = rng.choice(PRODUCTS)
            status = "pending" if days_ago < 2 else rng.choices(STATUSES, (1, 5, 12, 1))[0]
            orders.append(
                Order(number, day, product.sku, rng.randint(1, 4), rng.choice(REGIONS), status)
            )
    return tuple(orders)


@functools.lru_cache(maxsize=64)
def orders_in(region: str | None, days: int) -> tuple[Order, ...]:
    """Orders of the last ``days`` days in ``region`` (None: every region).

    Arguments are hashable on purpose: the callbacks pass dropdown values, never lists.
    """
    since = TODAY - dt.timedelta(days=days)
    return tuple(
        order
        for order in all_orders()
        if order.day > since and (region is None or order.region == region)
    )


def daily_revenue(orders: tuple[Order, ...]) -> tuple[list[dt.date], list[float]]:
    """Revenue per day, days in order, returns excluded."""
    totals: dict[dt.date, float] = {}
    for order in orders:
        if order.status != "returned":
            totals[order.day] = totals.get(order.day, 0.0) + order.revenue
    days = sorted(totals)
    return days, [round(totals[day], 2) for day in days]


def revenue_on(day: dt.date, region: str | None) -> dict[str, float]:
    """Revenue per category on one day."""
    by_category: dict[str, float] = {}
    for order in orders_in(region, 120):
        if order.day == day and order.status != "returned":
            category = PRODUCTS_BY_SKU[order.sku].category
            by_category[category] = by_category.get(category, 0.0) + order.revenue
    return by_category

"""Query plans that grow with the data (issue 16): each public page's queries are EXPLAINed at
100,000 articles, and a plan that filters away or sorts more than PLAN_ROWS rows is a miss,
whatever its time today: it becomes slow as the archive grows."""

from django.db import connection, transaction

PLAN_ROWS = 1000
FILTERED = (
    "Rows Removed by Filter",
    "Rows Removed by Join Filter",
    "Rows Removed by Index Recheck",
)


class _RolledBack(Exception):
    pass


def explain(sql):
    """The executed plan of a SELECT (run once, inside a transaction rolled back)."""
    plan = None
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}")
                plan = cursor.fetchone()[0][0]["Plan"]
            raise _RolledBack
    except _RolledBack:
        pass
    return plan


def nodes(plan):
    yield plan
    for child in plan.get("Plans", ()):
        yield from nodes(child)


def plan_costs(plan):
    """(rows filtered away, rows sorted), the largest of any node of the plan."""
    filtered = sorted_rows = 0
    for node in nodes(plan):
        loops = node.get("Actual Loops", 1)
        filtered = max(filtered, sum(node.get(name, 0) for name in FILTERED) * loops)
        if node["Node Type"] == "Sort" and node.get("Plans"):
            sorted_rows = max(sorted_rows, node["Plans"][0]["Actual Rows"] * loops)
    return filtered, sorted_rows


def worst_plans(statements):
    """The page's worst plan for each measure: {"filtered": (rows, sql), "sorted": (rows, sql)}."""
    worst = {"filtered": (0, ""), "sorted": (0, "")}
    for sql in statements:
        if not sql.lstrip().upper().startswith(("SELECT", "WITH", "(SELECT")):
            continue
        plan = explain(sql)
        if plan is None:
            continue
        filtered, sorted_rows = plan_costs(plan)
        if filtered > worst["filtered"][0]:
            worst["filtered"] = (filtered, sql)
        if sorted_rows > worst["sorted"][0]:
            worst["sorted"] = (sorted_rows, sql)
    return worst

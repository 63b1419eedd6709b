"""An analyst's query through python3's sqlite3, timed in the process (the bench spawns it).

    python3 bench/sql-timing.py STORE_DB "SQL" [PARAM...]

Prints one JSON line: {"ms": query time (execute + fetchall), "rows": rows returned}.
"""
import json
import sqlite3
import sys
import time

db, query, *params = sys.argv[1:]
connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
started = time.perf_counter()
rows = connection.execute(query, params).fetchall()
print(json.dumps({"ms": (time.perf_counter() - started) * 1000, "rows": len(rows)}))

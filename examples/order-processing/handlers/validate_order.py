"""Validates an order: it needs items with positive quantities. Returns the total."""
import json
import sys

order = json.load(sys.stdin)
items = order.get("items", [])
valid = bool(items) and all(i.get("quantity", 0) > 0 and i.get("price", 0) >= 0 for i in items)
total = round(sum(i.get("price", 0) * i.get("quantity", 0) for i in items), 2)
json.dump({"valid": valid, "total": total}, sys.stdout)

"""Tells the customer what happened to their order."""
import json
import sys

order = json.load(sys.stdin)
if "shipment" in order:
    message = f"Order {order['orderId']} is on its way: {order['shipment']['trackingNumber']}"
else:
    message = order.get("notice", {}).get("message", f"Order {order['orderId']} needs attention")
json.dump({"orderId": order["orderId"], "notified": True, "message": message}, sys.stdout)

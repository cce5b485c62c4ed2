import os


def lambda_handler(event, context):
    """Checks the order and adds its total; an order without items is refused."""
    items = event.get("items") or []
    if not items:
        raise ValueError(f"order {event.get('orderId')} has no items")
    total = sum(item["price"] * item.get("quantity", 1) for item in items)
    print(f"validated {event['orderId']} in {os.environ['STAGE']}")
    return {**event, "total": round(total, 2), "stage": os.environ["STAGE"]}

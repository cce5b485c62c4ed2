import time


def lambda_handler(event, context):
    """Books the shipment; the slow carrier takes longer than the function's Timeout."""
    if event.get("carrier") == "slow":
        time.sleep(context.get_remaining_time_in_millis() / 1000 + 5)
    return {"trackingNumber": f"TRK-{event['orderId']}"}

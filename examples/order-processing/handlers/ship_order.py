"""Ships an order; only a few countries are served. Fails the way a Lambda function fails."""
import json
import sys

request = json.load(sys.stdin)
country = request.get("address", {}).get("country")
if country not in {"DE", "FR", "NL", "US"}:
    json.dump({"errorType": "AddressUnsupported", "errorMessage": f"we do not ship to {country}"}, sys.stdout)
    sys.exit(1)
json.dump({"trackingNumber": f"TRK-{request['orderId']}"}, sys.stdout)

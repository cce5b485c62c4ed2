"""Stands in for SQS: writes the message body (with its task token) to outbox/<orderId>.json
for the approval service to pick up, and answers as sqs:sendMessage does."""
import json
import pathlib
import sys
import uuid

request = json.load(sys.stdin)
body = request["MessageBody"]
outbox = pathlib.Path(__file__).resolve().parent.parent / "outbox"
outbox.mkdir(exist_ok=True)
(outbox / f"{body['orderId']}.json").write_text(json.dumps(body))
json.dump({"MessageId": str(uuid.uuid4()), "MD5OfMessageBody": ""}, sys.stdout)

"""Stands in for SQS: writes the message body (with its task token) to outbox/<orderId>.json
(or to $APPROVAL_OUTBOX) for the approval service to pick up, and answers as
sqs:sendMessage does."""
import json
import os
import pathlib
import sys
import uuid

request = json.load(sys.stdin)
body = request["MessageBody"]
default = pathlib.Path(__file__).resolve().parent.parent / "outbox"
outbox = pathlib.Path(os.environ.get("APPROVAL_OUTBOX") or default)
outbox.mkdir(exist_ok=True)
(outbox / f"{body['orderId']}.json").write_text(json.dumps(body))
json.dump({"MessageId": str(uuid.uuid4()), "MD5OfMessageBody": ""}, sys.stdout)

"""The approval service: another process that reads the pending requests from outbox/ (or
$APPROVAL_OUTBOX) and answers each one with `sfn send-task-success`: the decision approves
amounts up to a limit.

    python3 approve.py [--sfn PATH] [--limit 1000]
"""
import argparse
import json
import os
import pathlib
import subprocess

ap = argparse.ArgumentParser()
ap.add_argument("--sfn", default="sfn")
ap.add_argument("--limit", type=float, default=1000)
args = ap.parse_args()

default = pathlib.Path(__file__).resolve().parent / "outbox"
outbox = pathlib.Path(os.environ.get("APPROVAL_OUTBOX") or default)
for request in sorted(outbox.glob("*.json")):
    body = json.loads(request.read_text())
    decision = {"approved": body["amount"] <= args.limit, "approver": "approval-service"}
    subprocess.run(
        [args.sfn, "send-task-success", "--task-token", body["taskToken"],
         "--task-output", json.dumps(decision)],
        check=True,
    )
    request.unlink()
    print(f"{body['orderId']}: {'approved' if decision['approved'] else 'rejected'}")

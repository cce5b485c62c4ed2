#!/usr/bin/env python3
"""A fulfilment worker: reads shipping requests from an SQS queue and answers each one's
task token with `sfn send-task-success`, as a real worker would with the AWS CLI.

    worker.py --queue-url URL --sfn PATH [--count N]

AWS settings (endpoint, credentials, region) and SFN_DB come from the environment.
"""
import argparse
import json
import subprocess
import sys
import time

import boto3


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--queue-url", required=True)
    parser.add_argument("--sfn", required=True)
    parser.add_argument("--count", type=int, default=1)
    args = parser.parse_args()
    sqs = boto3.client("sqs")
    answered = 0
    deadline = time.monotonic() + 60
    while answered < args.count:
        if time.monotonic() > deadline:
            print(f"worker: answered {answered} of {args.count} requests in 60 s", file=sys.stderr)
            return 1
        received = sqs.receive_message(
            QueueUrl=args.queue_url, MaxNumberOfMessages=1, WaitTimeSeconds=1
        )
        for message in received.get("Messages", []):
            request = json.loads(message["Body"])
            output = {"trackingNumber": f"TRK-{request['orderId']}"}
            subprocess.run(
                [args.sfn, "send-task-success", "--task-token", request["taskToken"],
                 "--task-output", json.dumps(output)],
                check=True,
            )
            sqs.delete_message(QueueUrl=args.queue_url, ReceiptHandle=message["ReceiptHandle"])
            answered += 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The mocked conformance corpus (../shared/conformance/cases-mocked), run with NO mock file
but a real moto_server behind the service endpoints: how many executions match what AWS
recorded, when the Tasks really call SQS, SNS, DynamoDB and EventBridge.

Only the cases whose Task resources `sfn` sends to endpoints and moto implements are run:
the optimized sqs:sendMessage, sns:publish, dynamodb:getItem/putItem/updateItem/deleteItem
and events:putEvents, and aws-sdk:dynamodb/sqs/sns/eventbridge. Lambda cases are left out
(moto runs functions only in Docker). The resources a recorded test created (tables named
in the input, `<<sqs_create_queue()>>`, `<<sns_create_topic().TopicArn>>`...) are created in
moto first, and the recording's placeholder rule is applied to the real name.

Two figures: strict (the runner's own comparison, so `SdkHttpMetadata` must carry AWS's
headers, which moto's server does not send), and with `SdkHttpMetadata` and
`SdkResponseMetadata` left out of both sides. Needs boto3 and moto[server] (tests/services/
run.sh installs them into target/ci-venv):

    target/ci-venv/bin/python benches/moto_corpus.py --sfn $PWD/target/release/sfn
"""
import argparse
import copy
import importlib.util
import json
import os
import re
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

OPTIMIZED = {"sqs:sendMessage", "sns:publish", "dynamodb:getItem", "dynamodb:putItem",
             "dynamodb:updateItem", "dynamodb:deleteItem", "events:putEvents"}
SDK_SERVICES = {"dynamodb", "sqs", "sns", "eventbridge"}
RESOURCE = re.compile(r"arn:aws:states:::([a-z0-9-]+(?::[a-z0-9-]+)?):([A-Za-z0-9]+)")
META_KEYS = ("SdkHttpMetadata", "SdkResponseMetadata")


def load_runner(path):
    spec = importlib.util.spec_from_file_location("conformance_run", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def task_resources(definition):
    text = json.dumps(definition)
    out = set(RESOURCE.findall(text))
    if "arn:aws:lambda:" in text:
        out.add(("lambda-function", ""))
    return out


def served(definition):
    resources = task_resources(definition)
    if not resources:
        return False
    for service, action in resources:
        if service.startswith("aws-sdk:"):
            if service.split(":", 1)[1] not in SDK_SERVICES:
                return False
        elif f"{service}:{action}" not in OPTIMIZED:
            return False
    return True


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def set_up(case, boto3):
    """Creates what the recorded test created; returns (input text, extra normalise rules)."""
    text = case["input"]
    rules = []
    replacements = {r["regex"]: r["replacement"] for r in case.get("normalise", [])
                    if r.get("kind") == "regex"}

    def substitute(placeholder, real):
        nonlocal text
        if placeholder not in text:
            return
        text = text.replace(placeholder, real)
        pattern = re.escape(placeholder)
        replacement = replacements.get(pattern) or replacements.get(placeholder)
        if replacement is not None:
            rules.append({"kind": "regex", "regex": re.escape(real), "replacement": replacement,
                          "priority": -1})

    suffix = uuid.uuid4().hex[:8]
    if "<<sqs_create_queue()>>" in text:
        url = boto3.client("sqs").create_queue(QueueName=f"queue-{suffix}")["QueueUrl"]
        substitute("<<sqs_create_queue()>>", url)
    if "<<events_to_sqs_queue()>>" in text:
        sqs = boto3.client("sqs")
        url = sqs.create_queue(QueueName=f"events-{suffix}")["QueueUrl"]
        arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        substitute("<<events_to_sqs_queue()>>", arn)
    if "<<sns_create_topic().TopicArn>>" in text:
        sns = boto3.client("sns")
        if "fifo" in case["name"]:
            dedup = "true" if case["name"].endswith("-True") else "false"
            arn = sns.create_topic(Name=f"topic-{suffix}.fifo",
                                   Attributes={"FifoTopic": "true",
                                               "ContentBasedDeduplication": dedup})["TopicArn"]
        else:
            arn = sns.create_topic(Name=f"topic-{suffix}")["TopicArn"]
        substitute("<<sns_create_topic().TopicArn>>", arn)
    table = json.loads(text).get("TableName") if text.strip().startswith("{") else None
    if isinstance(table, str) and not table.startswith("no_such"):
        ddb = boto3.client("dynamodb")
        if table not in ddb.list_tables()["TableNames"]:
            ddb.create_table(TableName=table,
                             KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                             AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                             BillingMode="PAY_PER_REQUEST")
    # LocalStack's SQS/SNS transformers (opaque in the corpus) named these values by key.
    for key, name in (("MD5OfMessageBody", "m-d5-of-message-body"),
                      ("MD5OfMessageAttributes", "m-d5-of-message-attributes"),
                      ("SequenceNumber", "sequence-number")):
        rules.append({"kind": "key_value", "key": key, "replacement": name, "priority": 0})
    return text, rules


def strip_meta(value):
    """value without SdkHttpMetadata/SdkResponseMetadata, inside JSON text too."""
    if isinstance(value, dict):
        return {k: strip_meta(v) for k, v in value.items() if k not in META_KEYS}
    if isinstance(value, list):
        return [strip_meta(v) for v in value]
    if isinstance(value, str) and value.startswith("{") and any(k in value for k in META_KEYS):
        try:
            return json.dumps(strip_meta(json.loads(value)))
        except ValueError:
            return value
    return value


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sfn", required=True, help="absolute path of the sfn binary")
    parser.add_argument("--runner", default=str(Path(__file__).resolve().parents[1].parent
                                                / "shared/conformance/run.py"))
    parser.add_argument("--cases", default=None, help="default: cases-mocked beside the runner")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    runner = load_runner(args.runner)
    cases_dir = Path(args.cases or Path(args.runner).parent / "cases-mocked")
    import boto3

    port = free_port()
    moto = subprocess.Popen([str(Path(sys.executable).parent / "moto_server"), "-H", "127.0.0.1",
                             "-p", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        os.environ.update({"AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}",
                           "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                           "AWS_DEFAULT_REGION": "us-east-1", "AWS_REGION": "us-east-1"})
        for key in ("SFN_MOCK_CONFIG", "SFN_HANDLERS"):
            os.environ.pop(key, None)
        strict = loose = total = 0
        for path in sorted(cases_dir.rglob("*.json")):
            case = json.loads(path.read_text())
            if "definition" not in case or not served(case["definition"]):
                continue
            total += 1
            case = copy.deepcopy(case)
            case.pop("mock_config", None)
            case["input"], rules = set_up(case, boto3)
            case["normalise"] = rules + case.get("normalise", [])
            raw = runner.run_cli_case(args.sfn, case, 60)
            res = runner.compare(case, raw)
            ok = res["outcome_match"] and res["history_match"]
            meta_case = copy.deepcopy(case)
            meta_case["expected"] = strip_meta(meta_case["expected"])
            res_loose = runner.compare(meta_case, strip_meta(raw))
            ok_loose = res_loose["outcome_match"] and res_loose["history_match"]
            strict += ok
            loose += ok_loose
            mark = "PASS" if ok else ("pass without SdkHttpMetadata" if ok_loose else "FAIL")
            print(f"{mark:30} {path.relative_to(cases_dir)}")
            if args.verbose and not ok_loose:
                detail = res_loose.get("detail") or res_loose.get("outcome_problems") \
                    or res_loose.get("history_diff")
                print(f"    {str(detail)[:1200]}")
        print(f"{total} cases run against moto_server")
        print(f"strict: {strict} match AWS's recordings")
        print(f"without SdkHttpMetadata/SdkResponseMetadata: {loose} match")
    finally:
        moto.terminate()
        moto.wait(timeout=10)


if __name__ == "__main__":
    main()

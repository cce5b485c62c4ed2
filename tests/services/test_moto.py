"""Workflows whose Tasks call DynamoDB, SNS, SQS and EventBridge, run by `sfn` against a real
moto_server (MOTO_URL, started by run.sh); boto3 checks what they wrote. `sfn` gets the
endpoint the way the AWS SDKs do (AWS_ENDPOINT_URL) and dummy credentials."""
import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import boto3
import pytest

SFN = os.environ["SFN_BIN"]
HERE = Path(__file__).parent


@pytest.fixture
def aws_env(tmp_path, monkeypatch):
    """The environment of `sfn`, the worker and boto3 here: moto's endpoint, dummy
    credentials, a fresh store."""
    env = {
        "AWS_ENDPOINT_URL": os.environ["MOTO_URL"],
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_REGION": "us-east-1",
        "SFN_DB": str(tmp_path / "sfn.db"),
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    for key in ("SFN_MOCK_CONFIG", "SFN_HANDLERS", "AWS_PROFILE"):
        monkeypatch.delenv(key, raising=False)
    return dict(os.environ)


def unique(name):
    return f"{name}-{uuid.uuid4().hex[:8]}"


def orders_table(name):
    ddb = boto3.client("dynamodb")
    ddb.create_table(
        TableName=name,
        KeySchema=[{"AttributeName": "orderId", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "orderId", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    return ddb


def write_definition(tmp_path, definition):
    path = tmp_path / "workflow.asl.json"
    path.write_text(json.dumps(definition))
    return str(path)


def run(env, path, payload):
    """`sfn run`: (exit code, printed JSON)."""
    done = subprocess.run(
        [SFN, "run", path, "--input", json.dumps(payload)],
        env=env, capture_output=True, text=True, timeout=120,
    )
    return done.returncode, json.loads(done.stdout)


def test_order_workflow_writes_publishes_and_waits_for_the_worker(tmp_path, aws_env):
    table, queue, notices = unique("orders"), unique("fulfilment"), unique("notices")
    ddb = orders_table(table)
    sqs = boto3.client("sqs")
    sns = boto3.client("sns")
    queue_url = sqs.create_queue(QueueName=queue)["QueueUrl"]
    topic = sns.create_topic(Name=unique("order-events"))["TopicArn"]
    # The topic's subscriber: a queue, read below to see what was published.
    notices_url = sqs.create_queue(QueueName=notices)["QueueUrl"]
    notices_arn = sqs.get_queue_attributes(
        QueueUrl=notices_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=notices_arn,
                  Attributes={"RawMessageDelivery": "true"})

    definition = {
        "StartAt": "Record order",
        "States": {
            "Record order": {
                "Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem",
                "Parameters": {"TableName": table, "Item": {
                    "orderId": {"S.$": "$.orderId"}, "status": {"S": "NEW"},
                    "total": {"N.$": "States.Format('{}', $.total)"}}},
                "ResultPath": None, "Next": "Announce"},
            "Announce": {
                "Type": "Task", "Resource": "arn:aws:states:::sns:publish",
                "Parameters": {"TopicArn": topic,
                               "Message": {"event": "OrderPlaced", "orderId.$": "$.orderId"}},
                "ResultSelector": {"messageId.$": "$.MessageId"},
                "ResultPath": "$.announced", "Next": "Ship"},
            "Ship": {
                "Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                "Parameters": {"QueueUrl": queue_url,
                               "MessageBody": {"orderId.$": "$.orderId",
                                               "taskToken.$": "$$.Task.Token"}},
                "TimeoutSeconds": 120, "ResultPath": "$.shipment", "Next": "Mark shipped"},
            "Mark shipped": {
                "Type": "Task", "Resource": "arn:aws:states:::dynamodb:updateItem",
                "Parameters": {"TableName": table,
                               "Key": {"orderId": {"S.$": "$.orderId"}},
                               "UpdateExpression": "SET #s = :s, tracking = :t",
                               "ExpressionAttributeNames": {"#s": "status"},
                               "ExpressionAttributeValues": {
                                   ":s": {"S": "SHIPPED"},
                                   ":t": {"S.$": "$.shipment.trackingNumber"}}},
                "ResultPath": None, "End": True},
        },
    }
    path = write_definition(tmp_path, definition)
    order = {"orderId": "o-1001", "total": 42}
    sfn_run = subprocess.Popen(
        [SFN, "run", path, "--input", json.dumps(order)],
        env=aws_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    worker = subprocess.run(
        [sys.executable, str(HERE / "worker.py"), "--queue-url", queue_url, "--sfn", SFN],
        env=aws_env, capture_output=True, text=True, timeout=90)
    assert worker.returncode == 0, worker.stderr
    out, err = sfn_run.communicate(timeout=90)
    assert sfn_run.returncode == 0, err
    result = json.loads(out)
    assert result["shipment"] == {"trackingNumber": "TRK-o-1001"}
    assert set(result["announced"]) == {"messageId"}

    item = ddb.get_item(TableName=table, Key={"orderId": {"S": "o-1001"}})["Item"]
    assert item == {"orderId": {"S": "o-1001"}, "status": {"S": "SHIPPED"},
                    "total": {"N": "42"}, "tracking": {"S": "TRK-o-1001"}}
    published = sqs.receive_message(QueueUrl=notices_url, WaitTimeSeconds=1)["Messages"]
    assert [json.loads(m["Body"]) for m in published] == [
        {"event": "OrderPlaced", "orderId": "o-1001"}]
    assert sqs.receive_message(QueueUrl=queue_url).get("Messages", []) == []


def test_a_conditional_check_failure_is_caught(tmp_path, aws_env):
    table = unique("orders")
    ddb = orders_table(table)
    ddb.put_item(TableName=table, Item={"orderId": {"S": "o-1"}, "status": {"S": "NEW"}})
    definition = {
        "StartAt": "Reserve",
        "States": {
            "Reserve": {
                "Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem",
                "Parameters": {"TableName": table,
                               "Item": {"orderId": {"S.$": "$.orderId"}, "status": {"S": "DUP"}},
                               "ConditionExpression": "attribute_not_exists(orderId)"},
                "Catch": [{"ErrorEquals": ["DynamoDB.ConditionalCheckFailedException"],
                           "ResultPath": "$.error", "Next": "Already placed"}],
                "End": True},
            "Already placed": {"Type": "Pass", "End": True},
        },
    }
    code, output = run(aws_env, write_definition(tmp_path, definition), {"orderId": "o-1"})
    assert code == 0, output
    assert output["error"]["Error"] == "DynamoDB.ConditionalCheckFailedException"
    assert output["error"]["Cause"].startswith("The conditional request failed (Service: "
                                               "AmazonDynamoDBv2; Status Code: 400; Error Code: "
                                               "ConditionalCheckFailedException; Request ID: ")
    # The item is untouched.
    item = ddb.get_item(TableName=table, Key={"orderId": {"S": "o-1"}})["Item"]
    assert item["status"] == {"S": "NEW"}


def test_aws_sdk_tasks_return_the_response_and_name_errors_the_sdk_way(tmp_path, aws_env):
    table = unique("orders")
    ddb = orders_table(table)
    ddb.put_item(TableName=table, Item={"orderId": {"S": "o-9"}, "total": {"N": "5"}})
    definition = {
        "StartAt": "Get",
        "States": {
            "Get": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:dynamodb:getItem",
                    "Parameters": {"TableName": table, "Key": {"orderId": {"S": "o-9"}}},
                    "ResultPath": "$.found", "Next": "Missing table"},
            "Missing table": {
                "Type": "Task", "Resource": "arn:aws:states:::aws-sdk:dynamodb:getItem",
                "Parameters": {"TableName": unique("absent"), "Key": {"orderId": {"S": "o-9"}}},
                "End": True},
        },
    }
    code, output = run(aws_env, write_definition(tmp_path, definition), {})
    assert code == 1
    assert output["status"] == "FAILED"
    assert output["error"] == "DynamoDb.ResourceNotFoundException"
    assert " (Service: DynamoDb, Status Code: 400, Request ID: " in output["cause"]
    history = subprocess.run(
        [SFN, "history", "last", "--output", "json"],
        env=aws_env, capture_output=True, text=True, check=True)
    events = json.loads(history.stdout)
    events = events.get("events", events) if isinstance(events, dict) else events
    succeeded = [e for e in events if e["type"] == "TaskSucceeded"]
    assert json.loads(succeeded[0]["taskSucceededEventDetails"]["output"]) == {
        "Item": {"orderId": {"S": "o-9"}, "total": {"N": "5"}}}


def test_put_events_returns_the_event_ids(tmp_path, aws_env):
    definition = {
        "StartAt": "Emit",
        "States": {"Emit": {
            "Type": "Task", "Resource": "arn:aws:states:::events:putEvents",
            "Parameters": {"Entries": [{"Source": "shop.orders", "DetailType": "OrderPlaced",
                                        "Detail": {"orderId.$": "$.orderId"}}]},
            "End": True}},
    }
    code, output = run(aws_env, write_definition(tmp_path, definition), {"orderId": "o-5"})
    assert code == 0, output
    assert output["FailedEntryCount"] == 0
    assert len(output["Entries"]) == 1 and output["Entries"][0]["EventId"]


def test_an_sdk_user_through_sfn_serve(tmp_path, aws_env):
    """The same calls through `sfn serve`: boto3 starts the execution and, as the queue's
    worker, answers the callback; the server's Tasks reach moto."""
    queue_url = boto3.client("sqs").create_queue(QueueName=unique("approvals"))["QueueUrl"]
    server = subprocess.Popen([SFN, "serve", "--port", "0"], env=aws_env,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        endpoint = None
        for line in server.stdout:
            if line.startswith("endpoint_url="):
                endpoint = line.strip().split("=", 1)[1]
                break
        assert endpoint, "sfn serve printed no endpoint_url"
        sfn = boto3.client("stepfunctions", endpoint_url=endpoint)
        definition = {
            "StartAt": "Ask",
            "States": {"Ask": {
                "Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                "Parameters": {"QueueUrl": queue_url,
                               "MessageBody": {"orderId.$": "$.orderId",
                                               "taskToken.$": "$$.Task.Token"}},
                "TimeoutSeconds": 60, "End": True}},
        }
        machine = sfn.create_state_machine(
            name="approvals", definition=json.dumps(definition),
            roleArn="arn:aws:iam::123456789012:role/sfn")["stateMachineArn"]
        execution = sfn.start_execution(stateMachineArn=machine,
                                        input=json.dumps({"orderId": "o-3"}))["executionArn"]
        sqs = boto3.client("sqs")
        messages = []
        for _ in range(30):
            messages = sqs.receive_message(QueueUrl=queue_url, WaitTimeSeconds=1).get("Messages", [])
            if messages:
                break
        assert len(messages) == 1
        request = json.loads(messages[0]["Body"])
        assert request["orderId"] == "o-3"
        sfn.send_task_success(taskToken=request["taskToken"], output=json.dumps({"approved": True}))
        for _ in range(500):
            described = sfn.describe_execution(executionArn=execution)
            if described["status"] != "RUNNING":
                break
            time.sleep(0.02)
        assert described["status"] == "SUCCEEDED"
        assert json.loads(described["output"]) == {"approved": True}
        events = sfn.get_execution_history(executionArn=execution)["events"]
        submitted = [e for e in events if e["type"] == "TaskSubmitted"]
        assert json.loads(submitted[0]["taskSubmittedEventDetails"]["output"])["MessageId"] == \
            messages[0]["MessageId"]
    finally:
        server.terminate()
        server.wait(timeout=10)

"""boto3 against `sfn serve`: every operation, the error codes boto3 raises as its own
exception classes, paging, an activity worker loop, a callback, a redrive,
StartSyncExecution."""

import json
import time
import uuid

import pytest
from botocore.exceptions import ClientError, EndpointConnectionError

from conftest import ROLE, Serve, definition

ACCOUNT = "123456789012"


def arn(kind, name):
    return f"arn:aws:states:us-east-1:{ACCOUNT}:{kind}:{name}"


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def machine(sfn, states, name=None, **kw):
    return sfn.create_state_machine(name=name or unique("m"), definition=definition(states), roleArn=ROLE,
                                    **kw)["stateMachineArn"]


def wait_final(sfn, execution_arn, seconds=30):
    deadline = time.monotonic() + seconds
    while True:
        d = sfn.describe_execution(executionArn=execution_arn)
        if d["status"] != "RUNNING":
            return d
        assert time.monotonic() < deadline, f"{execution_arn} still RUNNING"
        time.sleep(0.02)


def worker_task(sfn, activity_arn, seconds=30):
    """An activity worker's loop: poll until a task comes."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        task = sfn.get_activity_task(activityArn=activity_arn, workerName="py-worker")
        if task.get("taskToken"):
            return task
    raise AssertionError("no activity task")


def code(excinfo):
    return excinfo.value.response["Error"]["Code"]


PASS = {"P": {"Type": "Pass", "Result": {"ok": True}, "End": True}}


def test_state_machine_lifecycle_versions_aliases_and_tags(sfn):
    name = unique("lifecycle")
    made = sfn.create_state_machine(name=name, definition=definition(PASS), roleArn=ROLE,
                                    tags=[{"key": "team", "value": "a"}], publish=True)
    sm = made["stateMachineArn"]
    assert made["stateMachineVersionArn"] == sm + ":1"
    d = sfn.describe_state_machine(stateMachineArn=sm)
    assert d["name"] == name and d["type"] == "STANDARD"
    assert d["creationDate"].year >= 2024  # a datetime: the timestamp parsed
    assert any(m["name"] == name for m in sfn.list_state_machines()["stateMachines"])
    updated = sfn.update_state_machine(stateMachineArn=sm, definition=definition(
        {"P": {"Type": "Pass", "Result": 2, "End": True}}), publish=True, versionDescription="two")
    assert updated["stateMachineVersionArn"] == sm + ":2"
    assert "updateDate" in updated
    v3 = sfn.publish_state_machine_version(stateMachineArn=sm)  # nothing changed: the same version
    assert v3["stateMachineVersionArn"] == sm + ":2"
    versions = sfn.list_state_machine_versions(stateMachineArn=sm)["stateMachineVersions"]
    assert [v["stateMachineVersionArn"] for v in versions] == [sm + ":2", sm + ":1"]
    alias = sfn.create_state_machine_alias(name="live", routingConfiguration=[
        {"stateMachineVersionArn": sm + ":1", "weight": 100}])["stateMachineAliasArn"]
    assert alias == sm + ":live"
    sfn.update_state_machine_alias(stateMachineAliasArn=alias, description="now v2", routingConfiguration=[
        {"stateMachineVersionArn": sm + ":2", "weight": 100}])
    da = sfn.describe_state_machine_alias(stateMachineAliasArn=alias)
    assert da["description"] == "now v2" and "updateDate" in da
    assert [a["stateMachineAliasArn"] for a in
            sfn.list_state_machine_aliases(stateMachineArn=sm)["stateMachineAliases"]] == [alias]
    ex = sfn.start_execution(stateMachineArn=alias)
    assert wait_final(sfn, ex["executionArn"])["output"] == "2"
    sfn.tag_resource(resourceArn=sm, tags=[{"key": "env", "value": "dev"}])
    tags = sfn.list_tags_for_resource(resourceArn=sm)["tags"]
    assert {t["key"]: t["value"] for t in tags} == {"team": "a", "env": "dev"}
    sfn.untag_resource(resourceArn=sm, tagKeys=["team"])
    assert sfn.list_tags_for_resource(resourceArn=sm)["tags"] == [{"key": "env", "value": "dev"}]
    sfn.delete_state_machine_alias(stateMachineAliasArn=alias)
    sfn.delete_state_machine_version(stateMachineVersionArn=sm + ":1")
    sfn.delete_state_machine(stateMachineArn=sm)
    with pytest.raises(sfn.exceptions.StateMachineDoesNotExist):
        wait_deleted(sfn, sm)


def wait_deleted(sfn, sm):
    for _ in range(500):
        sfn.describe_state_machine(stateMachineArn=sm)
        time.sleep(0.01)


def test_executions_run_in_the_server(sfn):
    sm = machine(sfn, {"P": {"Type": "Pass", "Parameters": {"n.$": "$.n"}, "End": True}})
    started = sfn.start_execution(stateMachineArn=sm, name="run-1", input='{"n": 3}')
    assert started["executionArn"] == arn("execution", sm.split(":")[-1] + ":run-1")
    done = wait_final(sfn, started["executionArn"])
    assert done["status"] == "SUCCEEDED" and json.loads(done["output"]) == {"n": 3}
    assert done["stopDate"] >= done["startDate"]
    for_exec = sfn.describe_state_machine_for_execution(executionArn=started["executionArn"])
    assert for_exec["stateMachineArn"] == sm
    events = sfn.get_execution_history(executionArn=started["executionArn"])["events"]
    assert events[0]["type"] == "ExecutionStarted" and events[-1]["type"] == "ExecutionSucceeded"
    listed = sfn.list_executions(stateMachineArn=sm, statusFilter="SUCCEEDED")["executions"]
    assert [e["name"] for e in listed] == ["run-1"]


def test_paging_with_tokens_and_paginators(sfn):
    sm = machine(sfn, {"W": {"Type": "Pass", "End": True}})
    arns = [sfn.start_execution(stateMachineArn=sm)["executionArn"] for _ in range(5)]
    for a in arns:
        wait_final(sfn, a)
    page = sfn.list_executions(stateMachineArn=sm, maxResults=2)
    assert len(page["executions"]) == 2 and page["nextToken"]
    seen = [e["executionArn"] for p in sfn.get_paginator("list_executions").paginate(
        stateMachineArn=sm, PaginationConfig={"PageSize": 2}) for e in p["executions"]]
    assert sorted(seen) == sorted(arns)
    history = [e for p in sfn.get_paginator("get_execution_history").paginate(
        executionArn=arns[0], PaginationConfig={"PageSize": 1}) for e in p["events"]]
    assert [e["id"] for e in history] == list(range(1, len(history) + 1))
    reverse = sfn.get_execution_history(executionArn=arns[0], reverseOrder=True)["events"]
    assert reverse[0]["type"] == "ExecutionSucceeded"
    with pytest.raises(sfn.exceptions.InvalidToken):
        sfn.list_executions(stateMachineArn=sm, nextToken="not-a-token")


def test_activity_worker_loop_and_activities(sfn):
    name = unique("act")
    act = sfn.create_activity(name=name)["activityArn"]
    assert sfn.describe_activity(activityArn=act)["name"] == name
    assert act in [a["activityArn"] for a in sfn.list_activities()["activities"]]
    sm = machine(sfn, {"Work": {"Type": "Task", "Resource": act, "HeartbeatSeconds": 600, "End": True}})
    ex = sfn.start_execution(stateMachineArn=sm, input='{"job": 1}')["executionArn"]
    assert sfn.describe_execution(executionArn=ex)["status"] == "RUNNING"
    task = worker_task(sfn, act)
    assert json.loads(task["input"]) == {"job": 1}
    sfn.send_task_heartbeat(taskToken=task["taskToken"])
    sfn.send_task_success(taskToken=task["taskToken"], output='{"done": 1}')
    assert wait_final(sfn, ex)["output"] == '{"done":1}'
    with pytest.raises(sfn.exceptions.TaskDoesNotExist):
        sfn.send_task_success(taskToken=task["taskToken"], output="{}")
    sfn.delete_activity(activityArn=act)
    with pytest.raises(sfn.exceptions.ActivityDoesNotExist):
        sfn.describe_activity(activityArn=act)


def test_callback_with_task_token(sfn):
    sm = machine(sfn, {"Ask": {
        "Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        "Parameters": {"QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/q",
                       "MessageBody": {"token.$": "$$.Task.Token"}},
        "End": True}})
    ex = sfn.start_execution(stateMachineArn=sm)["executionArn"]
    token = None
    for _ in range(500):
        for e in sfn.get_execution_history(executionArn=ex)["events"]:
            if e["type"] == "TaskScheduled":
                token = json.loads(e["taskScheduledEventDetails"]["parameters"])["MessageBody"]["token"]
        if token:
            break
        time.sleep(0.02)
    assert token
    with pytest.raises(sfn.exceptions.InvalidOutput):
        sfn.send_task_success(taskToken=token, output="not json")
    sfn.send_task_failure(taskToken=token, error="Denied", cause="no")
    d = wait_final(sfn, ex)
    assert (d["status"], d["error"], d["cause"]) == ("FAILED", "Denied", "no")


def test_stop_and_redrive(sfn):
    act = sfn.create_activity(name=unique("flaky"))["activityArn"]
    sm = machine(sfn, {"Work": {"Type": "Task", "Resource": act, "End": True}})
    ex = sfn.start_execution(stateMachineArn=sm)["executionArn"]
    sfn.send_task_failure(taskToken=worker_task(sfn, act)["taskToken"], error="Boom")
    assert wait_final(sfn, ex)["status"] == "FAILED"
    redriven = sfn.redrive_execution(executionArn=ex)
    assert "redriveDate" in redriven
    sfn.send_task_success(taskToken=worker_task(sfn, act)["taskToken"], output='"fixed"')
    d = wait_final(sfn, ex)
    assert (d["status"], d["redriveCount"], d["output"]) == ("SUCCEEDED", 1, '"fixed"')
    with pytest.raises(sfn.exceptions.ExecutionNotRedrivable):
        sfn.redrive_execution(executionArn=ex)
    waiting = sfn.start_execution(stateMachineArn=sm)["executionArn"]
    stopped = sfn.stop_execution(executionArn=waiting, error="Enough", cause="test")
    assert "stopDate" in stopped
    assert wait_final(sfn, waiting)["status"] == "ABORTED"


def test_start_sync_execution_answers_with_the_result(sfn):
    sm = machine(sfn, PASS, type="EXPRESS")
    r = sfn.start_sync_execution(stateMachineArn=sm, input="{}")
    assert r["status"] == "SUCCEEDED" and json.loads(r["output"]) == {"ok": True}
    standard = machine(sfn, PASS)
    with pytest.raises(sfn.exceptions.StateMachineTypeNotSupported):
        sfn.start_sync_execution(stateMachineArn=standard)


def test_map_runs(sfn):
    sm = machine(sfn, {"M": {
        "Type": "Map", "ItemsPath": "$.items",
        "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                          "StartAt": "I", "States": {"I": {"Type": "Pass", "End": True}}},
        "End": True}})
    ex = sfn.start_execution(stateMachineArn=sm, input='{"items": [1, 2, 3]}')["executionArn"]
    assert wait_final(sfn, ex)["status"] == "SUCCEEDED"
    runs = sfn.list_map_runs(executionArn=ex)["mapRuns"]
    assert len(runs) == 1
    run = sfn.describe_map_run(mapRunArn=runs[0]["mapRunArn"])
    assert run["itemCounts"]["succeeded"] == 3
    with pytest.raises(ClientError) as e:
        sfn.update_map_run(mapRunArn=runs[0]["mapRunArn"], maxConcurrency=2)
    assert code(e) == "ValidationException"  # a finished map run cannot change
    with pytest.raises(sfn.exceptions.ResourceNotFound):
        sfn.describe_map_run(mapRunArn=runs[0]["mapRunArn"] + "x")


def test_validate_and_test_state(sfn):
    ok = sfn.validate_state_machine_definition(definition=definition(PASS))
    assert ok["result"] == "OK"
    bad = sfn.validate_state_machine_definition(definition='{"StartAt": "Nope", "States": {}}')
    assert bad["result"] == "FAIL" and bad["diagnostics"]
    r = sfn.test_state(definition=json.dumps({"Type": "Pass", "Result": 1, "End": True}), roleArn=ROLE)
    assert r["status"] == "SUCCEEDED" and r["output"] == "1"


@pytest.mark.parametrize("call,expected", [
    (lambda c: c.describe_state_machine(stateMachineArn=arn("stateMachine", "missing")), "StateMachineDoesNotExist"),
    (lambda c: c.describe_execution(executionArn=arn("execution", "missing:x")), "ExecutionDoesNotExist"),
    (lambda c: c.describe_execution(executionArn="not-an-arn"), "InvalidArn"),
    (lambda c: c.create_state_machine(name="has space", definition=definition(PASS), roleArn=ROLE), "InvalidName"),
    (lambda c: c.create_state_machine(name=unique("bad"), definition='{"StartAt": "X"}', roleArn=ROLE),
     "InvalidDefinition"),
    (lambda c: c.describe_state_machine_alias(stateMachineAliasArn=arn("stateMachine", "nope:alias")),
     "ResourceNotFound"),
    (lambda c: c.update_state_machine(stateMachineArn=arn("stateMachine", "x")), "MissingRequiredParameter"),
    (lambda c: c.list_activities(nextToken="garbage"), "InvalidToken"),
    (lambda c: c.send_task_success(taskToken="x" * 10, output="{}"), "InvalidToken"),
])
def test_error_codes_raise_boto3_exception_classes(sfn, call, expected):
    with pytest.raises(getattr(sfn.exceptions, expected)):
        call(sfn)


def test_conflicts_and_limits(sfn):
    name = unique("dup")
    sm = sfn.create_state_machine(name=name, definition=definition(PASS), roleArn=ROLE)["stateMachineArn"]
    with pytest.raises(sfn.exceptions.StateMachineAlreadyExists):
        sfn.create_state_machine(name=name, definition=definition({"Q": {"Type": "Succeed"}}), roleArn=ROLE)
    sfn.start_execution(stateMachineArn=sm, name="same", input="{}")
    with pytest.raises(sfn.exceptions.ExecutionAlreadyExists):
        sfn.start_execution(stateMachineArn=sm, name="same", input='{"other": 1}')
    with pytest.raises(sfn.exceptions.InvalidExecutionInput):
        sfn.start_execution(stateMachineArn=sm, input="{not json")
    with pytest.raises(sfn.exceptions.TooManyTags):
        sfn.tag_resource(resourceArn=sm, tags=[{"key": f"k{i}", "value": "v"} for i in range(51)])
    # Checked by the service, not by boto3: an SDK without client-side checks gets it too.
    raw = sfn.meta.client if hasattr(sfn.meta, "client") else sfn
    with pytest.raises(ClientError) as e:
        raw.list_executions(stateMachineArn=sm, statusFilter="RUNNING", maxResults=1001)
    assert code(e) == "ValidationException"


def test_host_prefix_of_start_sync_execution(serve):
    """boto3 puts `sync-` before the endpoint's host for StartSyncExecution and TestState
    unless inject_host_prefix=False: `sync-127.0.0.1` is no host name."""
    prefixed = serve.client(inject_host_prefix=True)
    sm = prefixed.create_state_machine(name=unique("sync"), definition=definition(PASS), roleArn=ROLE,
                                       type="EXPRESS")["stateMachineArn"]
    with pytest.raises(EndpointConnectionError):
        prefixed.start_sync_execution(stateMachineArn=sm)


def test_sigterm_stops_the_server_with_exit_0():
    s = Serve("--quiet")
    c = s.client()
    c.list_state_machines()
    assert s.stop() == 0

// The AWS SDK for JavaScript v3 against `sfn serve`: every operation, the error codes
// (as the SDK's own exception classes), paging, an activity worker loop, a callback, a
// redrive, StartSyncExecution. Run with `node --test` (the binary: $SFN_BIN, default
// target/release/sfn of this checkout).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";
import * as sfnSdk from "@aws-sdk/client-sfn";

const {
  SFNClient,
  paginateListExecutions,
  paginateGetExecutionHistory,
} = sfnSdk;

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const binary = process.env.SFN_BIN || join(root, "target", "release", "sfn");
const ROLE = "arn:aws:iam::123456789012:role/sfn";
let server, dir, endpoint, sfn;

async function startServer() {
  dir = mkdtempSync(join(tmpdir(), "sfn-serve-js-"));
  const env = { ...process.env, SFN_DB: join(dir, "sfn.db"), WAIT_TIME_SCALE: "0" };
  delete env.SFN_MOCK_CONFIG;
  delete env.SFN_HANDLERS;
  delete env.AWS_ACCOUNT_ID;
  server = spawn(binary, ["serve", "--port", "0", "--quiet"], { env, stdio: ["ignore", "pipe", "inherit"] });
  const lines = createInterface({ input: server.stdout });
  for await (const line of lines) {
    if (line.startsWith("endpoint_url=")) return line.slice("endpoint_url=".length);
  }
  throw new Error("sfn serve printed no endpoint_url line");
}

function client(extra = {}) {
  return new SFNClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
    maxAttempts: 1,
    disableHostPrefix: true,
    ...extra,
  });
}

// One SDK command by operation name: client.send(new <Op>Command(input)).
const call = (op, input = {}, c = sfn) => c.send(new sfnSdk[`${op}Command`](input));

before(async () => {
  endpoint = await startServer();
  sfn = client();
});

after(async () => {
  const exited = new Promise((resolve) => server.once("exit", (code) => resolve(code)));
  server.kill("SIGTERM");
  assert.equal(await exited, 0);
  rmSync(dir, { recursive: true, force: true });
});

const uid = (p) => `${p}-${Math.random().toString(16).slice(2, 10)}`;
const def = (states) => JSON.stringify({ StartAt: Object.keys(states)[0], States: states });
const PASS = { P: { Type: "Pass", Result: { ok: true }, End: true } };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function machine(states, extra = {}) {
  const r = await call("CreateStateMachine", { name: uid("m"), definition: def(states), roleArn: ROLE, ...extra });
  return r.stateMachineArn;
}

async function final(executionArn) {
  for (let i = 0; i < 1500; i++) {
    const d = await call("DescribeExecution", { executionArn });
    if (d.status !== "RUNNING") return d;
    await sleep(20);
  }
  throw new Error(`${executionArn} still RUNNING`);
}

async function workerTask(activityArn) {
  for (let i = 0; i < 1500; i++) {
    const t = await call("GetActivityTask", { activityArn, workerName: "js-worker" });
    if (t.taskToken) return t;
  }
  throw new Error("no activity task");
}

async function rejects(promise, name) {
  await assert.rejects(promise, (e) => {
    assert.equal(e.name, name, `${e.name}: ${e.message}`);
    assert.ok(e instanceof sfnSdk[name], `${name} is the SDK's class`);
    return true;
  });
}

const touched = new Set();
const track = (op) => touched.add(op);

test("state machines, versions, aliases and tags", async () => {
  const made = await call("CreateStateMachine", {
    name: uid("life"), definition: def(PASS), roleArn: ROLE, publish: true, tags: [{ key: "team", value: "a" }],
  });
  const sm = made.stateMachineArn;
  assert.ok(made.creationDate instanceof Date);
  const d = await call("DescribeStateMachine", { stateMachineArn: sm });
  assert.equal(d.type, "STANDARD");
  assert.ok((await call("ListStateMachines")).stateMachines.some((m) => m.stateMachineArn === sm));
  const up = await call("UpdateStateMachine", {
    stateMachineArn: sm, definition: def({ P: { Type: "Pass", Result: 2, End: true } }), publish: true,
  });
  assert.equal(up.stateMachineVersionArn, `${sm}:2`);
  assert.ok(up.updateDate instanceof Date);
  await call("PublishStateMachineVersion", { stateMachineArn: sm });
  const versions = (await call("ListStateMachineVersions", { stateMachineArn: sm })).stateMachineVersions;
  assert.deepEqual(versions.map((v) => v.stateMachineVersionArn), [`${sm}:2`, `${sm}:1`]);
  const alias = (await call("CreateStateMachineAlias", {
    name: "live", routingConfiguration: [{ stateMachineVersionArn: `${sm}:1`, weight: 100 }],
  })).stateMachineAliasArn;
  await call("UpdateStateMachineAlias", {
    stateMachineAliasArn: alias, routingConfiguration: [{ stateMachineVersionArn: `${sm}:2`, weight: 100 }],
  });
  assert.equal((await call("DescribeStateMachineAlias", { stateMachineAliasArn: alias })).name, "live");
  assert.equal((await call("ListStateMachineAliases", { stateMachineArn: sm })).stateMachineAliases.length, 1);
  const ex = await call("StartExecution", { stateMachineArn: alias });
  assert.equal((await final(ex.executionArn)).output, "2");
  await call("TagResource", { resourceArn: sm, tags: [{ key: "env", value: "dev" }] });
  await call("UntagResource", { resourceArn: sm, tagKeys: ["team"] });
  assert.deepEqual((await call("ListTagsForResource", { resourceArn: sm })).tags, [{ key: "env", value: "dev" }]);
  await call("DeleteStateMachineAlias", { stateMachineAliasArn: alias });
  await call("DeleteStateMachineVersion", { stateMachineVersionArn: `${sm}:1` });
  await call("DeleteStateMachine", { stateMachineArn: sm });
});

test("executions run in the server; history and lists page", async () => {
  const sm = await machine({ P: { Type: "Pass", End: true } });
  const arns = [];
  for (let i = 0; i < 5; i++) arns.push((await call("StartExecution", { stateMachineArn: sm, input: `{"i":${i}}` })).executionArn);
  for (const a of arns) assert.equal((await final(a)).status, "SUCCEEDED");
  const seen = [];
  for await (const page of paginateListExecutions({ client: sfn, pageSize: 2 }, { stateMachineArn: sm })) {
    assert.ok(page.executions.length <= 2);
    seen.push(...page.executions.map((e) => e.executionArn));
  }
  assert.deepEqual(seen.sort(), [...arns].sort());
  const events = [];
  for await (const page of paginateGetExecutionHistory({ client: sfn, pageSize: 1 }, { executionArn: arns[0] })) {
    events.push(...page.events);
  }
  assert.equal(events[0].type, "ExecutionStarted");
  assert.ok(events[0].timestamp instanceof Date);
  assert.equal(events.at(-1).type, "ExecutionSucceeded");
  const forEx = await call("DescribeStateMachineForExecution", { executionArn: arns[0] });
  assert.equal(forEx.stateMachineArn, sm);
});

test("an activity worker loop, heartbeat, stop", async () => {
  const act = (await call("CreateActivity", { name: uid("act") })).activityArn;
  assert.ok((await call("DescribeActivity", { activityArn: act })).creationDate instanceof Date);
  assert.ok((await call("ListActivities")).activities.some((a) => a.activityArn === act));
  const sm = await machine({ W: { Type: "Task", Resource: act, End: true } });
  const ex = (await call("StartExecution", { stateMachineArn: sm, input: '{"job":1}' })).executionArn;
  assert.equal((await call("DescribeExecution", { executionArn: ex })).status, "RUNNING");
  const task = await workerTask(act);
  assert.deepEqual(JSON.parse(task.input), { job: 1 });
  await call("SendTaskHeartbeat", { taskToken: task.taskToken });
  await call("SendTaskSuccess", { taskToken: task.taskToken, output: '{"done":true}' });
  assert.equal((await final(ex)).output, '{"done":true}');
  const waiting = (await call("StartExecution", { stateMachineArn: sm })).executionArn;
  assert.ok((await call("StopExecution", { executionArn: waiting, error: "Enough" })).stopDate instanceof Date);
  assert.equal((await final(waiting)).status, "ABORTED");
  await call("DeleteActivity", { activityArn: act });
});

test("a callback and a redrive", async () => {
  const sm = await machine({
    Ask: {
      Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
      Parameters: { QueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/q", MessageBody: { "token.$": "$$.Task.Token" } },
      End: true,
    },
  });
  const ex = (await call("StartExecution", { stateMachineArn: sm })).executionArn;
  let token;
  for (let i = 0; i < 500 && !token; i++) {
    const { events } = await call("GetExecutionHistory", { executionArn: ex });
    const scheduled = events.find((e) => e.type === "TaskScheduled");
    if (scheduled) token = JSON.parse(scheduled.taskScheduledEventDetails.parameters).MessageBody.token;
    else await sleep(20);
  }
  await call("SendTaskFailure", { taskToken: token, error: "Denied" });
  assert.equal((await final(ex)).status, "FAILED");
  const r = await call("RedriveExecution", { executionArn: ex });
  assert.ok(r.redriveDate instanceof Date);
  let again;
  for (let i = 0; i < 500 && !again; i++) {
    const { events } = await call("GetExecutionHistory", { executionArn: ex, reverseOrder: true });
    const scheduled = events.find((e) => e.type === "TaskScheduled");
    const t = scheduled && JSON.parse(scheduled.taskScheduledEventDetails.parameters).MessageBody.token;
    if (t && t !== token) again = t;
    else await sleep(20);
  }
  await call("SendTaskSuccess", { taskToken: again, output: '"yes"' });
  const d = await final(ex);
  assert.equal(d.status, "SUCCEEDED");
  assert.equal(d.redriveCount, 1);
});

test("StartSyncExecution, map runs, validation and TestState", async () => {
  const express = await machine(PASS, { type: "EXPRESS" });
  const r = await call("StartSyncExecution", { stateMachineArn: express });
  assert.equal(r.status, "SUCCEEDED");
  assert.ok(r.stopDate instanceof Date);
  const sm = await machine({
    M: {
      Type: "Map", ItemsPath: "$.items", End: true,
      ItemProcessor: {
        ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" },
        StartAt: "I", States: { I: { Type: "Pass", End: true } },
      },
    },
  });
  const ex = (await call("StartExecution", { stateMachineArn: sm, input: '{"items":[1,2]}' })).executionArn;
  assert.equal((await final(ex)).status, "SUCCEEDED");
  const runs = (await call("ListMapRuns", { executionArn: ex })).mapRuns;
  const run = await call("DescribeMapRun", { mapRunArn: runs[0].mapRunArn });
  assert.equal(run.itemCounts.succeeded, 2);
  await rejects(call("UpdateMapRun", { mapRunArn: runs[0].mapRunArn, maxConcurrency: 1 }), "ValidationException");
  assert.equal((await call("ValidateStateMachineDefinition", { definition: def(PASS) })).result, "OK");
  const t = await call("TestState", { definition: JSON.stringify({ Type: "Pass", Result: 1, End: true }), roleArn: ROLE });
  assert.equal(t.output, "1");
});

test("error codes arrive as the SDK's exception classes", async () => {
  const arn = (kind, name) => `arn:aws:states:us-east-1:123456789012:${kind}:${name}`;
  await rejects(call("DescribeStateMachine", { stateMachineArn: arn("stateMachine", "missing") }), "StateMachineDoesNotExist");
  await rejects(call("DescribeExecution", { executionArn: arn("execution", "missing:x") }), "ExecutionDoesNotExist");
  await rejects(call("DescribeActivity", { activityArn: arn("activity", "missing") }), "ActivityDoesNotExist");
  await rejects(call("DescribeExecution", { executionArn: "nope" }), "InvalidArn");
  await rejects(call("CreateStateMachine", { name: "has space", definition: def(PASS), roleArn: ROLE }), "InvalidName");
  await rejects(call("CreateStateMachine", { name: uid("bad"), definition: '{"StartAt":"X"}', roleArn: ROLE }), "InvalidDefinition");
  await rejects(call("ListActivities", { nextToken: "garbage" }), "InvalidToken");
  await rejects(call("UpdateStateMachine", { stateMachineArn: arn("stateMachine", "x") }), "MissingRequiredParameter");
  await rejects(call("DescribeStateMachineAlias", { stateMachineAliasArn: arn("stateMachine", "x:y") }), "ResourceNotFound");
  const sm = await machine(PASS);
  await rejects(call("StartSyncExecution", { stateMachineArn: sm }), "StateMachineTypeNotSupported");
  await rejects(call("StartExecution", { stateMachineArn: sm, input: "{not json" }), "InvalidExecutionInput");
  await call("StartExecution", { stateMachineArn: sm, name: "one" });
  await rejects(call("StartExecution", { stateMachineArn: sm, name: "one", input: '{"x":1}' }), "ExecutionAlreadyExists");
  await rejects(call("TagResource", { resourceArn: sm, tags: Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: "v" })) }), "TooManyTags");
  // The JS SDK checks nothing client-side: the server's model checks answer.
  await rejects(call("CreateStateMachine", { name: "", definition: def(PASS), roleArn: ROLE }), "ValidationException");
  await rejects(call("DescribeExecution", {}), "ValidationException");
  await rejects(call("SendTaskSuccess", { taskToken: "x".repeat(10), output: "{}" }), "InvalidToken");
  await rejects(call("SendTaskSuccess", { taskToken: "x".repeat(10), output: "nope" }), "InvalidOutput");
});

test("every one of the 37 operations has an SDK command the server answers", async () => {
  const ops = Object.keys(sfnSdk).filter((k) => k.endsWith("Command") && k !== "$Command").map((k) => k.slice(0, -7));
  assert.equal(ops.length, 37, ops.join(","));
  for (const op of ops) {
    try {
      await call(op, {});
    } catch (e) {
      // Requests without their required members: the model's check, never an unknown operation.
      assert.ok(["ValidationException", "InvalidArn"].includes(e.name) || e.$metadata?.httpStatusCode === 400,
        `${op}: ${e.name} ${e.message}`);
      assert.notEqual(e.name, "UnknownOperationException", op);
    }
  }
});

test("the sync- host prefix: without disableHostPrefix, StartSyncExecution goes to sync-<host>", async () => {
  const prefixed = client({ disableHostPrefix: false });
  const sm = await machine(PASS, { type: "EXPRESS" });
  await assert.rejects(call("StartSyncExecution", { stateMachineArn: sm }, prefixed), (e) => {
    // sync-127.0.0.1 is no host name: the connection fails before any HTTP.
    assert.ok(/ENOTFOUND|EAI_AGAIN|getaddrinfo/.test(`${e.code} ${e.message}`), `${e.name}: ${e.message}`);
    return true;
  });
});

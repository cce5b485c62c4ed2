#!/usr/bin/env python3
"""Writes fuzz/seeds/<target>/ from the test fixtures and examples (run once; the seeds
are committed so run.sh needs nothing else)."""
import glob, hashlib, json, os, re

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)

def put(target, data):
    if isinstance(data, str):
        data = data.encode()
    d = os.path.join(here, "seeds", target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()[:16]), "wb") as f:
        f.write(data)

def load(p):
    with open(os.path.join(root, p)) as f:
        return json.load(f)

defs = sorted(glob.glob(os.path.join(root, "examples/*/definition.asl.json")))
defs += sorted(glob.glob(os.path.join(root, "tests/fixtures/validate/corpus/*.json")))[:80]
defs += [os.path.join(root, "tests/fixtures/jsonata/w1_loop_jsonata.asl.json")]
for i, p in enumerate(defs):
    with open(p, "rb") as f:
        put("definition", (b"0" if i % 3 else b"1") + f.read())

paths = set()
for case in load("tests/fixtures/asl/template_cases.json"):
    line = json.dumps(case["parameters"])
    put("templates", line + "\n" + json.dumps(case["input"]))
    for m in re.findall(r'"(\$[^"]*)"', line):
        paths.add((m, json.dumps(case["input"])))
for case in load("tests/fixtures/asl/intrinsic_cases.json"):
    for expr in case["parameters"].values():
        if isinstance(expr, str) and expr.startswith("States."):
            put("intrinsics", expr + "\n" + json.dumps(case["input"]))
    put("templates", json.dumps(case["parameters"]) + "\n" + json.dumps(case["input"]))
for p in ["$", "$.a.b[0]", "$.arr[1:3]", "$..c", "$.arr[?(@ > 1)]", "$$.Execution.Id",
          "$obj.a[1]", "$.a['b'][-1:]", "$.arr[*]", "$.arr.length()"]:
    paths.add((p, ""))
for p, inp in sorted(paths):
    put("paths", p + "\n" + inp)

for case in load("tests/fixtures/jsonata/aws_recorded_fields.json"):
    stack = [case["field"]]
    while stack:
        v = stack.pop()
        if isinstance(v, dict):
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)
        elif isinstance(v, str) and v.startswith("{%") and v.endswith("%}"):
            src = v[2:-2].replace("\n", " ")
            put("jsonata", src + "\n" + json.dumps(case["states"].get("input", {})))

for p in ["examples/order-processing/mock.json", "tests/fixtures/tasks/mock-config.json",
          "tests/fixtures/redrive/mock-config.json"]:
    with open(os.path.join(root, p), "rb") as f:
        put("mock_handlers", b"0" + f.read())
for p in sorted(glob.glob(os.path.join(root, "examples/*/handlers.json"))) + [
        os.path.join(root, "tests/fixtures/tasks/handlers.json"),
        os.path.join(root, "tests/fixtures/tasks/handlers-callback.json")]:
    with open(p, "rb") as f:
        put("mock_handlers", b"1" + f.read())

for i, s in enumerate(["key=value,other=2", "level=ALL,includeExecutionData=true,"
                       "destinations=[{cloudWatchLogsLogGroup={logGroupArn=arn:x}}]",
                       "enabled=true", "a=[x,y],b={c=d}", "stateMachineVersionArn=arn:v,weight=100",
                       "type=AWS_OWNED_KEY", "key=k\0key=v", "Key=env,Value=dev"]):
    for first in range(0, 40, 7):
        put("shorthand", bytes([first + i]) + s.encode())

#!/usr/bin/env python3
"""Benchmark of `sfn serve` through boto3, the way SDK users meet it, optionally beside
moto's server (same client, same sitting).

For each workflow of benches/workflows (W1-W5): the time from StartExecution to the
first DescribeExecution that shows the final status (polled every 5 ms), median of
--runs after one warm-up. Then DescribeExecution requests per second from 16 client
threads for --seconds. Needs boto3 (tests/sdk/run.sh installs it under target/ci-venv).

    target/ci-venv/bin/python benches/serve.py --sfn target/release/sfn [--runs 5]
        [--moto-server PATH/TO/moto_server]
"""
import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import boto3
from botocore.config import Config

HERE = Path(__file__).resolve().parent / "workflows"
ROLE = "arn:aws:iam::123456789012:role/sfn"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_listening(port, proc):
    for _ in range(400):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError("server exited")
            time.sleep(0.05)
    raise RuntimeError("server did not listen")


def client(url):
    return boto3.client("stepfunctions", endpoint_url=url, region_name="us-east-1",
                        aws_access_key_id="x", aws_secret_access_key="x",
                        config=Config(retries={"max_attempts": 1}, inject_host_prefix=False,
                                      max_pool_connections=32))


def start_sfn(binary, tmp):
    port = free_port()
    env = dict(os.environ, SFN_DB=str(Path(tmp) / "bench.db"))
    proc = subprocess.Popen([binary, "serve", "--port", str(port), "--quiet"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_listening(port, proc)
    return proc, f"http://127.0.0.1:{port}"


def start_moto(moto_server):
    port = free_port()
    proc = subprocess.Popen([moto_server, "-p", str(port)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    wait_listening(port, proc)
    url = f"http://127.0.0.1:{port}"
    # moto runs executions only when told to.
    import urllib.request
    req = urllib.request.Request(f"{url}/moto-api/config", method="POST",
                                 data=json.dumps({"stepfunctions": {"execute_state_machine": True}}).encode(),
                                 headers={"Content-Type": "application/json"})
    urllib.request.urlopen(req).read()
    return proc, url


def one_run(c, sm, input_text, timeout):
    t0 = time.perf_counter()
    # Named by the client: moto's server names every unnamed execution "None".
    ex = c.start_execution(stateMachineArn=sm, input=input_text, name=str(uuid.uuid4()))["executionArn"]
    while True:
        d = c.describe_execution(executionArn=ex)
        if d["status"] != "RUNNING":
            return time.perf_counter() - t0, d["status"], ex
        if time.perf_counter() - t0 > timeout:
            return time.perf_counter() - t0, "TIMEOUT", ex
        time.sleep(0.005)


def workflows(c, runs, timeout, only):
    out = {}
    for w in ["W1", "W2", "W3", "W4", "W5"]:
        if only and w not in only:
            continue
        definition = (HERE / f"{w}.asl.json").read_text()
        input_text = (HERE / f"{w}.input.json").read_text()
        sm = c.create_state_machine(name=f"bench-{w}-{time.time_ns()}", definition=definition,
                                    roleArn=ROLE)["stateMachineArn"]
        one_run(c, sm, input_text, timeout)  # warm-up
        times, statuses = [], set()
        for _ in range(runs):
            t, status, _ = one_run(c, sm, input_text, timeout)
            times.append(t)
            statuses.add(status)
        out[w] = (statistics.median(times), statuses)
    return out


def describe_rate(c_factory, url, seconds):
    c = c_factory(url)
    sm = c.create_state_machine(name=f"rate-{time.time_ns()}", roleArn=ROLE, definition=json.dumps(
        {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": True}}}))["stateMachineArn"]
    _, _, ex = one_run(c, sm, "{}", 30)
    count = [0] * 16
    stop = time.perf_counter() + seconds

    def loop(i):
        mine = c_factory(url)
        while time.perf_counter() < stop:
            mine.describe_execution(executionArn=ex)
            count[i] += 1

    threads = [threading.Thread(target=loop, args=(i,)) for i in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(count) / seconds


def measure(name, start, runs, timeout, seconds, only):
    tmp = tempfile.mkdtemp(prefix="sfn-bench-")
    proc, url = start(tmp)
    try:
        c = client(url)
        results = workflows(c, runs, timeout, only)
        rate = describe_rate(client, url, seconds)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return results, rate


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sfn", required=True)
    ap.add_argument("--moto-server", default=None, help="moto_server executable to compare with")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--seconds", type=float, default=5.0, help="length of the DescribeExecution rate test")
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("--only", default=None, help="comma-separated workflows")
    args = ap.parse_args()
    only = set(args.only.split(",")) if args.only else None
    binary = os.path.abspath(args.sfn)
    backends = [("sfn serve", lambda tmp: start_sfn(binary, tmp))]
    if args.moto_server:
        backends.append(("moto_server", lambda tmp: start_moto(args.moto_server)))
    table = {}
    for name, start in backends:
        table[name] = measure(name, start, args.runs, args.timeout, args.seconds, only)
    names = [n for n, _ in backends]
    print("StartExecution to final DescribeExecution, median seconds (status)")
    print(f"{'workflow':10}" + "".join(f"{n:>24}" for n in names) + ("   ratio" if len(names) > 1 else ""))
    for w in table[names[0]][0]:
        row = f"{w:10}"
        for n in names:
            t, statuses = table[n][0][w]
            row += f"{t:>14.3f} ({','.join(sorted(statuses))})".rjust(24)
        if len(names) > 1:
            row += f"   {table[names[1]][0][w][0] / table[names[0]][0][w][0]:6.1f}x"
        print(row)
    print("DescribeExecution requests/s, 16 client threads")
    for n in names:
        print(f"  {n:12} {table[n][1]:10.0f}")
    if len(names) > 1:
        print(f"  ratio        {table[names[0]][1] / table[names[1]][1]:10.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Starts one `sfn serve` (its own store, a free port) for the boto3 suite.

The binary is $SFN_BIN (default: target/release/sfn of this checkout)."""

import json
import os
import subprocess
import tempfile
from pathlib import Path

import boto3
import pytest
from botocore.config import Config

ROOT = Path(__file__).resolve().parents[3]
ROLE = "arn:aws:iam::123456789012:role/sfn"


class Serve:
    def __init__(self, *args, env=None):
        self.dir = tempfile.TemporaryDirectory(prefix="sfn-serve-py-")
        full_env = dict(os.environ)
        for var in ("SFN_MOCK_CONFIG", "SFN_HANDLERS", "AWS_ACCOUNT_ID", "WAIT_TIME_SCALE"):
            full_env.pop(var, None)
        full_env["SFN_DB"] = str(Path(self.dir.name) / "sfn.db")
        full_env.update(env or {})
        binary = os.environ.get("SFN_BIN", str(ROOT / "target" / "release" / "sfn"))
        self.log = open(Path(self.dir.name) / "serve.log", "w")
        self.proc = subprocess.Popen(
            [binary, "serve", "--port", "0", *args],
            env=full_env,
            cwd=self.dir.name,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=self.log,
            text=True,
        )
        self.url = None
        for line in self.proc.stdout:
            if line.startswith("endpoint_url="):
                self.url = line.strip().split("=", 1)[1]
                break
        if self.url is None:
            raise RuntimeError("sfn serve printed no endpoint_url line: " + Path(self.log.name).read_text())

    def client(self, **config):
        config.setdefault("retries", {"max_attempts": 1})
        config.setdefault("inject_host_prefix", False)
        return boto3.client(
            "stepfunctions",
            endpoint_url=self.url,
            region_name="us-east-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
            config=Config(**config),
        )

    def stop(self):
        self.proc.terminate()
        code = self.proc.wait(timeout=10)
        self.log.close()
        self.dir.cleanup()
        return code


@pytest.fixture(scope="module")
def serve():
    s = Serve(env={"WAIT_TIME_SCALE": "0"})
    yield s
    assert s.stop() == 0


@pytest.fixture(scope="module")
def sfn(serve):
    return serve.client()


def definition(states, start=None):
    return json.dumps({"StartAt": start or next(iter(states)), "States": states})

#!/usr/bin/env python3
"""Writes data/aws/services/<service>.json: botocore's service-2.json models of the services
whose Task integrations `sfn` sends to local endpoints (src/tasks/aws/), trimmed to what
building requests and reading responses needs: protocol metadata, every operation's HTTP
binding, input, output and errors, and the shapes they reach, without documentation.
Run from the repository root with botocore importable (e.g. target/ci-venv/bin/python):

    target/ci-venv/bin/python scripts/trim-service-models.py
"""
import gzip
import json
import os

import botocore

SERVICES = {"sqs": "2012-11-05", "sns": "2010-03-31", "dynamodb": "2012-08-10",
            "events": "2015-10-07", "lambda": "2015-03-31"}
METADATA = ["apiVersion", "endpointPrefix", "jsonVersion", "protocol", "serviceId",
            "signingName", "targetPrefix", "xmlNamespace", "awsQueryCompatible"]
OPERATION = ["name", "http", "input", "output", "errors"]
SHAPE = ["type", "members", "member", "key", "value", "flattened", "error", "exception",
         "timestampFormat", "payload", "locationName", "required"]
MEMBER = ["shape", "location", "locationName", "flattened", "jsonvalue", "queryName",
          "xmlAttribute", "streaming", "idempotencyToken"]

data = os.path.join(os.path.dirname(botocore.__file__), "data")
for service, version in SERVICES.items():
    path = os.path.join(data, service, version, "service-2.json.gz")
    model = json.load(gzip.open(path)) if os.path.exists(path) else json.load(open(path[:-3]))
    out = {"metadata": {k: model["metadata"][k] for k in METADATA if k in model["metadata"]},
           "operations": {}, "shapes": {}}
    for name, op in sorted(model["operations"].items()):
        out["operations"][name] = {k: op[k] for k in OPERATION if k in op}
    for name, shape in sorted(model["shapes"].items()):
        kept = {k: shape[k] for k in SHAPE if k in shape}
        for key in ("member", "key", "value"):
            if key in kept:
                kept[key] = {k: v for k, v in kept[key].items() if k in MEMBER}
        if "members" in kept:
            kept["members"] = {m: {k: v for k, v in spec.items() if k in MEMBER}
                               for m, spec in kept["members"].items()}
        out["shapes"][name] = kept
    with open(f"data/aws/services/{service}.json", "w") as f:
        json.dump(out, f, separators=(",", ":"), sort_keys=True)
        f.write("\n")
    print(service, version, model["metadata"]["protocol"], len(out["operations"]), "operations")

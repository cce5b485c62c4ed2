"""Pretends to deploy the model and returns its endpoint."""
import json
import sys

model = json.load(sys.stdin)["modelId"]
json.dump({"endpoint": f"https://models.example.internal/{model}"}, sys.stdout)

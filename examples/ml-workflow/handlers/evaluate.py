"""Scores the threshold model on the validation set."""
import json
import sys

request = json.load(sys.stdin)
threshold = float(request["modelId"].split("-", 1)[1])
dataset = request["dataset"]
correct = sum(1 for x, label in dataset if (x >= threshold) == (label == 1))
json.dump({"accuracy": correct / len(dataset)}, sys.stdout)

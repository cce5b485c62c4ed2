"""'Trains' a one-feature threshold classifier: the midpoint between the class means."""
import json
import sys

data = json.load(sys.stdin)["trainingSet"]
zeros = [x for x, label in data if label == 0]
ones = [x for x, label in data if label == 1]
threshold = round((sum(zeros) / len(zeros) + sum(ones) / len(ones)) / 2, 4)
json.dump({"modelId": f"threshold-{threshold}"}, sys.stdout)

import json
try:
    json.loads("{bad json}")
except ValueError as e:
    print("ValueError", type(e).__name__)

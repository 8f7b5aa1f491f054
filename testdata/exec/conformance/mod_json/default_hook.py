import json
class P:
    def __init__(self, x):
        self.x = x
print(json.dumps(P(3), default=lambda o: o.__dict__))

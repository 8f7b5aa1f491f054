import json
print(json.dumps("tab\tnew\nline"), json.loads('"\\u00e9"'), json.dumps("\u2603"))

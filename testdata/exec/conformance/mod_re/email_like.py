import re
text = "contact: a.b@x.org, c@y.com; bad@ z"
print(re.findall(r"[\w.]+@\w+\.\w+", text))

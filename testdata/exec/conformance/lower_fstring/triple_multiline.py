user = "ann"
msg = f"""Dear {user},
  you have {2 + 3} messages.
Bye"""
print(msg)
print(len(msg.splitlines()))

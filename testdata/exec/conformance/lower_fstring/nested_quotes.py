data = {"key": "val"}
print(f"{data['key']}")
print(f'{data["key"]}')
print(f"{'a' + 'b'}")

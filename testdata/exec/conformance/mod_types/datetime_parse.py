from datetime import datetime
dt = datetime.strptime("2023-12-25 08:05", "%Y-%m-%d %H:%M")
print(dt.year, dt.hour, dt.minute, dt.strftime("%A %d %B"))

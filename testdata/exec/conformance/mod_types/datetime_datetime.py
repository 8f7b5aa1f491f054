from datetime import datetime, timedelta
dt = datetime(2024, 1, 15, 10, 30)
print(dt, dt + timedelta(hours=20), dt.strftime("%Y/%m/%d %H:%M"), dt.date(), dt.isoformat())

from datetime import date, timedelta
d = date(2024, 2, 28)
print(d, d + timedelta(days=2), d.year, d.month, d.day, d.weekday(), d.isoformat(), (date(2024, 3, 1) - d).days)

from datetime import timedelta
t = timedelta(days=1, hours=2, minutes=3)
print(t, t.total_seconds(), t * 2, timedelta(seconds=90), t.days, t.seconds)

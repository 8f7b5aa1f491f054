#=== dates
from datetime import date, timedelta
d = date(2024, 2, 28)
print(d, repr(d), d.year, d.month, d.day, d.weekday(), d.isoweekday(), d.toordinal())
print(d + timedelta(days=1), d + timedelta(days=2), d - timedelta(days=59), date(2024, 3, 1) - d, d.replace(day=1))
print(d.isoformat(), d.strftime("%Y/%m/%d %a %A %b %B %j %y %w %U %W"), date.fromisoformat("2023-12-31"), date.fromordinal(738000))
print(d < date(2024, 3, 1), d == date(2024, 2, 28), sorted([date(2020, 1, 1), date(2019, 5, 5)]), d.isocalendar(), date(2021, 1, 1).isocalendar())
print(d.ctime(), "{:%d.%m.%Y}".format(d), format(d, "%B"))
try:
    date(2023, 2, 29)
except ValueError as e:
    print("ValueError", e)
try:
    date(2023, 13, 1)
except ValueError as e:
    print("ValueError", e)
#=== timedeltas
from datetime import timedelta
t = timedelta(days=1, hours=2, minutes=3, seconds=4, microseconds=5)
print(t, repr(t), t.days, t.seconds, t.microseconds, t.total_seconds())
print(timedelta(hours=-1), repr(timedelta(hours=-1)), timedelta(0), repr(timedelta()), timedelta(weeks=2), timedelta(milliseconds=1500))
print(t * 2, t / 2, t // 3, timedelta(hours=3) / timedelta(minutes=30), -t, abs(timedelta(days=-2)), timedelta(minutes=90) % timedelta(hours=1))
print(timedelta(days=2) > timedelta(hours=47), timedelta(seconds=1.5), timedelta(days=0.5), str(timedelta(days=-1, seconds=1)))
#=== datetimes
from datetime import datetime, timedelta, timezone
dt = datetime(2024, 3, 15, 14, 30, 5, 123)
print(dt, repr(dt), repr(datetime(2024, 1, 1)), repr(datetime(2024, 1, 1, 1, 2, 3)), dt.date(), dt.time(), repr(dt.time()))
print(dt.isoformat(), dt.isoformat(sep=" ", timespec="seconds"), dt.strftime("%H:%M:%S.%f %p %I %c"), dt.strftime("%x %X %%"))
print(dt + timedelta(hours=10), dt - datetime(2024, 3, 14), datetime(2024, 3, 15) - timedelta(microseconds=1))
print(datetime.strptime("2023-07-04 09:05:00", "%Y-%m-%d %H:%M:%S"), datetime.strptime("04/Jul/2023 5PM", "%d/%b/%Y %I%p"))
print(datetime.fromisoformat("2024-03-15T10:20:30"), datetime.fromisoformat("2024-03-15"), datetime.fromisoformat("2024-03-15 10:20:30.5"))
u = datetime(2024, 1, 1, 12, 0, tzinfo=timezone.utc)
print(u, repr(u), u.isoformat(), u.timestamp(), datetime(1970, 1, 2).timestamp(), u.tzname())
k = u.astimezone(timezone(timedelta(hours=5, minutes=30)))
print(k, k == u, k - u, datetime.fromtimestamp(0, timezone.utc), datetime.utcfromtimestamp(86400.5))
print(datetime(2024, 1, 1) < datetime(2024, 1, 2), max(datetime(2020, 5, 1), datetime(2020, 4, 30)), datetime(2024, 2, 29).weekday())
try:
    datetime.strptime("2023-13", "%Y-%d-%m")
except ValueError as e:
    print("ValueError", e)
#=== now
from datetime import datetime, date
n = datetime.now()
print(type(n).__name__, n.year >= 2024, date.today() == n.date() or True, (datetime.now() - n).total_seconds() < 5)

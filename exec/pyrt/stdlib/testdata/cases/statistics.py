#=== means
import statistics as st
print(st.mean([1, 2, 3, 4]), st.mean([1, 2, 3]), st.mean([1.5, 2.5, 3.5]), st.mean([1, 2.5]), st.mean([0.1] * 3))
print(st.fmean([1, 2, 3, 4]), st.fmean([0.1, 0.2, 0.3]), st.mean(range(1, 101)), st.mean([True, False, True]))
print(st.geometric_mean([1, 10, 100]), st.mean([10**20, 1]))
#=== medians_modes
import statistics as st
print(st.median([3, 1, 2]), st.median([4, 1, 3, 2]), st.median([1, 3]), st.median_low([1, 2, 3, 4]), st.median_high([1, 2, 3, 4]))
print(st.median([1.5, 2.5]), st.mode([1, 2, 2, 3]), st.mode("abbc"), st.mode([1, 1, 2, 2]), st.multimode("aabbc"), st.multimode([]))
#=== spread
import statistics as st
data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(st.variance(data), st.pvariance(data), st.stdev(data), st.pstdev(data))
print(st.variance([1, 2, 3, 4]), st.pvariance([1, 2, 3, 4]), st.stdev([1, 2, 3, 4]), st.pstdev([2, 4, 4, 4, 5, 5, 7, 9]))
print(st.variance([1, 3, 5]), st.stdev([10, 20, 30, 40, 50]), st.variance(data, 1.6071428571428572))
print(st.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), st.quantiles(range(1, 11), n=10, method="inclusive"))
#=== errors
import statistics as st
for f, d in [(st.mean, []), (st.median, []), (st.mode, []), (st.variance, [1]), (st.stdev, [])]:
    try:
        f(d)
    except st.StatisticsError as e:
        print("StatisticsError", e)
print(issubclass(st.StatisticsError, ValueError))
#=== bivariate
import statistics as st
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
print(st.covariance(x, y), st.correlation(x, x), st.correlation(x, [9 - v for v in x]), st.correlation(x, y))
r = st.linear_regression([1, 2, 3, 4, 5], [2.1, 3.9, 6.2, 7.8, 10.1])
print(r, r.slope, st.linear_regression([1, 2, 3], [2, 4, 6], proportional=True))
print(st.harmonic_mean([40, 60]), st.harmonic_mean([2.5, 3, 10]), st.harmonic_mean([40, 60], weights=[5, 30]), st.harmonic_mean([1, 0]))
try:
    st.correlation([1, 1], [2, 3])
except st.StatisticsError as e:
    print("StatisticsError", e)

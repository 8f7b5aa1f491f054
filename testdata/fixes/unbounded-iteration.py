# run: the original and the fixed program print the same
import itertools


def first_square_over(limit):
    for i in itertools.count():
        check_square(i, limit)


def check_square(i, limit):
    if i * i > limit:
        raise StopIteration_("found " + str(i))


class StopIteration_(Exception):
    pass


try:
    first_square_over(50)
except StopIteration_ as e:
    print(e)

# heapq: the binary min-heap algorithms on a list, with the same sift
# order as CPython so that heaps (and printed lists) are identical.


def heappush(heap, item):
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(heap):
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup(heap, 0)
        return returnitem
    return lastelt


def heapreplace(heap, item):
    returnitem = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return returnitem


def heappushpop(heap, item):
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapify(x):
    n = len(x)
    i = n // 2 - 1
    while i >= 0:
        _siftup(x, i)
        i -= 1


def _siftdown(heap, startpos, pos):
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown(heap, startpos, pos)


def _siftdown_max(heap, startpos, pos):
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if parent < newitem:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup_max(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[rightpos] < heap[childpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown_max(heap, startpos, pos)


def merge(*iterables, **kwargs):
    key = kwargs.get("key", None)
    reverse = kwargs.get("reverse", False)
    return _merge(iterables, key, reverse)


def _merge(iterables, key, reverse):
    # Lazy, stable k-way merge: entries are [key, order, value, iterator];
    # ties keep the order of the input iterables, as CPython's merge does.
    entries = []
    order = 0
    for it in iterables:
        it = iter(it)
        first = _next(it)
        if first is not _END:
            entries.append([first if key is None else key(first), order, first, it])
        order += 1
    while entries:
        best = 0
        i = 1
        while i < len(entries):
            a = entries[i]
            b = entries[best]
            if reverse:
                better = b[0] < a[0] or (not a[0] < b[0] and a[1] < b[1])
            else:
                better = a[0] < b[0] or (not b[0] < a[0] and a[1] < b[1])
            if better:
                best = i
            i += 1
        e = entries[best]
        value = e[2]
        nxt = _next(e[3])
        if nxt is _END:
            entries.pop(best)
        else:
            e[2] = nxt
            e[0] = nxt if key is None else key(nxt)
        yield value


_END = object()


def _next(it):
    for x in it:
        return x
    return _END


def nlargest(n, iterable, key=None):
    if n <= 0:
        return []
    items = list(iterable)
    if key is None:
        decorated = [(items[i], -i) for i in range(len(items))]
        decorated = sorted(decorated, key=_first, reverse=True)
    else:
        decorated = [(key(items[i]), -i, items[i]) for i in range(len(items))]
        decorated = sorted(decorated, key=_first, reverse=True)
    return [_orig(d) for d in decorated[:n]]


def nsmallest(n, iterable, key=None):
    if n <= 0:
        return []
    items = list(iterable)
    if key is None:
        decorated = sorted(items)
        return decorated[:n]
    decorated = sorted(items, key=key)
    return decorated[:n]


def _first(t):
    return t[0]


def _orig(d):
    if len(d) == 3:
        return d[2]
    return d[0]


def _heapify_max(x):
    n = len(x)
    i = n // 2 - 1
    while i >= 0:
        _siftup_max(x, i)
        i -= 1


def _heappop_max(heap):
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup_max(heap, 0)
        return returnitem
    return lastelt


def _heapreplace_max(heap, item):
    returnitem = heap[0]
    heap[0] = item
    _siftup_max(heap, 0)
    return returnitem

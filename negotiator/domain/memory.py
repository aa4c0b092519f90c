"""Building large results without the garbage collector's churn."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large result (tens of
    thousands of tuples and objects, none of them cyclic garbage) is built:
    otherwise each few hundred allocations trigger a collection, and the older
    generations are rescanned again and again (a 30,000-paragraph diff spent a
    quarter of its time there). Reference counting still frees everything.

    Only on the main thread: the collector is the whole process's, and a
    worker of the desktop client must not change when the others collect.
    """
    if threading.current_thread() is not threading.main_thread() or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()

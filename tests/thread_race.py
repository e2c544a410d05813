"""Run functions in threads that hand the GIL over at every garbage collection."""

from __future__ import annotations

import gc
import threading
import time
from typing import Callable


def errors_of_racing(*works: Callable[[], None]) -> list[BaseException]:
    """Each function in a thread of its own, a thread switch forced at every collection
    (where CPython 3.11's AST conversion loses its count, cpython#106905): what they raised."""
    errors: list[BaseException] = []

    def guarded(work: Callable[[], None]) -> None:
        try:
            work()
        except BaseException as error:  # noqa: BLE001 - the thread must report, not die
            errors.append(error)

    def switch_threads(*_) -> None:
        time.sleep(0)

    gc.callbacks.append(switch_threads)
    try:
        threads = [threading.Thread(target=guarded, args=(work,)) for work in works]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        gc.callbacks.remove(switch_threads)
    return errors

"""The running app's recorded calls for the overlay (``--live URL``): fetched with a timeout, kept."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urlsplit

from analysis.errors import AnalysisError, ConfigError
from analysis.runtime.checks import Thresholds
from analysis.runtime.model import RuntimeLog

#: Where the live plugin serves its log, under the app's URL (prefix included).
CALLS_PATH = "_dce/live/calls"
#: How long one fetch may take: the explorer's poll must never hang on a stuck app.
TIMEOUT_S = 2.0
#: The most a log may weigh (the plugin keeps 5,000 records of ~300 bytes by default).
MAX_BYTES = 32 * 1024 * 1024


class LiveError(AnalysisError):
    """The live app's log could not be had; the message is one line for the page."""


def live_url(text: str) -> str:
    """The app's base URL as the user gave it, checked: http(s), with a host.

    >>> live_url("http://127.0.0.1:8050/app")
    'http://127.0.0.1:8050/app/'
    """
    parts = urlsplit(text.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"--live takes the running app's URL (http://host:port/), not {text!r}")
    return text.strip().rstrip("/") + "/"


@dataclass
class LiveFeed:
    """One running app's log for one project of the explorer: ``fetch`` asks the app, and
    the last log fetched stays here for the panels (one per explorer app, never global).
    ``reader``: the log read in this process instead (the explorer the live plugin serves
    inside the app: no HTTP to itself); ``url`` is then only what the status line names."""

    url: str  # from live_url
    project: str
    thresholds: Thresholds = Thresholds()
    timeout: float = TIMEOUT_S
    reader: Callable[[], RuntimeLog] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _last: RuntimeLog | None = field(default=None, repr=False)

    @property
    def calls_url(self) -> str:
        return self.url + CALLS_PATH

    def fetch(self) -> RuntimeLog:
        """The app's log now; LiveError (one line) when it is down, slow or not the plugin."""
        log = self._get() if self.reader is None else self.reader()
        with self._lock:
            self._last = log
        return log

    def _get(self) -> RuntimeLog:
        try:
            with urllib.request.urlopen(self.calls_url, timeout=self.timeout) as response:
                body = response.read(MAX_BYTES + 1)
        except urllib.error.HTTPError as err:
            hint = " (is the live plugin on? see docs/live.md)" if err.code == 404 else ""
            raise LiveError(f"{self.calls_url} answered HTTP {err.code}{hint}") from None
        except (urllib.error.URLError, OSError) as err:
            reason = getattr(err, "reason", err)
            raise LiveError(f"{self.url} is not answering ({reason})") from None
        if len(body) > MAX_BYTES:
            raise LiveError(f"{self.calls_url} sent more than {MAX_BYTES // 2**20} MiB")
        try:
            log = RuntimeLog.from_dict(json.loads(body))
        except ValueError:
            raise LiveError(f"{self.calls_url} did not send JSON: is it the live plugin?") from None
        except AnalysisError as err:
            raise LiveError(err.message.splitlines()[0]) from None
        return log

    def last(self) -> RuntimeLog | None:
        """The last log fetched (kept while the app is down), None before any."""
        with self._lock:
            return self._last


def log_revision(log: RuntimeLog | None) -> list | None:
    """What tells two fetched logs apart for the page: a new record or a restarted app.

    >>> log_revision(RuntimeLog(started_at=5.0)), log_revision(None)
    ([5.0, 0, 0, -1], None)
    """
    if log is None:
        return None
    last = log.calls[-1].seq if log.calls else -1
    return [log.started_at, log.dropped, len(log.calls), last]

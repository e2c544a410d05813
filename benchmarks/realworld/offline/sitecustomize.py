"""Loaded only for manifest apps with ``offline = true`` (run.py puts this folder on PYTHONPATH).

Some apps read a remote CSV at import (``pd.read_csv("https://...")``). The corpus runs without
network, so ``urllib.request.urlopen`` answers every http(s) request with a one-line CSV header
(an empty table). Everything else is left alone.
"""

import io
import urllib.request

_real_urlopen = urllib.request.urlopen


class _OfflineResponse(io.BytesIO):
    headers: dict = {}
    status = 200

    def getcode(self):
        return 200

    def geturl(self):
        return ""


def _offline_urlopen(url, *args, **kwargs):
    text = url if isinstance(url, str) else getattr(url, "full_url", "")
    if text.startswith(("http://", "https://")):
        return _OfflineResponse(b"column\n")
    return _real_urlopen(url, *args, **kwargs)


urllib.request.urlopen = _offline_urlopen

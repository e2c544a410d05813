"""Probe side (child process only): the ``# noqa`` comments of the files a snapshot names."""

# Loaded by analysis/probe/child.py by file path inside the child process; stdlib only.
# Lint never opens a file named by a snapshot (a snapshot is data; a hosted upload could name
# /dev/zero), so the probe, which reads these files anyway, records the comments for it.

from __future__ import annotations

import io
import os
import re
import tokenize

#: The comment from ``# noqa`` on; lint parses the codes (``analysis.lint.noqa_codes``).
NOQA = re.compile(r"#\s*noqa\b.*", re.IGNORECASE)
MAX_FILE_BYTES = 4_000_000
MAX_COMMENTS = 20_000  # a snapshot stays small whatever a project writes
MAX_COMMENT_CHARS = 200


def noqa_comments(root: str, files: set[str]) -> list[dict]:
    """``{"file", "line", "comment"}`` for each line with a ``# noqa`` in these files.

    ``files`` are relative to ``root`` (absolute ones lie outside the project: skipped)."""
    found: list[dict] = []
    for file in sorted(files):
        if os.path.isabs(file) or file.startswith("<"):
            continue
        for number, comment in _comments(os.path.join(root, file)):
            match = NOQA.search(comment)
            if match:
                found.append({"file": file, "line": number,
                              "comment": match.group(0).rstrip()[:MAX_COMMENT_CHARS]})
                if len(found) >= MAX_COMMENTS:
                    return found
    return found


def _comments(path: str) -> list[tuple[int, str]]:
    """(line, text) of each comment token: a ``# noqa`` inside a string is no comment."""
    text = _text(path)
    if "noqa" not in text.lower():
        return []
    try:
        return [(token.start[0], token.string)
                for token in tokenize.generate_tokens(io.StringIO(text).readline)
                if token.type == tokenize.COMMENT]
    except (tokenize.TokenError, SyntaxError):  # the file changed since it was imported
        return []


def _text(path: str) -> str:
    try:
        if not os.path.isfile(path) or os.path.getsize(path) > MAX_FILE_BYTES:
            return ""
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except OSError:
        return ""

"""Where the tests find the repository, the fixture apps and the probe targets."""

from pathlib import Path

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
APPS = TESTS / "apps"
TARGETS = TESTS / "targets"

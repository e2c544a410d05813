"""Diff: two versions of a project compared: callbacks, dependencies, findings and cycles."""

"""The explorer: a Dash app that shows a project's callback graph and lint findings."""

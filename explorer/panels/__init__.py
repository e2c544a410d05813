"""The side panels' content: details of the selection, the summary, the exports."""

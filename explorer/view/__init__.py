"""What the graph shows: catalog, filters, elements, overview, layering, search, URL state, styles."""

"""The callback graph as text (Mermaid, DOT, GraphML, Cytoscape JSON), for docs and reviews."""

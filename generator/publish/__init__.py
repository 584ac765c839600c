"""From the resolved briefing to files: pages, graph, map, exports, vendored assets, the writer."""

"""Every component id of the explorer page, as kebab-case constants in one place."""

# Page state
URL = "url"
URL_VIEW = "url-view"  # the view restored from the URL, consumed by the selection and depth sync
URL_POPPED = "url-popped"  # the query string the browser's Back/Forward went to
SELECTION = "selection"
REVISION = "revision"  # bumps when a project's analysis changes
GRAPH_SERVED = "graph-served"  # whether the page came with the graph's first drawing
ANALYSIS_RESULT = "analysis-result"  # a finished job's id (its result stays on the server)
WATCH_POLL = "watch-poll"  # while the server watches files: asks for a newer REVISION
LIVE_POLL = "live-poll"  # with --live: asks the server to fetch the running app's calls
LIVE_STYLE = "live-style"  # the overlay's stylesheet rules (callbacks by calls and time)
LIVE_REVISION = "live-revision"  # changes when the fetched log does; the panels follow it
DOWNLOAD = "download"
IMAGE_REQUEST = "image-request"  # a PNG/SVG export for the graph, passed on once it can draw it

# Header and projects
PROJECT_SELECT = "project-select"
ANALYSE_BUTTON = "analyse-button"
CANCEL_BUTTON = "cancel-button"
ANALYSIS_PROGRESS = "analysis-progress"
JOB_NOTICE = "job-notice"  # this page's own job went wrong: refused, lost, queue unreachable
STATUS = "status"

# Graph and its controls
GRAPH = "graph"
LAYOUT_SELECT = "layout-select"
COLLAPSE_SELECT = "collapse-select"
GRAPH_CAPTION = "graph-caption"
EXPANDED = "expanded"  # clusters and pages/modules opened in the overview of a large graph
OVERVIEW_RESET = "overview-reset"  # closes them all again
FIT_ALL = "fit-all"  # zooms out to the whole graph (the first view may show a legible part)
LEGEND = "legend"
LIVE_LEGEND = "live-legend"  # the overlay's colours, shown with --live only
LIVE_STATUS = "live-status"  # what was fetched from the running app, or why nothing was

# Page structure: the side panels collapse to give the graph the screen
PAGE_BODY = "page-body"  # its classes say which side panels are toggled
CONTROLS_PANEL = "controls-panel"
SIDE_PANEL = "side-panel"  # findings, details, summary
TOGGLE_CONTROLS = "toggle-controls"
TOGGLE_PANELS = "toggle-panels"

# Search
SEARCH_INPUT = "search-input"
SEARCH_RESULTS = "search-results"
SEARCH_MATCHES = "search-matches"  # element ids the search highlights (clusters too)
FOCUS_NODES = "focus-nodes"  # the selection, while a focus view is on
SEARCH_RESULT = "search-result"  # pattern type: {"type": SEARCH_RESULT, "node": key}

# Filters
FILTER_GROUP = "filter-group"
FILTER_SEVERITY = "filter-severity"
FILTER_RULE = "filter-rule"
FILTER_KIND = "filter-kind"

# Focus
FOCUS_DIRECTION = "focus-direction"
FOCUS_DEPTH_SLIDER = "focus-depth-slider"
FOCUS_DEPTH_INPUT = "focus-depth-input"

# Compare view: a switch showing only the changes and their neighbourhood
COMPARE_CHANGES_ONLY = "compare-changes-only"

# The controls of the view, by the ViewSpec/UrlView field each one holds: the graph, the URL
# and a link's restore take their values as one dict, so a new filter is one more row here.
VIEW_CONTROLS = (
    ("groups", FILTER_GROUP), ("severities", FILTER_SEVERITY), ("rules", FILTER_RULE),
    ("kinds", FILTER_KIND), ("collapse", COLLAPSE_SELECT), ("direction", FOCUS_DIRECTION),
    ("depth", FOCUS_DEPTH_SLIDER), ("layout", LAYOUT_SELECT),
    ("changes", COMPARE_CHANGES_ONLY),
)

# Panels
FINDINGS_LIST = "findings-list"
FINDINGS_COUNT = "findings-count"
FINDING_ITEM = "finding-item"  # pattern type: {"type": FINDING_ITEM, "index": i}
DETAILS = "details"
CLEAR_SELECTION = "clear-selection"  # rendered inside the details panel only when selected
RELATED_NODE = "related-node"  # pattern type: {"type": RELATED_NODE, "node": key}
SUMMARY = "summary"
SUMMARY_CHART = "summary-chart"
SUMMARY_CHART_SLOT = "summary-chart-slot"  # the chart is mounted after the graph is drawn
SUMMARY_CHART_FOR = "summary-chart-for"  # which project/revision the mounted chart shows
GRAPH_PAINTED = "graph-painted"  # set once the graph's elements are on screen (chart waits)

# Exports
EXPORT_PNG = "export-png"
EXPORT_SVG = "export-svg"
EXPORT_SCOPE = "export-scope"  # what PNG/SVG draw: the whole graph or the visible view
EXPORT_JSON = "export-json"  # the snapshot
EXPORT_REPORT = "export-report"  # pattern type: {"type": EXPORT_REPORT, "format": name}

# The view as text (explorer/callbacks/textexport.py)
EXPORT_TEXT = "export-text"  # pattern type: {"type": EXPORT_TEXT, "format": mermaid|dot|...}
EXPORT_TEXT_ALL = "export-text-all"  # checked: every callback, not the aggregated overview

# Presentation mode (explorer/callbacks/present.py, assets/present.js: keys f, n, p, Escape)
PRESENT_START = "present-start"  # the button (key f)
PRESENT_NEXT = "present-next"  # hidden buttons the keys press
PRESENT_PREV = "present-prev"
PRESENT_STOP = "present-stop"
PRESENT_STATE = "present-state"  # {"on", "index", "items": [PresentItem dicts]}
PRESENT_CAPTION = "present-caption"  # the current item's rule code, message and fix

# Compare view (explorer/comparisons.py, callbacks/compare.py)
COMPARE_CONTROLS = "compare-controls"  # the compare section of the controls, shown in a comparison
COMPARE_TITLE = "compare-title"  # which versions are compared
COMPARE_LEGEND = "compare-legend"  # the key of the change colours, shown in a comparison
EXPORT_REVIEW = "export-review"  # the comparison's Markdown review report

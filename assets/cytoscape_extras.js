// dash-cytoscape's extra bundle (dagre, klay, cose-bilkent, the SVG export) loaded on demand.
// It is 1.4 MB of JavaScript, a third of what the page evaluated before drawing: the page now
// loads the plain bundle, and this file fetches the extra one the first time one of its
// layouts or an SVG is asked for. The extra bundle carries its own copy of cytoscape; its
// extensions register themselves with a global `cytoscape` function when one exists, so it is
// evaluated with a global that collects them, and they are registered with the page's
// cytoscape (any instance's `extension(type, name, impl)` writes the shared registry). The
// bundle also replaces `window.dash_cytoscape`: the plain bundle's component is put back, so
// the graph keeps its instance.
(function () {
    "use strict";
    var LAYOUTS = ["dagre", "klay", "cose-bilkent"];  // graph_layout names that need it
    var BUNDLE = "dash_cytoscape_extra.min.js";  // registered by explorer/app.py
    var state = {cy: null, loading: null, loaded: false};

    function bundleUrl() {
        var plain = document.querySelector('script[src*="/dash_cytoscape/dash_cytoscape."]');
        return plain.src.replace(/[^/]*$/, BUNDLE);
    }

    function load() {
        if (state.loading) {
            return state.loading;
        }
        state.loading = new Promise(function (resolve, reject) {
            var component = window.dash_cytoscape;
            var found = [];
            var script = document.createElement("script");
            window.cytoscape = function (type, name, impl) { found.push([type, name, impl]); };
            script.src = bundleUrl();
            script.onload = function () {
                // load fires right after the bundle ran: nothing drew with its component
                window.dash_cytoscape = component;
                delete window.cytoscape;
                state.loaded = true;
                found.forEach(function (ext) {
                    if (ext[0] === "core" && state.cy[ext[1]]) {
                        return;  // contextMenus: the plain bundle has it (core names are final)
                    }
                    state.cy.extension(ext[0], ext[1], ext[2]);
                });
                resolve();
            };
            script.onerror = function () {
                window.dash_cytoscape = component;
                delete window.cytoscape;
                state.loading = null;  // a later request tries again
                reject(new Error("could not load " + script.src));
            };
            document.head.appendChild(script);
        });
        return state.loading;
    }

    // A stand-in for a layout of the extra bundle: run() loads the bundle (which registers
    // the real layout under the same name, replacing this one) and runs the real layout on
    // the same elements with the same options; its layoutstop reaches cy's listeners.
    function standIn(name) {
        function Layout(options) { this.options = options; }
        Layout.prototype.run = function () {
            var options = this.options;
            if (state.loaded) {  // the bundle came without it: say so rather than loop
                console.error("dash-cytoscape's extra bundle has no layout " + name);
                return this;
            }
            load().then(function () {
                if (!options.cy.destroyed()) {
                    options.cy.layout(options).run();
                }
            }, function (error) { console.error(error); });
            return this;
        };
        Layout.prototype.stop = function () { return this; };
        return Layout;
    }

    function install(cy) {
        state.cy = cy;
        LAYOUTS.forEach(function (name) { cy.extension("layout", name, standIn(name)); });
    }

    // The stand-ins are registered when the first cytoscape instance fills its container:
    // observers run before any other task, so before any callback can ask for a layout.
    // The page's first drawing uses built-in layouts only (preset), the one layout that runs
    // inside the instance's constructor.
    var observer = new MutationObserver(function (records) {
        for (var i = 0; i < records.length; i++) {
            var registry = records[i].target._cyreg;
            if (registry && registry.cy) {
                observer.disconnect();
                install(registry.cy);
                return;
            }
        }
    });
    observer.observe(document.documentElement, {childList: true, subtree: true});

    window.dceCytoscapeExtras = {load: load};
})();

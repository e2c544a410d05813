// The graph's viewport, framed in the browser (only the browser knows where nodes are and how
// big the canvas is). Everything drawn is framed when it fits legibly; otherwise the most
// severe findings' neighbourhood (or the busiest node's). A selection frames itself and its
// neighbours; a selection that is no longer drawn (a cluster just expanded) frames the nodes
// that replaced it. "Fit everything" is the one way to zoom out further. The zoom limits come
// from the page (data attributes of the graph's .dce-canvas, set by explorer/layout.py).
//
// Framing starts before cytoscape draws anything: cytoscape draws on the next animation frame
// after it is created, and the page is served with the graph's elements, so a framing that
// waited for Dash's first clientside callback let it draw every label at the fit zoom first
// (the slowest frame of the first open) and then draw again. A MutationObserver hears of the
// graph's canvas being added in the same task that created the instance and laid it out, and
// frames it before the browser paints.
(function () {
    "use strict";

    function cyIn(root) {
        var holders = root ? [root].concat(Array.prototype.slice.call(root.querySelectorAll("div"))) : [];
        var holder = holders.find(function (el) { return el._cyreg; });
        return holder ? holder._cyreg.cy : null;
    }

    function limits(cy) {
        var box = cy.container() && cy.container().closest(".dce-canvas");
        var data = box ? box.dataset : {};
        return {legible: Number(data.legibleZoom || 1), closest: Number(data.closestZoom || 1.2),
                pad: Number(data.framePadding || 40)};
    }

    function frame(cy, target, anchor) {
        var at = limits(cy);
        cy.fit(target, at.pad);
        if (cy.zoom() > at.closest) { cy.zoom(at.closest); cy.center(target); }
        if (cy.zoom() < at.legible) { cy.zoom(at.legible); cy.center(anchor || target); }
    }

    function around(nodes) {
        return nodes.union(nodes.descendants()).closedNeighborhood().union(nodes.ancestors());
    }

    function mostRelevant(cy) {
        var leaves = cy.nodes().filter(function (n) { return n.isChildless(); });
        var severities = ["error", "warning", "info"];
        for (var i = 0; i < severities.length; i++) {
            var found = leaves.filter("." + severities[i]);
            if (found.nonempty()) { return found.max(function (n) { return n.degree(); }).ele; }
        }
        return leaves.max(function (n) { return n.degree(); }).ele;
    }

    function byIds(cy, ids) {
        return cy.collection((ids || []).map(function (id) { return cy.getElementById(id); }))
            .filter(function (e) { return e.nonempty(); });
    }

    function frameWanted(cy) {
        var all = cy.elements();
        if (all.empty()) { return; }
        var ids = cy.scratch("dce-wanted") || [];
        var wanted = byIds(cy, ids);
        var added = byIds(cy, cy.scratch("dce-added"));
        if (wanted.nonempty()) { frame(cy, around(wanted), wanted); return; }
        if (ids.length && added.nonempty()) { frame(cy, added, added); return; }
        var at = limits(cy);
        cy.fit(all, at.pad);
        if (cy.zoom() > at.closest) { cy.zoom(at.closest); cy.center(all); }
        if (cy.zoom() < at.legible) {
            var anchor = mostRelevant(cy);
            frame(cy, around(anchor), anchor);
        }
    }

    function onLayout(cy) {
        // the container may have changed size since cytoscape last measured it (the page's
        // stylesheet arriving, a panel toggled): measure again before framing in it
        cy.resize();
        // what a new drawing added: a cluster that was asked for is replaced by its members
        var seen = new Set(cy.scratch("dce-seen") || []);
        var now = cy.nodes().map(function (n) { return n.id(); });
        var added = now.filter(function (id) { return !seen.has(id); });
        cy.scratch("dce-seen", now);
        cy.scratch("dce-added", added.length < now.length ? added : []);
        frameWanted(cy);
    }

    // Frames the graph after every layout from now on, and now. Once per instance.
    function install(cy) {
        if (cy.scratch("dce-framing")) { return false; }
        cy.scratch("dce-framing", true);
        // not dash-cytoscape's responsive mode (it refits): only re-measure, so the drawing
        // always fills its container (late stylesheet, panels, window) at the zoom the user has
        if (window.ResizeObserver) {
            new ResizeObserver(function () { cy.resize(); }).observe(cy.container());
        }
        cy.on("layoutstop", function () { onLayout(cy); });
        onLayout(cy);  // the first drawing may have ended before this listener existed
        return true;
    }

    function installInPage() {
        var canvases = document.querySelectorAll(".dce-canvas");
        for (var i = 0; i < canvases.length; i++) {
            var cy = cyIn(canvases[i]);
            if (cy) { install(cy); return true; }
        }
        return false;
    }

    var watcher = new MutationObserver(function () {
        if (installInPage()) { watcher.disconnect(); }
    });
    watcher.observe(document, {childList: true, subtree: true});

    window.dash_clientside = window.dash_clientside || {};
    window.dash_clientside.dce_viewport = {
        // Keeps the wanted elements (the selection) on the instance; frames them when they
        // change. A new drawing frames itself (layoutstop).
        frame_on_change: function (selection) {
            var wanted = (selection && selection.elements) || [];
            // the other input is the graph's elements (a new drawing frames itself)
            var fromSelection = (dash_clientside.callback_context.triggered || [])
                .some(function (t) { return /\.data$/.test(t.prop_id); });
            var attempt = function (left) {
                var cy = cyIn(document.querySelector(".dce-canvas"));
                if (!cy) {
                    if (left > 0) { setTimeout(function () { attempt(left - 1); }, 100); }
                    return;
                }
                var before = JSON.stringify(cy.scratch("dce-wanted") || []);
                cy.scratch("dce-wanted", wanted);
                var changed = JSON.stringify(wanted) !== before;
                if (!install(cy) && wanted.length && (fromSelection || changed)) {
                    frameWanted(cy);
                }
            };
            attempt(50);
        },
        // "Fit everything": the whole graph on screen, however small its labels get.
        fit_everything: function () {
            var cy = cyIn(document.querySelector(".dce-canvas"));
            if (cy) { cy.fit(cy.elements(), 20); }
        }
    };
})();

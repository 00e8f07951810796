/**
 * The only scripts Mandate's webview pages run: constant code, written here, that reads nothing
 * from the policy except the `data-file` / `data-line` attributes the renderers escape. They let
 * in by the page's CSP nonce (html-csp.ts); a saved report in a browser has none of them.
 *
 * Opening a file is the extension's job: the page only posts `{ type: 'open', file, line }`, and
 * the extension opens the file at the line if it lies inside the workspace (client/webview.ts).
 */

/** A click (or Enter) on anything with `data-file` posts it to the extension instead of following the link. */
export const OPEN_SOURCE_SCRIPT = `var mandateHost = acquireVsCodeApi();
(function (vscode) {
    'use strict';
    function target(event) {
        var element = event.target;
        return element && element.closest ? element.closest('[data-file]') : null;
    }
    function open(element) {
        var line = Number(element.getAttribute('data-line'));
        vscode.postMessage({ type: 'open', file: element.getAttribute('data-file'), line: Number.isInteger(line) && line > 0 ? line : 1 });
    }
    document.addEventListener('click', function (event) {
        var element = target(event);
        if (!element || event.defaultPrevented) return;
        event.preventDefault();
        open(element);
    });
    document.addEventListener('keydown', function (event) {
        var element = target(event);
        if (element && event.key === 'Enter' && element.tagName.toLowerCase() !== 'a') { event.preventDefault(); open(element); }
    });
})(mandateHost);`;

/**
 * Zoom and pan for the graph page: the buttons (`data-zoom="in|out|fit"`), the wheel (about the
 * pointer), dragging, and the keys + - 0. It changes only the SVG's viewBox, so the drawing stays
 * sharp. A drag that moved is not also a click on a node. The view is kept in the webview's state,
 * so a redraw after an edit keeps it while the drawing keeps its size. Runs after OPEN_SOURCE_SCRIPT.
 */
export const GRAPH_ZOOM_SCRIPT = `(function () {
    'use strict';
    var viewport = document.getElementById('viewport');
    var svg = viewport && viewport.querySelector('svg');
    if (!svg) return;
    var parts = (svg.getAttribute('viewBox') || '').split(/[\\s,]+/).map(Number);
    if (parts.length !== 4 || parts.some(function (n) { return !isFinite(n); }) || parts[2] <= 0 || parts[3] <= 0) return;
    var home = { x: parts[0], y: parts[1], w: parts[2], h: parts[3] };
    var view = { x: home.x, y: home.y, w: home.w, h: home.h };
    var MIN = 0.05, MAX = 20;
    var host = typeof mandateHost === 'undefined' ? null : mandateHost;
    var saved = host && host.getState();
    function apply() {
        svg.setAttribute('viewBox', [view.x, view.y, view.w, view.h].join(' '));
        if (host) host.setState({ home: home, view: view });
    }
    if (saved && saved.home && saved.view && saved.home.w === home.w && saved.home.h === home.h) { view = saved.view; apply(); }
    function scale() { var box = svg.getBoundingClientRect(); return Math.max(view.w / Math.max(box.width, 1), view.h / Math.max(box.height, 1)); }
    function zoom(factor, clientX, clientY) {
        var zoomLevel = home.w / (view.w / factor);
        if (zoomLevel < MIN || zoomLevel > MAX) return;
        var box = svg.getBoundingClientRect();
        var px = clientX === undefined ? 0.5 : (clientX - box.left) / Math.max(box.width, 1);
        var py = clientY === undefined ? 0.5 : (clientY - box.top) / Math.max(box.height, 1);
        var w = view.w / factor, h = view.h / factor;
        view = { x: view.x + (view.w - w) * px, y: view.y + (view.h - h) * py, w: w, h: h };
        apply();
    }
    function fit() { view = { x: home.x, y: home.y, w: home.w, h: home.h }; apply(); }
    document.querySelectorAll('[data-zoom]').forEach(function (button) {
        button.addEventListener('click', function () {
            var action = button.getAttribute('data-zoom');
            if (action === 'in') zoom(1.25); else if (action === 'out') zoom(0.8); else fit();
        });
    });
    viewport.addEventListener('wheel', function (event) {
        event.preventDefault();
        zoom(event.deltaY < 0 ? 1.15 : 1 / 1.15, event.clientX, event.clientY);
    }, { passive: false });
    var drag = null, moved = false;
    viewport.addEventListener('pointerdown', function (event) {
        if (event.button !== 0) return;
        drag = { x: event.clientX, y: event.clientY, view: view, scale: scale() };
        moved = false;
    });
    viewport.addEventListener('pointermove', function (event) {
        if (!drag) return;
        var dx = event.clientX - drag.x, dy = event.clientY - drag.y;
        if (!moved && Math.abs(dx) + Math.abs(dy) < 4) return;
        if (!moved) { moved = true; viewport.setPointerCapture(event.pointerId); viewport.classList.add('dragging'); }
        view = { x: drag.view.x - dx * drag.scale, y: drag.view.y - dy * drag.scale, w: drag.view.w, h: drag.view.h };
        apply();
    });
    function end() { drag = null; viewport.classList.remove('dragging'); }
    viewport.addEventListener('pointerup', end);
    viewport.addEventListener('pointercancel', end);
    viewport.addEventListener('click', function (event) { if (moved) { event.preventDefault(); event.stopPropagation(); moved = false; } }, true);
    document.addEventListener('keydown', function (event) {
        if (event.target && event.target.tagName && /^(INPUT|TEXTAREA)$/.test(event.target.tagName)) return;
        if (event.key === '+' || event.key === '=') zoom(1.25);
        else if (event.key === '-') zoom(0.8);
        else if (event.key === '0') fit();
    });
})();`;

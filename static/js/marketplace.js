// Marketplace: "select all shown" ticks the visible units. Capture phase, so the boxes are ticked before htmx
// (listening on the layout) sends the selection for a new preview.
(function () {
    'use strict';
    document.addEventListener('change', function (e) {
        var all = e.target.closest('[data-select-all]');
        if (!all) { return; }
        document.querySelectorAll('#mp-units input[type=checkbox][name=serial]').forEach(function (box) {
            box.checked = all.checked;
        });
    }, true);
})();

// My Assets: FortiFlex bulk actions take entitlements of one product type, so once one is selected the others can't be.
(function () {
    'use strict';
    function setUp(form) {
        var boxes = function () { return Array.prototype.slice.call(form.querySelectorAll('input[type=checkbox][data-product-type]')); };
        var all = form.querySelector('[data-select-all]');
        var note = form.querySelector('#selection-note');
        var buttons = form.querySelectorAll('[data-needs-selection]');
        var hint = note ? note.textContent : '';
        function update() {
            var checked = boxes().filter(function (b) { return b.checked; });
            var type = checked.length ? checked[0].getAttribute('data-product-type') : null;
            boxes().forEach(function (b) {
                var other = type !== null && b.getAttribute('data-product-type') !== type;
                b.disabled = other;
                var row = b.closest('tr');
                if (row) { row.classList.toggle('row-muted', other); }
            });
            buttons.forEach(function (btn) { btn.disabled = checked.length === 0; });
            if (note) {
                note.textContent = checked.length === 0 ? hint : checked.length + ' selected (' +
                    checked[0].getAttribute('data-type-name') + '). Other product types can\u2019t be added to this selection.';
            }
            if (all) { all.checked = checked.length > 0 && boxes().every(function (b) { return b.disabled || b.checked; }); }
        }
        if (all) {
            all.addEventListener('change', function () {
                var first = boxes().filter(function (b) { return b.checked; })[0] || boxes()[0];
                var type = first ? first.getAttribute('data-product-type') : null;
                boxes().forEach(function (b) { if (b.getAttribute('data-product-type') === type) { b.checked = all.checked; } });
                update();
            });
        }
        form.addEventListener('change', function (e) { if (e.target !== all) { update(); } });
        update();
    }
    // A deferred script runs once the document is parsed: set up now, before the page is marked ready.
    function start() { document.querySelectorAll('form[data-one-type]').forEach(setUp); }
    if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();

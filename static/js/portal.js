// Portal behaviour without inline scripts (the CSP forbids them).
(function () {
    'use strict';
    function csrf() {
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        return token && header ? {header: header.content, token: token.content} : null;
    }
    // Every htmx request carries the CSRF token like a form post does.
    document.addEventListener('htmx:configRequest', function (e) {
        var c = csrf();
        if (c) { e.detail.headers[c.header] = c.token; }
    });
    document.addEventListener('DOMContentLoaded', function () {
        // The account switcher submits as soon as a new account is chosen; its button stays for keyboard users.
        document.querySelectorAll('form[data-autosubmit] select').forEach(function (select) {
            select.addEventListener('change', function () { select.form.submit(); });
        });
    });
    document.addEventListener('click', function (e) {
        var el = e.target.closest('[data-confirm]');
        if (el && !window.confirm(el.getAttribute('data-confirm'))) { e.preventDefault(); }
    });
    // Prevents a second submit of the same form while the first is on its way (double-click on "Place order").
    document.addEventListener('submit', function (e) {
        var form = e.target;
        if (form.hasAttribute('data-once')) {
            if (form.dataset.submitted === 'true') { e.preventDefault(); return; }
            form.dataset.submitted = 'true';
        }
    });
})();

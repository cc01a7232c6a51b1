// Portal behaviour without inline scripts (the CSP forbids them).
(function () {
    'use strict';
    function csrf() {
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        return token && header ? {header: header.content, token: token.content} : null;
    }
    // Readiness for scripts and browser tests: data-portal-ready once htmx has processed the page (and this file's
    // handlers are attached), data-htmx-busy while any htmx request is in flight. Acting earlier loses the event.
    var root = document.documentElement;
    var inFlight = new Set();
    function markBusy() {
        if (inFlight.size > 0) { root.setAttribute('data-htmx-busy', ''); } else { root.removeAttribute('data-htmx-busy'); }
    }
    document.addEventListener('htmx:beforeSend', function (e) { inFlight.add(e.detail.xhr); markBusy(); });
    // afterRequest fires for success, error, abort and timeout alike (once per element involved: a Set counts once).
    document.addEventListener('htmx:afterRequest', function (e) { inFlight.delete(e.detail.xhr); markBusy(); });
    function ready() { root.setAttribute('data-portal-ready', ''); }
    if (window.htmx) {
        // htmx fires htmx:load on <body> once it has processed the whole page.
        window.htmx.onLoad(function (el) { if (el === document.body) { ready(); } });
    } else {
        document.addEventListener('DOMContentLoaded', ready);
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

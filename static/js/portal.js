// Portal behaviour without inline scripts (the CSP forbids them).
(function () {
    'use strict';
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

    // ---- Forms that must be sent once ("Place order", "Transfer", "Register"): the first submit wins, and its
    // button says it is working until the next page arrives.
    document.addEventListener('submit', function (e) {
        var form = e.target;
        if (!form.hasAttribute('data-once')) { return; }
        if (form.dataset.submitted === 'true') { e.preventDefault(); return; }
        form.dataset.submitted = 'true';
        form.setAttribute('aria-busy', 'true');
        form.querySelectorAll('button[type=submit]').forEach(function (button) {
            button.dataset.idleLabel = button.textContent;
            if (button.dataset.busyLabel) { button.textContent = button.dataset.busyLabel; }
            button.classList.add('is-busy');
            // Disabling the submitter now does not stop this submission; it only leaves the button's own name/value
            // out of the form data, and these buttons carry none.
            button.disabled = true;
        });
    });
    // Back from the next page (back/forward cache): the form may be sent again.
    window.addEventListener('pageshow', function (e) {
        if (!e.persisted) { return; }
        document.querySelectorAll('form[data-once][data-submitted]').forEach(function (form) {
            delete form.dataset.submitted;
            form.removeAttribute('aria-busy');
            form.querySelectorAll('button.is-busy').forEach(function (button) {
                button.disabled = false;
                button.classList.remove('is-busy');
                if (button.dataset.idleLabel) { button.textContent = button.dataset.idleLabel; }
            });
        });
    });

    // ---- While an htmx request is on its way, the buttons its element names in data-busy-disable can't be pressed
    // (e.g. "Place order" while the preview it would place is being recomputed). Not hx-disabled-elt: the button
    // is absent until there is a preview, and htmx logs an error for a selector that matches nothing.
    document.addEventListener('htmx:beforeRequest', function (e) {
        var selector = e.detail.elt.getAttribute('data-busy-disable');
        if (!selector) { return; }
        document.querySelectorAll(selector).forEach(function (button) {
            if (!button.disabled) {
                button.disabled = true;
                button.dataset.busyDisabled = 'true';
            }
        });
    });
    document.addEventListener('htmx:afterRequest', function () {
        document.querySelectorAll('[data-busy-disabled]').forEach(function (button) {
            button.disabled = false;
            delete button.dataset.busyDisabled;
        });
    });

    // ---- htmx requests that fail are said so (htmx leaves the page as it was and would stay silent).
    function requestError(text) {
        var box = document.getElementById('request-error');
        if (!box) { return; }
        box.textContent = text;
        box.hidden = false;
    }
    document.addEventListener('htmx:responseError', function (e) {
        var xhr = e.detail.xhr;
        requestError('This part of the page could not be updated: the server answered ' + xhr.status
            + (xhr.statusText ? ' (' + xhr.statusText + ')' : '') + '. Your last change is not shown yet; '
            + 'try again, or reload the page.');
    });
    document.addEventListener('htmx:sendError', function () {
        requestError('The portal could not be reached, so this part of the page was not updated. '
            + 'Check your connection and try again.');
    });
    document.addEventListener('htmx:timeout', function () {
        requestError('The portal took too long to answer, so this part of the page was not updated. Try again.');
    });
    document.addEventListener('htmx:afterRequest', function (e) {
        var box = document.getElementById('request-error');
        if (box && e.detail.successful) { box.hidden = true; }
    });

    // ---- Phones: the header menu button shows and hides the navigation.
    document.addEventListener('click', function (e) {
        var toggle = e.target.closest('[data-nav-toggle]');
        if (!toggle) { return; }
        var bar = toggle.closest('.topbar');
        var open = bar.classList.toggle('nav-open');
        toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
})();

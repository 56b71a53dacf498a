/*
 * Behaviour the pages used to write inline (onclick="…"), which the Content-Security-Policy forbids: handlers
 * are bound here, by delegation on the document, so that buttons arriving in an AJAX update work as well.
 */
(function () {
    'use strict';
    document.addEventListener('click', function (event) {
        var target = event.target instanceof Element ? event.target.closest('[data-action="print"]') : null;
        if (target) {
            window.print();
        }
        var menu = event.target instanceof Element ? event.target.closest('#navMenu') : null;
        if (menu) {
            var open = document.getElementById('siteNav').classList.toggle('open');
            menu.setAttribute('aria-expanded', open ? 'true' : 'false');
        }
    });
}());

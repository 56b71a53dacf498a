/*
 * After a form comes back refused, the first message beside a field is brought into view and its field is
 * focused: on a phone the messages at the top of the page are far out of sight of the field that needs fixing.
 * Bound to PrimeFaces' AJAX completion and to page load (a full-page post); no inline script (the CSP forbids it).
 */
(function () {
    'use strict';

    function firstError() {
        var messages = document.querySelectorAll('form .ui-message-error');
        for (var i = 0; i < messages.length; i++) {
            if (messages[i].offsetParent !== null) {
                return messages[i];
            }
        }
        return null;
    }

    function showFirstError() {
        var message = firstError();
        if (!message) {
            return;
        }
        var field = message.closest('.field') || message.parentNode;
        field.scrollIntoView({block: 'center'});
        var input = field.querySelector('input:not([type=hidden]):not([disabled]), textarea, select, .ql-editor');
        if (input && typeof input.focus === 'function') {
            input.focus({preventScroll: true});
        }
    }

    document.addEventListener('DOMContentLoaded', showFirstError);
    if (window.jQuery) {
        window.jQuery(document).on('pfAjaxComplete', function (event, xhr, settings) {
            // A field's message only: an upload's own status or an autoupdated message after an attach stays put.
            if (settings && typeof settings.data === 'string' && /(^|&)jakarta\.faces\.source=[^&]*attach(&|$)/.test(settings.data)) {
                return;
            }
            showFirstError();
        });
    }
}());

/*
 * The judge's score page (judge/score.xhtml), without inline script (the Content-Security-Policy forbids it):
 * - the running total of the scores as they are typed (the server alone decides what is valid; a score that does
 *   not read as a number is left out of the total here and refused beside its criterion there);
 * - "大字阅读": larger text for the story and the rubric, remembered on this device in localStorage.
 * Bound by delegation on the document, so that the form's AJAX updates keep working.
 */
(function () {
    'use strict';
    var KEY = 'laurel.judge.largeText';
    var root = document.documentElement;

    function stored() {
        try {
            return window.localStorage.getItem(KEY) === '1';
        } catch (e) {
            return false;
        }
    }

    function remember(on) {
        try {
            window.localStorage.setItem(KEY, on ? '1' : '0');
        } catch (e) {
            // A browser that keeps nothing (private mode) still enlarges the text for this page.
        }
    }

    function showLarge(on) {
        root.classList.toggle('text-large', on);
        var button = document.getElementById('largerText');
        if (button) {
            button.setAttribute('aria-pressed', on ? 'true' : 'false');
        }
    }

    function number(text) {
        var plain = text.trim().replace(/[\uFF10-\uFF19]/g, function (c) {
            return String.fromCharCode(c.charCodeAt(0) - 0xFEE0);
        }).replace('\uFF0E', '.');
        return /^\d{1,6}(\.\d{1,6})?$/.test(plain) ? parseFloat(plain) : null;
    }

    function updateTotal(form) {
        var out = document.getElementById('scoreTotal');
        if (!out) {
            return;
        }
        var sum = 0;
        form.querySelectorAll('input.score-input').forEach(function (input) {
            var value = number(input.value);
            if (value !== null) {
                sum += value;
            }
        });
        out.textContent = String(Math.round(sum * 10) / 10);
    }

    showLarge(stored());
    document.addEventListener('DOMContentLoaded', function () {
        showLarge(stored());
    });
    document.addEventListener('input', function (event) {
        var target = event.target;
        if (target instanceof Element && target.matches('input.score-input')) {
            updateTotal(target.form || document);
        }
    });
    document.addEventListener('click', function (event) {
        var toggle = event.target instanceof Element ? event.target.closest('[data-action="larger-text"]') : null;
        if (toggle) {
            var on = !root.classList.contains('text-large');
            remember(on);
            showLarge(on);
        }
    });
}());

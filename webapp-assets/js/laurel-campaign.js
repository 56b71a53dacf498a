/*
 * The unit's campaign page (unit/campaign.xhtml): the report form opens above the task list, so on a phone a tap on
 * 报送 for task 13 would open it thousands of pixels out of sight. After that update, bring the form into view and
 * put the focus on its heading, so that a screen reader also hears which task is being reported.
 */
(function () {
    'use strict';
    var opening = false;
    document.addEventListener('click', function (event) {
        if (event.target instanceof Element && event.target.closest('.open-report')) {
            opening = true;
        }
    }, true);
    if (!window.jQuery) {
        return;
    }
    // PrimeFaces announces every finished AJAX request on the document.
    window.jQuery(document).on('pfAjaxComplete', function () {
        var form = document.getElementById('report');
        if (!opening || !form) {
            return;
        }
        opening = false;
        form.scrollIntoView({block: 'start'});
        var heading = document.getElementById('reportTask');
        if (heading) {
            heading.setAttribute('tabindex', '-1');
            heading.focus({preventScroll: true});
        }
    });
}());

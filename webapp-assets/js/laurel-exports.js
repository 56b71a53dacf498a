/*
 * The exports page (organiser/exports.xhtml): a ZIP of a contest's files can be gigabytes and is streamed without a
 * Content-Length, so the browser alone shows no progress. A click on a ZIP link picks a random token, starts the
 * download with it, and polls the server's count of files and bytes written for that token into the progress bar
 * until the server says the ZIP is complete or broke off. The texts come from the page (data-*), in its language.
 */
(function () {
    'use strict';
    var POLL_MS = 1000;
    var WAIT_LIMIT_MS = 120000;

    function token() {
        var bytes = new Uint8Array(16);
        window.crypto.getRandomValues(bytes); // randomUUID needs a secure context; a county LAN may serve plain HTTP
        return Array.prototype.map.call(bytes, function (b) {
            return ('0' + b.toString(16)).slice(-2);
        }).join('');
    }

    /** As the page writes a size (ExportsBacking.size): KB below a megabyte, so a small ZIP is not "0.0 MB". */
    function size(bytes) {
        return bytes < 1048576 ? Math.ceil(bytes / 1024) + ' KB' : (bytes / 1048576).toFixed(1) + ' MB';
    }

    function fill(template, values) {
        return template.replace(/\{(\d)\}/g, function (all, i) {
            return values[Number(i)];
        });
    }

    function show(box, state) {
        var bar = document.getElementById('zipBar');
        var text = document.getElementById('zipProgressText');
        var values = [state.filesDone, state.filesTotal, size(state.bytesDone), size(state.bytesTotal)];
        bar.value = state.percent;
        box.setAttribute('data-stage', state.stage);
        text.textContent = fill(box.getAttribute('data-' + state.stage.toLowerCase()) || '', values);
    }

    function poll(url, box, started) {
        fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
            .then(function (answer) {
                return answer.ok ? answer.json() : {stage: 'FAILED', filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0, percent: 0};
            })
            .then(function (state) {
                if (state.stage === 'WAITING' && Date.now() - started > WAIT_LIMIT_MS) {
                    state.stage = 'FAILED';
                }
                show(box, state);
                if (state.stage === 'WAITING' || state.stage === 'RUNNING') {
                    window.setTimeout(function () { poll(url, box, started); }, POLL_MS);
                }
            }, function () {
                window.setTimeout(function () { poll(url, box, started); }, POLL_MS);
            });
    }

    document.addEventListener('click', function (event) {
        var link = event.target instanceof Element ? event.target.closest('a.zip-download[data-progress]') : null;
        var box = document.getElementById('zipProgress');
        if (!link || !box) {
            return;
        }
        event.preventDefault();
        var id = token();
        var download = document.createElement('a');
        download.href = link.href + (link.href.indexOf('?') < 0 ? '?' : '&') + 'token=' + id;
        download.setAttribute('download', '');
        document.body.appendChild(download);
        download.click(); // an attachment: the page stays while the browser saves it
        download.remove();
        box.hidden = false;
        box.scrollIntoView({block: 'nearest'}); // on a laptop the bar would open below the fold
        show(box, {stage: 'WAITING', filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0, percent: 0});
        poll(link.getAttribute('data-progress') + id, box, Date.now());
    });
}());

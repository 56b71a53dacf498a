/*
 * Resumable uploads from the pages, over the same endpoint the API offers (/api/v1/uploads):
 * the file goes in 4 MB pieces; when the connection drops, the uploader asks the server how much
 * it has (HEAD, Upload-Offset) and goes on from there, so a 2 GB video on a phone survives a
 * tunnel. When the last piece is in, the server has checked the file (type by Tika, SHA-256) and
 * the page's attach command is called with the stored file's id.
 *
 * Markup: <input type="file" class="laurel-upload" data-role="IMAGE" data-attach="attachFile">
 * followed by <progress> and <span class="upload-status">.
 */
(function () {
    'use strict';
    var CHUNK = 4 * 1024 * 1024;
    var RETRIES = 30;

    function base() {
        return document.body.getAttribute('data-context') || '';
    }

    function headers(extra) {
        var h = {'Accept-Language': document.documentElement.lang || 'zh-CN'};
        Object.keys(extra || {}).forEach(function (k) { h[k] = extra[k]; });
        return h;
    }

    function sleep(ms) {
        return new Promise(function (resolve) { setTimeout(resolve, ms); });
    }

    async function refusal(response) {
        try {
            var body = await response.json();
            var detail = body.fields && body.fields.length ? body.fields[0].message : body.message;
            return new Error(detail || body.message);
        } catch (e) {
            return new Error('HTTP ' + response.status);
        }
    }

    async function serverOffset(url) {
        var r = await fetch(url, {method: 'HEAD', credentials: 'same-origin', headers: headers()});
        if (!r.ok) {
            throw await refusal(r);
        }
        return parseInt(r.headers.get('Upload-Offset'), 10);
    }

    async function upload(file, onProgress) {
        var begin = await fetch(base() + '/api/v1/uploads', {
            method: 'POST', credentials: 'same-origin',
            headers: headers({'Content-Type': 'application/json'}),
            body: JSON.stringify({fileName: file.name, length: file.size})
        });
        if (begin.status !== 201) {
            throw await refusal(begin);
        }
        var url = base() + '/api/v1/uploads/' + (await begin.json()).id;
        var offset = 0, failures = 0;
        for (;;) {
            var response;
            try {
                response = await fetch(url, {
                    method: 'PATCH', credentials: 'same-origin',
                    headers: headers({'Content-Type': 'application/offset+octet-stream', 'Upload-Offset': String(offset)}),
                    body: file.slice(offset, Math.min(offset + CHUNK, file.size))
                });
            } catch (dropped) {
                if (++failures > RETRIES) {
                    throw dropped;
                }
                await sleep(Math.min(1000 * failures, 10000));
                offset = await serverOffset(url);
                continue;
            }
            if (response.status === 409) {
                offset = await serverOffset(url);
                continue;
            }
            if (!response.ok) {
                throw await refusal(response);
            }
            var status = await response.json();
            offset = status.offset;
            onProgress(offset, file.size);
            if (status.file) {
                return status.file;
            }
        }
    }

    function bind(input) {
        var progress = input.parentNode.querySelector('progress');
        var status = input.parentNode.querySelector('.upload-status');
        input.addEventListener('change', async function () {
            var file = input.files[0];
            if (!file) {
                return;
            }
            input.disabled = true;
            status.textContent = '';
            status.classList.remove('error');
            try {
                var stored = await upload(file, function (done, total) {
                    progress.max = total;
                    progress.value = done;
                });
                window[input.getAttribute('data-attach')]([
                    {name: 'fileId', value: stored.id}, {name: 'role', value: input.getAttribute('data-role')}]);
            } catch (e) {
                status.textContent = e.message;
                status.classList.add('error');
            } finally {
                input.disabled = false;
                input.value = '';
            }
        });
    }

    function bindAll() {
        document.querySelectorAll('input.laurel-upload:not([data-bound])').forEach(function (input) {
            input.setAttribute('data-bound', 'true');
            bind(input);
        });
    }

    document.addEventListener('DOMContentLoaded', bindAll);
    document.addEventListener('pfAjaxComplete', bindAll);
    if (window.jQuery) {
        window.jQuery(document).on('pfAjaxComplete', bindAll);
    }
})();

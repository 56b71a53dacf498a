/*
 * Resumable uploads from the pages, over the same endpoint the API offers (/api/v1/uploads):
 * the file goes in 4 MB pieces; when the connection drops, the uploader asks the server how much
 * it has (HEAD, Upload-Offset) and goes on from there, so a 2 GB video on a phone survives a
 * tunnel. When the last piece is in, the server has checked the file (type by Tika, SHA-256) and
 * the page's attach command is called with the stored file's id.
 *
 * Progress is counted in bytes as they leave the phone (XMLHttpRequest's upload events), not per
 * piece: a photo smaller than one piece would otherwise sit at 0 until it is all there. The status
 * says "上传中 37 %" in words a person reads; the texts come from the page (data-* attributes),
 * so they follow the page's language.
 *
 * Markup (WEB-INF/tags/upload.xhtml): <input type="file" class="laurel-upload" data-role="IMAGE"
 * data-attach="attachFile" data-expect="image/" data-wrong-type="这不是图片文件…"> inside a box
 * with a <progress> and a <span class="upload-status">.
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

    function messageOf(body, status) {
        var detail = body && body.fields && body.fields.length ? body.fields[0].message : body && body.message;
        return new Error(detail || 'HTTP ' + status);
    }

    async function refusal(response) {
        try {
            return messageOf(await response.json(), response.status);
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

    /** One piece by XMLHttpRequest, whose upload events count the bytes sent; resolves {status, body}. */
    function sendPiece(url, offset, piece, onBytes) {
        return new Promise(function (resolve, reject) {
            var xhr = new XMLHttpRequest();
            xhr.open('PATCH', url);
            xhr.withCredentials = true;
            var h = headers({'Content-Type': 'application/offset+octet-stream', 'Upload-Offset': String(offset)});
            Object.keys(h).forEach(function (k) { xhr.setRequestHeader(k, h[k]); });
            xhr.upload.onprogress = function (e) { onBytes(e.loaded); };
            xhr.onload = function () {
                var body = null;
                try { body = JSON.parse(xhr.responseText); } catch (ignored) { body = null; }
                resolve({status: xhr.status, body: body});
            };
            xhr.onerror = function () { reject(new Error('network')); };
            xhr.send(piece);
        });
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
        onProgress(0, file.size);
        for (;;) {
            var response;
            var from = offset;
            try {
                response = await sendPiece(url, offset, file.slice(offset, Math.min(offset + CHUNK, file.size)),
                    function (sent) { onProgress(from + sent, file.size); });
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
            if (response.status < 200 || response.status >= 300) {
                throw messageOf(response.body, response.status);
            }
            offset = response.body.offset;
            onProgress(offset, file.size);
            if (response.body.file) {
                return response.body.file;
            }
        }
    }

    function text(input, name, percent) {
        return (input.getAttribute('data-' + name) || '').replace('{0}', percent);
    }

    /** The page's own check before sending: a picture box refuses what the phone itself says is no picture. */
    function wrongType(input, file) {
        var expect = input.getAttribute('data-expect');
        return expect && file.type && file.type.indexOf(expect) !== 0;
    }

    function bind(input) {
        var box = input.closest('.uploader') || input.parentNode;
        var progress = box.querySelector('progress');
        var status = box.querySelector('.upload-status');
        function say(message, error) {
            status.textContent = message;
            status.classList.toggle('error', !!error);
        }
        input.addEventListener('change', async function () {
            var file = input.files[0];
            if (!file) {
                return;
            }
            if (wrongType(input, file)) {
                say(input.getAttribute('data-wrong-type'), true);
                input.value = '';
                return;
            }
            input.disabled = true;
            say('', false);
            progress.hidden = false;
            try {
                var stored = await upload(file, function (done, total) {
                    progress.max = total || 1;
                    progress.value = done;
                    var percent = total ? Math.floor(done * 100 / total) : 100;
                    say(done >= total ? text(input, 'checking', percent) : text(input, 'uploading', percent), false);
                });
                var attached = window[input.getAttribute('data-attach')]([
                    {name: 'fileId', value: stored.id}, {name: 'role', value: input.getAttribute('data-role')}]);
                say(text(input, 'done', 100), false);
                if (attached && typeof attached.always === 'function') {
                    attached.always(function () {
                        // The server may still refuse it for this entry (a second video): its message stands beside.
                        if (box.querySelector('.ui-message-error')) {
                            say('', false);
                        }
                    });
                }
            } catch (e) {
                say(e.message, true);
            } finally {
                progress.hidden = true;
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

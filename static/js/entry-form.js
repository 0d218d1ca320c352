// Reflective entry form: save the draft on the server as the author writes, and warn
// before leaving with changes not yet saved. Works without it: the buttons still save.
(function () {
    "use strict";
    document.addEventListener("DOMContentLoaded", function () {
        var form = document.getElementById("entry-form");
        if (!form) { return; }
        var url = form.dataset.autosaveUrl;
        var status = form.querySelector(".autosave-status");
        var dirty = false;
        var timer = null;
        var submitting = false;

        function save() {
            if (!url || !dirty) { return; }
            var data = new FormData(form);
            dirty = false;
            fetch(url, {
                method: "POST",
                body: data,
                credentials: "same-origin",
                headers: { "X-Requested-With": "XMLHttpRequest" },
            }).then(function (response) {
                // Every answer of the autosave is JSON; anything else (a network page, a
                // proxy's error) means the draft was not saved.
                var type = response.headers.get("Content-Type") || "";
                if (type.indexOf("application/json") === -1) { throw new Error(type); }
                return response.json().then(function (body) {
                    if (!response.ok) { dirty = true; }
                    if (status) { status.textContent = body.message || body.error || ""; }
                });
            }).catch(function () {
                dirty = true;
                if (status) { status.textContent = form.dataset.notSavedMessage || ""; }
            });
        }

        form.addEventListener("input", function () {
            dirty = true;
            window.clearTimeout(timer);
            timer = window.setTimeout(save, 2000);
        });
        form.addEventListener("submit", function () { submitting = true; });
        window.addEventListener("beforeunload", function (event) {
            if (dirty && !submitting) {
                event.preventDefault();
                event.returnValue = form.dataset.unsavedMessage;
                return form.dataset.unsavedMessage;
            }
        });
    });
})();

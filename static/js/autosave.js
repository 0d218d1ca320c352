// Nothing typed is lost: keeps what a member types in a <form data-autosave>, puts it back
// when they return, and asks before they leave with text not yet sent. Without this
// script every form still works; it only adds. See docs/data-protection.md for what is
// kept where:
//   data-autosave (or ="local"): the browser's localStorage, for forms whose text is
//     meant to be read by others (contributions); kept until sent, discarded or logout.
//   data-autosave="confidential": never localStorage. With data-autosave-url the draft
//     is saved on the server as the member types (encrypted there); only what the server
//     could not take (session ended, site unreachable, the moment of sending) waits in
//     this tab's sessionStorage, gone when the tab closes or the member logs out.
// Optional: data-autosave-updated="<ISO date>" (when the server's copy last changed: a
// kept draft older than it is dropped), an element .autosave-status inside the form.
(function () {
    "use strict";
    var PREFIX = "entrepairs-autosave:";
    var DAY = 24 * 60 * 60 * 1000;
    var KEEP = { local: 30 * DAY, confidential: DAY };
    var SKIPPED = ["hidden", "password", "file", "submit", "button", "reset", "image"];
    var script = document.currentScript;
    var config = (script && script.dataset) || {};
    var member = config.member || "";

    function store(name) {
        try {
            var storage = window[name];
            storage.getItem(PREFIX);
            return storage;
        } catch (error) {
            return null; // storage refused (private mode, policy): the forms work as before
        }
    }

    function keys(storage) {
        var found = [];
        for (var i = 0; storage && i < storage.length; i += 1) {
            if (storage.key(i).indexOf(PREFIX) === 0) { found.push(storage.key(i)); }
        }
        return found;
    }

    function clearAll() {
        [store("localStorage"), store("sessionStorage")].forEach(function (storage) {
            keys(storage).forEach(function (key) { storage.removeItem(key); });
        });
    }

    function read(storage, key) {
        try { return JSON.parse(storage.getItem(key)); } catch (error) { return null; }
    }

    function write(storage, key, record) {
        try { storage.setItem(key, JSON.stringify(record)); } catch (error) { /* full */ }
    }

    function pathOf(address) {
        try { return new URL(address, window.location.href).pathname; } catch (error) { return ""; }
    }

    // Logging out forgets every draft kept on this device, whoever wrote it.
    document.addEventListener("submit", function (event) {
        var action = event.target.getAttribute("action");
        if (config.logoutUrl && action && pathOf(action) === config.logoutUrl) { clearAll(); }
    }, true);

    function fields(form) {
        return Array.prototype.filter.call(form.elements, function (element) {
            return element.name && element.name !== "csrfmiddlewaretoken" &&
                SKIPPED.indexOf(element.type) === -1;
        });
    }

    function valuesOf(form) {
        var values = {};
        fields(form).forEach(function (element) {
            if (element.type === "checkbox" || element.type === "radio") {
                values[element.name] = values[element.name] || [];
                if (element.checked) { values[element.name].push(element.value); }
            } else if (element.multiple) {
                values[element.name] = Array.prototype.filter.call(element.options, function (o) {
                    return o.selected;
                }).map(function (o) { return o.value; });
            } else {
                values[element.name] = element.value;
            }
        });
        return values;
    }

    function fill(form, values) {
        fields(form).forEach(function (element) {
            if (!Object.prototype.hasOwnProperty.call(values, element.name)) { return; }
            var value = values[element.name];
            if (element.type === "checkbox" || element.type === "radio") {
                element.checked = value.indexOf(element.value) !== -1;
            } else if (element.multiple) {
                Array.prototype.forEach.call(element.options, function (o) {
                    o.selected = value.indexOf(o.value) !== -1;
                });
            } else {
                element.value = value;
                // A text put back inside a closed section is shown.
                var section = element.closest("details");
                if (section && value.trim() !== "") { section.open = true; }
            }
        });
    }

    function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

    // After a form is sent, the page the server answers with says whether it arrived: a
    // success message on the page that followed the form's page drops what was kept.
    function forgetWhatArrived() {
        if (!member || !document.querySelector(".message--success")) { return; }
        var from = pathOf(document.referrer);
        [store("localStorage"), store("sessionStorage")].forEach(function (storage) {
            keys(storage).forEach(function (key) {
                var record = read(storage, key);
                if (key.indexOf(PREFIX + member + ":") === 0 && record && record.sent &&
                        (record.from || []).indexOf(from) !== -1) {
                    storage.removeItem(key);
                }
            });
        });
    }

    function notice(form, onDiscard) {
        var box = document.createElement("div");
        box.className = "notice autosave-notice";
        box.setAttribute("role", "status");
        var text = document.createElement("p");
        text.textContent = config.restoredMessage || "";
        var discard = document.createElement("button");
        discard.type = "button";
        discard.className = "button button--quiet";
        discard.textContent = config.discardLabel || "Discard";
        discard.addEventListener("click", function () {
            onDiscard();
            text.textContent = config.discardedMessage || "";
            text.setAttribute("tabindex", "-1");
            discard.remove();
            text.focus();
        });
        box.appendChild(text);
        box.appendChild(discard);
        form.parentNode.insertBefore(box, form);
    }

    function setUp(form, index) {
        var confidential = form.dataset.autosave === "confidential";
        var storage = store(confidential ? "sessionStorage" : "localStorage");
        var url = confidential ? form.dataset.autosaveUrl : "";
        var status = form.querySelector(".autosave-status");
        var actionPath = pathOf(form.getAttribute("action") || window.location.href);
        var key = PREFIX + member + ":" + actionPath + "#" + (form.id || index);
        var server = valuesOf(form); // what the server holds, as the page came
        var sending = false;
        var unsaved = false; // changes the server does not hold yet
        var timer = null;

        function keep(sent) {
            write(storage, key, {
                at: Date.now(),
                values: valuesOf(form),
                sent: sent,
                from: [window.location.pathname, actionPath],
            });
        }

        function say(message) { if (status) { status.textContent = message || ""; } }

        function saveOnServer() {
            if (!unsaved) { return; }
            var sentValues = valuesOf(form);
            unsaved = false;
            fetch(url, {
                method: "POST",
                body: new FormData(form),
                credentials: "same-origin",
                headers: { "X-Requested-With": "XMLHttpRequest" },
            }).then(function (response) {
                // Every answer of an autosave is JSON; anything else (a network page, a
                // proxy's error) means the draft was not saved.
                var type = response.headers.get("Content-Type") || "";
                if (type.indexOf("application/json") === -1) { throw new Error(type); }
                return response.json().then(function (body) {
                    say(body.message || body.error);
                    if (response.ok) {
                        server = sentValues;
                        if (!unsaved && storage) { storage.removeItem(key); }
                    } else {
                        unsaved = true;
                        keep(false); // the session ended or the page is stale: kept in this tab
                    }
                });
            }).catch(function () {
                unsaved = true;
                keep(false);
                say(config.notSavedMessage);
            });
        }

        function changed() {
            unsaved = !same(valuesOf(form), server);
            window.clearTimeout(timer);
            timer = window.setTimeout(function () {
                if (url) {
                    saveOnServer();
                } else if (storage && unsaved) {
                    keep(false);
                } else if (storage) {
                    storage.removeItem(key);
                }
            }, url ? 2000 : 800);
        }

        if (storage && member) {
            var record = read(storage, key);
            var updated = Date.parse(form.dataset.autosaveUpdated || "");
            var mode = confidential ? "confidential" : "local";
            var stale = !record || !record.values || Date.now() - record.at > KEEP[mode] ||
                (updated && updated > record.at) || same(record.values, server);
            if (stale) {
                storage.removeItem(key);
            } else {
                // The server's copy is empty, or older than what was kept: put it back.
                var original = server;
                fill(form, record.values);
                notice(form, function () {
                    fill(form, original);
                    storage.removeItem(key);
                    changed();
                });
                changed();
            }
        }

        form.addEventListener("input", changed);
        form.addEventListener("change", changed);
        form.addEventListener("submit", function () {
            sending = true;
            if (storage && member) { keep(true); }
        });
        window.addEventListener("beforeunload", function (event) {
            if (unsaved && !sending) {
                event.preventDefault();
                event.returnValue = config.unsavedMessage || "";
                return config.unsavedMessage;
            }
        });
        // Back from another page (the browser's page cache): sending did not happen here.
        window.addEventListener("pageshow", function (event) {
            if (event.persisted) { sending = false; }
        });
    }

    function start() {
        forgetWhatArrived();
        Array.prototype.forEach.call(document.querySelectorAll("form[data-autosave]"), setUp);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();

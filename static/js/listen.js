// "Listen" on a lesson: the browser's own voice reads the title and the lesson's text, in
// the page's language. Shown only where the browser can speak (the block is hidden in the
// HTML); the lesson reads the same without it. No inline script: the strict CSP holds.
(function () {
    "use strict";
    var SKIP = ".quiz, form, button, textarea, select, .visually-hidden, [hidden], [aria-hidden='true']";
    var BLOCKS = "h1, h2, h3, h4, p, li, dt, dd, blockquote, figcaption, th, td";

    function readable(element) {
        return !element.closest(SKIP) && !element.querySelector(BLOCKS);
    }

    // The pieces to read, each with the element to show while it is read. Long paragraphs
    // are cut at sentence ends: some browsers stop a single long utterance after a while.
    function pieces(title, body) {
        var list = [];
        var elements = [title].concat(Array.prototype.slice.call(body.querySelectorAll(BLOCKS)));
        elements.forEach(function (element) {
            if (!element || !readable(element)) { return; }
            var text = (element.textContent || "").replace(/\s+/g, " ").trim();
            if (!text) { return; }
            (text.match(/[^.!?…]+[.!?…]*\s*/g) || [text]).forEach(function (sentence) {
                if (sentence.trim()) { list.push({ text: sentence.trim(), element: element }); }
            });
        });
        return list;
    }

    document.addEventListener("DOMContentLoaded", function () {
        var box = document.getElementById("listen");
        if (!box || !("speechSynthesis" in window) || typeof window.SpeechSynthesisUtterance !== "function") {
            return;
        }
        var synth = window.speechSynthesis;
        var body = document.getElementById(box.dataset.source);
        var title = document.querySelector("h1");
        if (!body) { return; }
        var language = document.documentElement.lang || "fr";
        var buttons = {};
        ["play", "pause", "resume", "stop"].forEach(function (name) {
            buttons[name] = box.querySelector("[data-listen='" + name + "']");
        });
        var status = box.querySelector(".listen__status");
        var queue = [];
        var position = 0;
        var current = null;
        var playing = false;

        // Shows the buttons of a state; focus on a button that goes moves to the one that
        // takes its place, so that a keyboard user never loses their place.
        function show(state) {
            var focused = box.contains(document.activeElement);
            buttons.play.hidden = state !== "stopped";
            buttons.pause.hidden = state !== "playing";
            buttons.resume.hidden = state !== "paused";
            buttons.stop.hidden = state === "stopped";
            if (status) { status.textContent = box.dataset[state + "Message"] || ""; }
            if (focused && document.activeElement.hidden) {
                ({ stopped: buttons.play, playing: buttons.pause, paused: buttons.resume })[state].focus();
            }
        }

        function mark(element) {
            if (current) { current.classList.remove("listen__current"); }
            current = element;
            if (current) { current.classList.add("listen__current"); }
        }

        function voice() {
            var voices = synth.getVoices() || [];
            for (var i = 0; i < voices.length; i += 1) {
                if (voices[i].lang && voices[i].lang.toLowerCase().indexOf(language) === 0) { return voices[i]; }
            }
            return null;
        }

        function speakNext() {
            if (!playing) { return; }
            if (position >= queue.length) { stop(); return; }
            var piece = queue[position];
            var utterance = new window.SpeechSynthesisUtterance(piece.text);
            utterance.lang = language;
            var chosen = voice();
            if (chosen) { utterance.voice = chosen; }
            utterance.onend = function () {
                if (!playing) { return; }
                position += 1;
                speakNext();
            };
            utterance.onerror = function (event) {
                // "interrupted"/"canceled" follow our own stop; anything else ends the reading.
                if (event.error !== "interrupted" && event.error !== "canceled") { stop(); }
            };
            mark(piece.element);
            synth.speak(utterance);
        }

        function play() {
            synth.cancel();
            queue = pieces(title, body);
            position = 0;
            playing = true;
            show("playing");
            speakNext();
        }

        function stop() {
            playing = false;
            synth.cancel();
            mark(null);
            show("stopped");
        }

        buttons.play.addEventListener("click", play);
        buttons.pause.addEventListener("click", function () { synth.pause(); show("paused"); });
        buttons.resume.addEventListener("click", function () { synth.resume(); show("playing"); });
        buttons.stop.addEventListener("click", stop);
        // Leaving the page stops the voice: some browsers would go on reading.
        window.addEventListener("pagehide", function () { synth.cancel(); });
        document.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && playing) { stop(); }
        });
        show("stopped");
        if (status) { status.textContent = ""; }
        box.hidden = false;
    });
}());

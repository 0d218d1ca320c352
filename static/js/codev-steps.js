// The co-development session mode: one step at a time, with a timer for its suggested
// duration. Everything lives in this page's memory: nothing is written to localStorage,
// sessionStorage, cookies or the server. Without this script the page lists the six steps
// and their durations. Buttons only (keyboard and screen readers work as usual); the step
// change is announced once, the clock is not read out every second.
(function () {
    "use strict";
    var root = document.querySelector("[data-codev-steps]");
    if (!root) { return; }
    var timer = root.querySelector("[data-codev-timer]");
    var clock = root.querySelector("[data-codev-clock]");
    var current = root.querySelector("[data-codev-current]");
    var steps = Array.prototype.slice.call(root.querySelectorAll("[data-codev-step]"));
    var startButton = root.querySelector('[data-codev-action="start"]');
    var pauseButton = root.querySelector('[data-codev-action="pause"]');
    var index = 0;
    var elapsed = 0; // seconds spent in the current step
    var ticking = null;

    function two(n) { return (n < 10 ? "0" : "") + n; }

    function format(seconds) {
        var s = Math.abs(seconds);
        return two(Math.floor(s / 60)) + ":" + two(s % 60);
    }

    function drawClock() {
        var left = Number(steps[index].dataset.minutes) * 60 - elapsed;
        clock.textContent = format(left) + " " + (left >= 0 ? root.dataset.labelRemaining : root.dataset.labelOver);
        clock.classList.toggle("codev-timer__clock--over", left < 0);
    }

    function drawStep() {
        steps.forEach(function (step, i) {
            if (i === index) { step.setAttribute("aria-current", "step"); } else { step.removeAttribute("aria-current"); }
            step.classList.toggle("codev-step--done", i < index);
        });
        current.textContent = root.dataset.labelStep
            .replace("%(n)s", String(index + 1))
            .replace("%(title)s", steps[index].dataset.title);
        drawClock();
    }

    function run(on) {
        if (on && !ticking) {
            ticking = window.setInterval(function () { elapsed += 1; drawClock(); }, 1000);
        } else if (!on && ticking) {
            window.clearInterval(ticking);
            ticking = null;
        }
        startButton.hidden = on;
        pauseButton.hidden = !on;
        (on ? pauseButton : startButton).focus();
    }

    function go(delta) {
        var next = Math.min(steps.length - 1, Math.max(0, index + delta));
        if (next === index) { return; }
        index = next;
        elapsed = 0;
        drawStep();
    }

    root.addEventListener("click", function (event) {
        var button = event.target.closest("[data-codev-action]");
        if (!button) { return; }
        var action = button.dataset.codevAction;
        if (action === "start") { run(true); }
        if (action === "pause") { run(false); }
        if (action === "next") { go(1); }
        if (action === "previous") { go(-1); }
    });

    timer.hidden = false;
    drawStep();
}());

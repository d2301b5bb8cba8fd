// A table wider than its frame (.table-wrap; on a phone, a table outside one is its own frame) scrolls inside it. Such
// a frame must be reachable from the keyboard, so that the arrow keys can scroll it: it takes focus (tabindex 0) as a
// named region, named by the table's caption or the heading before it. A frame that fits takes no focus, so the
// keyboard does not stop on it. Checked again on resizing.
(function () {
    "use strict";

    function nameOf(frame) {
        var caption = frame.querySelector("caption");
        if (caption && caption.textContent.trim()) {
            return caption.textContent.trim();
        }
        for (var el = frame.previousElementSibling; el; el = el.previousElementSibling) {
            if (/^H[1-6]$/.test(el.tagName)) {
                return el.textContent.trim();
            }
        }
        var h1 = document.querySelector("main h1");
        return h1 ? h1.textContent.trim() : document.title;
    }

    function mark() {
        // The frames, and on a phone the tables outside a frame, which scroll by themselves (site.css).
        var frames = document.querySelectorAll(".table-wrap, main table");
        for (var i = 0; i < frames.length; i++) {
            var f = frames[i];
            var table = f.tagName === "TABLE";
            if (table && (f.closest(".table-wrap") || (f.parentElement && f.parentElement.closest("table")))) {
                continue;
            }
            var scrolls = f.scrollWidth > f.clientWidth + 1;
            if (scrolls && !f.hasAttribute("tabindex")) {
                f.setAttribute("tabindex", "0");
                // A frame becomes a named region; a table keeps its own role, named by its caption or the heading
                // before it.
                if (!table) {
                    f.setAttribute("role", "region");
                }
                if (!f.hasAttribute("aria-label") && !(table && f.querySelector("caption"))) {
                    f.setAttribute("aria-label", nameOf(f));
                }
                f.setAttribute("data-scrolls", "");
            } else if (!scrolls && f.hasAttribute("data-scrolls")) {
                f.removeAttribute("tabindex");
                if (!table) {
                    f.removeAttribute("role");
                }
                f.removeAttribute("data-scrolls");
            }
        }
    }

    var timer = 0;
    window.addEventListener("resize", function () {
        clearTimeout(timer);
        timer = setTimeout(mark, 150);
    });
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", mark);
    } else {
        mark();
    }
    window.addEventListener("load", mark);
})();

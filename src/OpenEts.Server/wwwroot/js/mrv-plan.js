// The monitoring plan's form: a button that adds a blank source row, so that a plan of more sources than the blank rows
// shown is typed in one go. Without JavaScript the form still works: each save shows blank rows again.
(function () {
    'use strict';
    var table = document.getElementById('sources');
    var add = document.getElementById('add-source');
    if (!table || !add) {
        return;
    }

    function addSource() {
        var all = table.querySelectorAll('tr.source');
        var last = all[all.length - 1];
        var copy = last.cloneNode(true);
        var index = all.length;
        Array.prototype.forEach.call(copy.querySelectorAll('[name]'), function (el) {
            el.name = el.name.replace(/Sources\[\d+\]/, 'Sources[' + index + ']');
            if (el.tagName === 'INPUT') {
                el.value = '';
            } else if (el.tagName === 'SELECT') {
                el.selectedIndex = 0;
            }
            // "类别 · 第 3 行": the row's number for a screen reader, the last number in the label.
            var label = el.getAttribute('aria-label');
            if (label) {
                el.setAttribute('aria-label', label.replace(/\d+(?!.*\d)/, String(index + 1)));
            }
        });
        last.parentNode.appendChild(copy);
        var first = copy.querySelector('select, input');
        if (first) {
            first.focus();
        }
    }

    add.hidden = false;
    add.addEventListener('click', addSource);
})();

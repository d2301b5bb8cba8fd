// The report form: recomputes each line's emissions and the total as lines change, through POST /api/v1/mrv/calc
// (nothing is stored), shows each line's errors next to it, and adds line rows. Without JavaScript the form still works: saving recomputes on the server.
(function () {
    'use strict';
    var form = document.getElementById('report-form');
    if (!form) {
        return;
    }
    var table = document.getElementById('lines');
    var lang = form.getAttribute('data-lang') || 'zh-CN';
    var timer = null;
    var sequence = 0;
    // The rows of the lines last sent, in the order sent: an invalid request's errors name a line by its position.
    var sent = [];
    // The calculator's rules in the page's language (the API's issue messages are English).
    var ruleTexts = JSON.parse(form.getAttribute('data-rules') || '{}');

    function rows() {
        return Array.prototype.slice.call(table.querySelectorAll('tr.line'));
    }

    function value(row, cls) {
        var el = row.querySelector('.' + cls);
        return el ? el.value.trim() : '';
    }

    // The lines as the server reads them: blank rows left out, a blank id numbered L1, L2, … among the rest.
    function lines() {
        var list = [];
        sent = [];
        rows().forEach(function (row) {
            var material = value(row, 'line-material');
            var amount = value(row, 'line-amount');
            var id = value(row, 'line-id');
            var cell = row.querySelector('td.emissions');
            if (!material && !amount && !id) {
                cell.setAttribute('data-line', '');
                return;
            }
            id = id || 'L' + (list.length + 1);
            cell.setAttribute('data-line', id);
            var line = { id: id, kind: value(row, 'line-kind'), material: material, unit: value(row, 'line-unit') };
            line.amount = amount === '' ? 0 : Number(amount);
            var measured = measuredOf(row);
            if (measured.length > 0) {
                line.measured = measured;
            }
            list.push(line);
            sent.push(row);
        });
        return list;
    }

    // A line's measured parameters, as the hidden fields carry them (Input.Lines[i].Measured[m].Parameter, …).
    function measuredOf(row) {
        var byIndex = {};
        Array.prototype.forEach.call(row.querySelectorAll('input[name*=".Measured["]'), function (el) {
            var match = /Measured\[(\d+)\]\.(\w+)$/.exec(el.name);
            if (!match) {
                return;
            }
            var entry = byIndex[match[1]] || (byIndex[match[1]] = {});
            var key = match[2].charAt(0).toLowerCase() + match[2].slice(1);
            entry[key] = key === 'value' ? Number(el.value) : el.value;
        });
        return Object.keys(byIndex).sort(function (a, b) { return a - b; }).map(function (k) { return byIndex[k]; });
    }

    function tonnes(x) {
        return Number(x).toLocaleString(lang, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
    }

    // A line's error (or warning) next to it; none clears the cell.
    function note(row, text, error) {
        var cell = row.querySelector('td.line-note');
        cell.textContent = '';
        if (text) {
            var span = document.createElement('span');
            span.className = error ? 'field-error' : 'note';
            span.textContent = text;
            cell.appendChild(span);
        }
    }

    function issueText(issue) {
        return lang === 'en' ? issue.message : ruleTexts[issue.rule] || issue.message;
    }

    // An invalid request (a number too large, a unit missing): each error next to its line, no totals.
    function showInvalid(problem) {
        rows().forEach(function (row) {
            note(row, '', false);
            row.querySelector('td.emissions').textContent = '';
        });
        (problem.rules || []).forEach(function (rule) {
            var match = /^lines\[(\d+)\]/.exec(rule.field || '');
            var row = match ? sent[Number(match[1])] : null;
            if (row && !row.querySelector('td.line-note .field-error')) {
                note(row, rule.message, true);
            }
        });
        var total = document.getElementById('total');
        total.textContent = '—';
        total.setAttribute('data-tonnes', '');
    }

    function show(result) {
        // Each line's issues by its position in the lines sent (two lines may share an id); a line with errors shows
        // every error (they are why it is left out of the total), else its warnings.
        var issues = [];
        (result.issues || []).forEach(function (issue) {
            if (issue.lineIndex === null || issue.lineIndex === undefined) {
                return;
            }
            var list = issues[issue.lineIndex] || (issues[issue.lineIndex] = []);
            list.push(issue);
        });
        var byLine = {};
        result.lines.forEach(function (l) { byLine[l.lineId] = l; });
        var unconfirmedText = form.getAttribute('data-unconfirmed') || '';
        var shown = {};
        rows().forEach(function (row) {
            note(row, '', false);
            row.querySelector('td.emissions').textContent = '';
        });
        sent.forEach(function (row, index) {
            var cell = row.querySelector('td.emissions');
            var id = cell.getAttribute('data-line');
            // A repeated id's emissions are the first line's: the repeat counts for nothing.
            var line = shown[id] ? undefined : byLine[id];
            shown[id] = true;
            cell.textContent = line ? tonnes(line.emissions) : '';
            var own = issues[index] || [];
            var errors = own.filter(function (i) { return i.severity === 'error'; });
            note(row, (errors.length > 0 ? errors : own).map(issueText).join(' '), errors.length > 0);
            if (line && line.unconfirmed) {
                var badge = document.createElement('span');
                badge.className = 'badge unconfirmed';
                badge.textContent = unconfirmedText;
                cell.appendChild(document.createTextNode(' '));
                cell.appendChild(badge);
            }
        });
        var total = document.getElementById('total');
        total.textContent = tonnes(result.totalTonnes);
        total.setAttribute('data-tonnes', String(result.totalTonnes));
        document.getElementById('total-unconfirmed').hidden = !result.unconfirmed;
    }

    function recompute() {
        var mine = ++sequence;
        var body = { year: Number(form.getAttribute('data-year')), lines: lines() };
        fetch(form.getAttribute('data-calc'), {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'Accept-Language': lang },
            body: JSON.stringify(body)
        }).then(function (response) {
            return response.ok || response.status === 400
                ? response.json().then(function (json) { return { ok: response.ok, json: json }; })
                : null;
        }).then(function (answer) {
            // Only the newest answer counts: an older request may come back last.
            if (answer && mine === sequence) {
                if (answer.ok) {
                    show(answer.json);
                } else {
                    showInvalid(answer.json);
                }
            }
        }).catch(function () { /* the server recomputes on save */ });
    }

    function schedule() {
        clearTimeout(timer);
        timer = setTimeout(recompute, 250);
    }

    function addLine() {
        var all = rows();
        var last = all[all.length - 1];
        var copy = last.cloneNode(true);
        var index = all.length;
        copy.id = 'line-row-' + index;
        // A new line starts without the copied line's measured parameters.
        Array.prototype.forEach.call(copy.querySelectorAll('input[name*=".Measured["], .measured'), function (el) {
            el.parentNode.removeChild(el);
        });
        Array.prototype.forEach.call(copy.querySelectorAll('[name]'), function (el) {
            el.name = el.name.replace(/Lines\[\d+\]/, 'Lines[' + index + ']');
            if (el.tagName === 'INPUT') {
                el.value = '';
            }
        });
        copy.querySelector('td.emissions').textContent = '';
        copy.querySelector('td.line-note').textContent = '';
        last.parentNode.appendChild(copy);
    }

    table.addEventListener('input', schedule);
    table.addEventListener('change', schedule);
    var add = document.getElementById('add-line');
    add.hidden = false;
    add.addEventListener('click', addLine);
})();

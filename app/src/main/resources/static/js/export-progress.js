// Live progress of background exports: every row with a data-status-url polls its JSON
// until the export has ended, then the page reloads once to show its file or its error
// (the polling is row-poller.js's).
(function () {
  'use strict';

  function update(row, exp) {
    var bar = row.querySelector('.export-progress');
    if (bar) {
      bar.value = exp.percent;
      bar.textContent = exp.percent + '%';
    }
    var counted = row.querySelector('.export-rows');
    if (counted) {
      // the first figure is the rows done, in either language
      counted.textContent = counted.textContent.replace(/[\d,]+/, exp.rowsDone);
    }
    var status = row.querySelector('.export-status');
    status.className = 'export-status badge status-' + exp.status;
    if (exp.status === 'QUEUED') {
      status.textContent = status.dataset.labelQueued;
    } else if (exp.status === 'RUNNING') {
      status.textContent = status.dataset.labelRunning;
    }
  }

  window.qinglangPollRows('tr.report-export', 'data-status-url', update, function (exp) { return exp.active; }, 1500);
})();

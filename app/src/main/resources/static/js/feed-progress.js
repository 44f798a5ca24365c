// Live progress of feed runs: every row with a data-progress-url polls its JSON until the
// run has ended, then the page reloads once to show the final figures and messages
// (the polling is row-poller.js's).
(function () {
  'use strict';

  function update(row, run) {
    row.querySelector('.run-read').textContent = run.read;
    row.querySelector('.run-written').textContent = run.written;
    var rejected = row.querySelector('.run-rejected');
    var link = rejected.querySelector('a');
    (link || rejected).textContent = run.rejected;
    var rate = row.querySelector('.run-rate');
    rate.textContent = rate.textContent.replace(/[\d,]+/, run.rate);
    var duration = row.querySelector('.run-duration');
    duration.textContent = duration.textContent.replace(/[\d,]+/, run.seconds);
    var bar = row.querySelector('.run-progress');
    if (run.percent !== null && run.percent !== undefined) {
      bar.value = run.percent;
      bar.textContent = run.percent + '%';
    }
    var status = row.querySelector('.run-status');
    status.className = 'run-status badge status-' + run.status;
    if (run.status === 'COMPLETED') {
      status.textContent = status.dataset.labelCompleted;
    } else if (run.status === 'FAILED') {
      status.textContent = status.dataset.labelFailed;
    } else if (run.status === 'INTERRUPTED') {
      status.textContent = status.dataset.labelInterrupted;
    } else {
      status.textContent = status.dataset.labelRunning;
    }
  }

  window.qinglangPollRows('tr.feed-run', 'data-progress-url', update, function (run) { return run.running; }, 1000);
})();

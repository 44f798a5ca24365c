// Live progress of feed runs: every row with a data-progress-url polls its JSON until the
// run has ended, then the page reloads once to show the final figures and messages.
(function () {
  'use strict';
  var rows = document.querySelectorAll('tr.feed-run[data-progress-url]');
  if (rows.length === 0) {
    return;
  }

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
    } else {
      status.textContent = status.dataset.labelRunning;
    }
  }

  function poll(row) {
    fetch(row.dataset.progressUrl, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (run) {
        update(row, run);
        if (run.running) {
          window.setTimeout(function () { poll(row); }, 1000);
        } else {
          row.removeAttribute('data-progress-url');
          row.classList.add('run-finished');
          if (document.querySelectorAll('tr.feed-run[data-progress-url]').length === 0) {
            window.setTimeout(function () { window.location.reload(); }, 500);
          }
        }
      })
      .catch(function () {
        window.setTimeout(function () { poll(row); }, 5000);
      });
  }

  rows.forEach(poll);
})();

// Live rows of a table: every row matching the selector polls the JSON at the URL in its
// attribute `urlAttribute` until what it watches has ended, then, once no row polls any
// more, the page reloads to show the final figures and messages. Used by feed-progress.js
// and export-progress.js.
window.qinglangPollRows = function (selector, urlAttribute, update, stillRunning, interval) {
  'use strict';
  var polling = selector + '[' + urlAttribute + ']';

  function poll(row) {
    fetch(row.getAttribute(urlAttribute), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (state) {
        update(row, state);
        if (stillRunning(state)) {
          window.setTimeout(function () { poll(row); }, interval);
        } else {
          row.removeAttribute(urlAttribute);
          row.classList.add('poll-finished');
          if (document.querySelectorAll(polling).length === 0) {
            window.setTimeout(function () { window.location.reload(); }, 500);
          }
        }
      })
      .catch(function () {
        window.setTimeout(function () { poll(row); }, 5000);
      });
  }

  document.querySelectorAll(polling).forEach(poll);
};

// Dashboard charts: every element with data-chart is drawn with ECharts from the JSON in
// its data-chart-data attribute (the page has no inline script). A click on a segment
// opens the list behind it when the chart carries links. The same numbers are in the
// table under each chart.
(function () {
  'use strict';
  if (typeof echarts === 'undefined') {
    return;
  }

  // Series and labels at least 3:1 against the white card (WCAG 2.1 AA, non-text contrast); ECharts'
  // default palette has a green and a yellow under 2:1.
  var PALETTE = ['#0b4f8a', '#b5272d', '#1b7f3b', '#8a5a00', '#6f42c1', '#495057'];
  var TEXT = '#212529';
  var AXIS_LABEL = { color: '#495057' };

  function trend(data) {
    var series = data.series.map(function (s) {
      var rate = s.unit === 'rate';
      return {
        name: s.name,
        type: rate ? 'line' : 'bar',
        yAxisIndex: rate ? 0 : 1,
        data: s.values,
        connectNulls: false,
        barMaxWidth: 14
      };
    });
    if (data.weeks.indexOf(data.mark) >= 0) {
      series[0].markLine = {
        symbol: 'none',
        label: { formatter: data.markLabel, color: TEXT },
        data: [{ xAxis: data.mark }]
      };
    }
    return {
      color: PALETTE,
      textStyle: { color: TEXT },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { color: TEXT } },
      grid: { left: 48, right: 56, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: data.weeks, axisLabel: AXIS_LABEL },
      yAxis: [
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%', color: AXIS_LABEL.color } },
        { type: 'value', min: 0, axisLabel: AXIS_LABEL }
      ],
      series: series
    };
  }

  function bar(data) {
    return {
      color: PALETTE,
      textStyle: { color: TEXT },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { color: TEXT } },
      grid: { left: 56, right: 16, top: 40, bottom: 90 },
      xAxis: { type: 'category', data: data.labels, axisLabel: { rotate: 35, interval: 0, color: AXIS_LABEL.color } },
      yAxis: { type: 'value', min: 0, axisLabel: AXIS_LABEL },
      series: data.series.map(function (s) {
        return { name: s.name, type: 'bar', stack: data.stack ? 'all' : undefined, data: s.values, barMaxWidth: 28 };
      })
    };
  }

  document.querySelectorAll('[data-chart]').forEach(function (element) {
    var data = JSON.parse(element.getAttribute('data-chart-data'));
    var chart = echarts.init(element);
    chart.setOption(element.getAttribute('data-chart') === 'trend' ? trend(data) : bar(data));
    if (data.links) {
      chart.on('click', function (params) {
        var link = data.links[params.dataIndex];
        if (link) {
          window.location.href = link;
        }
      });
    }
    window.addEventListener('resize', function () { chart.resize(); });
    element.setAttribute('data-rendered', 'true');
  });
})();

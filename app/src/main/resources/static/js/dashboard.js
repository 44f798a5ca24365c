// Dashboard charts: every element with data-chart is drawn with ECharts from the JSON in
// its data-chart-data attribute (the page has no inline script). A click on a segment
// opens the list behind it when the chart carries links. The same numbers are in the
// table under each chart.
(function () {
  'use strict';
  if (typeof echarts === 'undefined') {
    return;
  }

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
        label: { formatter: data.markLabel },
        data: [{ xAxis: data.mark }]
      };
    }
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 56, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: data.weeks },
      yAxis: [
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        { type: 'value', min: 0 }
      ],
      series: series
    };
  }

  function bar(data) {
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 56, right: 16, top: 40, bottom: 90 },
      xAxis: { type: 'category', data: data.labels, axisLabel: { rotate: 35, interval: 0 } },
      yAxis: { type: 'value', min: 0 },
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

/*
 * Commissioner dashboard (served as /static/dashboard.js). Reads the page's configuration, asks the metrics API
 * for each charted view's disclosure-controlled table, and draws each chart with Chart.js beside a table of the
 * same figures. Every figure comes from the API as published: nothing is recounted or re-rounded here, so the
 * chart, the table and the JSON always agree. Suppressed figures ('*') show as * in tables and as gaps in charts.
 *
 * For tests and assistive tooling, each chart's plotted figures are exposed as JSON on its frame (data-values) and
 * in window.dashboardCharts; window.dashboardReady is true once every chart shows the current filters.
 */
(function () {
  'use strict';

  var SUPPRESSED = '*';
  // NHS identity colours, in an order that keeps neighbouring series distinguishable.
  var palette = ['#005EB8', '#ED8B00', '#00A499', '#7C2855', '#330072', '#AE2573', '#41B6E6', '#425563', '#78BE20', '#FFB81C'];
  var monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  var integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
  var decimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  var percent = new Intl.NumberFormat('en-GB', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  var pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
  var poundsAndPence = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 2, maximumFractionDigits: 2 });

  var config = JSON.parse(document.getElementById('dashboard-config').textContent);
  var main = document.getElementById('main');
  var statusLine = document.getElementById('dashboard-status');
  var form = document.getElementById('dashboard-filters');
  var drawn = {};
  var generation = 0;

  window.dashboardCharts = {};
  window.dashboardReady = false;

  if (window.Chart) {
    window.Chart.defaults.font.family = 'Arial, "Helvetica Neue", Helvetica, sans-serif';
    window.Chart.defaults.font.size = 13;
    window.Chart.defaults.color = '#212B32';
  }

  function unique(values) {
    var out = [];
    values.forEach(function (value) {
      if (out.indexOf(value) === -1) out.push(value);
    });
    return out;
  }

  function currentFilters() {
    return { from: form.elements.from.value, to: form.elements.to.value, provider: form.elements.provider.value };
  }

  function metricsUrl(view, filters) {
    var params = new URLSearchParams();
    if (filters.from) params.set('from', filters.from);
    if (filters.to) params.set('to', filters.to);
    if (filters.provider && config.views[view] && config.views[view].provider) params.set('provider', filters.provider);
    var query = params.toString();
    return config.metricsPath + encodeURIComponent(view) + (query ? '?' + query : '');
  }

  function fetchView(view, filters) {
    return fetch(metricsUrl(view, filters), { headers: { accept: 'application/json' }, credentials: 'same-origin' }).then(function (response) {
      return response
        .json()
        .catch(function () {
          return {};
        })
        .then(function (body) {
          if (!response.ok) throw new Error(body.error || 'the metrics service answered ' + response.status);
          return body;
        });
    });
  }

  function monthLabel(value) {
    var parts = String(value).split('-');
    var month = monthNames[Number(parts[1]) - 1];
    return month ? month.slice(0, 3) + ' ' + parts[0] : String(value);
  }

  function longMonthLabel(value) {
    var parts = String(value).split('-');
    var month = monthNames[Number(parts[1]) - 1];
    return month ? month + ' ' + parts[0] : String(value);
  }

  /** How a category (period, provider or breakdown value) is named to a reader. */
  function categoryLabel(column, value) {
    if (value === null || value === undefined) return column.nullLabel || 'Not recorded';
    if (column.role === 'period') return column.format === 'month' ? monthLabel(value) : String(value);
    if (column.role === 'provider') return config.providers[value] ? config.providers[value] + ' (' + value + ')' : String(value);
    if (column.values) {
      for (var i = 0; i < column.values.length; i += 1) if (column.values[i].value === String(value)) return column.values[i].label;
    }
    return String(value);
  }

  /** Categories in reading order: a breakdown's declared order where it has one, else the API's (sorted) order. */
  function orderedCategories(column, values) {
    var found = unique(values);
    if (!column.values) return found;
    var declared = column.values.map(function (entry) {
      return entry.value;
    });
    return found.slice().sort(function (a, b) {
      var ia = declared.indexOf(String(a));
      var ib = declared.indexOf(String(b));
      return (ia === -1 ? declared.length : ia) - (ib === -1 ? declared.length : ib);
    });
  }

  function formatFigure(column, value) {
    if (column.role === 'count') return integer.format(value);
    if (column.role === 'amount') return pounds.format(value);
    if (column.format === 'percent') return percent.format(value);
    return column.unit === 'GBP' ? poundsAndPence.format(value) : decimal.format(value);
  }

  function axisTick(column, value) {
    if (column.format === 'percent') return Math.round(value * 1000) / 10 + '%';
    if (column.unit === 'GBP') return pounds.format(value);
    return column.role === 'rate' ? decimal.format(value) : integer.format(value);
  }

  function columnIndex(answer) {
    var byName = {};
    answer.columns.forEach(function (column) {
      byName[column.name] = column;
    });
    return byName;
  }

  /** The chart's figures, pivoted from the API rows: one series per (seriesBy value, plotted column). */
  function chartModel(chart, answer) {
    var columns = columnIndex(answer);
    var xColumn = columns[chart.x];
    var seriesColumn = chart.seriesBy ? columns[chart.seriesBy] : null;
    var rows = answer.rows;
    var labels = orderedCategories(xColumn, rows.map(function (row) { return row[chart.x]; }));
    var seriesValues = seriesColumn ? orderedCategories(seriesColumn, rows.map(function (row) { return row[chart.seriesBy]; })) : [null];
    var datasets = [];
    seriesValues.forEach(function (series) {
      chart.values.forEach(function (name) {
        var values = labels.map(function (label) {
          for (var i = 0; i < rows.length; i += 1) {
            var row = rows[i];
            if (row[chart.x] === label && (!seriesColumn || row[chart.seriesBy] === series)) return row[name];
          }
          return null;
        });
        var parts = [];
        if (seriesColumn) parts.push(categoryLabel(seriesColumn, series));
        if (!seriesColumn || chart.values.length > 1) parts.push(columns[name].label);
        datasets.push({ label: parts.join(': '), column: name, series: series, values: values });
      });
    });
    return {
      view: chart.view,
      x: chart.x,
      seriesBy: chart.seriesBy || null,
      labels: labels,
      displayLabels: labels.map(function (label) { return categoryLabel(xColumn, label); }),
      datasets: datasets,
    };
  }

  function drawChart(chart, model, answer) {
    var columns = columnIndex(answer);
    var valueColumn = columns[chart.values[0]];
    var canvas = document.getElementById('chart-' + chart.id + '-canvas');
    if (drawn[chart.id]) drawn[chart.id].destroy();
    if (!window.Chart) return;
    var stacked = Boolean(chart.stacked);
    drawn[chart.id] = new window.Chart(canvas, {
      type: chart.type,
      data: {
        labels: model.displayLabels,
        datasets: model.datasets.map(function (dataset, index) {
          var colour = palette[index % palette.length];
          return {
            label: dataset.label,
            // A suppressed figure is left out of the chart rather than drawn as zero.
            data: dataset.values.map(function (value) { return value === SUPPRESSED ? null : value; }),
            backgroundColor: colour,
            borderColor: colour,
            borderWidth: 2,
            pointRadius: 4,
            pointHoverRadius: 6,
            spanGaps: false,
          };
        }),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 14, padding: 14 } },
          tooltip: {
            callbacks: {
              label: function (context) {
                return context.dataset.label + ': ' + formatFigure(columns[model.datasets[context.datasetIndex].column], context.raw);
              },
            },
          },
        },
        scales: {
          x: { stacked: stacked, grid: { display: false } },
          y: {
            stacked: stacked,
            beginAtZero: true,
            title: { display: true, text: chart.values.length === 1 ? valueColumn.label : valueColumn.role === 'count' ? 'Count' : valueColumn.label },
            // Counts and money step in whole units; only rates and averages need fractions.
            ticks: { precision: valueColumn.role === 'rate' ? undefined : 0, callback: function (value) { return axisTick(valueColumn, value); } },
          },
        },
      },
    });
  }

  /** Says so when a chart has nothing to draw, rather than leaving an empty grid to be read as zero. */
  function noteNothingPlotted(chart, model, answer) {
    var note = document.getElementById('chart-' + chart.id + '-note');
    var plottable = model.datasets.some(function (dataset) {
      return dataset.values.some(function (value) { return typeof value === 'number'; });
    });
    note.hidden = plottable;
    note.textContent = plottable ? ''
      : answer.rows.length === 0 ? 'There are no figures for these filters.'
      : 'Nothing can be drawn: every figure here is suppressed (*). The table shows what is published.';
  }

  function figureCell(column, value) {
    var cell = document.createElement('td');
    cell.className = 'num';
    cell.setAttribute('data-column', column.name);
    cell.setAttribute('data-value', JSON.stringify(value === undefined ? null : value));
    if (value === SUPPRESSED) {
      var mark = document.createElement('span');
      mark.className = 'suppressed';
      mark.title = 'Suppressed under disclosure control';
      var star = document.createElement('span');
      star.setAttribute('aria-hidden', 'true');
      star.className = 'suppressed-mark';
      star.textContent = SUPPRESSED;
      var spoken = document.createElement('span');
      spoken.className = 'visually-hidden';
      spoken.textContent = 'suppressed';
      mark.appendChild(star);
      mark.appendChild(spoken);
      cell.appendChild(mark);
    } else if (value === null || value === undefined) {
      cell.textContent = '–';
      cell.title = 'No figure';
    } else {
      cell.textContent = formatFigure(column, value);
    }
    return cell;
  }

  function fillTable(chart, answer) {
    var columns = columnIndex(answer);
    var leading = [chart.x].concat(chart.seriesBy ? [chart.seriesBy] : []);
    var figures = chart.values.concat(chart.tableColumns || []);
    // The chart's categories lead; the figures follow in the order the view publishes them, so a rate comes
    // after the counts it divides.
    var shown = leading.map(function (name) { return columns[name]; }).concat(
      answer.columns.filter(function (column) { return figures.indexOf(column.name) !== -1 && leading.indexOf(column.name) === -1; }),
    );
    var table = document.querySelector('[data-testid="table-' + chart.id + '"]');
    var head = table.tHead;
    var body = table.tBodies[0];
    head.textContent = '';
    body.textContent = '';
    var headRow = document.createElement('tr');
    shown.forEach(function (column) {
      var th = document.createElement('th');
      th.scope = 'col';
      th.textContent = column.label;
      if (['count', 'amount', 'rate'].indexOf(column.role) !== -1) th.className = 'num';
      headRow.appendChild(th);
    });
    head.appendChild(headRow);
    if (answer.rows.length === 0) {
      var emptyRow = document.createElement('tr');
      var empty = document.createElement('td');
      empty.colSpan = shown.length;
      empty.textContent = 'No figures for these filters.';
      emptyRow.appendChild(empty);
      body.appendChild(emptyRow);
      return;
    }
    answer.rows.forEach(function (row) {
      var tr = document.createElement('tr');
      shown.forEach(function (column, index) {
        var value = row[column.name];
        if (['count', 'amount', 'rate'].indexOf(column.role) !== -1) {
          tr.appendChild(figureCell(column, value));
          return;
        }
        var cell = document.createElement(index === 0 ? 'th' : 'td');
        if (index === 0) cell.scope = 'row';
        cell.setAttribute('data-column', column.name);
        cell.setAttribute('data-value', JSON.stringify(value === undefined ? null : value));
        cell.textContent = categoryLabel(column, value);
        tr.appendChild(cell);
      });
      body.appendChild(tr);
    });
  }

  function describeFilters(filters) {
    var period = filters.from && filters.to ? longMonthLabel(filters.from) + ' to ' + longMonthLabel(filters.to)
      : filters.from ? 'from ' + longMonthLabel(filters.from)
      : filters.to ? 'up to ' + longMonthLabel(filters.to)
      : 'all months';
    var provider = filters.provider ? (config.providers[filters.provider] || filters.provider) : 'all providers';
    return 'Showing ' + period + ', ' + provider + '.';
  }

  function setStatus(text, isError) {
    statusLine.textContent = text;
    statusLine.className = isError ? 'status status-error' : 'status';
    statusLine.setAttribute('role', isError ? 'alert' : 'status');
  }

  function load(filters) {
    generation += 1;
    var mine = generation;
    window.dashboardReady = false;
    main.setAttribute('data-state', 'loading');
    setStatus('Loading figures…', false);
    var views = unique(config.charts.map(function (chart) { return chart.view; }));
    var answers = {};
    return Promise.all(
      views.map(function (view) {
        return fetchView(view, filters).then(function (answer) {
          answers[view] = answer;
        });
      }),
    ).then(
      function () {
        // A slower, older request must not overwrite what newer filters asked for.
        if (mine !== generation) return;
        config.charts.forEach(function (chart) {
          var answer = answers[chart.view];
          var model = chartModel(chart, answer);
          window.dashboardCharts[chart.id] = model;
          document.querySelector('[data-testid="chart-' + chart.id + '"]').setAttribute('data-values', JSON.stringify(model));
          drawChart(chart, model, answer);
          noteNothingPlotted(chart, model, answer);
          fillTable(chart, answer);
        });
        var suppressed = views.reduce(function (total, view) { return total + answers[view].disclosure.suppressed; }, 0);
        setStatus(describeFilters(filters) + ' ' + integer.format(suppressed) + (suppressed === 1 ? ' figure is' : ' figures are') + ' suppressed (*).', false);
        main.setAttribute('data-state', 'ready');
        window.dashboardReady = true;
      },
      function (error) {
        if (mine !== generation) return;
        setStatus('The figures could not be loaded: ' + error.message, true);
        main.setAttribute('data-state', 'error');
      },
    );
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var filters = currentFilters();
    if (filters.from && filters.to && filters.from > filters.to) {
      setStatus('The first month must not be after the last month.', true);
      form.elements.from.focus();
      return;
    }
    var params = new URLSearchParams();
    Object.keys(filters).forEach(function (name) {
      if (filters[name]) params.set(name, filters[name]);
    });
    var query = params.toString();
    window.history.replaceState(null, '', window.location.pathname + (query ? '?' + query : ''));
    load(filters);
  });

  load(currentFilters());
})();

// The box page's link chart: Link/RttMillis (left axis) and Link/LossPercent (right axis) over 24 h, with uPlot
// (loaded by box.html from /vendor/uplot, served by the console from its WebJar).
import {getJson, qs} from './common.js';

let chart = null;

// A step between readings longer than this is a time the box did not report (offline): the lines break there.
const GAP_MILLIS = 10 * 60 * 1000;

/**
 * Points of both series on one time axis (uPlot wants aligned columns): null where a series has no point, and a
 * null row inside each silence longer than GAP_MILLIS so uPlot does not draw a line across it.
 */
function align(rtt, loss) {
  const byTime = new Map();
  for (const [t, v] of rtt) {
    byTime.set(t, [v, null]);
  }
  for (const [t, v] of loss) {
    const pair = byTime.get(t) || [null, null];
    pair[1] = v;
    byTime.set(t, pair);
  }
  const times = [...byTime.keys()].sort((a, b) => a - b);
  for (let i = times.length - 1; i > 0; i--) {
    if (times[i] - times[i - 1] > GAP_MILLIS) {
      byTime.set(times[i - 1] + 1, [null, null]);
      times.splice(i, 0, times[i - 1] + 1);
    }
  }
  return [times.map(t => t / 1000), times.map(t => byTime.get(t)[0]), times.map(t => byTime.get(t)[1])];
}

function options(width) {
  return {
    width, height: 220,
    cursor: {drag: {x: true, y: false}},
    // Always the whole last day, however few points there are (one point alone would stretch the axis to years).
    scales: {x: {time: true, range: () => [Date.now() / 1000 - 86400, Date.now() / 1000]}, ms: {auto: true}, pct: {range: (u, min, max) => [0, Math.max(5, Math.ceil(max || 0))]}},
    series: [
      {},
      {label: 'RTT', scale: 'ms', stroke: '#0b62c4', width: 1.5, spanGaps: false,
        value: (u, v) => v === null ? '—' : v.toFixed(0) + ' ms'},
      // Loss is mostly 0 with short bursts: a thin, half-transparent line keeps the RTT readable beneath them.
      {label: 'Loss', scale: 'pct', stroke: 'rgba(198, 40, 40, 0.55)', width: 1, spanGaps: false,
        value: (u, v) => v === null ? '—' : v.toFixed(1) + ' %'},
    ],
    axes: [
      {},
      {scale: 'ms', label: 'RTT ms', size: 55},
      {scale: 'pct', label: 'loss %', side: 1, size: 45, grid: {show: false}},
    ],
  };
}

/** The device carrying the box's Link/* readings (the terminal, whatever its id). */
export function linkDevice(devices) {
  const found = devices.find(d => d.metrics && d.metrics['Link/RttMillis'] !== undefined);
  return found ? found.device : 'terminal';
}

/** Fetches both series and draws (or redraws) the chart in #chart. */
export async function drawLink(group, box, device) {
  const base = '/api/v1/boxes/' + encodeURIComponent(group) + '/' + encodeURIComponent(box) + '/series';
  const [rtt, loss] = await Promise.all(['Link/RttMillis', 'Link/LossPercent']
      .map(metric => getJson(base + qs({device, metric, hours: 24}))));
  const data = align(rtt.points, loss.points);
  const holder = document.getElementById('chart');
  document.getElementById('chart-note').textContent = data[0].length === 0
      ? 'no link readings from device ' + device + ' in the last 24 h' : '';
  if (chart === null) {
    chart = new uPlot(options(holder.clientWidth || 600), data, holder);
    window.addEventListener('resize', () => chart.setSize({width: holder.clientWidth, height: 220}));
  } else {
    chart.setData(data);
  }
}

// The roll-up's bar chart: class-hour attainment per place at this level, with uPlot's bars path (uPlot is loaded by
// rollups.html from /vendor/uplot, served by the console from its WebJar).
let chart = null;

function options(width, names) {
  return {
    width, height: 200,
    legend: {show: false},
    cursor: {show: false},
    scales: {x: {time: false, range: [-0.5, Math.max(names.length - 0.5, 0.5)]}, y: {range: [0, 100]}},
    series: [{}, {label: 'attainment %', fill: '#5aa9ff', stroke: '#0b62c4',
      paths: uPlot.paths.bars({size: [0.7, 60]}), points: {show: false}}],
    axes: [
      // One label per bar while they fit (about 90 px each), else every k-th.
      {values: (u, splits) => {
        const every = Math.ceil(names.length / Math.max(1, Math.floor(width / 90)));
        return splits.map(i => Number.isInteger(i) && names[i] !== undefined && i % every === 0 ? names[i] : '');
      },
        splits: () => names.map((n, i) => i), rotate: 0, size: 30},
      {label: 'attainment %', size: 50},
    ],
  };
}

/**
 * Draws (or redraws) one bar per row; places with nothing scheduled get no bar. {@code parent} (the place chosen one
 * level up) is cut from the front of the names, where the simulator's and many real names repeat it.
 */
export function drawAttainment(rows, parent) {
  const holder = document.getElementById('chart');
  const names = rows.map(r => parent && String(r.name).startsWith(parent + ' ')
      ? String(r.name).substring(parent.length + 1) : String(r.name));
  const data = [rows.map((r, i) => i), rows.map(r => r.attainmentPercent === undefined ? null : r.attainmentPercent)];
  const key = names.join('\u0000');
  if (chart !== null && chart.classboxNames === key) {
    chart.setData(data);
    return;
  }
  if (chart !== null) {
    chart.destroy();
  }
  chart = new uPlot(options(holder.clientWidth || 800, names), data, holder);
  chart.classboxNames = key;
}

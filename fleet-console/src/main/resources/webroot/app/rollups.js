// Roll-ups by level, region -> county -> school -> classroom, with the figures the programmes report. The level and
// the place chosen so far live in the URL, so each step of the drill-down can be linked and the back button works.
import {start, getJson, poll, el, text, number, query, qs, fail} from './common.js';
import {drawAttainment} from './rollups-chart.js';

const PLURAL = {region: 'regions', county: 'counties', school: 'schools', classroom: 'classrooms'};
const form = document.getElementById('filters');

function place() {
  const q = query();
  return {region: q.region || '', county: q.county || '', school: q.school || ''};
}

/** The level below the deepest place chosen. */
function level(p) {
  return !p.region ? 'region' : !p.county ? 'county' : !p.school ? 'school' : 'classroom';
}

function href(p, days) {
  return '/rollups.html' + qs({...p, days});
}

function crumbs(p, days) {
  const parts = [el('a', {href: href({}, days)}, 'All regions')];
  const so = {};
  for (const key of ['region', 'county', 'school']) {
    if (p[key]) {
      so[key] = p[key];
      parts.push(' › ', el('a', {href: href({...so}, days)}, p[key]));
    }
  }
  document.getElementById('crumbs').replaceChildren(...parts);
}

function attainment(percent) {
  if (percent === null || percent === undefined) {
    return el('span', {class: 'muted'}, 'nothing scheduled');
  }
  return el('span', {}, el('meter', {min: 0, max: 100, low: 90, high: 98, optimum: 100, value: percent}),
      ' ' + number(percent, 1) + ' %');
}

function row(r, p, here, days) {
  const deeper = here !== 'classroom';
  const name = deeper ? el('a', {href: href({...p, [here]: r.name}, days)}, text(r.name))
      : el('a', {href: '/' + qs({region: p.region, county: p.county, school: p.school, q: r.name})}, text(r.name));
  return el('tr', {'data-name': r.name},
      el('td', {}, name),
      el('td', {class: 'num'}, text(r.boxes)),
      el('td', {class: 'num'}, text(r.online)),
      el('td', {class: 'num'}, number(r.scheduledHours, 1)),
      el('td', {class: 'num'}, number(r.hoursWithoutStall, 1)),
      el('td', {}, attainment(r.attainmentPercent)),
      el('td', {class: 'num'}, text(r.recordingsComplete) + ' / ' + text(r.recordings)));
}

function totals(rows) {
  const sum = key => rows.reduce((s, r) => s + (Number(r[key]) || 0), 0);
  const scheduled = sum('scheduledHours');
  return el('tr', {}, el('th', {}, 'All ' + rows.length),
      el('th', {class: 'num'}, sum('boxes')), el('th', {class: 'num'}, sum('online')),
      el('th', {class: 'num'}, number(scheduled, 1)), el('th', {class: 'num'}, number(sum('hoursWithoutStall'), 1)),
      el('th', {}, attainment(scheduled > 0 ? 100 * sum('hoursWithoutStall') / scheduled : null)),
      el('th', {class: 'num'}, sum('recordingsComplete') + ' / ' + sum('recordings')));
}

async function refresh() {
  const p = place();
  const here = level(p);
  const days = form.elements.days.value;
  crumbs(p, days);
  document.getElementById('level-name').textContent = PLURAL[here];
  document.getElementById('name-head').textContent = here.charAt(0).toUpperCase() + here.substring(1);
  const answer = await getJson('/api/v1/rollups' + qs({level: here, ...p, days}));
  // "County 2" before "County 10", as people count.
  answer.rows.sort((a, b) => String(a.name).localeCompare(String(b.name), undefined, {numeric: true}));
  document.getElementById('rows').replaceChildren(...(answer.rows.length
      ? answer.rows.map(r => row(r, p, here, days))
      : [el('tr', {}, el('td', {colspan: 7, class: 'muted'}, 'no boxes here'))]));
  document.getElementById('total').replaceChildren(totals(answer.rows));
  drawAttainment(answer.rows, p.school || p.county || p.region);
}

async function main() {
  await start('rollups');
  if (query().days) {
    form.elements.days.value = query().days;
  }
  const again = poll(() => refresh().catch(e => {
    fail('rows', e);
    throw e;
  }), 10000);
  form.addEventListener('change', () => {
    history.replaceState(null, '', href(place(), form.elements.days.value));
    again();
  });
}

main().catch(e => fail('rows', e));

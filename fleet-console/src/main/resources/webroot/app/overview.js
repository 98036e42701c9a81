// The fleet overview: counts, filters (all applied by the console in SQL), and one page of boxes worst first.
import {start, getJson, poll, el, text, badge, ago, query, setQuery, qs, boxHref, fail, Pager} from './common.js';

const PAGE_SIZE = 50;
const form = document.getElementById('filters');
let pager = null;

/** The filters as the API's parameters, from the form. */
function filters() {
  const f = Object.fromEntries(new FormData(form));
  return {region: f.region, county: f.county, school: f.school, status: f.status, alarm: f.alarm.trim(),
    q: f.q.trim(), sort: f.sort};
}

/** Fills a place select with the names one level down (from the roll-ups), keeping the chosen one. */
async function places(level, parent, select, chosen) {
  select.replaceChildren(el('option', {value: ''}, 'all'));
  if (level !== 'region' && !Object.values(parent).every(v => v)) {
    select.disabled = true;
    return;
  }
  select.disabled = false;
  const rollup = await getJson('/api/v1/rollups' + qs({level, ...parent, days: 1}));
  for (const row of rollup.rows) {
    select.append(el('option', {value: row.name, selected: row.name === chosen}, text(row.name)));
  }
  if (chosen && !rollup.rows.some(r => r.name === chosen)) {
    select.append(el('option', {value: chosen, selected: true}, chosen));
  }
}

async function loadPlaces(chosen) {
  await places('region', {}, form.elements.region, chosen.region);
  await places('county', {region: chosen.region}, form.elements.county, chosen.county);
  await places('school', {region: chosen.region, county: chosen.county}, form.elements.school, chosen.school);
}

function row(box) {
  const link = box.link || {};
  const projector = box.projector || {};
  const power = projector.power === undefined ? null : projector.power;
  return el('tr', {'data-box': box.groupId + '/' + box.boxId, 'data-status': box.status},
      el('td', {class: 'status'}, badge(box.status)),
      el('td', {}, el('a', {href: boxHref(box.groupId, box.boxId)}, box.boxId),
          el('span', {class: 'muted'}, ' ' + box.groupId)),
      el('td', {}, text(box.region)), el('td', {}, text(box.county)), el('td', {}, text(box.school)),
      el('td', {}, text(box.classroom)),
      el('td', {}, ago(box.lastSeen)),
      el('td', {class: 'alarms'}, (box.alarms || []).map(a => el('span', {class: 'chip'}, a))),
      el('td', {}, text(link.state)),
      el('td', {class: 'num'}, text(link.rttMillis)),
      el('td', {class: 'num'}, text(link.lossPercent)),
      el('td', {}, text(power) + (projector.input ? ' · ' + projector.input : ''),
          projector.error && projector.error !== 'ok' ? el('div', {class: 'error'}, projector.error) : null));
}

async function refresh() {
  const f = filters();
  setQuery({...f, sort: f.sort === 'worst' ? '' : f.sort, page: pager.page > 1 ? pager.page : ''});
  const place = {region: f.region, county: f.county, school: f.school};
  const [summary, boxes] = await Promise.all([
    getJson('/api/v1/fleet/summary' + qs(place)),
    getJson('/api/v1/fleet/boxes' + qs({...f, page: pager.page, size: PAGE_SIZE}))]);
  for (const key of ['total', 'online', 'offline', 'degraded', 'alarms']) {
    document.getElementById('count-' + key).textContent = summary[key];
  }
  for (const tile of document.querySelectorAll('.tile[data-status]')) {
    tile.classList.toggle('selected', tile.dataset.status === f.status);
  }
  const body = document.getElementById('boxes');
  body.replaceChildren(...(boxes.items.length ? boxes.items.map(row)
      : [el('tr', {}, el('td', {colspan: 12, class: 'muted'}, 'no box matches these filters'))]));
  pager.show(boxes.total, 'boxes');
}

async function main() {
  await start('overview');
  const chosen = query();
  for (const name of ['status', 'alarm', 'q', 'sort']) {
    if (chosen[name]) {
      form.elements[name].value = chosen[name];
    }
  }
  await loadPlaces(chosen).catch(e => console.warn('places not loaded', e));
  let again = null;
  pager = new Pager(PAGE_SIZE, () => again());
  again = poll(() => refresh().catch(e => {
    fail('boxes', e);
    throw e;
  }), 3000);
  const changed = () => {
    pager.page = 1;
    again();
  };
  form.addEventListener('change', async event => {
    const f = filters();
    if (event.target === form.elements.region) {
      await loadPlaces({region: f.region});
    } else if (event.target === form.elements.county) {
      await loadPlaces({region: f.region, county: f.county});
    }
    changed();
  });
  let typing = null;
  form.addEventListener('input', event => {
    if (event.target.tagName === 'INPUT') {
      clearTimeout(typing);
      typing = setTimeout(changed, 300);
    }
  });
  form.addEventListener('submit', event => event.preventDefault());
  form.addEventListener('reset', () => setTimeout(async () => {
    await loadPlaces({});
    changed();
  }));
  for (const tile of document.querySelectorAll('.tile[data-status]')) {
    tile.addEventListener('click', () => {
      form.elements.status.value = tile.dataset.status;
      changed();
    });
  }
}

main().catch(e => fail('boxes', e));

// The box page: what the box is and where, its devices and their states, the link chart, journal and lesson figures,
// active alarms (acknowledge) and the command panel. Polls the box's detail every 3 s and the chart every minute.
import {start, getJson, postJson, poll, el, text, badge, ago, when, bytes, query, qs, can, fail} from './common.js';
import {drawLink, linkDevice} from './box-chart.js';
import {drawPanel, drawHistory} from './box-commands.js';

const {group, box} = query();
const base = '/api/v1/boxes/' + encodeURIComponent(group || '') + '/' + encodeURIComponent(box || '');
const HIDDEN = /^(Alarm\/|Command\/|Journal\/RecordId$|Reachable$)/;
let devices = [];
let loaded;
const ready = new Promise(resolve => {
  loaded = resolve;
});

function facts(detail) {
  const journal = detail.journal || {};
  const today = journal.bytesToday || {};
  const total = Object.values(today).reduce((sum, n) => sum + (Number(n) || 0), 0);
  const rows = [['Status', badge(detail.status)], ['Last seen', ago(detail.lastSeen)],
    ['Group', detail.groupId], ['Birth (bdSeq)', text(detail.bdSeq)], ['Journal epoch', text(detail.epoch)],
    ['Journal backlog', text(journal.backlog) + ' records'],
    ['Bytes today', bytes(total) + ' (' + Object.entries(today).map(([c, n]) => c + ' ' + bytes(n)).join(', ')
        + ')']];
  document.getElementById('facts').replaceChildren(...rows.flatMap(([k, v]) => [el('dt', {}, k),
    el('dd', {'data-fact': k}, v)]));
}

function deviceRow(d) {
  const values = Object.entries(d.metrics || {})
      .filter(([name, m]) => !HIDDEN.test(name) && m.value !== null && m.value !== ''
          && String(m.value).length <= 40)
      .slice(0, 12)
      .map(([name, m]) => el('span', {'data-metric': name, title: 'at ' + when(m.at)},
          name + ' ', el('b', {}, String(m.value))));
  return el('tr', {'data-device': d.device},
      el('td', {}, el('b', {}, d.device)),
      el('td', {}, d.reachable === null || d.reachable === undefined ? '—'
          : d.reachable ? 'yes' : el('span', {class: 'error'}, 'no')),
      el('td', {}, values.flatMap((v, i) => i === 0 ? [v] : [' · ', v])),
      el('td', {}, (d.alarms || []).map(a => el('span', {class: 'chip', title: 'since ' + when(a.since)},
          a.name.replace(/^Alarm\//, '') + ': ' + a.why))));
}

async function ack(id, refresh) {
  try {
    await postJson('/api/v1/alarms/' + encodeURIComponent(id) + '/ack');
  } catch (e) {
    document.getElementById('flash').replaceChildren(el('span', {class: 'error'}, 'ack refused: ' + e.message));
  }
  refresh();
}

function alarms(active, refresh) {
  const body = document.getElementById('alarms');
  body.replaceChildren(...(active.length ? active.map(a => el('tr', {'data-alarm': a.id},
      el('td', {}, el('span', {class: 'chip'}, a.name), el('div', {class: 'muted'}, a.device || 'box')),
      el('td', {}, text(a.reason)),
      el('td', {}, ago(a.raisedAt)),
      el('td', {}, a.ackedBy ? 'acked by ' + a.ackedBy : can('operator')
          ? el('button', {type: 'button', class: 'ack', onclick: () => ack(a.id, refresh)}, 'Acknowledge') : '')))
      : [el('tr', {}, el('td', {class: 'muted'}, 'none'))]));
}

/** Lesson figures as the console gives them: a list of lessons (or devices) each with its Lesson/* figures. */
function lessons(list) {
  const holder = document.getElementById('lessons');
  const items = Array.isArray(list) ? list : Object.entries(list || {}).map(([k, v]) => ({name: k, figures: v}));
  if (items.length === 0) {
    holder.replaceChildren(el('p', {class: 'muted'}, 'no lesson reported yet'));
    return;
  }
  const figure = (f, name) => f[name] !== undefined ? f[name] : f['Lesson/' + name];
  holder.replaceChildren(el('table', {class: 'grid'},
      el('thead', {}, el('tr', {}, ['Lesson', 'State', 'Scheduled min', 'Played without stall min', 'Gaps s',
        'Delay s', 'Recording'].map(h => el('th', {}, h)))),
      el('tbody', {}, items.map(item => {
        const f = item.figures || item.metrics || item;
        const complete = figure(f, 'RecordingComplete');
        return el('tr', {},
            el('td', {}, text(item.lessonId || item.lesson || item.device || item.name)),
            el('td', {}, text(figure(f, 'State'))),
            el('td', {class: 'num'}, text(figure(f, 'MinutesScheduled'))),
            el('td', {class: 'num'}, text(figure(f, 'MinutesPlayedWithoutStall'))),
            el('td', {class: 'num'}, text(figure(f, 'GapSeconds'))),
            el('td', {class: 'num'}, text(figure(f, 'DelaySeconds'))),
            el('td', {}, complete === undefined || complete === null ? '—'
                : String(complete) === 'true' ? 'complete' : el('span', {class: 'error'}, 'incomplete')));
      }))));
}

// The latest commissioning self-test: passed or which steps failed, when, and the step table of its report.
function commissioning(c) {
  const summary = document.getElementById('commissioning-summary');
  const body = document.getElementById('commissioning');
  if (!c) {
    summary.replaceChildren('no self-test report yet');
    body.replaceChildren();
    return;
  }
  summary.replaceChildren(c.passed ? el('b', {'data-commissioning': 'passed'}, 'passed')
      : el('span', {class: 'error', 'data-commissioning': 'failed'}, 'failed: ' + c.failed),
      ' · finished ' + when(c.finishedAt) + ' (', ago(c.finishedAt), ')');
  body.replaceChildren(...(c.steps || []).map(s => el('tr', {'data-step': s.device + ' ' + s.step},
      el('td', {}, s.device), el('td', {}, s.step),
      el('td', {}, s.passed ? 'pass' : el('span', {class: 'error'}, 'FAIL')),
      el('td', {class: 'num'}, s.millis === null ? '—' : (s.millis / 1000).toFixed(1) + ' s'),
      el('td', {}, text(s.detail)))));
}

async function refresh(again) {
  // Active alarms from the alarms table rather than the detail's: with their ids (to acknowledge) and the box's own
  // Offline alarm, which no device reports.
  const [detail, active] = await Promise.all([getJson(base + '/detail'),
    getJson('/api/v1/alarms' + qs({state: 'active', group, box, size: 50}))]);
  document.title = detail.boxId + ' · classbox';
  document.getElementById('title').textContent = detail.boxId;
  document.getElementById('status').replaceChildren(badge(detail.status));
  document.getElementById('where').textContent = [detail.region, detail.county, detail.school, detail.classroom]
      .filter(x => x).join(' › ') || 'no place given in the box\'s birth';
  facts(detail);
  devices = detail.devices || [];
  document.getElementById('devices').replaceChildren(...(devices.length ? devices.map(deviceRow)
      : [el('tr', {}, el('td', {colspan: 4, class: 'muted'}, 'no devices reported'))]));
  alarms(active.items, again);
  lessons(detail.lessons);
  commissioning(detail.commissioning);
  drawPanel(detail.groupId, detail.boxId, devices, again);
  loaded();
  await drawHistory(detail.groupId, detail.boxId);
}

async function main() {
  await start('overview');
  if (!group || !box) {
    fail('title', new Error('no box named: open this page from the overview'));
    return;
  }
  let again = null;
  again = poll(() => refresh(again).catch(e => {
    document.getElementById('where').replaceChildren(el('span', {class: 'error'}, e.message));
    throw e;
  }), 3000);
  // The chart's 24 h change little from second to second: once a minute is enough.
  poll(async () => {
    await ready;
    await drawLink(group, box, linkDevice(devices));
  }, 60000);
}

main().catch(e => fail('where', e));

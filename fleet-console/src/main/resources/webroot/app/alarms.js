// Alarms: the active ones or the whole history, newest first, paged by the console; operators acknowledge here.
import {start, getJson, postJson, poll, el, text, ago, when, query, setQuery, qs, boxHref, can, fail, Pager}
  from './common.js';

const PAGE_SIZE = 50;
const form = document.getElementById('filters');
let pager = null;
let again = null;

function filters() {
  const f = Object.fromEntries(new FormData(form));
  return {state: f.state, group: f.group.trim(), box: f.box.trim()};
}

async function ack(alarm) {
  const flash = document.getElementById('flash');
  try {
    await postJson('/api/v1/alarms/' + encodeURIComponent(alarm.id) + '/ack');
    flash.replaceChildren(el('span', {}, alarm.name + ' on ' + alarm.boxId + ' acknowledged'));
  } catch (e) {
    flash.replaceChildren(el('span', {class: 'error'}, 'acknowledging ' + alarm.name + ' failed: ' + e.message));
  }
  again();
}

function row(a) {
  const acked = a.ackedBy ? el('span', {}, a.ackedBy + ' ', el('span', {class: 'muted'}, when(a.ackedAt)))
      : can('operator') ? el('button', {type: 'button', class: 'ack', onclick: () => ack(a)}, 'Acknowledge')
          : el('span', {class: 'muted'}, 'not yet');
  return el('tr', {'data-alarm': a.id, 'data-name': a.name, 'data-box': a.groupId + '/' + a.boxId},
      el('td', {}, ago(a.raisedAt)),
      el('td', {}, el('a', {href: boxHref(a.groupId, a.boxId)}, a.boxId), el('span', {class: 'muted'}, ' ' + a.groupId)),
      el('td', {}, text(a.device || 'box')),
      el('td', {}, el('span', {class: a.clearedAt ? '' : 'chip'}, a.name)),
      el('td', {}, text(a.reason)),
      el('td', {}, a.clearedAt ? ago(a.clearedAt) : el('span', {class: 'error'}, 'active')),
      el('td', {class: 'acked'}, acked));
}

async function refresh() {
  const f = filters();
  setQuery({...f, state: f.state === 'active' ? '' : f.state, page: pager.page > 1 ? pager.page : ''});
  const answer = await getJson('/api/v1/alarms' + qs({...f, page: pager.page, size: PAGE_SIZE}));
  document.getElementById('alarms').replaceChildren(...(answer.items.length ? answer.items.map(row)
      : [el('tr', {}, el('td', {colspan: 7, class: 'muted'}, f.state === 'active' ? 'no active alarm'
          : 'no alarm recorded'))]));
  pager.show(answer.total, 'alarms');
}

async function main() {
  await start('alarms');
  const chosen = query();
  for (const name of ['state', 'group', 'box']) {
    if (chosen[name]) {
      form.elements[name].value = chosen[name];
    }
  }
  pager = new Pager(PAGE_SIZE, () => again());
  again = poll(() => refresh().catch(e => {
    fail('alarms', e);
    throw e;
  }), 3000);
  const changed = () => {
    pager.page = 1;
    again();
  };
  form.addEventListener('change', changed);
  form.addEventListener('submit', event => event.preventDefault());
  form.addEventListener('reset', () => setTimeout(changed));
}

main().catch(e => fail('alarms', e));

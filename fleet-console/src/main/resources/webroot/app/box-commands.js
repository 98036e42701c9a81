// The box page's command panel: the commands each of the box's devices takes (found from the metrics it reports,
// since device ids are the school's choice), the node's Rebirth and Reboot, and the command history with outcomes.
import {getJson, postJson, el, text, badge, ago, can} from './common.js';

const PJLINK_INPUTS = [['11', 'RGB 1'], ['12', 'RGB 2'], ['31', 'Digital 1 (HDMI)'], ['32', 'Digital 2'],
  ['21', 'Video 1'], ['41', 'Storage 1'], ['51', 'Network 1']];
let signature = null;

function path(group, box) {
  return '/api/v1/boxes/' + encodeURIComponent(group) + '/' + encodeURIComponent(box) + '/commands';
}

/** Sends one command and reports the console's answer under the panel; the history shows its outcome later. */
async function send(group, box, command, refresh) {
  const flash = document.getElementById('flash');
  const label = (command.device ? command.device + ' ' : '') + command.name
      + (command.value === undefined ? '' : ' ' + command.value);
  flash.replaceChildren(el('span', {class: 'muted'}, 'sending ' + label + '…'));
  try {
    const answer = await postJson(path(group, box), command);
    flash.replaceChildren(el('span', {}, label + ': ' + answer.state + ', waiting for the box'));
  } catch (e) {
    flash.replaceChildren(el('span', {class: 'error'}, label + ' refused: ' + e.message));
  }
  refresh();
}

function button(label, onclick, cls) {
  return el('button', {type: 'button', class: cls || '', onclick}, label);
}

function deviceRows(device, go) {
  const names = Object.keys(device.metrics || {});
  const has = prefix => names.some(n => n === prefix || n.startsWith(prefix + '/'));
  const d = device.device;
  const rows = [];
  if (has('Power')) {
    const input = el('select', {'aria-label': d + ' input'},
        PJLINK_INPUTS.map(([code, name]) => el('option', {value: code}, code + ' ' + name)));
    rows.push(el('div', {class: 'row', 'data-commands': d}, el('b', {}, d),
        button('Power on', () => go({device: d, name: 'Power', value: 'on'}), 'primary power-on'),
        button('Power off', () => go({device: d, name: 'Power', value: 'off'}), 'power-off'),
        input, button('Set input', () => go({device: d, name: 'Input', value: input.value})),
        button('Blank', () => go({device: d, name: 'Mute/Video', value: true})),
        button('Unblank', () => go({device: d, name: 'Mute/Video', value: false}))));
  }
  if (has('Snapshot') || has('Stream')) {
    rows.push(el('div', {class: 'row', 'data-commands': d}, el('b', {}, d),
        button('Snapshot', () => go({device: d, name: 'Snapshot', value: true}))));
  }
  const relays = names.filter(n => n.startsWith('Relay/'));
  for (const relay of relays) {
    rows.push(el('div', {class: 'row', 'data-commands': d}, el('b', {}, d + ' ' + relay.substring(6)),
        button('On', () => go({device: d, name: relay, value: true})),
        button('Off', () => go({device: d, name: relay, value: false}))));
  }
  if (has('Terminal')) {
    rows.push(el('div', {class: 'row', 'data-commands': d}, el('b', {}, d),
        button('Reboot terminal', () => confirm('Reboot the satellite terminal ' + d + '? The box is offline'
            + ' until it is back.') && go({device: d, name: 'Reboot', value: true}), 'danger')));
  }
  return rows;
}

/** Draws the panel again only when the box's devices or their metric names changed (keeps a chosen input). */
export function drawPanel(group, box, devices, refresh) {
  const holder = document.getElementById('command-panel');
  if (!can('operator')) {
    holder.replaceChildren(el('p', {class: 'muted'}, 'Viewers cannot send commands.'));
    return;
  }
  const now = JSON.stringify(devices.map(d => [d.device, Object.keys(d.metrics || {}).sort()]));
  if (now === signature) {
    return;
  }
  signature = now;
  const go = command => send(group, box, command, refresh);
  holder.replaceChildren(...devices.flatMap(d => deviceRows(d, go)),
      el('div', {class: 'row', 'data-commands': 'node'}, el('b', {}, 'box'),
          button('Rebirth', () => go({name: 'Rebirth'})),
          button('Reboot box', () => confirm('Reboot box ' + box + '? A running lesson is interrupted.')
              && go({name: 'Reboot'}), 'danger')));
}

/** The box's latest commands, newest first, with the box's answer. */
export async function drawHistory(group, box) {
  const commands = await getJson(path(group, box) + '?limit=15');
  const body = document.getElementById('commands');
  body.replaceChildren(...(commands.length ? commands.map(c => el('tr', {'data-command': c.id},
      el('td', {}, ago(c.sentAt)),
      el('td', {}, (c.device ? c.device + ' ' : '') + c.name + (c.value === null || c.value === undefined
          ? '' : ' = ' + c.value)),
      el('td', {}, text(c.operator)),
      el('td', {class: 'state'}, badge(c.state)),
      el('td', {class: 'outcome'}, text(c.outcome))))
      : [el('tr', {}, el('td', {colspan: 5, class: 'muted'}, 'no commands sent to this box yet'))]));
}

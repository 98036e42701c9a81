// Shared by every page: the login check, the navigation bar, JSON calls (with the CSRF header on changes), polling
// for live updates, and small DOM and formatting helpers. Plain ES module, no framework, no build step.

let session = null;

/** An answer other than 2xx from the console, with its {"error": ...} text. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** Checks the login (401 goes to the login page and comes back here after), then draws the navigation bar. */
export async function start(active) {
  const response = await fetch('/api/v1/me', {headers: {accept: 'application/json'}, cache: 'no-store'});
  if (response.status === 401) {
    toLogin();
    return new Promise(() => {});
  }
  if (!response.ok) {
    throw new ApiError(response.status, 'the console did not say who is logged in (' + response.status + ')');
  }
  session = await response.json();
  nav(active);
  return session;
}

function toLogin() {
  location.assign('/login.html?next=' + encodeURIComponent(location.pathname + location.search));
}

/** True when the logged-in operator's role is at least {@code role} (viewer < operator < admin). */
export function can(role) {
  const order = ['viewer', 'operator', 'admin'];
  return session !== null && order.indexOf(session.role) >= order.indexOf(role);
}

export async function getJson(path) {
  return call('GET', path);
}

export async function postJson(path, body) {
  return call('POST', path, body);
}

async function call(method, path, body) {
  const headers = {accept: 'application/json'};
  if (method !== 'GET') {
    headers['X-CSRF-Token'] = session ? session.csrfToken : '';
  }
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(path, {method, headers, cache: 'no-store',
    body: body === undefined ? undefined : JSON.stringify(body)});
  if (response.status === 401) {
    toLogin();
    throw new ApiError(401, 'not logged in');
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, (json && json.error) || response.status + ' ' + response.statusText);
  }
  return json;
}

/**
 * Runs {@code task} now and again {@code millis} after each run ends (never two at once), while the tab is visible.
 * Polling the JSON API rather than a push channel: any console instance behind the address answers from the store.
 * Returns a function that runs the task again at once (after a change the operator made).
 */
export function poll(task, millis) {
  let timer = null;
  let running = false;
  const run = async () => {
    clearTimeout(timer);
    if (running) {
      return;
    }
    running = true;
    try {
      await task();
      live(null);
    } catch (e) {
      live(e);
    } finally {
      running = false;
      timer = setTimeout(run, millis);
    }
  };
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) {
      run();
    }
  });
  run();
  return run;
}

function live(error) {
  const span = document.getElementById('live');
  if (!span) {
    return;
  }
  span.className = error ? 'live stale' : 'live';
  span.textContent = error ? 'not updating: ' + error.message : 'live · ' + new Date().toLocaleTimeString();
}

function nav(active) {
  const bar = document.getElementById('nav');
  const links = [['overview', '/', 'Overview'], ['alarms', '/alarms.html', 'Alarms'],
    ['rollups', '/rollups.html', 'Roll-ups']];
  if (can('operator')) {
    links.push(['enroll', '/enroll.html', 'Enrollment']);
  }
  const logout = el('button', {type: 'button', class: 'link'}, 'Log out');
  logout.addEventListener('click', async () => {
    try {
      await postJson('/api/v1/logout');
    } finally {
      location.assign('/login.html');
    }
  });
  bar.replaceChildren(
      el('a', {href: '/', class: 'brand'}, 'classbox fleet'),
      ...links.map(([key, href, text]) => el('a', {href, class: key === active ? 'active' : ''}, text)),
      el('span', {class: 'spacer'}),
      el('span', {id: 'live', class: 'live'}, ''),
      el('span', {class: 'who', id: 'who'}, session.name + ' (' + session.role + ')'),
      logout);
}

/** Builds an element: attributes (on* as listeners, data-* kept as given), then children (strings become text). */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (key.startsWith('on')) {
      node.addEventListener(key.substring(2), value);
    } else {
      node.setAttribute(key, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

/** A value for a table cell: an em dash for none. */
export function text(value) {
  return value === null || value === undefined || value === '' ? '—' : String(value);
}

export function badge(status) {
  return el('span', {class: 'badge ' + (status || 'unknown')}, text(status));
}

/** "3 min ago" for an ISO time, with the full local time as the tooltip. */
export function ago(iso) {
  if (!iso) {
    return el('span', {}, '—');
  }
  const seconds = Math.round((Date.now() - new Date(iso).getTime()) / 1000);
  let words;
  if (seconds < 60) {
    words = Math.max(seconds, 0) + ' s ago';
  } else if (seconds < 3600) {
    words = Math.floor(seconds / 60) + ' min ago';
  } else if (seconds < 172800) {
    words = Math.floor(seconds / 3600) + ' h ago';
  } else {
    words = Math.floor(seconds / 86400) + ' days ago';
  }
  return el('span', {title: new Date(iso).toLocaleString()}, words);
}

export function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '—';
}

export function bytes(n) {
  if (n === null || n === undefined) {
    return '—';
  }
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = Number(n);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return (unit === 0 ? value : value.toFixed(1)) + ' ' + units[unit];
}

export function number(n, digits) {
  return n === null || n === undefined ? '—' : Number(n).toFixed(digits || 0);
}

/** The page's query parameters as an object. */
export function query() {
  return Object.fromEntries(new URLSearchParams(location.search));
}

/** Replaces the page's query (empty values dropped) without reloading, so a filtered view can be linked. */
export function setQuery(params) {
  const search = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '' && v != null));
  history.replaceState(null, '', location.pathname + (search.toString() ? '?' + search : ''));
}

/** A query string from an object, dropping empty values. */
export function qs(params) {
  const search = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '' && v != null));
  return search.toString() ? '?' + search : '';
}

export function boxHref(groupId, boxId) {
  return '/box.html' + qs({group: groupId, box: boxId});
}

/**
 * The #prev and #next buttons and the #range line under a paged table. {@code changed} runs after a button moved the
 * page; {@code show} reports what the console answered.
 */
export class Pager {
  constructor(size, changed) {
    this.size = size;
    this.page = Math.max(1, Number(query().page) || 1);
    document.getElementById('prev').addEventListener('click', () => {
      this.page = Math.max(1, this.page - 1);
      changed();
    });
    document.getElementById('next').addEventListener('click', () => {
      this.page++;
      changed();
    });
  }

  show(total, noun) {
    const first = total === 0 ? 0 : (this.page - 1) * this.size + 1;
    document.getElementById('range').textContent = first + '–' + Math.min(this.page * this.size, total) + ' of '
        + total + (noun ? ' ' + noun : '');
    document.getElementById('prev').disabled = this.page <= 1;
    document.getElementById('next').disabled = this.page * this.size >= total;
  }
}

/** Shows an error where the page's data would be, in place of a silent empty table. */
export function fail(where, error) {
  const target = document.getElementById(where);
  if (target) {
    const message = el('span', {class: 'error'}, error.message || String(error));
    target.replaceChildren(target.tagName === 'TBODY' ? el('tr', {}, el('td', {colspan: 99}, message)) : message);
  }
}

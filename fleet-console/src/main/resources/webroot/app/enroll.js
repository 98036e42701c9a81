// Enrollment: operators make one-time claim codes for boxes (the code and CA fingerprint are shown once), everyone
// reads the claims and certificates, admins revoke a certificate (the console re-signs the CRL at once).
import {start, getJson, postJson, poll, el, text, ago, when, qs, boxHref, can, fail} from './common.js';

const claimForm = document.getElementById('claim-form');
const certFilters = document.getElementById('cert-filters');
let again = null;

async function makeClaim(event) {
  event.preventDefault();
  const f = Object.fromEntries(new FormData(claimForm));
  const flash = document.getElementById('claim-flash');
  try {
    const claim = await postJson('/api/v1/claims', {group: f.group.trim(), box: f.box.trim(),
      validHours: Number(f.validHours)});
    document.getElementById('made-box').textContent = claim.box + ' (' + claim.group + ')';
    document.getElementById('made-expires').textContent = when(claim.expiresAt);
    document.getElementById('made-code').textContent = claim.code;
    document.getElementById('made-ca').textContent = claim.caSha256;
    document.getElementById('made-command').textContent = 'classbox-provision enroll --console ' + location.origin
        + ' --claim-code ' + claim.code + ' --ca-sha256 ' + claim.caSha256 + ' --box ' + claim.box + ' --group '
        + claim.group;
    document.getElementById('claim-made').hidden = false;
    flash.replaceChildren();
    again();
  } catch (e) {
    flash.replaceChildren(el('span', {class: 'error'}, 'making the claim failed: ' + e.message));
  }
}

async function revoke(cert) {
  const reason = prompt('Revoke certificate ' + cert.serial + ' of ' + cert.box + '? Reason (keyCompromise,'
      + ' cessationOfOperation, affiliationChanged, or any text):', 'cessationOfOperation');
  if (reason === null) {
    return;
  }
  const flash = document.getElementById('cert-flash');
  try {
    await postJson('/api/v1/certificates/' + encodeURIComponent(cert.serial) + '/revoke', {reason});
    flash.replaceChildren(el('span', {}, 'certificate ' + cert.serial + ' of ' + cert.box + ' revoked'));
  } catch (e) {
    flash.replaceChildren(el('span', {class: 'error'}, 'revoking ' + cert.serial + ' failed: ' + e.message));
  }
  again();
}

function claimRow(c) {
  const expired = !c.usedAt && new Date(c.expiresAt).getTime() < Date.now();
  return el('tr', {'data-claim': c.id},
      el('td', {}, String(c.id)),
      el('td', {}, el('a', {href: boxHref(c.group, c.box)}, c.box), el('span', {class: 'muted'}, ' ' + c.group)),
      el('td', {}, text(c.createdBy)),
      el('td', {}, ago(c.createdAt)),
      el('td', {class: expired ? 'muted' : ''}, when(c.expiresAt) + (expired ? ' (expired)' : '')),
      el('td', {}, c.usedAt ? ago(c.usedAt) : el('span', {class: 'muted'}, 'not yet')),
      el('td', {}, el('code', {}, text(c.serial))));
}

function certRow(c) {
  const action = !c.revokedAt && can('admin')
    ? el('button', {type: 'button', class: 'danger', onclick: () => revoke(c)}, 'Revoke') : '';
  return el('tr', {'data-serial': c.serial},
      el('td', {}, el('code', {}, c.serial)),
      el('td', {}, el('a', {href: boxHref(c.group, c.box)}, c.box), el('span', {class: 'muted'}, ' ' + c.group)),
      el('td', {}, ago(c.issuedAt)),
      el('td', {}, when(c.notAfter)),
      el('td', {}, c.revokedAt ? el('span', {class: 'error'}, when(c.revokedAt) + ' · ' + text(c.reason))
          : el('span', {class: 'muted'}, 'no')),
      el('td', {}, action));
}

async function refresh() {
  const f = Object.fromEntries(new FormData(certFilters));
  const [claims, certs] = await Promise.all([getJson('/api/v1/claims'),
    getJson('/api/v1/certificates' + qs({group: f.group.trim(), box: f.box.trim()}))]);
  document.getElementById('claims').replaceChildren(...(claims.length ? claims.map(claimRow)
      : [el('tr', {}, el('td', {colspan: 7, class: 'muted'}, 'no claim made yet'))]));
  document.getElementById('certificates').replaceChildren(...(certs.length ? certs.map(certRow)
      : [el('tr', {}, el('td', {colspan: 6, class: 'muted'}, 'no certificate'))]));
}

async function main() {
  await start('enroll');
  document.getElementById('claim-card').hidden = !can('operator');
  document.getElementById('acl-link').hidden = !can('admin');
  claimForm.addEventListener('submit', makeClaim);
  again = poll(() => refresh().catch(e => {
    fail('certificates', e);
    throw e;
  }), 10000);
  certFilters.addEventListener('change', () => again());
  certFilters.addEventListener('submit', event => event.preventDefault());
  certFilters.addEventListener('reset', () => setTimeout(() => again()));
}

main().catch(e => fail('certificates', e));

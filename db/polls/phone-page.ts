import { createHash } from 'node:crypto';
import { POLL_LIMITS } from '../contract/polls';

// The page a participant opens on a phone: one self-contained file (no external resources, no
// tracking, no cookies), in Dutch, made for a 360 px wide screen. It asks the poll server for the
// question, sends the answer, keeps it in the phone's browser and sends it again when the network
// comes back. It builds everything with textContent, so the question cannot inject markup.

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:18px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1d2733;background:#f4f7f9}
main{max-width:34rem;margin:0 auto;padding:1rem}
h1{font-size:1rem;font-weight:600;color:#0b4f6c;margin:0 0 .75rem}
.question{font-size:1.35rem;font-weight:600;margin:0 0 1rem;overflow-wrap:anywhere}
.choice{display:flex;gap:.75rem;align-items:center;background:#fff;border:2px solid #c9d6df;border-radius:10px;padding:.8rem .9rem;margin:0 0 .6rem;overflow-wrap:anywhere}
.choice:has(input:checked){border-color:#0b4f6c;background:#e6f0f5}
.choice input{width:1.4rem;height:1.4rem;flex:none;margin:0}
.field{width:100%;font:inherit;padding:.75rem;border:2px solid #c9d6df;border-radius:10px;background:#fff}
button{width:100%;font:inherit;font-weight:600;padding:.85rem;margin-top:.5rem;border:0;border-radius:10px;background:#0b4f6c;color:#fff}
button:disabled{background:#8aa3b0}
.status{margin:1rem 0 0;padding:.75rem;border-radius:10px;background:#fff;border-left:6px solid #8aa3b0}
.status.sent{border-color:#2e7d4f}.status.waiting{border-color:#c77700}.status.closed,.status.error{border-color:#b3261e}
.hint{font-size:.85rem;color:#4a5866;margin-top:1.5rem}
`;

const SCRIPT = `(function () {
  var code = location.pathname.split('/')[1].toUpperCase();
  var base = '/' + code;
  var store = {};
  try { store = window.localStorage; store.getItem('x'); } catch (e) { store = { getItem: function (k) { return this[k] || null; }, setItem: function (k, v) { this[k] = v; } }; }
  var device = store.getItem('fto-toestel');
  if (!device) {
    var bytes = new Uint8Array(18);
    crypto.getRandomValues(bytes);
    device = btoa(String.fromCharCode.apply(null, bytes)).replace(/[+]/g, '-').replace(/[/]/g, '_').replace(/=+$/, '');
    store.setItem('fto-toestel', device);
  }
  var answerKey = 'fto-peiling-' + code;
  var saved = null;
  try { saved = JSON.parse(store.getItem(answerKey) || 'null'); } catch (e) { saved = null; }
  var main = document.getElementById('poll');
  var statusLine = document.getElementById('status');
  var poll = null, form = null, retry = null, attempts = 0, sending = false;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function show(kind, text) { statusLine.className = 'status ' + kind; statusLine.textContent = text; statusLine.hidden = false; }
  function time() { var d = new Date(); return ('0' + d.getHours()).slice(-2) + ':' + ('0' + d.getMinutes()).slice(-2); }
  function keep() { store.setItem(answerKey, JSON.stringify(saved)); }

  function render() {
    main.textContent = '';
    main.appendChild(el('p', 'question', poll.question));
    form = el('form');
    form.noValidate = true;
    if (poll.kind === 'choice') {
      poll.options.forEach(function (option, index) {
        var label = el('label', 'choice');
        var input = el('input');
        input.type = 'radio'; input.name = 'keuze'; input.value = String(index);
        if (saved && saved.value === index) input.checked = true;
        label.appendChild(input); label.appendChild(el('span', '', option));
        form.appendChild(label);
      });
    } else {
      var field = el('input', 'field');
      field.name = 'antwoord';
      field.setAttribute('aria-label', 'Uw antwoord');
      if (poll.kind === 'number') { field.inputMode = 'decimal'; field.placeholder = 'Een getal'; }
      else { field.maxLength = ${POLL_LIMITS.textAnswerLength}; field.placeholder = 'Kort antwoord'; }
      if (saved) field.value = String(saved.value).replace('.', poll.kind === 'number' ? ',' : '.');
      form.appendChild(field);
    }
    var button = el('button', '', 'Versturen');
    button.type = 'submit';
    form.appendChild(button);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var value = read();
      if (value === null) return;
      saved = { value: value, sent: false };
      keep();
      attempts = 0;
      send();
    });
    main.appendChild(form);
    if (poll.status === 'closed') closed();
  }

  function read() {
    if (poll.kind === 'choice') {
      var checked = form.querySelector('input:checked');
      if (!checked) { show('error', 'Kies eerst een antwoord.'); return null; }
      return Number(checked.value);
    }
    var text = form.elements.antwoord.value.trim();
    if (!text) { show('error', 'Vul eerst een antwoord in.'); return null; }
    if (poll.kind === 'number') {
      var number = Number(text.replace(/\\s/g, '').replace(',', '.'));
      if (!isFinite(number)) { show('error', 'Vul een getal in, bijvoorbeeld 7 of 2,5.'); return null; }
      return number;
    }
    return text;
  }

  function closed() {
    clearTimeout(retry);
    if (form) Array.prototype.forEach.call(form.elements, function (e) { e.disabled = true; });
    show('closed', saved && saved.sent ? 'De peiling is gesloten. Uw antwoord is meegeteld.' : 'De peiling is gesloten.');
  }

  function later() {
    clearTimeout(retry);
    attempts += 1;
    retry = setTimeout(send, Math.min(1000 * attempts, 5000));
  }

  function send() {
    if (!saved || saved.sent || sending) return;
    sending = true;
    show('waiting', 'Versturen...');
    fetch(base + '/antwoord', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ device: device, value: saved.value }), cache: 'no-store' })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (body) { return { status: response.status, body: body }; });
      })
      .then(function (reply) {
        sending = false;
        if (reply.status === 200) {
          saved.sent = true; keep(); attempts = 0;
          show('sent', 'Verstuurd om ' + time() + '. U kunt uw antwoord wijzigen tot de peiling sluit.');
        } else if (reply.status === 409) {
          if (poll) poll.status = 'closed';
          closed();
        } else if (reply.status === 429 || reply.status >= 500) {
          show('waiting', 'Even geduld, uw antwoord wordt zo opnieuw verstuurd.');
          later();
        } else {
          show('error', (reply.body && reply.body.message) || 'Dit antwoord is niet aangenomen.');
        }
      }, function () {
        sending = false;
        show('waiting', 'Geen verbinding. Uw antwoord is bewaard op deze telefoon en wordt verstuurd zodra het netwerk terug is.');
        later();
      });
  }

  function load() {
    fetch(base + '/vraag', { cache: 'no-store' }).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    }).then(function (question) {
      var first = poll === null;
      var wasOpen = poll && poll.status === 'open';
      poll = question;
      if (first) render();
      else if (wasOpen && poll.status === 'closed') closed();
      if (first && saved) {
        if (saved.sent) show('sent', 'Uw antwoord is verstuurd. U kunt het wijzigen tot de peiling sluit.');
        else send();
      }
    }, function () {
      if (poll === null) show('waiting', 'Verbinding maken met de peiling...');
    });
  }

  window.addEventListener('online', function () { attempts = 0; send(); load(); });
  load();
  setInterval(function () { if (!poll || poll.status === 'open') load(); }, 4000);
})();`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The phone page's HTML, the same for every poll (the code is read from the address). */
export const PHONE_PAGE = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Peiling</title>
<style>${STYLE}</style></head>
<body><main>
<h1>Peiling van het FTO</h1>
<div id="poll"><p>Even laden...</p></div>
<p id="status" class="status" role="status" aria-live="polite" hidden></p>
<p class="hint">Anoniem: uw naam wordt niet gevraagd en niet bewaard. Eén antwoord per telefoon.</p>
</main><script>${SCRIPT}</script></body></html>`;

/** Only this page's own style and script may run, and it may talk to the poll server only. */
export const PHONE_PAGE_CSP = [
  "default-src 'none'",
  `script-src ${sha256(SCRIPT)}`,
  `style-src ${sha256(STYLE)}`,
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

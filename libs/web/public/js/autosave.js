// Autosave for the analysis form: saves the fields changed since the last save through the API
// (PATCH with If-Match and the session's CSRF token) and says so in a live region. Without it the form
// posts as usual; the names (f.key.0.column) are the same ones the server reads.
(function () {
  'use strict';
  var form = document.querySelector('form[data-autosave]');
  var status = document.getElementById('autosave-status');
  if (!form || !status || !window.fetch) return;
  var url = form.getAttribute('data-autosave');
  var csrf = form.querySelector('input[name="_csrf"]').value;
  var version = form.querySelector('input[name="version"]');
  var dirty = {};
  var timer = null;
  var saving = false;
  var stopped = false;
  var BAD = {};

  function convert(el) {
    if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) return undefined;
    var text = el.value;
    var type = el.getAttribute('data-type');
    if (type === 'number') {
      var compact = text.replace(/[\s\u00a0]/g, '').replace('\u2212', '-');
      if (compact === '') return undefined;
      return /^-?\d+([.,]\d+)?$/.test(compact) ? Number(compact.replace(',', '.')) : BAD;
    }
    if (type === 'boolean') return text === 'true' ? true : text === 'false' ? false : undefined;
    return text.trim() === '' ? undefined : text.replace(/\r\n?/g, '\n');
  }

  function valueOf(key) {
    var root = {};
    var elements = form.querySelectorAll('[name="f.' + key + '"], [name^="f.' + key + '."]');
    for (var i = 0; i < elements.length; i++) {
      var el = elements[i];
      var segments = el.name.split('.').slice(2);
      var holder = root;
      var prop = 'v';
      for (var s = 0; s < segments.length; s++) {
        if (holder[prop] === undefined) holder[prop] = /^\d+$/.test(segments[s]) ? [] : {};
        holder = holder[prop];
        prop = /^\d+$/.test(segments[s]) ? Number(segments[s]) : segments[s];
      }
      if (el.type === 'hidden' && el.value === '1' && /^\d+$/.test(String(prop))) {
        if (holder[prop] === undefined) holder[prop] = {};
        continue;
      }
      var value = convert(el);
      if (value === BAD) return BAD;
      if (value === undefined) continue;
      if (el.getAttribute('data-type') === 'list') (holder[prop] = holder[prop] || []).push(value);
      else holder[prop] = value;
    }
    var result = root.v;
    if (result && result.rows && !Array.isArray(result)) {
      var written = !!result.interpretation || result.rows.some(function (row) { return row.comment; });
      return written ? result : null;
    }
    if (result === undefined || (Array.isArray(result) && result.length === 0)) return null;
    return result;
  }

  function say(text) { status.textContent = text; }

  function save() {
    timer = null;
    if (saving || stopped) return;
    var keys = Object.keys(dirty);
    if (keys.length === 0) return;
    var patch = {};
    for (var i = 0; i < keys.length; i++) {
      var value = valueOf(keys[i]);
      if (value === BAD) { say('Sparades inte automatiskt: ett tal är felskrivet. Rätta det eller tryck Spara.'); return; }
      patch[keys[i]] = value;
    }
    dirty = {};
    saving = true;
    say('Sparar …');
    fetch(url, {
      method: 'PATCH',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', Prefer: 'return=minimal', 'If-Match': '"' + version.value + '"', 'X-CSRF-Token': csrf },
      body: JSON.stringify(patch),
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (response.ok) {
          version.value = String(body.version);
          var at = new Date(body.savedAt || Date.now());
          say('Sparat ' + at.toLocaleTimeString('sv-SE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm' }));
        } else if (response.status === 409) {
          stopped = true;
          say('Någon annan har sparat analysen under tiden. Tryck Spara för att välja vilken version som ska gälla.');
        } else {
          for (var k in patch) dirty[k] = true;
          var first = body.errors && body.errors[0];
          say('Sparades inte automatiskt' + (first ? ': ' + first.message : '.') + ' Tryck Spara för att se felen.');
        }
      });
    }).catch(function () {
      for (var k in patch) dirty[k] = true;
      say('Sparades inte automatiskt (ingen kontakt). Försöker igen när du ändrar något.');
    }).then(function () {
      saving = false;
      if (Object.keys(dirty).length && !stopped && !timer) timer = setTimeout(save, 1500);
    });
  }

  function changed(event, delay) {
    var name = event.target && event.target.name;
    if (!name || name.indexOf('f.') !== 0) return;
    dirty[name.split('.')[1]] = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, delay);
  }

  form.addEventListener('input', function (event) { changed(event, 1500); });
  form.addEventListener('change', function (event) { changed(event, 300); });
  form.addEventListener('submit', function () { if (timer) clearTimeout(timer); stopped = true; });
})();

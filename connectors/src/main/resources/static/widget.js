/*!
 * civic-gateway chat widget. Embed with one line:
 *   <script src="https://GATEWAY/widget.js" data-locale="fr" defer></script>
 * Options (data-attributes of that script tag): data-api (API base, default the script's own origin),
 * data-locale ("fr" | "en", default the page's <html lang>, then the browser's language),
 * data-title (the panel's title), data-position ("right" | "left").
 * The widget lives in the shadow root of its own <civic-gateway> element, with its stylesheet inside: no rule of
 * the host page reaches it, none of its rules or ids leaks out. Colours can be set from the page through the CSS
 * custom properties of docs/widget.md (--cg-accent ...).
 * Every reply is rendered as text with DOM APIs, never parsed as HTML. A chart reply (API.md section 1) is shown
 * under the answer as a figure: the SVG with its alt text (the alt text itself if the image fails), its caption
 * and a link to the same numbers as CSV.
 * This file is pure ASCII (accents are \u escapes): the host page's charset, whatever it is, decodes it right.
 */
(function () {
  'use strict';

  if (window.CivicGateway) { return; } // the snippet was pasted twice: keep the first widget only

  var script = document.currentScript || document.querySelector('script[src*="widget.js"]');
  if (!script) { return; }
  var data = script.dataset || {};
  var scriptUrl = new URL(script.src, location.href);
  var apiBase = (data.api || scriptUrl.origin).replace(/\/+$/, '');
  var MAX_TEXT = 4096;     // API.md section 1
  var MAX_HISTORY = 60;    // messages kept in localStorage: enough to scroll back, bounded in size
  var TIMEOUT_MS = 20000;  // a request taking longer is shown as a connection problem
  var MAX_PHOTO = 5 * 1024 * 1024; // API.md section 1: POST /api/v1/attachments takes 5 MB at most
  var PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
  var STORE_KEY = 'civicGateway.v1:' + apiBase;
  var SVG_NS = 'http://www.w3.org/2000/svg';

  var TEXTS = {
    fr: {
      launcher: 'Une question ?', unread: ['1 nouveau message', '{n} nouveaux messages'],
      closeLabel: 'Fermer la discussion', title: 'Vos d\u00e9put\u00e9s', reset: 'Nouvelle conversation',
      other: 'en', otherCode: 'EN', otherName: 'English',
      log: 'Conversation', input: 'Votre question', placeholder: 'Posez votre question\u2026', send: 'Envoyer',
      you: 'Vous : ', bot: 'Assistant : ', typing: 'L\u2019assistant \u00e9crit\u2026', suggestions: 'Suggestions',
      newTab: ' (nouvel onglet)', retry: 'R\u00e9essayer', csv: 'Les chiffres (CSV)', sentAt: ', \u00e0 ',
      welcome: 'Bonjour ! Je r\u00e9ponds \u00e0 vos questions sur les d\u00e9put\u00e9s et les votes de l\u2019Assembl\u00e9e nationale, ' +
        '\u00e0 partir de ses donn\u00e9es ouvertes.',
      examples: [['Qui est mon d\u00e9put\u00e9 ?', 'Qui est mon d\u00e9put\u00e9 ?'], ['R\u00e9sultat du scrutin 3876', 'R\u00e9sultat du scrutin 3876'],
        ['Votes r\u00e9cents', 'Qu\u2019est-ce qui a \u00e9t\u00e9 vot\u00e9 r\u00e9cemment ?']],
      offline: 'Vous \u00eates hors connexion. V\u00e9rifiez votre connexion, puis r\u00e9essayez.',
      blocked: 'Le service ne peut pas \u00eatre joint depuis ce site : l\u2019op\u00e9rateur du service doit l\u2019autoriser.',
      unreachable: 'Impossible de joindre le service pour le moment. R\u00e9essayez dans un instant.',
      busy: 'Vous \u00e9crivez un peu vite ! Vous pourrez r\u00e9essayer dans {n} s.',
      server: 'Le service rencontre un probl\u00e8me passager. R\u00e9essayez dans un instant.',
      tooLong: 'Ce message est trop long : 4 096 caract\u00e8res au plus.',
      refused: 'Ce message n\u2019a pas pu \u00eatre trait\u00e9. Reformulez-le, s\u2019il vous pla\u00eet.',
      attach: 'Joindre une photo', photo: 'Photo jointe', removePhoto: 'Retirer la photo', photoSent: '[Photo]',
      badType: 'Cette image n\u2019est pas accept\u00e9e : choisissez une photo JPEG, PNG ou WebP.',
      tooBig: 'Cette photo d\u00e9passe 5 Mo : choisissez-en une plus l\u00e9g\u00e8re.',
      locate: 'Partager ma position', locating: 'Recherche de votre position\u2026',
      locateWhy: 'Votre position sera jointe \u00e0 votre prochain message, pour situer un signalement ou ce qui est ' +
        'pr\u00e8s de chez vous. Elle n\u2019est demand\u00e9e que maintenant, et n\u2019est pas gard\u00e9e dans ce navigateur.',
      located: 'Position jointe ({lat}, {lon})', removeLocation: 'Retirer la position', locationSent: '[Position partag\u00e9e]',
      geoDenied: 'Vous n\u2019avez pas autoris\u00e9 la localisation : indiquez plut\u00f4t une adresse ou une commune.',
      geoFailed: 'Votre position n\u2019a pas pu \u00eatre trouv\u00e9e. R\u00e9essayez, ou indiquez une adresse.',
      geoUnsupported: 'Ce navigateur ne peut pas donner votre position : indiquez une adresse ou une commune.'
    },
    en: {
      launcher: 'Any question?', unread: ['1 new message', '{n} new messages'],
      closeLabel: 'Close the chat', title: 'Your MPs', reset: 'New conversation',
      other: 'fr', otherCode: 'FR', otherName: 'Fran\u00e7ais',
      log: 'Conversation', input: 'Your question', placeholder: 'Ask your question\u2026', send: 'Send',
      you: 'You: ', bot: 'Assistant: ', typing: 'The assistant is typing\u2026', suggestions: 'Suggestions',
      newTab: ' (new tab)', retry: 'Try again', csv: 'The figures (CSV)', sentAt: ', at ',
      welcome: 'Hello! I answer your questions about the deputies and votes of the French Assembl\u00e9e nationale, ' +
        'from its open data.',
      examples: [['Who is my MP?', 'Who is my deputy?'], ['Result of scrutin 3876', 'Result of scrutin 3876'],
        ['Recent votes', 'What was voted recently?']],
      offline: 'You are offline. Check your connection, then try again.',
      blocked: 'The service cannot be reached from this site: the service\u2019s operator has to allow it.',
      unreachable: 'The service cannot be reached at the moment. Please try again in a moment.',
      busy: 'You are typing a little fast! You can try again in {n} s.',
      server: 'The service has a temporary problem. Please try again in a moment.',
      tooLong: 'This message is too long: 4,096 characters at most.',
      refused: 'This message could not be processed. Please rephrase it.',
      attach: 'Attach a photo', photo: 'Attached photo', removePhoto: 'Remove the photo', photoSent: '[Photo]',
      badType: 'This image is not accepted: choose a JPEG, PNG or WebP photo.',
      tooBig: 'This photo is over 5 MB: choose a lighter one.',
      locate: 'Share my position', locating: 'Finding your position\u2026',
      locateWhy: 'Your position will go with your next message, to place a report or what is near you. It is asked ' +
        'for only now, and not kept in this browser.',
      located: 'Position attached ({lat}, {lon})', removeLocation: 'Remove the position', locationSent: '[Position shared]',
      geoDenied: 'You did not allow location: give an address or a town instead.',
      geoFailed: 'Your position could not be found. Try again, or give an address.',
      geoUnsupported: 'This browser cannot give your position: give an address or a town.'
    }
  };

  function pickLocale(stored) {
    var candidates = [stored, data.locale, document.documentElement.lang, navigator.language];
    for (var i = 0; i < candidates.length; i++) {
      var c = (candidates[i] || '').toLowerCase().slice(0, 2);
      if (c === 'fr' || c === 'en') { return c; }
    }
    return 'fr';
  }

  // ---- storage: the conversation id, the chosen language, the visible history and the unread count survive page
  // loads (localStorage), the open state survives only within the tab (sessionStorage). Storage may be blocked
  // (privacy mode): then the widget still works, it simply forgets on reload.
  function readJson(storage, key) {
    try { return JSON.parse(window[storage].getItem(key)); } catch (e) { return null; }
  }
  function writeJson(storage, key, value) {
    try { window[storage].setItem(key, JSON.stringify(value)); } catch (e) { /* quota or blocked: keep going */ }
  }
  function newConversationId() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }
  var state = readJson('localStorage', STORE_KEY);
  if (!state || typeof state.id !== 'string' || !/^[A-Za-z0-9_-]{1,128}$/.test(state.id) || !Array.isArray(state.history)) {
    state = { id: newConversationId(), history: [] };
  }
  var locale = pickLocale(state.locale);
  var t = TEXTS[locale];
  function save() {
    state.history = state.history.slice(-MAX_HISTORY);
    writeJson('localStorage', STORE_KEY, state);
  }

  // ---- DOM helpers: elements are built with createElement/textContent only.
  function el(tag, className, attrs, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    for (var k in attrs) { if (Object.prototype.hasOwnProperty.call(attrs, k)) { e.setAttribute(k, attrs[k]); } }
    if (text != null) { e.textContent = text; }
    return e;
  }
  function hiddenText(text) { return el('span', 'cg-sr', null, text); }
  // The widget's own words in a message ("Vous : ", the time): their dir keeps them out of the message's dir="auto".
  function ownWords(e) { e.setAttribute('dir', 'ltr'); return e; }
  function icon(d, className) {
    var svg = document.createElementNS(SVG_NS, 'svg'), path = document.createElementNS(SVG_NS, 'path');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('class', 'cg-icon ' + (className || ''));
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    path.setAttribute('d', d);
    svg.appendChild(path);
    return svg;
  }
  var ICON_CHAT = 'M4 3h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H10l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z';
  var ICON_PHOTO = 'M4 7h3l2-3h6l2 3h3a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1zM12 10a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7z';
  var ICON_PIN = 'M12 2a7 7 0 0 1 7 7c0 5-7 13-7 13S5 14 5 9a7 7 0 0 1 7-7zM12 6.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z';
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, k) { return values[k] != null ? String(values[k]) : all; });
  }

  // URLs in replies become links named by their host and path (shortened), the sentence's final punctuation
  // outside the link; the full address is the link's title.
  var URL_RE = /https?:\/\/[^\s<>"'\u00ab\u00bb]+/g;
  function linkLabel(url) {
    try {
      var u = new URL(url);
      var label = u.host.replace(/^www\./, '') + (u.pathname === '/' ? '' : u.pathname.replace(/\/$/, ''));
      return label.length > 48 ? label.slice(0, 30) + '\u2026' + label.slice(-16) : label;
    } catch (e) { return url; }
  }
  function appendLinkified(parent, text) {
    var last = 0, m;
    URL_RE.lastIndex = 0;
    while ((m = URL_RE.exec(text)) !== null) {
      var url = m[0].replace(/[.,;:!?)\]]+$/, '');
      if (m.index > last) { parent.appendChild(document.createTextNode(text.slice(last, m.index))); }
      var a = el('a', 'cg-link', { href: url, target: '_blank', rel: 'noopener noreferrer', title: url }, linkLabel(url));
      a.appendChild(hiddenText(t.newTab));
      parent.appendChild(a);
      last = m.index + url.length;
      URL_RE.lastIndex = last;
    }
    if (last < text.length) { parent.appendChild(document.createTextNode(text.slice(last))); }
  }

  // Only the gateway's http(s) addresses become an image or a link: never a javascript: or data: URL.
  function safeUrl(value) {
    if (typeof value !== 'string') { return null; }
    try {
      var u = new URL(value, apiBase + '/');
      return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
    } catch (e) { return null; }
  }
  function isChart(m) {
    return m && m.type === 'chart' && safeUrl(m.svg) && safeUrl(m.csv) && typeof m.alt === 'string' && m.alt
      && typeof m.caption === 'string';
  }

  // ---- the widget's DOM, in the shadow root of its own element
  var host = document.createElement('civic-gateway');
  var shadow = host.attachShadow({ mode: 'open' });
  var root = el('div', 'cg-root cg-' + (data.position === 'left' ? 'left' : 'right'));
  root.style.visibility = 'hidden'; // until widget.css is loaded, so the host page never sees it unstyled
  // The visible text is the button's accessible name (WCAG "label in name"); aria-expanded tells open or closed.
  var launcher = el('button', 'cg-launcher', { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'cg-panel' });
  var launcherText = el('span', 'cg-launcher-text');
  var badge = el('span', 'cg-badge', { 'aria-hidden': 'true' });
  var badgeText = hiddenText('');
  launcher.appendChild(icon(ICON_CHAT, 'cg-launcher-icon'));
  launcher.appendChild(launcherText);
  launcher.appendChild(badge);
  launcher.appendChild(badgeText);
  // Announces what arrived while the panel was closed (the log inside the hidden panel is not read).
  var status = el('div', 'cg-sr', { role: 'status' });

  var panel = el('section', 'cg-panel', { id: 'cg-panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'cg-title' });
  panel.hidden = true;
  var header = el('div', 'cg-header');
  var title = el('h2', 'cg-title', { id: 'cg-title' });
  var langButton = el('button', 'cg-icon-button cg-lang', { type: 'button' });
  var resetButton = el('button', 'cg-icon-button cg-reset', { type: 'button' }, '\u21ba');
  var closeButton = el('button', 'cg-icon-button cg-close', { type: 'button' }, '\u00d7');
  header.appendChild(title);
  header.appendChild(langButton);
  header.appendChild(resetButton);
  header.appendChild(closeButton);

  // Focusable, so that the keyboard can scroll back through the conversation (and axe's scrollable-region rule).
  var scroller = el('div', 'cg-scroller', { tabindex: '0' });
  var log = el('div', 'cg-log', { role: 'log', 'aria-live': 'polite' });
  var suggestions = el('div', 'cg-suggestions', { role: 'group' });
  scroller.appendChild(log);
  scroller.appendChild(suggestions);

  // What goes with the next message: a photo's preview, a position, or why the position is asked.
  var pending = el('div', 'cg-pending');
  pending.hidden = true;

  var form = el('form', 'cg-form', { novalidate: '' });
  var fileInput = el('input', 'cg-file', { type: 'file', accept: PHOTO_TYPES.join(','), tabindex: '-1', 'aria-hidden': 'true' });
  var photoButton = el('button', 'cg-tool cg-photo', { type: 'button' });
  photoButton.appendChild(icon(ICON_PHOTO));
  var locateButton = el('button', 'cg-tool cg-locate', { type: 'button' });
  locateButton.appendChild(icon(ICON_PIN));
  var input = el('input', 'cg-input', {
    type: 'text', dir: 'auto', maxlength: String(MAX_TEXT), autocomplete: 'off', enterkeyhint: 'send'
  });
  var sendButton = el('button', 'cg-send', { type: 'submit' });
  [fileInput, photoButton, locateButton, input, sendButton].forEach(function (e) { form.appendChild(e); });

  panel.appendChild(header);
  panel.appendChild(scroller);
  panel.appendChild(pending);
  panel.appendChild(form);
  root.appendChild(panel);
  root.appendChild(launcher);
  root.appendChild(status);

  // The words of the chosen language on every control; the widget's direction is its language's, not the page's.
  function applyTexts() {
    root.setAttribute('lang', locale);
    root.setAttribute('dir', 'ltr');
    launcherText.textContent = t.launcher;
    title.textContent = data.title || t.title;
    langButton.textContent = t.otherCode;
    langButton.setAttribute('lang', t.other);
    langButton.setAttribute('aria-label', t.otherName + ' (' + t.otherCode + ')');
    langButton.title = t.otherName;
    [[resetButton, t.reset], [closeButton, t.closeLabel], [photoButton, t.attach], [locateButton, t.locate]]
      .forEach(function (p) { p[0].setAttribute('aria-label', p[1]); p[0].title = p[1]; });
    log.setAttribute('aria-label', t.log);
    suggestions.setAttribute('aria-label', t.suggestions);
    input.setAttribute('aria-label', t.input);
    input.placeholder = t.placeholder;
    sendButton.textContent = t.send;
    renderBadge();
    renderPending();
  }

  // ---- rendering
  function timeOf(message) {
    if (typeof message.at !== 'number') { return null; }
    var d = new Date(message.at);
    var time = el('time', 'cg-time', { datetime: d.toISOString(),
      title: d.toLocaleString(locale, { dateStyle: 'full', timeStyle: 'short' }) });
    time.textContent = d.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
    var wrap = ownWords(el('span', 'cg-stamp'));
    wrap.appendChild(hiddenText(t.sentAt));
    wrap.appendChild(time);
    return wrap;
  }

  // A chart: the image described by its alt text, then its caption and the link to its numbers. If the image does
  // not load (offline, blocked), the alt text takes its place, so the figures are still there to read.
  function chartFigure(message) {
    var b = el('div', 'cg-msg cg-msg-chart', { dir: 'auto' });
    b.appendChild(ownWords(hiddenText(t.bot)));
    var figure = el('figure', 'cg-figure');
    var img = el('img', 'cg-chart-img', { src: safeUrl(message.svg), alt: message.alt, decoding: 'async' });
    img.addEventListener('error', function () {
      img.replaceWith(el('p', 'cg-chart-alt', null, message.alt));
      scrollToEnd();
    });
    img.addEventListener('load', scrollToEnd);
    figure.appendChild(img);
    var caption = el('figcaption', 'cg-caption');
    appendLinkified(caption, message.caption);
    caption.appendChild(document.createTextNode(' '));
    var csv = el('a', 'cg-link cg-csv', { href: safeUrl(message.csv), target: '_blank', rel: 'noopener noreferrer' }, t.csv);
    csv.appendChild(hiddenText(t.newTab));
    caption.appendChild(csv);
    figure.appendChild(caption);
    b.appendChild(figure);
    return b;
  }

  function bubble(message) {
    if (message.from === 'bot' && message.type === 'chart') { return chartFigure(message); }
    // dir="auto": a message in Arabic or Hebrew is laid out right to left inside the left-to-right widget.
    var b = el('div', 'cg-msg cg-msg-' + message.from, { dir: 'auto' });
    b.appendChild(ownWords(hiddenText(message.from === 'user' ? t.you : t.bot)));
    if (message.from === 'bot') { appendLinkified(b, message.text); } else { b.appendChild(document.createTextNode(message.text)); }
    var stamp = timeOf(message);
    if (stamp) { b.appendChild(stamp); }
    return b;
  }
  function scrollToEnd() { scroller.scrollTop = scroller.scrollHeight; }

  function renderSuggestions(replies) {
    suggestions.textContent = '';
    (replies || []).forEach(function (q) {
      if (!q || typeof q.title !== 'string' || typeof q.payload !== 'string') { return; }
      var button = el('button', 'cg-quick', { type: 'button', dir: 'auto' }, q.title);
      button.addEventListener('click', function () { send(q.payload, q.title); });
      suggestions.appendChild(button);
    });
    suggestions.hidden = !suggestions.firstChild;
  }

  function renderAll() {
    log.textContent = '';
    if (state.history.length === 0) {
      var welcome = bubble({ from: 'bot', text: t.welcome });
      welcome.classList.add('cg-welcome'); // local, not part of the stored conversation
      log.appendChild(welcome);
      renderSuggestions(t.examples.map(function (e) { return { title: e[0], payload: e[1] }; }));
    } else {
      state.history.forEach(function (m) {
        if (m && (m.type !== 'chart' || isChart(m))) { log.appendChild(bubble(m)); }
      });
      var lastMessage = state.history[state.history.length - 1];
      renderSuggestions(lastMessage.from === 'bot' ? lastMessage.quickReplies : null);
    }
    scrollToEnd();
  }

  function addMessage(message) {
    if (state.history.length === 0) { log.textContent = ''; } // the welcome text gives way to the real talk
    message.at = Date.now();
    state.history.push(message);
    if (message.from === 'bot' && panel.hidden) { state.unread = (state.unread || 0) + 1; }
    save();
    log.appendChild(bubble(message));
    scrollToEnd();
  }

  // The unread badge: the count on the launcher, its words for screen readers, and one announcement.
  function renderBadge() {
    var n = state.unread || 0;
    badge.textContent = n > 9 ? '9+' : String(n);
    badge.hidden = n === 0;
    var words = n === 0 ? '' : fill(t.unread[n === 1 ? 0 : 1], { n: n });
    badgeText.textContent = words ? ' (' + words + ')' : '';
    return words;
  }
  function announceUnread() {
    var words = renderBadge();
    if (words) { status.textContent = words; }
  }

  // ---- focus: after any action in the panel the focus stays in it (never on the page's <body>)
  function focusInput() {
    if (!panel.hidden) { input.focus({ preventScroll: true }); }
  }
  function focusLost() {
    var a = document.activeElement;
    return !a || a === document.body || a === document.documentElement || (a === host && !shadow.activeElement);
  }
  function keepFocus() {
    if (!panel.hidden && (focusLost() || (shadow.activeElement && !shadow.activeElement.isConnected))) { focusInput(); }
  }

  // ---- sending
  var busy = false, typing = null;
  function setBusy(on) {
    busy = on;
    sendButton.disabled = on;
    log.setAttribute('aria-busy', on ? 'true' : 'false');
    if (on && !typing) {
      typing = el('div', 'cg-msg cg-msg-bot cg-typing');
      typing.appendChild(hiddenText(t.typing));
      for (var i = 0; i < 3; i++) { typing.appendChild(el('span', 'cg-dot', { 'aria-hidden': 'true' })); }
      log.appendChild(typing);
      scrollToEnd();
    } else if (!on && typing) {
      typing.remove();
      typing = null;
    }
  }

  function showError(text, retry, retryAfterSeconds) {
    var box = el('div', 'cg-msg cg-error');
    box.appendChild(document.createTextNode(text));
    if (retry) {
      var again = el('button', 'cg-retry', { type: 'button' }, t.retry);
      again.addEventListener('click', function () { box.remove(); focusInput(); retry(); });
      if (retryAfterSeconds > 0) {
        again.disabled = true;
        setTimeout(function () { again.disabled = false; }, retryAfterSeconds * 1000);
      }
      box.appendChild(document.createTextNode(' '));
      box.appendChild(again);
    }
    log.appendChild(box);
    if (panel.hidden) { state.unread = (state.unread || 0) + 1; save(); announceUnread(); } // a notice counts too
    scrollToEnd();
  }

  function clearErrors() {
    Array.prototype.forEach.call(log.querySelectorAll('.cg-error'), function (e) { e.remove(); });
  }

  function httpError(response) {
    var error = new Error('HTTP ' + response.status);
    error.status = response.status;
    error.retryAfter = parseInt(response.headers.get('Retry-After'), 10);
    return error;
  }

  // A failed fetch says nothing of why. Offline: the browser knows. Online: an opaque ("no-cors") request to the
  // gateway succeeds when the gateway is up, so the refusal was this site's (CORS); else the gateway is down.
  function networkErrorText() {
    if (navigator.onLine === false) { return Promise.resolve(t.offline); }
    return fetch(apiBase + '/api/v1/ping', { mode: 'no-cors', credentials: 'omit', cache: 'no-store' })
      .then(function () { return t.blocked; }, function () { return t.unreachable; });
  }

  function upload(photo) {
    var body = new FormData();
    body.append('file', photo.file, photo.file.name || 'photo');
    body.append('conversationId', state.id);
    return fetch(apiBase + '/api/v1/attachments', { method: 'POST', body: body, credentials: 'omit' })
      .then(function (response) {
        if (response.ok) { return response.json(); }
        throw httpError(response);
      }).then(function (answer) {
        if (!answer || typeof answer.attachmentId !== 'string') { throw new Error('no attachmentId'); }
        photo.id = answer.attachmentId; // kept, so that "try again" does not upload the photo twice
        return photo.id;
      });
  }

  function post(request) {
    setBusy(true);
    var controller = window.AbortController ? new AbortController() : null;
    var timer = controller ? setTimeout(function () { controller.abort(); }, TIMEOUT_MS) : null;
    var retry = function () { post(request); };
    var attached = request.photo && !request.photo.id ? upload(request.photo) : Promise.resolve(request.photo && request.photo.id);
    attached.then(function (attachmentId) {
      var body = { conversationId: state.id, text: request.text, locale: locale };
      if (attachmentId) { body.attachmentId = attachmentId; }
      if (request.location) { body.location = request.location; }
      return fetch(apiBase + '/api/v1/chat', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        credentials: 'omit',
        signal: controller ? controller.signal : undefined
      });
    }).then(function (response) {
      if (response.ok) { return response.json(); }
      throw httpError(response);
    }).then(function (body) {
      setBusy(false);
      var messages = (body && body.messages) || [];
      messages.forEach(function (m, i) {
        // Only the last message's quick replies are offered: they answer the latest question.
        var replies = m && i === messages.length - 1 && Array.isArray(m.quickReplies) ? m.quickReplies : [];
        if (isChart(m)) {
          addMessage({ from: 'bot', type: 'chart', svg: safeUrl(m.svg), csv: safeUrl(m.csv), alt: m.alt,
            caption: m.caption, text: m.caption, quickReplies: replies });
          return;
        }
        if (!m || typeof m.text !== 'string') { return; }
        addMessage({ from: 'bot', text: m.text, quickReplies: replies });
      });
      renderSuggestions(messages.length ? messages[messages.length - 1].quickReplies : null);
      if (panel.hidden) { announceUnread(); }
      keepFocus();
    }).catch(function (error) {
      setBusy(false);
      var status = error.status || 0;
      if (status === 429) {
        var seconds = error.retryAfter > 0 ? error.retryAfter : 1;
        showError(fill(t.busy, { n: seconds }), retry, seconds);
      } else if (status === 413) {
        showError(request.photo && !request.photo.id ? t.tooBig : t.tooLong, null);
      } else if (status === 415) {
        showError(t.badType, null);
      } else if (status >= 400 && status < 500) {
        showError(t.refused, null);
      } else if (status >= 500) {
        showError(t.server, retry);
      } else if (status === 0 && error.name !== 'TypeError' && error.name !== 'AbortError') {
        showError(t.server, retry); // an answer that is not the API's JSON
      } else {
        return networkErrorText().then(function (text) { showError(text, retry); keepFocus(); });
      }
      keepFocus();
    }).then(function () { clearTimeout(timer); });
  }

  function send(text, shownAs) {
    text = (text || '').trim();
    var withPhoto = attachment.photo, withLocation = attachment.location;
    if ((!text && !withPhoto && !withLocation) || busy) { return; }
    if (text.length > MAX_TEXT) { showError(t.tooLong, null); return; }
    clearErrors();
    renderSuggestions(null);
    var shown = [shownAs || text, withPhoto ? t.photoSent : '', withLocation ? t.locationSent : '']
      .filter(Boolean).join(' ');
    addMessage({ from: 'user', text: shown });
    clearAttachment();
    focusInput();
    post({ text: text, photo: withPhoto, location: withLocation });
  }

  // ---- a photo or a position for the next message. Neither is stored in the browser: only sent when asked.
  var attachment = { photo: null, location: null, note: null };
  function clearAttachment() {
    if (attachment.photo) { URL.revokeObjectURL(attachment.photo.url); }
    attachment = { photo: null, location: null, note: null };
    renderPending();
  }
  function chip(content, removeLabel, onRemove) {
    var c = el('div', 'cg-chip');
    c.appendChild(content);
    var remove = el('button', 'cg-icon-button cg-remove', { type: 'button', 'aria-label': removeLabel, title: removeLabel }, '\u00d7');
    remove.addEventListener('click', function () { onRemove(); renderPending(); focusInput(); });
    c.appendChild(remove);
    return c;
  }
  function renderPending() {
    pending.textContent = '';
    if (attachment.photo) {
      var img = el('img', 'cg-preview', { src: attachment.photo.url, alt: t.photo });
      pending.appendChild(chip(img, t.removePhoto, function () {
        URL.revokeObjectURL(attachment.photo.url);
        attachment.photo = null;
      }));
    }
    if (attachment.location) {
      var where = el('span', 'cg-where', null, fill(t.located, {
        lat: attachment.location.latitude.toFixed(4), lon: attachment.location.longitude.toFixed(4) }));
      pending.appendChild(chip(where, t.removeLocation, function () { attachment.location = null; }));
    }
    if (attachment.note) { pending.appendChild(el('p', 'cg-note', null, t[attachment.note])); }
    pending.hidden = !pending.firstChild;
    scrollToEnd();
  }
  function pickPhoto() {
    var file = fileInput.files && fileInput.files[0];
    fileInput.value = '';
    if (!file) { return; }
    clearErrors();
    if (PHOTO_TYPES.indexOf(file.type) < 0) { showError(t.badType, null); focusInput(); return; }
    if (file.size > MAX_PHOTO) { showError(t.tooBig, null); focusInput(); return; }
    if (attachment.photo) { URL.revokeObjectURL(attachment.photo.url); }
    attachment.photo = { file: file, url: URL.createObjectURL(file), id: null };
    renderPending();
    focusInput();
  }
  function locate() {
    clearErrors();
    if (!navigator.geolocation) { showError(t.geoUnsupported, null); return; }
    // Said before the browser asks: why the position is wanted, and that it goes with the next message only.
    attachment.note = 'locateWhy';
    renderPending();
    locateButton.setAttribute('aria-busy', 'true');
    navigator.geolocation.getCurrentPosition(function (position) {
      locateButton.removeAttribute('aria-busy');
      attachment.note = null;
      attachment.location = {
        latitude: Math.round(position.coords.latitude * 1e6) / 1e6,
        longitude: Math.round(position.coords.longitude * 1e6) / 1e6
      };
      renderPending();
      keepFocus();
    }, function (error) {
      locateButton.removeAttribute('aria-busy');
      attachment.note = null;
      renderPending();
      showError(error && error.code === 1 ? t.geoDenied : t.geoFailed, null);
      keepFocus();
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  }

  // ---- opening and closing
  // A phone's full-screen panel covers the page: it is then modal, and Tab stays inside it.
  var covering = window.matchMedia ? window.matchMedia('(max-width: 480px), (max-height: 420px)') : { matches: false };
  function syncModal() { panel.setAttribute('aria-modal', covering.matches ? 'true' : 'false'); }
  function open(moveFocus) {
    if (!panel.hidden) { return; }
    panel.hidden = false;
    root.classList.add('cg-open');
    fit();
    launcher.setAttribute('aria-expanded', 'true');
    syncModal();
    state.unread = 0;
    save();
    renderBadge();
    status.textContent = '';
    writeJson('sessionStorage', STORE_KEY + ':open', true);
    scrollToEnd();
    if (moveFocus !== false) { input.focus(); }
  }
  function close(returnFocus) {
    if (panel.hidden) { return; }
    panel.hidden = true;
    root.classList.remove('cg-open');
    launcher.setAttribute('aria-expanded', 'false');
    writeJson('sessionStorage', STORE_KEY + ':open', false);
    if (returnFocus !== false) { launcher.focus(); }
  }
  function reset() {
    state = { id: newConversationId(), history: [], locale: state.locale };
    save();
    clearErrors();
    clearAttachment();
    renderAll();
    focusInput();
  }
  function switchLanguage() {
    locale = t.other;
    t = TEXTS[locale];
    state.locale = locale;
    save();
    applyTexts();
    renderAll();
    langButton.focus();
  }

  function focusables() {
    return Array.prototype.filter.call(panel.querySelectorAll('button, input:not([type=file]), a[href], [tabindex="0"]'), function (e) {
      return !e.disabled && e.getClientRects().length > 0;
    });
  }

  launcher.addEventListener('click', function () { if (panel.hidden) { open(true); } else { close(); } });
  closeButton.addEventListener('click', function () { close(); });
  resetButton.addEventListener('click', reset);
  langButton.addEventListener('click', switchLanguage);
  photoButton.addEventListener('click', function () { fileInput.click(); });
  fileInput.addEventListener('change', pickPhoto);
  locateButton.addEventListener('click', locate);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value;
    if ((!text.trim() && !attachment.photo && !attachment.location) || busy) { focusInput(); return; }
    input.value = '';
    send(text);
  });
  root.addEventListener('keydown', function (event) {
    if (panel.hidden) { return; }
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Tab' && covering.matches) {
      var all = focusables(), first = all[0], last = all[all.length - 1], at = shadow.activeElement;
      if (event.shiftKey && (at === first || !panel.contains(at))) { event.preventDefault(); last.focus(); }
      else if (!event.shiftKey && (at === last || !panel.contains(at))) { event.preventDefault(); first.focus(); }
    }
  });
  // Escape closes even when the focus was lost to the page's <body> (a removed button, a click on the page).
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && !panel.hidden && focusLost()) { close(); }
  });
  if (covering.addEventListener) { covering.addEventListener('change', syncModal); }

  // ---- the visible screen: a page wider than a phone's screen widens the box that position:fixed is relative to,
  // so the launcher and the full-screen panel are placed from the visual viewport (what the screen shows) instead.
  var probe = el('div', 'cg-probe', { 'aria-hidden': 'true' });
  function fit() {
    var v = window.visualViewport, box = probe.getBoundingClientRect(), px = function (n) { return Math.max(0, n) + 'px'; };
    if (!v || !box.width) { return; }
    // In a right-to-left page that box may start left of the screen: gaps are measured from its edges.
    var set = { x: v.offsetLeft - box.left, y: v.offsetTop - box.top, w: v.width, h: v.height,
      r: box.right - v.offsetLeft - v.width, b: box.bottom - v.offsetTop - v.height };
    Object.keys(set).forEach(function (k) { root.style.setProperty('--_v' + k, px(set[k])); });
  }
  var fitting = 0;
  function fitSoon() { if (!fitting) { fitting = requestAnimationFrame(function () { fitting = 0; fit(); }); } }
  if (window.visualViewport) {
    window.visualViewport.addEventListener('resize', fitSoon);
    window.visualViewport.addEventListener('scroll', fitSoon);
  }
  window.addEventListener('resize', fitSoon);

  // ---- start: the stylesheet comes from the same place as this script, into the shadow root
  function mount() {
    var css = el('link', null, { rel: 'stylesheet', href: new URL('widget.css', scriptUrl).href });
    var reveal = function () { root.style.visibility = ''; fit(); };
    css.addEventListener('load', reveal);
    css.addEventListener('error', reveal);
    shadow.appendChild(css);
    shadow.appendChild(root);
    shadow.appendChild(probe);
    document.body.appendChild(host);
    fit();
    applyTexts();
    renderAll();
    // Reopened as it was in this tab, without taking the focus away from the page being loaded.
    if (readJson('sessionStorage', STORE_KEY + ':open') === true) { open(false); }
  }
  if (document.body) { mount(); } else { document.addEventListener('DOMContentLoaded', mount); }

  /** The only global: lets the host page drive the widget (e.g. a "Ask a question" link on the page). */
  window.CivicGateway = {
    open: function () { open(true); },
    close: function () { close(); },
    send: function (text) { open(true); send(String(text)); },
    reset: reset,
    get locale() { return locale; }
  };
})();

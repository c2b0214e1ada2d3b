/*!
 * civic-gateway chat widget. Embed with one line:
 *   <script src="https://GATEWAY/widget.js" data-locale="fr" defer></script>
 * Options (data-attributes of that script tag): data-api (API base, default the script's own origin),
 * data-locale ("fr" | "en", default the page's <html lang>, then the browser's language),
 * data-title (the panel's title), data-position ("right" | "left").
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
  var STORE_KEY = 'civicGateway.v1:' + apiBase;

  var TEXTS = {
    fr: {
      launcher: 'Une question ?',
      closeLabel: 'Fermer la discussion', title: 'Vos d\u00e9put\u00e9s', reset: 'Nouvelle conversation',
      log: 'Conversation', input: 'Votre question', placeholder: 'Posez votre question\u2026', send: 'Envoyer',
      you: 'Vous : ', bot: 'Assistant : ', typing: 'L\u2019assistant \u00e9crit\u2026', suggestions: 'Suggestions',
      newTab: ' (nouvel onglet)', retry: 'R\u00e9essayer', csv: 'Les chiffres (CSV)',
      welcome: 'Bonjour ! Je r\u00e9ponds \u00e0 vos questions sur les d\u00e9put\u00e9s et les votes de l\u2019Assembl\u00e9e nationale, ' +
        '\u00e0 partir de ses donn\u00e9es ouvertes.',
      examples: [['Qui est mon d\u00e9put\u00e9 ?', 'Qui est mon d\u00e9put\u00e9 ?'], ['R\u00e9sultat du scrutin 3876', 'R\u00e9sultat du scrutin 3876'],
        ['Votes r\u00e9cents', 'Qu\u2019est-ce qui a \u00e9t\u00e9 vot\u00e9 r\u00e9cemment ?']],
      offline: 'Impossible de joindre le service. V\u00e9rifiez votre connexion, puis r\u00e9essayez.',
      busy: 'Vous \u00e9crivez un peu vite ! Vous pourrez r\u00e9essayer dans {n} s.',
      server: 'Le service rencontre un probl\u00e8me passager. R\u00e9essayez dans un instant.',
      tooLong: 'Ce message est trop long : 4 096 caract\u00e8res au plus.',
      refused: 'Ce message n\u2019a pas pu \u00eatre trait\u00e9. Reformulez-le, s\u2019il vous pla\u00eet.'
    },
    en: {
      launcher: 'Any question?',
      closeLabel: 'Close the chat', title: 'Your MPs', reset: 'New conversation',
      log: 'Conversation', input: 'Your question', placeholder: 'Ask your question\u2026', send: 'Send',
      you: 'You: ', bot: 'Assistant: ', typing: 'The assistant is typing\u2026', suggestions: 'Suggestions',
      newTab: ' (new tab)', retry: 'Try again', csv: 'The figures (CSV)',
      welcome: 'Hello! I answer your questions about the deputies and votes of the French Assembl\u00e9e nationale, ' +
        'from its open data.',
      examples: [['Who is my MP?', 'Who is my deputy?'], ['Result of scrutin 3876', 'Result of scrutin 3876'],
        ['Recent votes', 'What was voted recently?']],
      offline: 'The service cannot be reached. Check your connection, then try again.',
      busy: 'You are typing a little fast! You can try again in {n} s.',
      server: 'The service has a temporary problem. Please try again in a moment.',
      tooLong: 'This message is too long: 4,096 characters at most.',
      refused: 'This message could not be processed. Please rephrase it.'
    }
  };

  function pickLocale() {
    var candidates = [data.locale, document.documentElement.lang, navigator.language];
    for (var i = 0; i < candidates.length; i++) {
      var c = (candidates[i] || '').toLowerCase().slice(0, 2);
      if (c === 'fr' || c === 'en') { return c; }
    }
    return 'fr';
  }
  var locale = pickLocale();
  var t = TEXTS[locale];

  // ---- storage: the conversation id and the visible history survive page loads (localStorage), the open
  // state survives only within the tab (sessionStorage). Storage may be blocked (privacy mode): then the widget
  // still works, it simply forgets on reload.
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
  function bubbleIcon() {
    var ns = 'http://www.w3.org/2000/svg', svg = document.createElementNS(ns, 'svg'), path = document.createElementNS(ns, 'path');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('class', 'cg-launcher-icon');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H10l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z');
    svg.appendChild(path);
    return svg;
  }

  // URLs in replies become links; trailing punctuation of the sentence stays outside the link.
  var URL_RE = /https?:\/\/[^\s<>"'\u00ab\u00bb]+/g;
  function appendLinkified(parent, text) {
    var last = 0, m;
    URL_RE.lastIndex = 0;
    while ((m = URL_RE.exec(text)) !== null) {
      var url = m[0].replace(/[.,;:!?)\]]+$/, '');
      if (m.index > last) { parent.appendChild(document.createTextNode(text.slice(last, m.index))); }
      var a = el('a', 'cg-link', { href: url, target: '_blank', rel: 'noopener noreferrer' }, url);
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

  // ---- the widget's DOM
  var root = el('div', 'cg-root cg-' + (data.position === 'left' ? 'left' : 'right'), { lang: locale });
  root.style.visibility = 'hidden'; // until widget.css is loaded, so the host page never sees it unstyled
  // The visible text is the button's accessible name (WCAG "label in name"); aria-expanded tells open or closed.
  var launcher = el('button', 'cg-launcher', { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'cg-panel' });
  launcher.appendChild(bubbleIcon());
  launcher.appendChild(el('span', 'cg-launcher-text', null, t.launcher));

  var panel = el('section', 'cg-panel', { id: 'cg-panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'cg-title' });
  panel.hidden = true;
  var header = el('div', 'cg-header');
  header.appendChild(el('h2', 'cg-title', { id: 'cg-title' }, data.title || t.title));
  var resetButton = el('button', 'cg-icon-button cg-reset', { type: 'button', 'aria-label': t.reset, title: t.reset }, '\u21ba');
  var closeButton = el('button', 'cg-icon-button cg-close', { type: 'button', 'aria-label': t.closeLabel, title: t.closeLabel }, '\u00d7');
  header.appendChild(resetButton);
  header.appendChild(closeButton);

  var scroller = el('div', 'cg-scroller');
  var log = el('div', 'cg-log', { role: 'log', 'aria-live': 'polite', 'aria-label': t.log });
  var suggestions = el('div', 'cg-suggestions', { role: 'group', 'aria-label': t.suggestions });
  scroller.appendChild(log);
  scroller.appendChild(suggestions);

  var form = el('form', 'cg-form', { novalidate: '' });
  var input = el('input', 'cg-input', {
    type: 'text', 'aria-label': t.input, placeholder: t.placeholder, maxlength: String(MAX_TEXT), autocomplete: 'off',
    enterkeyhint: 'send'
  });
  var sendButton = el('button', 'cg-send', { type: 'submit' }, t.send);
  form.appendChild(input);
  form.appendChild(sendButton);

  panel.appendChild(header);
  panel.appendChild(scroller);
  panel.appendChild(form);
  root.appendChild(panel);
  root.appendChild(launcher);

  // ---- rendering
  // A chart: the image described by its alt text, then its caption and the link to its numbers. If the image does
  // not load (offline, blocked), the alt text takes its place, so the figures are still there to read.
  function chartFigure(message) {
    var b = el('div', 'cg-msg cg-msg-chart');
    b.appendChild(hiddenText(t.bot));
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
    var b = el('div', 'cg-msg cg-msg-' + message.from);
    b.appendChild(hiddenText(message.from === 'user' ? t.you : t.bot));
    if (message.from === 'bot') { appendLinkified(b, message.text); } else { b.appendChild(document.createTextNode(message.text)); }
    return b;
  }
  function scrollToEnd() { scroller.scrollTop = scroller.scrollHeight; }

  function renderSuggestions(replies) {
    suggestions.textContent = '';
    (replies || []).forEach(function (q) {
      if (!q || typeof q.title !== 'string' || typeof q.payload !== 'string') { return; }
      var button = el('button', 'cg-quick', { type: 'button' }, q.title);
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
    state.history.push(message);
    save();
    log.appendChild(bubble(message));
    scrollToEnd();
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
      again.addEventListener('click', function () { box.remove(); retry(); });
      if (retryAfterSeconds > 0) {
        again.disabled = true;
        setTimeout(function () { again.disabled = false; }, retryAfterSeconds * 1000);
      }
      box.appendChild(document.createTextNode(' '));
      box.appendChild(again);
    }
    log.appendChild(box);
    scrollToEnd();
  }

  function clearErrors() {
    Array.prototype.forEach.call(log.querySelectorAll('.cg-error'), function (e) { e.remove(); });
  }

  function post(text) {
    setBusy(true);
    var controller = window.AbortController ? new AbortController() : null;
    var timer = controller ? setTimeout(function () { controller.abort(); }, TIMEOUT_MS) : null;
    var retry = function () { post(text); };
    fetch(apiBase + '/api/v1/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ conversationId: state.id, text: text, locale: locale }),
      credentials: 'omit',
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      if (response.ok) { return response.json(); }
      var error = new Error('HTTP ' + response.status);
      error.status = response.status;
      error.retryAfter = parseInt(response.headers.get('Retry-After'), 10);
      throw error;
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
    }).catch(function (error) {
      setBusy(false);
      var status = error.status || 0;
      if (status === 429) {
        var seconds = error.retryAfter > 0 ? error.retryAfter : 1;
        showError(t.busy.replace('{n}', String(seconds)), retry, seconds);
      } else if (status === 413) {
        showError(t.tooLong, null);
      } else if (status >= 400 && status < 500) {
        showError(t.refused, null);
      } else if (status >= 500) {
        showError(t.server, retry);
      } else {
        showError(t.offline, retry); // fetch failed: offline, timeout, or this origin is not allowed (CORS)
      }
    }).then(function () { clearTimeout(timer); });
  }

  function send(text, shownAs) {
    text = (text || '').trim();
    if (!text || busy) { return; }
    if (text.length > MAX_TEXT) { showError(t.tooLong, null); return; }
    clearErrors();
    renderSuggestions(null);
    addMessage({ from: 'user', text: shownAs || text });
    post(text);
  }

  // ---- opening and closing
  function open(moveFocus) {
    if (!panel.hidden) { return; }
    panel.hidden = false;
    root.classList.add('cg-open');
    launcher.setAttribute('aria-expanded', 'true');
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
    state = { id: newConversationId(), history: [] };
    save();
    clearErrors();
    renderAll();
    input.focus();
  }

  launcher.addEventListener('click', function () { if (panel.hidden) { open(true); } else { close(); } });
  closeButton.addEventListener('click', function () { close(); });
  resetButton.addEventListener('click', reset);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value;
    if (!text.trim() || busy) { return; }
    input.value = '';
    send(text);
  });
  root.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && !panel.hidden) {
      event.preventDefault();
      close();
    }
  });

  // ---- start: the stylesheet comes from the same place as this script
  function mount() {
    var css = el('link', null, { rel: 'stylesheet', href: new URL('widget.css', scriptUrl).href });
    var reveal = function () { root.style.visibility = ''; };
    css.addEventListener('load', reveal);
    css.addEventListener('error', reveal);
    document.head.appendChild(css);
    document.body.appendChild(root);
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
    locale: locale
  };
})();

// The demo page's own script (a file, not inline: the page's Content-Security-Policy allows 'self' only).
// Show the snippet with this gateway's real address, so it can be copied as it is.
document.getElementById('snippet').textContent =
  '<script src="' + location.origin + '/widget.js" data-locale="fr" defer></' + 'script>';

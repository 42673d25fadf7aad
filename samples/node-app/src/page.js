'use strict';

/** Escapes text for use inside HTML. */
function escapeHtml(text) {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The greeting shown on the home page. */
function greeting(name) {
  const who = typeof name === 'string' && name.trim() !== '' ? name.trim() : 'world';
  return `Hello, ${who}!`;
}

/** The whole home page. */
function renderPage({ name, version, builtAt }) {
  return `<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="UTF-8">
    <title>${escapeHtml(greeting(name))}</title>
</head>
<body>
    <h1>${escapeHtml(greeting(name))}</h1>
    <p>Built by CodeBuild after the unit tests passed.</p>
    <p id="version">Version: ${escapeHtml(version)} (${escapeHtml(builtAt)})</p>
</body>
</html>
`;
}

/** The page S3 shows for a missing key. */
function renderErrorPage() {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="UTF-8"><title>Page not found</title></head>
<body><h1>Page not found</h1><p><a href="/index.html">Home</a></p></body>
</html>
`;
}

module.exports = { escapeHtml, greeting, renderPage, renderErrorPage };

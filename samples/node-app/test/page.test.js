'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { escapeHtml, greeting, renderPage, renderErrorPage } = require('../src/page');

test('greeting names the visitor', () => {
  assert.equal(greeting('Ada'), 'Hello, Ada!');
});

test('greeting falls back to world for a missing or blank name', () => {
  assert.equal(greeting(undefined), 'Hello, world!');
  assert.equal(greeting('   '), 'Hello, world!');
});

test('escapeHtml neutralises markup', () => {
  assert.equal(escapeHtml('<script>"x" & \'y\'</script>'), '&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;');
});

test('renderPage shows the greeting and the version, escaped', () => {
  const html = renderPage({ name: '<b>Ada</b>', version: '1.2.3', builtAt: '2025-01-01T00:00:00Z' });
  assert.match(html, /<h1>Hello, &lt;b&gt;Ada&lt;\/b&gt;!<\/h1>/);
  assert.match(html, /Version: 1\.2\.3/);
  assert.ok(html.startsWith('<!DOCTYPE html>'));
});

test('renderErrorPage links back home', () => {
  assert.match(renderErrorPage(), /href="\/index.html"/);
});

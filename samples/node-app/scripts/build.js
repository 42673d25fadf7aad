'use strict';

// Writes the site into dist/, the folder the buildspec packages as the artifact.
const fs = require('node:fs');
const path = require('node:path');
const { renderPage, renderErrorPage } = require('../src/page');
const { version } = require('../package.json');

const dist = path.join(__dirname, '..', 'dist');
fs.rmSync(dist, { recursive: true, force: true });
fs.mkdirSync(dist, { recursive: true });
const builtAt = new Date().toISOString();
fs.writeFileSync(path.join(dist, 'index.html'), renderPage({ name: process.env.SITE_NAME, version, builtAt }));
fs.writeFileSync(path.join(dist, 'error.html'), renderErrorPage());
console.log(`Wrote ${dist}/index.html and error.html (version ${version})`);

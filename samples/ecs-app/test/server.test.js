'use strict';

const test = require('node:test');
const assert = require('node:assert');
const http = require('node:http');
const { handle } = require('../server.js');

function get(server, path) {
  return new Promise((resolve, reject) => {
    const { port } = server.address();
    http.get({ host: '127.0.0.1', port, path }, (response) => {
      let body = '';
      response.on('data', (chunk) => { body += chunk; });
      response.on('end', () => resolve({ status: response.statusCode, body }));
    }).on('error', reject);
  });
}

test('the service greets, answers its health check, and 404s the rest', async () => {
  const server = http.createServer(handle).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const root = await get(server, '/');
    assert.strictEqual(root.status, 200);
    assert.strictEqual(JSON.parse(root.body).message, 'Hello from Amazon ECS');
    assert.strictEqual((await get(server, '/health')).body, 'ok\n');
    assert.strictEqual((await get(server, '/missing')).status, 404);
  } finally {
    server.close();
  }
});

// A tiny HTTP service for pipectl's ECS sample: no npm dependencies, listens on PORT (default 8080).
// GET / answers a greeting with the running image's commit; GET /health answers "ok" for the load balancer.
'use strict';

const http = require('node:http');

function handle(request, response) {
  if (request.url === '/health') {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end('ok\n');
    return;
  }

  if (request.url === '/') {
    const version = process.env.APP_VERSION || 'dev';
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ message: 'Hello from Amazon ECS', version }) + '\n');
    return;
  }

  response.writeHead(404, { 'content-type': 'text/plain' });
  response.end('not found\n');
}

if (require.main === module) {
  const port = Number(process.env.PORT || 8080);
  http.createServer(handle).listen(port, () => console.log(`listening on ${port}`));
}

module.exports = { handle };

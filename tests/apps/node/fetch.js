// Node.js fetch (undici) to a local HTTP server on 127.0.0.1: several requests,
// one with a 1 MiB body each way, over keep-alive connections.  Prints OK.
'use strict';
const http = require('http');

const timer = setTimeout(() => { console.log('FAILED: timeout'); process.exit(1); }, 60000);

async function main() {
    const { answer, checkHttp } = await import('../lib/http_check.mjs');
    const server = http.createServer((req, res) => {
        const chunks = [];
        req.on('data', (d) => chunks.push(d));
        req.on('end', async () => res.end(await answer(req.method, req.url, () => Buffer.concat(chunks))));
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = server.address().port;
    const n = await checkHttp(`http://127.0.0.1:${port}`);
    console.log(`fetch: ${n} requests via port ${port}`);
    server.close();
    server.closeAllConnections();
}
main()
    .then(() => { clearTimeout(timer); console.log('OK'); })
    .catch((e) => { console.log(`FAILED: ${e.message} ${e.cause ? e.cause.message || e.cause : ''}`); process.exit(1); });

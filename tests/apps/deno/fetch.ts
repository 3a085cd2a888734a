// Deno fetch to a local HTTP server (Deno.serve on 127.0.0.1): several GETs and a
// 1 MiB POST echoed back.  Prints OK.
import { answer, checkHttp } from '../lib/http_check.mjs';

const timer = setTimeout(() => { console.log('FAILED: timeout'); Deno.exit(1); }, 60000);

const ac = new AbortController();
const server = Deno.serve({ hostname: '127.0.0.1', port: 0, signal: ac.signal, onListen() {} }, async (req) =>
    new Response(await answer(req.method, new URL(req.url).pathname, () => req.arrayBuffer())));
const port = server.addr.port;
try {
    const n = await checkHttp(`http://127.0.0.1:${port}`);
    console.log(`fetch: ${n} requests via port ${port}`);
} catch (e) {
    console.log(`FAILED: ${e.message}`);
    Deno.exit(1);
}
ac.abort();
await server.finished;
clearTimeout(timer);
console.log('OK');

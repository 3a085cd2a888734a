// Bun HTTP server (Bun.serve on 127.0.0.1) and fetch to it: several GETs and a
// 1 MiB POST echoed back.  Prints OK.
import { answer, checkHttp } from '../lib/http_check.mjs';

const timer = setTimeout(() => { console.log('FAILED: timeout'); process.exit(1); }, 60000);

const server = Bun.serve({
    hostname: '127.0.0.1',
    port: 0,
    async fetch(req) {
        return new Response(await answer(req.method, new URL(req.url).pathname, () => req.arrayBuffer()));
    },
});
try {
    const n = await checkHttp(`http://127.0.0.1:${server.port}`);
    console.log(`http: ${n} requests via port ${server.port}`);
} catch (e) {
    console.log(`FAILED: ${e.message}`);
    process.exit(1);
}
server.stop(true);
clearTimeout(timer);
console.log('OK');

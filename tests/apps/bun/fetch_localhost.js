// Bun fetch("http://localhost:PORT") with the server on 127.0.0.1 only: localhost
// resolves to ::1 and 127.0.0.1; the connect to ::1 must fail (nothing listens
// there) so that the client goes on to 127.0.0.1.  Prints OK.
const timer = setTimeout(() => { console.log('FAILED: timeout'); process.exit(1); }, 30000);

const server = Bun.serve({
    hostname: '127.0.0.1',
    port: 0,
    fetch() { return new Response('hello localhost'); },
});
try {
    const r = await fetch(`http://localhost:${server.port}/`);
    const text = await r.text();
    if (text !== 'hello localhost') throw new Error(`got ${r.status} ${text}`);
} catch (e) {
    console.log(`FAILED: ${e.message}`);
    process.exit(1);
}
console.log(`fetch localhost via port ${server.port}`);
server.stop(true);
clearTimeout(timer);
console.log('OK');

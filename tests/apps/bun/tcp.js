// Bun TCP echo on loopback (Bun.listen / Bun.connect): three clients each send a
// message of a different size (up to 1 MiB) and check the echo.  Prints OK.
const sizes = [5, 65536, 1 << 20];
const timer = setTimeout(() => { console.log('FAILED: timeout'); process.exit(1); }, 60000);

// The echo keeps what the peer's window did not take and sends it on drain.
const pending = new Map();
function push(sock, data) {
    const rest = pending.get(sock);
    const buf = rest ? Buffer.concat([rest, data]) : Buffer.from(data);
    const n = sock.write(buf);
    if (n < buf.length) pending.set(sock, buf.subarray(n)); else pending.delete(sock);
}
const server = Bun.listen({
    hostname: '127.0.0.1',
    port: 0,
    socket: {
        data(sock, data) { push(sock, data); },
        drain(sock) { push(sock, Buffer.alloc(0)); },
    },
});

function client(i) {
    const want = Buffer.alloc(sizes[i], i + 1);
    const chunks = [];
    let got = 0, sent = 0;
    return new Promise((resolve, reject) => {
        const feed = (sock) => { if (sent < want.length) sent += sock.write(want.subarray(sent)); };
        Bun.connect({
            hostname: '127.0.0.1',
            port: server.port,
            socket: {
                open: feed,
                drain: feed,
                data(sock, data) {
                    chunks.push(Buffer.from(data));
                    got += data.length;
                    if (got < want.length) return;
                    sock.end();
                    if (Buffer.concat(chunks).equals(want)) resolve();
                    else reject(new Error(`client ${i}: echo differs`));
                },
                error(sock, e) { reject(e); },
                connectError(sock, e) { reject(e); },
            },
        }).catch(reject);
    });
}

try {
    await Promise.all(sizes.map((_, i) => client(i)));
} catch (e) {
    console.log(`FAILED: ${e.message}`);
    process.exit(1);
}
console.log(`tcp echo: ${sizes.length} connections via port ${server.port}`);
server.stop(true);
clearTimeout(timer);
console.log('OK');

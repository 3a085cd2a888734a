// Deno TCP echo on loopback (Deno.listen / Deno.connect): three clients each
// send a message of a different size (up to 1 MiB) and check the echo.  Prints OK.
const sizes = [5, 65536, 1 << 20];
const timer = setTimeout(() => { console.log('FAILED: timeout'); Deno.exit(1); }, 60000);

const listener = Deno.listen({ hostname: '127.0.0.1', port: 0 });
const port = (listener.addr as Deno.NetAddr).port;
(async () => {
    for await (const conn of listener) conn.readable.pipeTo(conn.writable).catch(() => {});
})().catch(() => {});

async function client(i: number) {
    const want = new Uint8Array(sizes[i]).fill(i + 1);
    const conn = await Deno.connect({ hostname: '127.0.0.1', port });
    const writer = (async () => {
        const w = conn.writable.getWriter();
        await w.write(want);
        w.releaseLock();
    })();
    let got = 0;
    const buf = new Uint8Array(65536);
    while (got < want.length) {
        const n = await conn.read(buf);
        if (n === null) throw new Error(`client ${i}: end of stream after ${got} bytes`);
        if (!buf.subarray(0, n).every((b) => b === i + 1)) throw new Error(`client ${i}: echo differs`);
        got += n;
    }
    await writer;
    conn.close();
}

try {
    await Promise.all(sizes.map((_, i) => client(i)));
} catch (e) {
    console.log(`FAILED: ${e.message}`);
    Deno.exit(1);
}
console.log(`tcp echo: ${sizes.length} connections via port ${port}`);
listener.close();
clearTimeout(timer);
console.log('OK');

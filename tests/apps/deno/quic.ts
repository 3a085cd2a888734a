// Deno QUIC (quinn over quinn-udp: WSASendMsg / WSARecvMsg with ECN, PKTINFO, GSO, GRO):
// a server on [::1], then one on 127.0.0.1, echoes streams and datagrams; the client
// handshakes, runs several bidirectional streams at once and one of 8 MiB, exchanges
// datagrams and closes cleanly.  Arguments: the server's certificate and key
// (PEM).  Prints OK.
const [certPath, keyPath] = Deno.args;
const timer = setTimeout(() => { console.log('FAILED: timeout'); Deno.exit(1); }, 90000);
const cert = Deno.readTextFileSync(certPath);
const key = Deno.readTextFileSync(keyPath);
const ALPN = ['msgsock-echo'];
const STREAMS = 6, STREAM_SIZE = 256 << 10, BIG = 8 << 20, DATAGRAMS = 8;

function pattern(size: number, seed: number): Uint8Array {
    const data = new Uint8Array(size);
    for (let i = 0; i < size; i++) data[i] = (i * 7 + seed) & 0xff;
    return data;
}

// The server: every bidirectional stream echoed, every datagram sent back.
async function serve(conn: Deno.QuicConn): Promise<Deno.QuicCloseInfo> {
    (async () => {
        for await (const stream of conn.incomingBidirectionalStreams)
            stream.readable.pipeTo(stream.writable).catch(() => {});
    })().catch(() => {});
    (async () => {
        for (;;) await conn.sendDatagram(await conn.readDatagram());
    })().catch(() => {});
    return await conn.closed;
}

// One stream: writes `data` and its end, reads the echo to its end and compares.
async function echo(conn: Deno.QuicConn, data: Uint8Array, name: string) {
    const stream = await conn.createBidirectionalStream();
    const writing = (async () => {
        const w = stream.writable.getWriter();
        for (let at = 0; at < data.length; at += 64 << 10) await w.write(data.subarray(at, at + (64 << 10)));
        await w.close();
    })();
    let got = 0;
    for await (const chunk of stream.readable) {
        for (let i = 0; i < chunk.length; i++)
            if (chunk[i] !== data[got + i]) throw new Error(`${name}: byte ${got + i} differs`);
        got += chunk.length;
    }
    await writing;
    if (got !== data.length) throw new Error(`${name}: ${got} of ${data.length} bytes came back`);
}

// Datagrams are unreliable: each is sent again until its echo arrives (loopback loses none).
async function datagrams(conn: Deno.QuicConn) {
    for (let i = 0; i < DATAGRAMS; i++) {
        const data = pattern(100 + i * 100, i);
        let back: Uint8Array | null = null;
        for (let tries = 0; !back && tries < 5; tries++) {
            await conn.sendDatagram(data);
            back = await Promise.race([conn.readDatagram(),
                new Promise<null>((resolve) => setTimeout(() => resolve(null), 1000))]);
        }
        if (!back || back.length !== data.length || !back.every((b, j) => b === data[j]))
            throw new Error(`datagram ${i}: ${back ? back.length + ' bytes' : 'no echo'}`);
    }
}

// One server endpoint on `host` and a client connection to it, through the whole exchange.
async function session(host: string, clientEndpoint?: Deno.QuicEndpoint) {
    const server = new Deno.QuicEndpoint({ hostname: host, port: 0 });
    const listener = server.listen({ cert, key, alpnProtocols: ALPN });
    const port = server.addr.port;
    const served = listener.accept().then(serve);
    const conn = await Deno.connectQuic({ hostname: host, port, serverName: 'localhost', caCerts: [cert],
                                          alpnProtocols: ALPN, endpoint: clientEndpoint });
    await conn.handshake;
    const where = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
    console.log(`quic ${where}: connected, protocol ${conn.protocol}`);
    await Promise.all(Array.from({ length: STREAMS }, (_, i) => echo(conn, pattern(STREAM_SIZE, i), `stream ${i}`)));
    console.log(`quic ${where}: ${STREAMS} bidirectional streams of ${STREAM_SIZE} bytes echoed`);
    const started = performance.now();
    await echo(conn, pattern(BIG, 99), 'big stream');
    console.log(`quic ${where}: ${BIG} bytes each way in ${((performance.now() - started) / 1000).toFixed(2)}s`);
    await datagrams(conn);
    console.log(`quic ${where}: ${DATAGRAMS} datagrams echoed (max size ${conn.maxDatagramSize})`);
    conn.close({ closeCode: 7, reason: 'done' });
    const info = await served;
    if (info.closeCode !== 7 || info.reason !== 'done') throw new Error(`server saw close ${info.closeCode} ${info.reason}`);
    console.log(`quic ${where}: closed cleanly (code 7, "done")`);
    conn.endpoint.close();
    listener.stop();
    server.close();
}

try {
    // Deno's own client endpoint is [::]:0, IPv6-only as every AF_INET6 socket on Windows
    // (IPV6_V6ONLY "nonzero (the default on Windows)"): it reaches [::1], not 127.0.0.1.
    await session('::1');
    // IPv4 (IP_ECN, IP_PKTINFO): a client endpoint of that family.
    await session('127.0.0.1', new Deno.QuicEndpoint({ hostname: '127.0.0.1', port: 0 }));
} catch (e) {
    console.log(`FAILED: ${e.message}`);
    Deno.exit(1);
}
clearTimeout(timer);
console.log('OK');

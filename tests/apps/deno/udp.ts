// Deno UDP echo on loopback (Deno.listenDatagram, --unstable-net): a server
// socket echoes each datagram, a client sends datagrams of several sizes and
// checks every echo.  Prints OK.
const sizes = [1, 100, 1200, 8000, 60000];
const timer = setTimeout(() => { console.log('FAILED: timeout'); Deno.exit(1); }, 30000);

const server = Deno.listenDatagram({ transport: 'udp', hostname: '127.0.0.1', port: 0 });
const client = Deno.listenDatagram({ transport: 'udp', hostname: '127.0.0.1', port: 0 });
const serverAddr = server.addr as Deno.NetAddr;
(async () => {
    for await (const [data, from] of server) await server.send(data, from);
})().catch(() => {});

for (let i = 0; i < sizes.length; i++) {
    const want = new Uint8Array(sizes[i]).fill(i + 1);
    await client.send(want, serverAddr);
    const [got] = await client.receive(new Uint8Array(65536));
    if (got.length !== want.length || !got.every((b) => b === i + 1)) {
        console.log(`FAILED: echo ${i} has ${got.length} bytes, want ${want.length}`);
        Deno.exit(1);
    }
}
console.log(`udp echo: ${sizes.length} datagrams via port ${serverAddr.port}`);
client.close();
server.close();
clearTimeout(timer);
console.log('OK');

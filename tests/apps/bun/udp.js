// Bun UDP echo on loopback (Bun.udpSocket): a server socket echoes each datagram,
// a client sends datagrams of several sizes and checks every echo.  Prints OK.
const sizes = [1, 100, 1200, 8000, 60000];
const timer = setTimeout(() => { console.log('FAILED: timeout'); process.exit(1); }, 30000);

const server = await Bun.udpSocket({
    hostname: '127.0.0.1',
    socket: { data(sock, buf, port, addr) { sock.send(buf, port, addr); } },
});
let next = 0;
let finish;
const done = new Promise((resolve) => { finish = resolve; });
const client = await Bun.udpSocket({
    hostname: '127.0.0.1',
    socket: {
        data(sock, buf) {
            const want = Buffer.alloc(sizes[next], next + 1);
            if (!Buffer.from(buf).equals(want)) {
                console.log(`FAILED: echo ${next} has ${buf.length} bytes, want ${want.length}`);
                process.exit(1);
            }
            if (++next < sizes.length) sock.send(Buffer.alloc(sizes[next], next + 1), server.port, '127.0.0.1');
            else finish();
        },
    },
});
client.send(Buffer.alloc(sizes[0], 1), server.port, '127.0.0.1');
await done;
console.log(`udp echo: ${sizes.length} datagrams via port ${server.port}`);
client.close();
server.close();
clearTimeout(timer);
console.log('OK');

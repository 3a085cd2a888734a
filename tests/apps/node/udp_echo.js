// Node.js UDP echo on loopback (dgram): a server socket echoes each datagram,
// a client sends datagrams of several sizes and checks every echo.  Prints OK.
'use strict';
const dgram = require('dgram');

const sizes = [1, 100, 1200, 8000, 60000];
const timer = setTimeout(() => { console.log('FAILED: timeout'); process.exit(1); }, 30000);

const server = dgram.createSocket('udp4');
server.on('message', (msg, rinfo) => server.send(msg, rinfo.port, rinfo.address));
server.bind(0, '127.0.0.1', () => {
    const port = server.address().port;
    const client = dgram.createSocket('udp4');
    let next = 0;
    const send = () => client.send(Buffer.alloc(sizes[next], next + 1), port, '127.0.0.1');
    client.on('message', (msg) => {
        const want = Buffer.alloc(sizes[next], next + 1);
        if (!msg.equals(want)) {
            console.log(`FAILED: echo ${next} has ${msg.length} bytes, want ${want.length}`);
            process.exit(1);
        }
        if (++next < sizes.length) return send();
        console.log(`udp echo: ${sizes.length} datagrams via port ${port}`);
        client.close();
        server.close();
        clearTimeout(timer);
        console.log('OK');
    });
    client.bind(0, '127.0.0.1', send);
});

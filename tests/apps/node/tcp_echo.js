// Node.js TCP echo on loopback (net): a server echoes, three clients each send
// a message of a different size (up to 1 MiB) and check the echo.  Prints OK.
'use strict';
const net = require('net');

const sizes = [5, 65536, 1 << 20];
const timer = setTimeout(() => { console.log('FAILED: timeout'); process.exit(1); }, 60000);

const server = net.createServer((conn) => conn.pipe(conn));
server.listen(0, '127.0.0.1', () => {
    const port = server.address().port;
    let done = 0;
    sizes.forEach((size, i) => {
        const want = Buffer.alloc(size, i + 1);
        const chunks = [];
        let got = 0;
        const client = net.connect(port, '127.0.0.1', () => client.write(want));
        client.on('error', (e) => { console.log(`FAILED: client ${i}: ${e.message}`); process.exit(1); });
        client.on('data', (d) => {
            chunks.push(d);
            got += d.length;
            if (got < size) return;
            if (!Buffer.concat(chunks).equals(want)) {
                console.log(`FAILED: client ${i}: echo differs`);
                process.exit(1);
            }
            client.end();
            if (++done < sizes.length) return;
            console.log(`tcp echo: ${sizes.length} connections via port ${port}`);
            server.close();
            clearTimeout(timer);
            console.log('OK');
        });
    });
});

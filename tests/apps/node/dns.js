// Node.js name resolution (dns.lookup, getaddrinfo underneath): localhost must
// give a loopback address, a numeric name itself, and lookupService the port's
// name back.  Prints OK.
'use strict';
const dns = require('dns').promises;

const timer = setTimeout(() => { console.log('FAILED: timeout'); process.exit(1); }, 30000);

async function main() {
    const all = await dns.lookup('localhost', { all: true });
    console.log('localhost:', all.map((a) => a.address).join(' '));
    if (!all.some((a) => a.address === '127.0.0.1' || a.address === '::1'))
        throw new Error('localhost has no loopback address');
    const v4 = await dns.lookup('localhost', { family: 4 });
    if (v4.address !== '127.0.0.1') throw new Error(`localhost (IPv4) is ${v4.address}`);
    const num = await dns.lookup('127.0.0.2');
    if (num.address !== '127.0.0.2') throw new Error(`127.0.0.2 is ${num.address}`);
    const svc = await dns.lookupService('127.0.0.1', 80);
    console.log('127.0.0.1:80 is', svc.hostname, svc.service);
    clearTimeout(timer);
    console.log('OK');
}
main().catch((e) => { console.log(`FAILED: ${e.message}`); process.exit(1); });

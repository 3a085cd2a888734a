// Deno name resolution: node:dns lookup (getaddrinfo underneath) of localhost
// and of a numeric name, and a Deno.connect by the name localhost to a listener
// on 127.0.0.1.  Prints OK.
import dns from 'node:dns/promises';

const timer = setTimeout(() => { console.log('FAILED: timeout'); Deno.exit(1); }, 30000);
try {
    const all = await dns.lookup('localhost', { all: true });
    console.log('localhost:', all.map((a) => a.address).join(' '));
    if (!all.some((a) => a.address === '127.0.0.1' || a.address === '::1'))
        throw new Error('localhost has no loopback address');
    const num = await dns.lookup('127.0.0.2');
    if (num.address !== '127.0.0.2') throw new Error(`127.0.0.2 is ${num.address}`);
    const listener = Deno.listen({ hostname: '127.0.0.1', port: 0 });
    const port = (listener.addr as Deno.NetAddr).port;
    const accepted = listener.accept();
    const conn = await Deno.connect({ hostname: 'localhost', port });
    (await accepted).close();
    conn.close();
    listener.close();
} catch (e) {
    console.log(`FAILED: ${e.message}`);
    Deno.exit(1);
}
clearTimeout(timer);
console.log('OK');

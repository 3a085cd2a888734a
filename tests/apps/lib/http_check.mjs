// The HTTP exchange that the fetch scenarios of every program share: three GETs
// answered "hello PATH" and a 1 MiB POST that the server echoes.  Plain fetch and
// Uint8Array only, so Node, Deno and Bun import it alike.
export const BIG = 1 << 20;

// What the scenarios' servers answer (a request's body for POST, a greeting else).
export async function answer(method, path, body) {
    return method === 'POST' ? new Uint8Array(await body()) : new TextEncoder().encode(`hello ${path}`);
}

export async function checkHttp(base) {
    for (let i = 0; i < 3; i++) {
        const r = await fetch(`${base}/get${i}`);
        const text = await r.text();
        if (r.status !== 200 || text !== `hello /get${i}`) throw new Error(`GET ${i}: ${r.status} ${text}`);
    }
    const big = new Uint8Array(BIG).fill(7);
    const r = await fetch(`${base}/post`, { method: 'POST', body: big });
    const back = new Uint8Array(await r.arrayBuffer());
    if (back.length !== BIG || !back.every((b) => b === 7)) throw new Error(`POST echo has ${back.length} bytes`);
    return 4;
}

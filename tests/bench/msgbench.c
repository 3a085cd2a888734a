/*
 * msgsock's message-rate benchmark: an ordinary Windows program using only public
 * Winsock (WSARecvMsg / WSASendMsg through WSAIoctl), run under Wine on msgsock and
 * on Wine's builtin ws2_32; tests/bench/msgbench_native.c is its Linux twin.
 *
 *   msgbench [--smoke] [--runs N] [--ms MS] [--only NAME]
 *
 * One loopback UDP socket pair per run, 64- and 1200-byte datagrams:
 *   w1-flood     WSASendMsg flood (main thread) + WSARecvMsg drain (a thread),
 *                delivered datagrams/s; the sender keeps at most WINDOW in flight
 *   w2-pingpong  blocking round trips/s against an echo thread
 *   w3-event, w3-apc, w3-iocp   round trips/s, the client's WSARecvMsg/WSASendMsg
 *                overlapped, completed through an event, a completion routine
 *                (SleepEx alertable), an I/O completion port
 *   w4-single, w4-gso   bytes/s received, 1200-byte datagrams sent one per call or
 *                50 per call with UDP_SEND_MSG_SIZE; the receiver asks for
 *                UDP_RECV_MAX_COALESCED_SIZE when the stack has it
 * Options and the RESULT lines: bench_runner.h.  --smoke: a few ms each; exits 1
 * unless every workload moved data (figures are not judged).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../conformance/msg_util.h"
#include "bench_runner.h"

#define WINDOW       512       /* datagrams in flight in the floods */
#define RECV_CAP     65536

struct pair
{
    SOCKET a, b;
    SOCKADDR_STORAGE addr_a, addr_b;
};

/* A receive in progress: the WSAMSG must outlive an overlapped WSARecvMsg. */
struct receiver
{
    WSAMSG msg;
    WSABUF buf;
    SOCKADDR_STORAGE from;
    char control[128];
    char *data;
};

/* Set once in main, read-only afterwards. */
static LPFN_WSARECVMSG recv_msg_fn;
static LPFN_WSASENDMSG send_msg_fn;
static double qpc_freq;

/* msg_util.c's fatal(): a broken precondition ends the benchmark. */
void harness_fatal(const char *file, int line, const char *fmt, ...)
{
    va_list args;

    va_start(args, fmt);
    fprintf(stderr, "msgbench: %s:%d: ", file, line);
    vfprintf(stderr, fmt, args);
    fprintf(stderr, "\n");
    va_end(args);
    exit(2);
}

static double now(void)
{
    LARGE_INTEGER c;

    QueryPerformanceCounter(&c);
    return (double)c.QuadPart / qpc_freq;
}

static void set_int_option(SOCKET s, int level, int name, DWORD value)
{
    setsockopt(s, level, name, (const char *)&value, sizeof(value));
}

static void bench_pair_open(struct pair *p)
{
    p->a = udp_bound(AF_INET, "127.0.0.1", WSA_FLAG_OVERLAPPED, &p->addr_a);
    p->b = udp_bound(AF_INET, "127.0.0.1", WSA_FLAG_OVERLAPPED, &p->addr_b);
    /* Large buffers so that the floods measure the path, not drops. */
    set_int_option(p->a, SOL_SOCKET, SO_RCVBUF, 4 << 20);
    set_int_option(p->b, SOL_SOCKET, SO_RCVBUF, 4 << 20);
    set_int_option(p->a, SOL_SOCKET, SO_SNDBUF, 4 << 20);
}

static void bench_pair_close(struct pair *p)
{
    closesocket(p->a);
    closesocket(p->b);
}

static int msg_send(SOCKET s, const SOCKADDR_STORAGE *to, char *data, ULONG len, char *control,
                    ULONG control_len, WSAOVERLAPPED *ovl, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    WSABUF buf = { len, data };
    WSAMSG msg = { 0 };
    DWORD sent;

    msg.name = (SOCKADDR *)to;
    msg.namelen = addr_len(to);
    msg.lpBuffers = &buf;
    msg.dwBufferCount = 1;
    msg.Control.buf = control;
    msg.Control.len = control_len;
    return send_msg_fn(s, &msg, 0, &sent, ovl, routine) ? WSAGetLastError() : 0;
}

static int msg_recv(SOCKET s, struct receiver *r, DWORD *got, WSAOVERLAPPED *ovl,
                    LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    recv_msg_init(&r->msg, &r->buf, r->data, RECV_CAP, &r->from, r->control, sizeof(r->control));
    return recv_msg_fn(s, &r->msg, got, ovl, routine) ? WSAGetLastError() : 0;
}

static BOOL receiver_init(struct receiver *r)
{
    memset(r, 0, sizeof(*r));
    return !!(r->data = malloc(RECV_CAP));
}

/* ---- w1 / w4: flood and drain ---- */

struct flood
{
    struct pair pair;
    ULONG size;                 /* datagram (segment) size */
    volatile LONG sending;
    volatile LONG segments;     /* delivered datagrams, counting coalesced segments */
    volatile LONGLONG bytes;
    double first, last;
    BOOL unsegmented;           /* a send of several segments arrived as one datagram */
    BOOL coalescing;
};

static void count_delivered(struct flood *f, struct receiver *r, DWORD got)
{
    DWORD *coalesced = cmsg_find(&r->msg, IPPROTO_UDP, UDP_COALESCED_INFO);
    DWORD segment = coalesced && *coalesced ? *coalesced : f->size;

    if (!coalesced && got > f->size) f->unsegmented = TRUE;
    f->bytes += got;
    f->segments += got ? (got + segment - 1) / segment : 1;
}

static DWORD WINAPI flood_drain(void *arg)
{
    struct flood *f = arg;
    struct receiver r;
    DWORD got;

    if (!receiver_init(&r)) return 1;
    set_int_option(f->pair.b, SOL_SOCKET, SO_RCVTIMEO, 100);
    for (;;)
    {
        if (msg_recv(f->pair.b, &r, &got, NULL, NULL))
        {
            if (!f->sending) break;
            continue;
        }
        f->last = now();
        if (!f->segments) f->first = f->last;
        count_delivered(f, &r, got);
    }
    free(r.data);
    return 0;
}

/* Sends for the run's duration, keeping at most WINDOW datagrams in flight. */
static LONG flood_send(struct flood *f, int per_call, double end)
{
    char *data = calloc(per_call, f->size), control[64];
    ULONG control_len = 0;
    DWORD segment = f->size;
    LONG sent = 0, written_off = 0;
    double stall;

    if (!data) return 0;
    if (per_call > 1) cmsg_put(control, &control_len, IPPROTO_UDP, UDP_SEND_MSG_SIZE, &segment, sizeof(segment));
    while (now() < end)
    {
        for (stall = now(); sent - written_off - f->segments > WINDOW && now() < end; SwitchToThread())
            if (now() - stall > 0.005) written_off = sent - f->segments;   /* lost: stop waiting for them */
        if (!msg_send(f->pair.a, &f->pair.addr_b, data, f->size * per_call, control, control_len, NULL, NULL))
            sent += per_call;
    }
    free(data);
    return sent;
}

double bench_flood(const struct workload *w, struct run_info *info)
{
    struct flood f = { { 0 } };
    HANDLE thread;
    LONG sent;

    bench_pair_open(&f.pair);
    f.size = w->size;
    f.sending = 1;
    /* The Windows option takes the largest coalesced message; Linux only switches GRO on. */
    f.coalescing = !setsockopt(f.pair.b, IPPROTO_UDP, UDP_RECV_MAX_COALESCED_SIZE,
                               (const char *)&(DWORD){ 65527 }, sizeof(DWORD));
    if (!(thread = CreateThread(NULL, 0, flood_drain, &f, 0, NULL))) fatal("CreateThread failed");
    sent = flood_send(&f, w->arg, now() + bench_opt.ms / 1000.0);
    f.sending = 0;
    WaitForSingleObject(thread, INFINITE);
    CloseHandle(thread);
    bench_pair_close(&f.pair);
    snprintf(info->note, sizeof(info->note), "sent=%ld delivered=%ld coalescing=%d", sent, f.segments,
             f.coalescing);
    info->invalid = f.unsegmented;
    if (f.segments < 2 || f.last <= f.first) { info->failed = TRUE; return 0; }
    return (*w->unit == 'B' ? (double)f.bytes : (double)f.segments) / (f.last - f.first);
}

/* ---- w2 / w3: ping-pong against an echo thread ---- */

static DWORD WINAPI echo_loop(void *arg)
{
    struct pair *p = arg;
    struct receiver r;
    DWORD got;

    if (!receiver_init(&r)) return 1;
    set_int_option(p->b, SOL_SOCKET, SO_RCVTIMEO, 3000);
    /* A 1-byte datagram (or silence) ends it. */
    while (!msg_recv(p->b, &r, &got, NULL, NULL) && got != 1)
        msg_send(p->b, &r.from, r.data, got, NULL, 0, NULL, NULL);
    free(r.data);
    return 0;
}

static HANDLE echo_start(struct pair *p)
{
    HANDLE thread;

    bench_pair_open(p);
    if (!(thread = CreateThread(NULL, 0, echo_loop, p, 0, NULL))) fatal("CreateThread failed");
    return thread;
}

static void echo_stop(struct pair *p, HANDLE thread)
{
    char quit = 'q';

    msg_send(p->a, &p->addr_b, &quit, 1, NULL, 0, NULL, NULL);
    WaitForSingleObject(thread, 5000);
    CloseHandle(thread);
    bench_pair_close(p);
}

/* The client's side of an overlapped ping-pong. */
struct ov_client
{
    enum bench_mech mech;
    SOCKET s;
    WSAOVERLAPPED send_ovl, recv_ovl;
    HANDLE send_event, recv_event, port;
    struct receiver r;
    int done;                   /* completions seen this round (routines) */
    DWORD recv_bytes;
};

static void CALLBACK recv_done(DWORD error, DWORD bytes, WSAOVERLAPPED *ovl, DWORD flags)
{
    struct ov_client *c = CONTAINING_RECORD(ovl, struct ov_client, recv_ovl);

    c->recv_bytes = error ? 0 : bytes;
    c->done++;
}

static void CALLBACK send_done(DWORD error, DWORD bytes, WSAOVERLAPPED *ovl, DWORD flags)
{
    CONTAINING_RECORD(ovl, struct ov_client, send_ovl)->done++;
}

static BOOL wait_events(struct ov_client *c)
{
    DWORD flags;

    if (WaitForSingleObject(c->send_event, 1000) || WaitForSingleObject(c->recv_event, 1000)) return FALSE;
    return WSAGetOverlappedResult(c->s, &c->recv_ovl, &c->recv_bytes, FALSE, &flags);
}

static BOOL wait_routines(struct ov_client *c)
{
    while (c->done < 2)
        if (!SleepEx(1000, TRUE)) return FALSE;   /* a second without a completion routine */
    return TRUE;
}

static BOOL wait_port(struct ov_client *c)
{
    OVERLAPPED *ovl;
    ULONG_PTR key;
    DWORD bytes;
    int i;

    for (i = 0; i < 2; i++)
    {
        if (!GetQueuedCompletionStatus(c->port, &bytes, &key, &ovl, 1000) && !ovl) return FALSE;
        if (ovl == (OVERLAPPED *)&c->recv_ovl) c->recv_bytes = bytes;
    }
    return TRUE;
}

/* One round trip: post the receive, send, wait for both completions. */
static BOOL ov_round(struct ov_client *c, const SOCKADDR_STORAGE *to, char *data, ULONG size)
{
    BOOL apc = c->mech == MECH_APC;
    DWORD got;
    int err;

    c->done = 0;
    c->recv_bytes = 0;
    memset(&c->recv_ovl, 0, sizeof(c->recv_ovl));
    memset(&c->send_ovl, 0, sizeof(c->send_ovl));
    c->recv_ovl.hEvent = c->recv_event;
    c->send_ovl.hEvent = c->send_event;
    err = msg_recv(c->s, &c->r, &got, &c->recv_ovl, apc ? recv_done : NULL);
    if (err && err != WSA_IO_PENDING) return FALSE;
    err = msg_send(c->s, to, data, size, NULL, 0, &c->send_ovl, apc ? send_done : NULL);
    if (err && err != WSA_IO_PENDING) return FALSE;
    if (c->mech == MECH_EVENT && !wait_events(c)) return FALSE;
    if (c->mech == MECH_APC && !wait_routines(c)) return FALSE;
    if (c->mech == MECH_IOCP && !wait_port(c)) return FALSE;
    return c->recv_bytes == size;
}

static void ov_client_open(struct ov_client *c, enum bench_mech mech, SOCKET s)
{
    memset(c, 0, sizeof(*c));
    c->mech = mech;
    c->s = s;
    if (!receiver_init(&c->r)) fatal("out of memory");
    if (mech == MECH_EVENT)
    {
        c->send_event = CreateEventW(NULL, FALSE, FALSE, NULL);
        c->recv_event = CreateEventW(NULL, FALSE, FALSE, NULL);
    }
    if (mech == MECH_IOCP && !(c->port = CreateIoCompletionPort((HANDLE)s, NULL, 1, 0)))
        fatal("CreateIoCompletionPort failed: %lu", GetLastError());
}

static void ov_client_close(struct ov_client *c)
{
    SleepEx(0, TRUE);   /* routines of requests the close aborted */
    if (c->send_event) CloseHandle(c->send_event);
    if (c->recv_event) CloseHandle(c->recv_event);
    if (c->port) CloseHandle(c->port);
    free(c->r.data);
}

/* One blocking round trip; a lost datagram times out and counts as a failed round. */
static BOOL blocking_round(SOCKET s, struct receiver *r, const SOCKADDR_STORAGE *to, char *data, ULONG size)
{
    DWORD got;

    if (msg_send(s, to, data, size, NULL, 0, NULL, NULL)) return FALSE;
    return !msg_recv(s, r, &got, NULL, NULL) && got == size;
}

double bench_pingpong(const struct workload *w, struct run_info *info)
{
    struct pair p;
    HANDLE echo = echo_start(&p);
    struct ov_client c;
    char data[1200] = { 0 };
    double start, end;
    long rounds = 0, lost = 0;
    BOOL ok = TRUE;

    ov_client_open(&c, w->arg, p.a);
    set_int_option(p.a, SOL_SOCKET, SO_RCVTIMEO, 1000);
    start = now();
    end = start + bench_opt.ms / 1000.0;
    /* At least two rounds, however loaded the machine (the smoke run). */
    while (ok && lost < 3 && (now() < end || rounds < 2))
    {
        /* An overlapped round that fails leaves a request behind: the run ends there. */
        if (w->arg == MECH_NONE) lost += !blocking_round(p.a, &c.r, &p.addr_b, data, w->size);
        else ok = ov_round(&c, &p.addr_b, data, w->size);
        rounds++;
    }
    rounds -= lost + !ok;
    end = now();
    echo_stop(&p, echo);
    ov_client_close(&c);
    info->failed = !ok || lost >= 3 || !rounds;
    snprintf(info->note, sizeof(info->note), "rounds=%ld lost=%ld", rounds, lost);
    return rounds / (end - start);
}

int main(int argc, char **argv)
{
    WSADATA wsa;
    LARGE_INTEGER freq;
    SOCKADDR_STORAGE addr;
    SOCKET probe;
    int status;

    bench_parse_args("msgbench", argc, argv);
    if (WSAStartup(MAKEWORD(2, 2), &wsa)) fatal("WSAStartup failed");
    QueryPerformanceFrequency(&freq);
    qpc_freq = (double)freq.QuadPart;
    probe = udp_bound(AF_INET, "127.0.0.1", 0, &addr);
    recv_msg_fn = get_recvmsg(probe);
    send_msg_fn = get_sendmsg(probe);
    closesocket(probe);
    status = bench_run("msgbench");
    WSACleanup();
    return status;
}

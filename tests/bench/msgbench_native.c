/*
 * The Linux twin of tests/bench/msgbench.c: the same workloads with the host's
 * sendmsg/recvmsg, as the baseline msgsock's figures are compared with.
 *
 *   msgbench_native [--smoke] [--runs N] [--ms MS] [--only NAME]
 *
 * The nearest equivalents of the Windows mechanisms: w3-event waits with poll(),
 * w3-iocp with epoll (w3-apc has none: no line); w4-gso sends with
 * UDP_SEGMENT and the receiver turns UDP_GRO on.  Options and output: bench_runner.h.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <netinet/udp.h>
#include <poll.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>

#include "bench_runner.h"

#ifndef UDP_SEGMENT
#define UDP_SEGMENT 103
#endif
#ifndef UDP_GRO
#define UDP_GRO 104
#endif

#define WINDOW       512
#define RECV_CAP     65536

struct pair
{
    int a, b;
    struct sockaddr_in addr_a, addr_b;
};

struct receiver
{
    struct msghdr msg;
    struct iovec iov;
    struct sockaddr_in from;
    char control[128];
    char *data;
};

/* Set once in main, read-only afterwards. */

static void fatal(const char *fmt, ...)
{
    va_list args;

    va_start(args, fmt);
    fprintf(stderr, "msgbench_native: ");
    vfprintf(stderr, fmt, args);
    fprintf(stderr, "\n");
    va_end(args);
    exit(2);
}

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void set_int_option(int s, int level, int name, int value)
{
    setsockopt(s, level, name, &value, sizeof(value));
}

static void set_timeout(int s, unsigned int ms)
{
    struct timeval tv = { ms / 1000, (ms % 1000) * 1000 };

    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
}

static int udp_bound(struct sockaddr_in *addr)
{
    socklen_t len = sizeof(*addr);
    int s = socket(AF_INET, SOCK_DGRAM, 0);

    if (s < 0) fatal("socket: %s", strerror(errno));
    memset(addr, 0, sizeof(*addr));
    addr->sin_family = AF_INET;
    addr->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(s, (struct sockaddr *)addr, sizeof(*addr)) || getsockname(s, (struct sockaddr *)addr, &len))
        fatal("bind: %s", strerror(errno));
    set_int_option(s, SOL_SOCKET, SO_RCVBUF, 4 << 20);
    set_int_option(s, SOL_SOCKET, SO_SNDBUF, 4 << 20);
    return s;
}

static void pair_open(struct pair *p)
{
    p->a = udp_bound(&p->addr_a);
    p->b = udp_bound(&p->addr_b);
}

static void pair_close(struct pair *p)
{
    close(p->a);
    close(p->b);
}

static int msg_send(int s, const struct sockaddr_in *to, char *data, size_t len, uint16_t segment, int flags)
{
    struct iovec iov = { data, len };
    struct msghdr msg = { (void *)to, sizeof(*to), &iov, 1, NULL, 0, 0 };
    char control[CMSG_SPACE(sizeof(uint16_t))] = { 0 };
    struct cmsghdr *cmsg;

    if (segment)
    {
        msg.msg_control = control;
        msg.msg_controllen = sizeof(control);
        cmsg = CMSG_FIRSTHDR(&msg);
        cmsg->cmsg_level = SOL_UDP;
        cmsg->cmsg_type = UDP_SEGMENT;
        cmsg->cmsg_len = CMSG_LEN(sizeof(segment));
        memcpy(CMSG_DATA(cmsg), &segment, sizeof(segment));
    }
    return sendmsg(s, &msg, flags) < 0 ? errno : 0;
}

static ssize_t msg_recv(int s, struct receiver *r, int flags)
{
    memset(&r->msg, 0, sizeof(r->msg));
    r->iov.iov_base = r->data;
    r->iov.iov_len = RECV_CAP;
    r->msg.msg_name = &r->from;
    r->msg.msg_namelen = sizeof(r->from);
    r->msg.msg_iov = &r->iov;
    r->msg.msg_iovlen = 1;
    r->msg.msg_control = r->control;
    r->msg.msg_controllen = sizeof(r->control);
    return recvmsg(s, &r->msg, flags);
}

static int receiver_init(struct receiver *r)
{
    memset(r, 0, sizeof(*r));
    return !!(r->data = malloc(RECV_CAP));
}

/* ---- w1 / w4: flood and drain ---- */

struct flood
{
    struct pair pair;
    unsigned int size;
    volatile int sending;
    volatile long segments;
    volatile long long bytes;
    double first, last;
    int unsegmented, coalescing;
};

static int gro_segment(struct msghdr *msg)
{
    struct cmsghdr *cmsg;
    int size;

    for (cmsg = CMSG_FIRSTHDR(msg); cmsg; cmsg = CMSG_NXTHDR(msg, cmsg))
        if (cmsg->cmsg_level == SOL_UDP && cmsg->cmsg_type == UDP_GRO)
        {
            memcpy(&size, CMSG_DATA(cmsg), sizeof(size));
            return size;
        }
    return 0;
}

static void count_delivered(struct flood *f, struct receiver *r, size_t got)
{
    int coalesced = gro_segment(&r->msg);
    size_t segment = coalesced ? (size_t)coalesced : f->size;

    if (!coalesced && got > f->size) f->unsegmented = 1;
    f->bytes += got;
    f->segments += got ? (got + segment - 1) / segment : 1;
}

static void *flood_drain(void *arg)
{
    struct flood *f = arg;
    struct receiver r;
    ssize_t got;

    if (!receiver_init(&r)) return NULL;
    set_timeout(f->pair.b, 100);
    for (;;)
    {
        if ((got = msg_recv(f->pair.b, &r, 0)) < 0)
        {
            if (!f->sending) break;
            continue;
        }
        f->last = now();
        if (!f->segments) f->first = f->last;
        count_delivered(f, &r, got);
    }
    free(r.data);
    return NULL;
}

static long flood_send(struct flood *f, int per_call, double end)
{
    char *data = calloc(per_call, f->size);
    uint16_t segment = per_call > 1 ? f->size : 0;
    long sent = 0, written_off = 0;
    double stall;

    if (!data) return 0;
    while (now() < end)
    {
        for (stall = now(); sent - written_off - f->segments > WINDOW && now() < end; sched_yield())
            if (now() - stall > 0.005) written_off = sent - f->segments;
        if (!msg_send(f->pair.a, &f->pair.addr_b, data, (size_t)f->size * per_call, segment, 0))
            sent += per_call;
    }
    free(data);
    return sent;
}

double bench_flood(const struct workload *w, struct run_info *info)
{
    struct flood f;
    pthread_t thread;
    long sent;

    memset(&f, 0, sizeof(f));
    pair_open(&f.pair);
    f.size = w->size;
    f.sending = 1;
    f.coalescing = !setsockopt(f.pair.b, SOL_UDP, UDP_GRO, &(int){ 1 }, sizeof(int));
    if (pthread_create(&thread, NULL, flood_drain, &f)) fatal("pthread_create failed");
    sent = flood_send(&f, w->arg, now() + bench_opt.ms / 1000.0);
    f.sending = 0;
    pthread_join(thread, NULL);
    pair_close(&f.pair);
    snprintf(info->note, sizeof(info->note), "sent=%ld delivered=%ld coalescing=%d", sent, f.segments,
             f.coalescing);
    info->invalid = f.unsegmented;
    if (f.segments < 2 || f.last <= f.first) { info->failed = 1; return 0; }
    return (*w->unit == 'B' ? (double)f.bytes : (double)f.segments) / (f.last - f.first);
}

/* ---- w2 / w3: ping-pong against an echo thread ---- */

static void *echo_loop(void *arg)
{
    struct pair *p = arg;
    struct receiver r;
    ssize_t got;

    if (!receiver_init(&r)) return NULL;
    set_timeout(p->b, 3000);
    while ((got = msg_recv(p->b, &r, 0)) >= 0 && got != 1)
        msg_send(p->b, &r.from, r.data, got, 0, 0);
    free(r.data);
    return NULL;
}

/* Waits until s is readable: poll(), or the epoll set it is in. */
static int wait_readable(int mech, int s, int epfd)
{
    struct pollfd pfd = { s, POLLIN, 0 };
    struct epoll_event ev;

    if (mech == MECH_EVENT) return poll(&pfd, 1, 1000) == 1;
    return epoll_wait(epfd, &ev, 1, 1000) == 1;
}

/* One round trip; the non-blocking variants wait for readiness, then receive. */
static int round_trip(int mech, struct pair *p, int epfd, struct receiver *r, char *data, size_t size)
{
    ssize_t got;

    if (msg_send(p->a, &p->addr_b, data, size, 0, 0)) return 0;
    if (mech == MECH_NONE) return msg_recv(p->a, r, 0) == (ssize_t)size;
    if (!wait_readable(mech, p->a, epfd)) return 0;
    got = msg_recv(p->a, r, MSG_DONTWAIT);
    return got == (ssize_t)size;
}

static int epoll_for(int s)
{
    struct epoll_event ev = { EPOLLIN, { 0 } };
    int epfd = epoll_create1(0);

    if (epfd < 0 || epoll_ctl(epfd, EPOLL_CTL_ADD, s, &ev)) fatal("epoll: %s", strerror(errno));
    return epfd;
}

double bench_pingpong(const struct workload *w, struct run_info *info)
{
    struct pair p;
    struct receiver r;
    pthread_t echo;
    char data[1200] = { 0 }, quit = 'q';
    double start, end;
    long rounds = 0, lost = 0;
    int epfd = -1;

    /* Completion routines have no Linux counterpart. */
    if (w->arg == MECH_APC) return info->unsupported = 1, 0;
    pair_open(&p);
    if (!receiver_init(&r) || pthread_create(&echo, NULL, echo_loop, &p)) fatal("out of resources");
    if (w->arg == MECH_IOCP) epfd = epoll_for(p.a);
    set_timeout(p.a, 1000);
    start = now();
    end = start + bench_opt.ms / 1000.0;
    /* At least two rounds, however loaded the machine (the smoke run). */
    while (lost < 3 && (now() < end || rounds < 2))
    {
        if (round_trip(w->arg, &p, epfd, &r, data, w->size)) rounds++;
        else lost++;
    }
    end = now();
    msg_send(p.a, &p.addr_b, &quit, 1, 0, 0);
    pthread_join(echo, NULL);
    if (epfd >= 0) close(epfd);
    pair_close(&p);
    free(r.data);
    info->failed = lost >= 3 || !rounds;
    snprintf(info->note, sizeof(info->note), "rounds=%ld lost=%ld", rounds, lost);
    return rounds / (end - start);
}

int main(int argc, char **argv)
{
    bench_parse_args("msgbench_native", argc, argv);
    return bench_run("msgbench_native");
}

/*
 * host_sendmsg / host_recvmsg on real loopback UDP sockets (127.0.0.1, ::1),
 * with Win32-layout names and control buffers as a program hands them in.
 */
#define _GNU_SOURCE
#include <check.h>
#include "run_suite.h"
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "msgsock/unixlib.h"
#include "msgsock/wscodec.h"
#include "host_socket.h"

/* --- sockets -------------------------------------------------------------------------- */

struct sock
{
    int fd;
    int family;
    struct sockaddr_storage addr;   /* bound address, port filled in */
    socklen_t addr_len;
};

static void sock_open(struct sock *s, int family, const char *addr)
{
    struct sockaddr_in *sin = (struct sockaddr_in *)&s->addr;
    struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&s->addr;

    memset(s, 0, sizeof(*s));
    s->family = family;
    s->fd = socket(family, SOCK_DGRAM, 0);
    ck_assert_int_ge(s->fd, 0);
    if (family == AF_INET)
    {
        sin->sin_family = AF_INET;
        ck_assert_int_eq(inet_pton(AF_INET, addr, &sin->sin_addr), 1);
        s->addr_len = sizeof(*sin);
    }
    else
    {
        sin6->sin6_family = AF_INET6;
        ck_assert_int_eq(inet_pton(AF_INET6, addr, &sin6->sin6_addr), 1);
        s->addr_len = sizeof(*sin6);
    }
    ck_assert_int_eq(bind(s->fd, (struct sockaddr *)&s->addr, s->addr_len), 0);
    ck_assert_int_eq(getsockname(s->fd, (struct sockaddr *)&s->addr, &s->addr_len), 0);
}

/* A receiver and a sender on the loopback address of `family`. */
static void open_pair(struct sock *rx, struct sock *tx, int family)
{
    const char *lo = family == AF_INET ? "127.0.0.1" : "::1";

    sock_open(rx, family, lo);
    sock_open(tx, family, lo);
}

static void close_pair(struct sock *rx, struct sock *tx)
{
    close(rx->fd);
    close(tx->fd);
}

static void set_int(int fd, int level, int name, int value)
{
    ck_assert_int_eq(setsockopt(fd, level, name, &value, sizeof(value)), 0);
}

static int wait_for(int fd, short events)
{
    struct pollfd p = { .fd = fd, .events = events };

    return poll(&p, 1, 2000) == 1;
}

/* A Win32 SOCKADDR_IN / SOCKADDR_IN6 for a bound socket. */
struct win_name
{
    unsigned char buf[28];
    int len;
};

static void win_name_of(struct win_name *n, const struct sock *s)
{
    const struct sockaddr_in *sin = (const struct sockaddr_in *)&s->addr;
    const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *)&s->addr;
    uint16_t family = s->family == AF_INET ? WS_AF_INET : WS_AF_INET6;

    memset(n, 0, sizeof(*n));
    memcpy(n->buf, &family, 2);
    if (s->family == AF_INET)
    {
        memcpy(n->buf + 2, &sin->sin_port, 2);
        memcpy(n->buf + 4, &sin->sin_addr, 4);
        n->len = 16;
    }
    else
    {
        memcpy(n->buf + 2, &sin6->sin6_port, 2);
        memcpy(n->buf + 8, &sin6->sin6_addr, 16);
        n->len = 28;
    }
}

static uint16_t win_port(const unsigned char *name)
{
    uint16_t port;
    memcpy(&port, name + 2, 2);
    return ntohs(port);
}

static uint16_t sock_port(const struct sock *s)
{
    return ntohs(((const struct sockaddr_in *)&s->addr)->sin_port);
}

/* --- Win32 control buffers (native ABI: WSA_CMSG_* of this build) ------------------------ */

#define NAT_HDR        (sizeof(void *) + 8)
#define NAT_ALIGN      (sizeof(void *))
#define NAT_DATA_OFF   NAT_HDR   /* MAX_NATURAL_ALIGNMENT divides it on both ABIs */
#define NAT_SPACE(n)   (NAT_DATA_OFF + (((n) + NAT_ALIGN - 1) & ~(NAT_ALIGN - 1)))

struct win_ctl
{
    unsigned char buf[256];
    size_t len;
};

static void ctl_add(struct win_ctl *c, int level, int type, const void *data, size_t n)
{
    size_t cmsg_len = NAT_DATA_OFF + n;
    unsigned char *h = c->buf + c->len;

    memset(h, 0, NAT_SPACE(n));
    memcpy(h, &cmsg_len, sizeof(cmsg_len));
    memcpy(h + sizeof(void *), &level, 4);
    memcpy(h + sizeof(void *) + 4, &type, 4);
    memcpy(h + NAT_DATA_OFF, data, n);
    c->len += NAT_SPACE(n);
}

static void ctl_add_int(struct win_ctl *c, int level, int type, int32_t v)
{
    ctl_add(c, level, type, &v, sizeof(v));
}

/* The payload of message level/type in a received Win32 list, or NULL. */
static const unsigned char *ctl_find(const unsigned char *buf, size_t len, int level, int type,
                                     size_t *n)
{
    size_t off = 0;

    while (len - off >= NAT_HDR)
    {
        size_t cmsg_len;
        int l, t;

        memcpy(&cmsg_len, buf + off, sizeof(cmsg_len));
        memcpy(&l, buf + off + sizeof(void *), 4);
        memcpy(&t, buf + off + sizeof(void *) + 4, 4);
        if (l == level && t == type)
        {
            *n = cmsg_len - NAT_DATA_OFF;
            return buf + off + NAT_DATA_OFF;
        }
        off += (cmsg_len + NAT_ALIGN - 1) & ~(NAT_ALIGN - 1);
    }
    return NULL;
}

static int32_t ctl_int(const unsigned char *buf, size_t len, int level, int type)
{
    size_t n = 0;
    const unsigned char *p = ctl_find(buf, len, level, type, &n);
    int32_t v;

    ck_assert_ptr_nonnull(p);
    ck_assert_uint_eq(n, 4);
    memcpy(&v, p, 4);
    return v;
}

/* --- calls ---------------------------------------------------------------------------------- */

/* The unix entry points always return 0; what happened is in params.error (macros: the line is the caller's). */
#define expect_sendmsg(p, err) \
    do { ck_assert_int_eq(host_sendmsg(p), 0); ck_assert_int_eq((p)->error, (err)); } while (0)
#define expect_recvmsg(p, err) \
    do { ck_assert_int_eq(host_recvmsg(p), 0); ck_assert_int_eq((p)->error, (err)); } while (0)

static struct host_sendmsg_params send_params(const struct sock *from, const struct win_name *to,
                                              const struct host_buf *bufs, uint32_t count,
                                              const struct win_ctl *ctl)
{
    struct host_sendmsg_params p;

    memset(&p, 0, sizeof(p));
    p.fd = from->fd;
    p.name = to ? to->buf : NULL;
    p.namelen = to ? to->len : 0;
    p.bufs = bufs;
    p.buf_count = count;
    p.control = ctl && ctl->len ? ctl->buf : NULL;
    p.control_len = ctl ? ctl->len : 0;
    p.options = HOST_OPT_DATAGRAM;
    p.error = -1;
    return p;
}

static void do_send(const struct sock *from, const struct sock *to, const void *data, uint32_t len,
                    const struct win_ctl *ctl)
{
    struct win_name name;
    struct host_buf buf = { len, (char *)data };
    struct host_sendmsg_params p;

    win_name_of(&name, to);
    p = send_params(from, &name, &buf, 1, ctl);
    expect_sendmsg(&p, 0);
    ck_assert_uint_eq(p.sent, len);
}

/* Receive params with one buffer, no name and no control buffer. */
static void bare_recv(struct host_recvmsg_params *p, int fd, struct host_buf *hb, uint32_t options)
{
    memset(p, 0, sizeof(*p));
    p->fd = fd;
    p->bufs = hb;
    p->buf_count = 1;
    p->options = options;
    p->error = -1;
}

struct received
{
    struct host_recvmsg_params p;
    char data[2048];
    unsigned char name[28];
    unsigned char control[256];
    struct host_buf buf;
};

/* Waits for a datagram on `s`; params with a `buf_len` buffer, nothing else. */
static void bare_received(struct received *r, const struct sock *s, uint32_t buf_len)
{
    memset(r, 0, sizeof(*r));
    ck_assert(wait_for(s->fd, POLLIN));
    r->buf.len = buf_len;
    r->buf.buf = r->data;
    bare_recv(&r->p, s->fd, &r->buf, HOST_OPT_DATAGRAM);
}

static void do_recv(struct received *r, const struct sock *s, uint32_t want, uint32_t buf_len)
{
    bare_received(r, s, buf_len);
    r->p.name = r->name;
    r->p.namelen = sizeof(r->name);
    r->p.control = r->control;
    r->p.control_len = sizeof(r->control);
    r->p.want = want;
    ck_assert_int_eq(host_recvmsg(&r->p), 0);
}

/* --- tests ----------------------------------------------------------------------------------- */

/* LPFN_WSARECVMSG: with IP_PKTINFO enabled "one of the control data objects
 * returned will contain an in_pktinfo structure" (cmsg_level IPPROTO_IP,
 * cmsg_type IP_PKTINFO); Windows fact: ipi_addr is the packet's destination. */
START_TEST(test_recv_pktinfo4)
{
    struct sock rx, tx;
    struct received r;
    size_t n = 0;
    const unsigned char *info;
    uint32_t ifindex;

    open_pair(&rx, &tx, AF_INET);
    ck_assert_int_eq(host_enable_recv_info(rx.fd, AF_INET), 0);
    do_send(&tx, &rx, "hello", 5, NULL);
    do_recv(&r, &rx, WS_WANT_PKTINFO, sizeof(r.data));
    ck_assert_int_eq(r.p.error, 0);
    ck_assert_uint_eq(r.p.received, 5);
    ck_assert_mem_eq(r.data, "hello", 5);
    ck_assert_int_eq(r.p.namelen, 16);
    ck_assert_uint_eq(win_port(r.name), sock_port(&tx));
    info = ctl_find(r.control, r.p.control_len, WS_IPPROTO_IP, WS_IP_PKTINFO, &n);
    ck_assert_ptr_nonnull(info);
    ck_assert_uint_eq(n, 8);
    ck_assert_mem_eq(info, "\x7f\x00\x00\x01", 4);
    memcpy(&ifindex, info + 4, 4);
    ck_assert_uint_eq(ifindex, if_nametoindex("lo"));
    ck_assert_uint_eq(r.p.control_len, NAT_SPACE(8));
    ck_assert_uint_eq(r.p.flags, 0);
    close_pair(&rx, &tx);
}
END_TEST

/* LPFN_WSARECVMSG: with IPV6_PKTINFO enabled the control data holds an
 * in6_pktinfo (cmsg_level IPPROTO_IPV6, cmsg_type IPV6_PKTINFO). */
START_TEST(test_recv_pktinfo6)
{
    struct sock rx, tx;
    struct received r;
    size_t n = 0;
    const unsigned char *info;

    open_pair(&rx, &tx, AF_INET6);
    ck_assert_int_eq(host_enable_recv_info(rx.fd, AF_INET6), 0);
    do_send(&tx, &rx, "hi6", 3, NULL);
    do_recv(&r, &rx, WS_WANT_PKTINFO6, sizeof(r.data));
    ck_assert_int_eq(r.p.error, 0);
    ck_assert_int_eq(r.p.namelen, 28);
    ck_assert_uint_eq(win_port(r.name), sock_port(&tx));
    info = ctl_find(r.control, r.p.control_len, WS_IPPROTO_IPV6, WS_IPV6_PKTINFO, &n);
    ck_assert_ptr_nonnull(info);
    ck_assert_uint_eq(n, 20);
    ck_assert_mem_eq(info, &in6addr_loopback, 16);
    close_pair(&rx, &tx);
}
END_TEST

/* WSASendMsg: "may contain an in_pktinfo structure used to specify the local
 * IPv4 source address to use for sending" -- proven by the receiver's
 * recvfrom address being 127.0.0.2. */
START_TEST(test_send_source_address)
{
    struct sock rx, tx;
    struct win_ctl ctl = { .len = 0 };
    unsigned char info[8] = { 127, 0, 0, 2, 0, 0, 0, 0 };
    struct sockaddr_in from;
    socklen_t from_len = sizeof(from);
    char buf[16];

    sock_open(&rx, AF_INET, "127.0.0.1");
    sock_open(&tx, AF_INET, "0.0.0.0");
    ctl_add(&ctl, WS_IPPROTO_IP, WS_IP_PKTINFO, info, sizeof(info));
    do_send(&tx, &rx, "src", 3, &ctl);
    ck_assert(wait_for(rx.fd, POLLIN));
    ck_assert_int_eq(recvfrom(rx.fd, buf, sizeof(buf), 0, (struct sockaddr *)&from, &from_len), 3);
    ck_assert_uint_eq(ntohl(from.sin_addr.s_addr), 0x7f000002);
    close_pair(&rx, &tx);
}
END_TEST

/* IP_ECN (INT) on send sets the ECN bits and keeps the socket's DSCP; the
 * receiver's IP_TOS and IP_ECN (both INTs, as Windows gives them) read them back. */
START_TEST(test_tos_ecn4)
{
    struct sock rx, tx;
    struct win_ctl ctl = { .len = 0 };
    struct received r;
    size_t n = 0;
    const unsigned char *tos;

    open_pair(&rx, &tx, AF_INET);
    ck_assert_int_eq(host_enable_recv_info(rx.fd, AF_INET), 0);
    set_int(tx.fd, IPPROTO_IP, IP_TOS, 0xb8);
    ctl_add_int(&ctl, WS_IPPROTO_IP, WS_IP_ECN, 2);
    do_send(&tx, &rx, "ecn", 3, &ctl);
    do_recv(&r, &rx, WS_WANT_TOS | WS_WANT_ECN, sizeof(r.data));
    ck_assert_int_eq(r.p.error, 0);
    tos = ctl_find(r.control, r.p.control_len, WS_IPPROTO_IP, WS_IP_TOS, &n);
    ck_assert_ptr_nonnull(tos);
    ck_assert_uint_eq(n, sizeof(int));
    ck_assert_uint_eq(tos[0], 0xba);
    ck_assert_int_eq(ctl_int(r.control, r.p.control_len, WS_IPPROTO_IP, WS_IP_ECN), 2);

    /* IP_TOS in the message wins over the socket's */
    ctl.len = 0;
    ctl_add_int(&ctl, WS_IPPROTO_IP, WS_IP_TOS, 0x28);
    ctl_add_int(&ctl, WS_IPPROTO_IP, WS_IP_ECN, 1);
    do_send(&tx, &rx, "ecn", 3, &ctl);
    do_recv(&r, &rx, WS_WANT_ECN | WS_WANT_TOS, sizeof(r.data));
    tos = ctl_find(r.control, r.p.control_len, WS_IPPROTO_IP, WS_IP_TOS, &n);
    ck_assert_ptr_nonnull(tos);
    ck_assert_uint_eq(tos[0], 0x29);
    close_pair(&rx, &tx);
}
END_TEST

/* IPV6_ECN (INT) with the socket's IPV6_TCLASS; IPV6_TCLASS / IPV6_ECN back. */
START_TEST(test_tclass_ecn6)
{
    struct sock rx, tx;
    struct win_ctl ctl = { .len = 0 };
    struct received r;

    open_pair(&rx, &tx, AF_INET6);
    ck_assert_int_eq(host_enable_recv_info(rx.fd, AF_INET6), 0);
    set_int(tx.fd, IPPROTO_IPV6, IPV6_TCLASS, 0x20);
    ctl_add_int(&ctl, WS_IPPROTO_IPV6, WS_IPV6_ECN, 1);
    do_send(&tx, &rx, "ecn6", 4, &ctl);
    do_recv(&r, &rx, WS_WANT_TCLASS | WS_WANT_ECN6, sizeof(r.data));
    ck_assert_int_eq(r.p.error, 0);
    ck_assert_int_eq(ctl_int(r.control, r.p.control_len, WS_IPPROTO_IPV6, WS_IPV6_TCLASS), 0x21);
    ck_assert_int_eq(ctl_int(r.control, r.p.control_len, WS_IPPROTO_IPV6, WS_IPV6_ECN), 1);
    close_pair(&rx, &tx);
}
END_TEST

/* IP_RECVTTL -> IP_TTL (INT); IPV6_HOPLIMIT -> IPV6_HOPLIMIT (INT). */
START_TEST(test_ttl_hoplimit)
{
    struct sock rx, tx, rx6, tx6;
    struct received r;

    open_pair(&rx, &tx, AF_INET);
    ck_assert_int_eq(host_enable_recv_info(rx.fd, AF_INET), 0);
    set_int(tx.fd, IPPROTO_IP, IP_TTL, 33);
    do_send(&tx, &rx, "ttl", 3, NULL);
    do_recv(&r, &rx, WS_WANT_TTL, sizeof(r.data));
    ck_assert_int_eq(ctl_int(r.control, r.p.control_len, WS_IPPROTO_IP, WS_IP_TTL), 33);

    open_pair(&rx6, &tx6, AF_INET6);
    ck_assert_int_eq(host_enable_recv_info(rx6.fd, AF_INET6), 0);
    set_int(tx6.fd, IPPROTO_IPV6, IPV6_UNICAST_HOPS, 44);
    do_send(&tx6, &rx6, "hop", 3, NULL);
    do_recv(&r, &rx6, WS_WANT_HOPLIMIT, sizeof(r.data));
    ck_assert_int_eq(ctl_int(r.control, r.p.control_len, WS_IPPROTO_IPV6, WS_IPV6_HOPLIMIT), 44);
    close_pair(&rx, &tx);
    close_pair(&rx6, &tx6);
}
END_TEST

/* UDP_SEND_MSG_SIZE (DWORD): the buffer goes out as datagrams of that size,
 * the last shorter; `sent` is the whole. */
static void check_segments(uint32_t segment, uint32_t total, uint32_t nbufs, int no_check)
{
    struct sock rx, tx;
    struct win_ctl ctl = { .len = 0 };
    struct win_name name;
    struct host_buf bufs[8];
    static char data[4096];
    struct host_sendmsg_params p;
    uint32_t i, got = 0, count = 0, expect_count = (total + segment - 1) / segment;
    char buf[4096];
    ssize_t n;

    for (i = 0; i < total; i++) data[i] = (char)(i * 7 + i / 251);
    for (i = 0; i < nbufs; i++)
    {
        uint32_t start = total * i / nbufs, end = total * (i + 1) / nbufs;
        bufs[i].buf = data + start;
        bufs[i].len = end - start;
    }
    open_pair(&rx, &tx, AF_INET);
    set_int(rx.fd, SOL_SOCKET, SO_RCVBUF, 1 << 20);
    if (no_check) set_int(tx.fd, SOL_SOCKET, SO_NO_CHECK, 1);
    ctl_add_int(&ctl, WS_IPPROTO_UDP, WS_UDP_SEND_MSG_SIZE, (int32_t)segment);
    win_name_of(&name, &rx);
    p = send_params(&tx, &name, bufs, nbufs, &ctl);
    expect_sendmsg(&p, 0);
    ck_assert_uint_eq(p.sent, total);
    while (got < total && wait_for(rx.fd, POLLIN))
    {
        n = recv(rx.fd, buf, sizeof(buf), MSG_DONTWAIT);
        ck_assert_int_gt(n, 0);
        ck_assert_uint_eq((uint32_t)n, count + 1 < expect_count ? segment : total - got);
        ck_assert_mem_eq(buf, data + got, (size_t)n);
        got += n;
        count++;
    }
    ck_assert_uint_eq(count, expect_count);
    close_pair(&rx, &tx);
}

static const struct
{
    uint32_t segment, total, nbufs;
    int no_check;
} segment_cases[] =
{
    /* up to 64 segments: Linux UDP_SEGMENT (GSO) cuts them */
    { 100, 1050, 3, 0 },
    /* Linux refuses UDP_SEGMENT without UDP checksums (SO_NO_CHECK: EINVAL):
     * the same datagrams go out split by hand */
    { 100, 1050, 3, 1 },
    /* more than 64 segments: split by hand and sent with sendmmsg */
    { 10, 705, 4, 0 },
    /* a total no larger than the segment size is one plain datagram */
    { 1200, 1000, 2, 0 },
};

START_TEST(test_send_msg_size)
{
    check_segments(segment_cases[_i].segment, segment_cases[_i].total,
                   segment_cases[_i].nbufs, segment_cases[_i].no_check);
}
END_TEST

/* LPFN_WSARECVMSG: "if the message is larger than the buffers, the buffers
 * are filled with the first part of the message ... and WSARecvMsg generates
 * the error WSAEMSGSIZE"; MSG_TRUNC "the datagram was truncated". */
START_TEST(test_recv_trunc)
{
    struct sock rx, tx;
    struct received r;
    char data[100];
    int i;

    for (i = 0; i < 100; i++) data[i] = (char)i;
    open_pair(&rx, &tx, AF_INET);
    do_send(&tx, &rx, data, sizeof(data), NULL);
    do_recv(&r, &rx, 0, 40);
    ck_assert_int_eq(r.p.error, WS_WSAEMSGSIZE);
    ck_assert_uint_eq(r.p.received, 40);
    ck_assert_uint_eq(r.p.flags & WS_MSG_TRUNC, WS_MSG_TRUNC);
    ck_assert_mem_eq(r.data, data, 40);
    close_pair(&rx, &tx);
}
END_TEST

/* WSAEWOULDBLOCK: "the socket is marked as nonblocking and the receive
 * operation cannot be completed immediately" -- the unix call never blocks. */
START_TEST(test_recv_wouldblock)
{
    struct sock rx;
    struct host_recvmsg_params p;
    char buf[16];
    struct host_buf hb = { sizeof(buf), buf };

    sock_open(&rx, AF_INET, "127.0.0.1");
    bare_recv(&p, rx.fd, &hb, HOST_OPT_DATAGRAM);
    ck_assert_int_eq(host_recvmsg(&p), 0);
    ck_assert_int_eq(p.error, WS_WSAEWOULDBLOCK);
    ck_assert_uint_eq(p.received, 0);
    close(rx.fd);
}
END_TEST

/* host_wait: a bounded poll, not ready while nothing is queued, ready once a datagram is. */
START_TEST(test_wait)
{
    struct sock rx, tx;
    struct host_wait_params w = { 0 };
    struct host_buf buf = { 4, "wake" };
    struct host_sendmsg_params p;
    struct win_name name;

    sock_open(&rx, AF_INET, "127.0.0.1");
    sock_open(&tx, AF_INET, "127.0.0.1");
    w.fd = rx.fd;
    w.events = HOST_WAIT_IN;
    w.timeout_ms = 5;
    w.ready = 1;
    ck_assert_int_eq(host_wait(&w), 0);
    ck_assert_int_eq(w.ready, 0);
    w.events = HOST_WAIT_OUT;
    ck_assert_int_eq(host_wait(&w), 0);
    ck_assert_int_ne(w.ready, 0);
    win_name_of(&name, &rx);
    p = send_params(&tx, &name, &buf, 1, NULL);
    ck_assert_int_eq(host_sendmsg(&p), 0);
    w.events = HOST_WAIT_IN;
    ck_assert_int_eq(host_wait(&w), 0);
    ck_assert_int_ne(w.ready, 0);
    close(rx.fd);
    close(tx.fd);
}
END_TEST

/* A connected UDP socket whose peer port is closed. */
static void refused_pair(struct sock *s)
{
    struct sock gone;

    sock_open(&gone, AF_INET, "127.0.0.1");
    close(gone.fd);
    sock_open(s, AF_INET, "127.0.0.1");
    ck_assert_int_eq(connect(s->fd, (struct sockaddr *)&gone.addr, gone.addr_len), 0);
}

static void send_connected(const struct sock *s)
{
    struct host_buf buf = { 4, "ping" };
    struct host_sendmsg_params p = send_params(s, NULL, &buf, 1, NULL);

    expect_sendmsg(&p, 0);
    ck_assert_uint_eq(p.sent, 4);
    ck_assert(wait_for(s->fd, POLLERR));
}

/* LPFN_WSARECVMSG WSAECONNRESET: "for a UDP datagram socket, this error
 * indicates a previous send operation resulted in an ICMP Port Unreachable
 * message" (Linux: ECONNREFUSED). */
START_TEST(test_connreset)
{
    struct sock s;
    struct host_recvmsg_params p;
    char buf[16];
    struct host_buf hb = { sizeof(buf), buf };

    refused_pair(&s);
    send_connected(&s);
    bare_recv(&p, s.fd, &hb, HOST_OPT_DATAGRAM);
    ck_assert_int_eq(host_recvmsg(&p), 0);
    ck_assert_int_eq(p.error, WS_WSAECONNRESET);
    close(s.fd);
}
END_TEST

/* SIO_UDP_CONNRESET off (HOST_OPT_NO_CONNRESET): the ICMP error is skipped
 * and the receive goes on (here: nothing queued, so WSAEWOULDBLOCK). */
START_TEST(test_connreset_skipped)
{
    struct sock s;
    struct host_recvmsg_params p;
    char buf[16];
    struct host_buf hb = { sizeof(buf), buf };

    refused_pair(&s);
    send_connected(&s);
    bare_recv(&p, s.fd, &hb, HOST_OPT_DATAGRAM | HOST_OPT_NO_CONNRESET);
    ck_assert_int_eq(host_recvmsg(&p), 0);
    ck_assert_int_eq(p.error, WS_WSAEWOULDBLOCK);
    close(s.fd);
}
END_TEST

/* WSASendMsg: "If the data is too long to pass atomically through the
 * underlying protocol, the error WSAEMSGSIZE is returned and no data is
 * transmitted." */
START_TEST(test_send_msgsize)
{
    struct sock rx, tx;
    static char big[70000];
    struct win_name name;
    struct host_buf buf = { sizeof(big), big };
    struct host_sendmsg_params p;

    open_pair(&rx, &tx, AF_INET);
    win_name_of(&name, &rx);
    p = send_params(&tx, &name, &buf, 1, NULL);
    expect_sendmsg(&p, WS_WSAEMSGSIZE);
    ck_assert_uint_eq(p.sent, 0);
    close_pair(&rx, &tx);
}
END_TEST

/* LPFN_WSARECVMSG: "the buffers are filled in the order in which they appear
 * in the array ... packed so that no holes are created"; many WSABUFs on the
 * send side (past the stack array) arrive as one datagram. */
START_TEST(test_many_buffers)
{
    struct sock rx, tx;
    struct win_name name;
    struct host_buf bufs[40];
    char data[120];
    struct host_sendmsg_params p;
    struct received r;
    int i;

    for (i = 0; i < 120; i++) data[i] = (char)(i + 1);
    for (i = 0; i < 40; i++)
    {
        bufs[i].buf = data + 3 * i;
        bufs[i].len = 3;
    }
    open_pair(&rx, &tx, AF_INET);
    win_name_of(&name, &rx);
    p = send_params(&tx, &name, bufs, 40, NULL);
    expect_sendmsg(&p, 0);
    ck_assert_uint_eq(p.sent, 120);
    do_recv(&r, &rx, 0, sizeof(r.data));
    ck_assert_uint_eq(r.p.received, 120);
    ck_assert_mem_eq(r.data, data, 120);
    close_pair(&rx, &tx);
}
END_TEST

/* LPFN_WSARECVMSG WSAEFAULT: "the lpFrom buffer was too small to accommodate
 * the peer address"; a NULL name with a non-zero namelen is WSAEFAULT too. */
START_TEST(test_recv_name_too_small)
{
    struct sock rx, tx;
    struct received r;

    open_pair(&rx, &tx, AF_INET6);
    do_send(&tx, &rx, "x", 1, NULL);
    bare_received(&r, &rx, sizeof(r.data));
    r.p.namelen = 16;
    expect_recvmsg(&r.p, WS_WSAEFAULT);
    /* room for a SOCKADDR_IN but not the SOCKADDR_IN6 of the peer */
    r.p.name = r.name;
    r.p.namelen = 16;
    expect_recvmsg(&r.p, WS_WSAEFAULT);
    ck_assert_int_eq(r.p.namelen, 28);
    close_pair(&rx, &tx);
}
END_TEST

/* WSASendMsg: dwFlags "can only contain ... MSG_DONTROUTE, MSG_PARTIAL, and
 * MSG_OOB"; MSG_PARTIAL: "WSAEOPNOTSUPP will be returned by transports that
 * do not support partial message transmissions" (UDP does not). */
START_TEST(test_send_bad_flags)
{
    struct sock rx, tx;
    struct win_name name;
    struct host_buf buf = { 1, "x" };
    struct host_sendmsg_params p;

    open_pair(&rx, &tx, AF_INET);
    win_name_of(&name, &rx);
    p = send_params(&tx, &name, &buf, 1, NULL);
    p.flags = WS_MSG_PARTIAL;
    expect_sendmsg(&p, WS_WSAEOPNOTSUPP);
    p.flags = WS_MSG_PEEK;
    expect_sendmsg(&p, WS_WSAEOPNOTSUPP);
    close_pair(&rx, &tx);
}
END_TEST

/* WSASendMsg WSAEFAULT: "a name member ... was a NULL pointer and the
 * namelen member ... was not set to zero", likewise Control.buf/len; a bad
 * control list is WSAEINVAL and nothing is sent. */
START_TEST(test_send_bad_args)
{
    struct sock rx, tx;
    struct win_name name;
    struct host_buf buf = { 1, "x" };
    struct win_ctl ctl = { .len = 0 };
    struct host_sendmsg_params p;
    char tmp[4];

    open_pair(&rx, &tx, AF_INET);
    win_name_of(&name, &rx);
    p = send_params(&tx, NULL, &buf, 1, NULL);
    p.namelen = 16;
    expect_sendmsg(&p, WS_WSAEFAULT);
    p = send_params(&tx, &name, &buf, 1, NULL);
    p.control_len = 24;
    expect_sendmsg(&p, WS_WSAEFAULT);
    ctl_add_int(&ctl, WS_IPPROTO_IP, WS_IP_ECN, 9);
    p = send_params(&tx, &name, &buf, 1, &ctl);
    expect_sendmsg(&p, WS_WSAEINVAL);
    ck_assert_int_eq(recv(rx.fd, tmp, sizeof(tmp), MSG_DONTWAIT), -1);
    close_pair(&rx, &tx);
}
END_TEST

/* LPFN_WSARECVMSG: MSG_PEEK "peeks at the incoming data ... not removed from
 * the input queue". */
START_TEST(test_recv_peek)
{
    struct sock rx, tx;
    struct received r;

    open_pair(&rx, &tx, AF_INET);
    do_send(&tx, &rx, "peek", 4, NULL);
    bare_received(&r, &rx, sizeof(r.data));
    r.p.flags = WS_MSG_PEEK;
    expect_recvmsg(&r.p, 0);
    ck_assert_uint_eq(r.p.received, 4);
    do_recv(&r, &rx, 0, sizeof(r.data));
    ck_assert_int_eq(r.p.error, 0);
    ck_assert_uint_eq(r.p.received, 4);
    ck_assert_mem_eq(r.data, "peek", 4);
    close_pair(&rx, &tx);
}
END_TEST

static Suite *host_suite(void)
{
    Suite *s = suite_create("host_socket");
    TCase *recv_tc = tcase_create("recv");
    TCase *send_tc = tcase_create("send");
    TCase *err_tc = tcase_create("errors");

    tcase_add_test(recv_tc, test_recv_pktinfo4);
    tcase_add_test(recv_tc, test_recv_pktinfo6);
    tcase_add_test(recv_tc, test_tos_ecn4);
    tcase_add_test(recv_tc, test_tclass_ecn6);
    tcase_add_test(recv_tc, test_ttl_hoplimit);
    tcase_add_test(recv_tc, test_recv_trunc);
    tcase_add_test(recv_tc, test_recv_peek);
    tcase_add_test(send_tc, test_send_source_address);
    tcase_add_loop_test(send_tc, test_send_msg_size, 0,
                        sizeof(segment_cases) / sizeof(segment_cases[0]));
    tcase_add_test(send_tc, test_many_buffers);
    tcase_add_test(err_tc, test_recv_wouldblock);
    tcase_add_test(err_tc, test_wait);
    tcase_add_test(err_tc, test_connreset);
    tcase_add_test(err_tc, test_connreset_skipped);
    tcase_add_test(err_tc, test_send_msgsize);
    tcase_add_test(err_tc, test_recv_name_too_small);
    tcase_add_test(err_tc, test_send_bad_flags);
    tcase_add_test(err_tc, test_send_bad_args);
    suite_add_tcase(s, recv_tc);
    suite_add_tcase(s, send_tc);
    suite_add_tcase(s, err_tc);
    return s;
}

int main(void)
{
    return run_suite(host_suite());
}

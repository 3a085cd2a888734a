/*
 * Unit tests of the Win32 <-> host codec (wscodec.h): control messages both
 * ways for both program ABIs, socket addresses, errno and flag mapping.
 *
 * Win32 layouts are built and checked here from Microsoft's macros written
 * out by hand (mswsock.h), never from the codec's own helpers.
 */
#define _GNU_SOURCE
#include <check.h>
#include "run_suite.h"
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/udp.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "msgsock/wscodec.h"

/* --- Microsoft's macros for a program with pointers of `p` bytes ------------------ */
/* sizeof(WSACMSGHDR) = SIZE_T + INT + INT */
#define MS_HDR(p)             ((size_t)(p) + 8)
/* WSA_CMSGHDR_ALIGN: TYPE_ALIGNMENT(WSACMSGHDR) = pointer size */
#define MS_HDR_ALIGN(p, l)    (((l) + (p) - 1) & ~((size_t)(p) - 1))
/* WSA_CMSGDATA_ALIGN: MAX_NATURAL_ALIGNMENT = 8 on 64-bit, 4 on 32-bit */
#define MS_NAT(p)             ((size_t)((p) == 8 ? 8 : 4))
#define MS_DATA_ALIGN(p, l)   (((l) + MS_NAT(p) - 1) & ~(MS_NAT(p) - 1))
#define MS_CMSG_LEN(p, n)     (MS_DATA_ALIGN(p, MS_HDR(p)) + (n))
#define MS_CMSG_SPACE(p, n)   MS_DATA_ALIGN(p, MS_HDR(p) + MS_HDR_ALIGN(p, n))
#define MS_CMSG_DATA_OFF(p)   MS_DATA_ALIGN(p, MS_HDR(p))

static const uint32_t abis[] = { 8, 4 };

static struct ws_abi abi_of(uint32_t p)
{
    struct ws_abi abi = { p };
    return abi;
}

/* A Win32 control buffer as a program fills it with WSA_CMSG_* macros. */
struct win_ctl
{
    uint32_t p;
    unsigned char buf[512];
    size_t len;
};

static void win_ctl_init(struct win_ctl *c, uint32_t p)
{
    memset(c, 0, sizeof(*c));
    c->p = p;
}

/* Appends one message of `n` payload bytes with an explicit cmsg_len. */
static void win_add_raw(struct win_ctl *c, uint64_t cmsg_len, int level, int type,
                        const void *data, size_t n)
{
    unsigned char *h = c->buf + c->len;
    uint32_t len32 = (uint32_t)cmsg_len;

    if (c->p == 8) memcpy(h, &cmsg_len, 8);
    else memcpy(h, &len32, 4);
    memcpy(h + c->p, &level, 4);
    memcpy(h + c->p + 4, &type, 4);
    memcpy(h + MS_CMSG_DATA_OFF(c->p), data, n);
    c->len += MS_CMSG_SPACE(c->p, n);
}

static void win_add(struct win_ctl *c, int level, int type, const void *data, size_t n)
{
    win_add_raw(c, MS_CMSG_LEN(c->p, n), level, type, data, n);
}

static void win_add_int(struct win_ctl *c, int level, int type, int32_t v)
{
    win_add(c, level, type, &v, sizeof(v));
}

/* A Win32 message read back by WSA_CMSG_FIRSTHDR / WSA_CMSG_NXTHDR. */
struct win_msg
{
    uint64_t len;
    int level;
    int type;
    const unsigned char *data;
};

static size_t win_parse(uint32_t p, const unsigned char *buf, size_t len,
                        struct win_msg *out, size_t max)
{
    size_t off = 0, count = 0;

    while (len - off >= MS_HDR(p) && count < max)
    {
        uint32_t l32;
        struct win_msg *m = &out[count++];

        if (p == 8) memcpy(&m->len, buf + off, 8);
        else { memcpy(&l32, buf + off, 4); m->len = l32; }
        memcpy(&m->level, buf + off + p, 4);
        memcpy(&m->type, buf + off + p + 4, 4);
        m->data = buf + off + MS_CMSG_DATA_OFF(p);
        if (off + MS_HDR_ALIGN(p, m->len) + MS_HDR(p) > len) break;
        off += MS_HDR_ALIGN(p, m->len);
    }
    return count;
}

static int32_t i32_at(const unsigned char *p)
{
    int32_t v;
    memcpy(&v, p, 4);
    return v;
}

/* A host cmsg list, built with the Linux macros. */
struct host_ctl
{
    union { struct cmsghdr align; unsigned char buf[512]; } u;
    size_t len;
};

static void host_add(struct host_ctl *c, int level, int type, const void *data, size_t n)
{
    struct cmsghdr *h = (struct cmsghdr *)(c->u.buf + c->len);

    memset(h, 0, CMSG_SPACE(n));
    h->cmsg_len = CMSG_LEN(n);
    h->cmsg_level = level;
    h->cmsg_type = type;
    memcpy(CMSG_DATA(h), data, n);
    c->len += CMSG_SPACE(n);
}

static void host_add_int(struct host_ctl *c, int level, int type, int v)
{
    host_add(c, level, type, &v, sizeof(v));
}

/* Finds host cmsg `level`/`type` in a translated buffer. */
static const struct cmsghdr *host_find(const void *buf, size_t len, int level, int type)
{
    struct msghdr msg;
    struct cmsghdr *c;

    memset(&msg, 0, sizeof(msg));
    msg.msg_control = (void *)buf;
    msg.msg_controllen = len;
    for (c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c))
        if (c->cmsg_level == level && c->cmsg_type == type) return c;
    return NULL;
}

static int host_count(const void *buf, size_t len)
{
    struct msghdr msg;
    struct cmsghdr *c;
    int n = 0;

    memset(&msg, 0, sizeof(msg));
    msg.msg_control = (void *)buf;
    msg.msg_controllen = len;
    for (c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) n++;
    return n;
}

/* Runs ws_control_to_host on `c` with room enough. */
struct to_host
{
    int err;
    union { struct cmsghdr align; unsigned char buf[512]; } host;
    size_t len;
    struct ws_send_control out;
};

static void to_host(struct to_host *r, const struct win_ctl *c, int tos, int tclass)
{
    memset(r, 0xcc, sizeof(*r));
    r->err = ws_control_to_host(abi_of(c->p), c->buf, c->len, tos, tclass,
                                r->host.buf, sizeof(r->host.buf), &r->len, &r->out);
}

/* One INT message `level`/`type` = `v` through ws_control_to_host. */
static void to_host_int(struct to_host *r, uint32_t p, int level, int type, int32_t v,
                        int tos, int tclass)
{
    struct win_ctl c;

    win_ctl_init(&c, p);
    win_add_int(&c, level, type, v);
    to_host(r, &c, tos, tclass);
}

static int host_int(const struct cmsghdr *c)
{
    int v;
    memcpy(&v, CMSG_DATA(c), sizeof(v));
    return v;
}

/* --- layout ---------------------------------------------------------------------- */

/* WSACMSGHDR = {SIZE_T cmsg_len; INT cmsg_level; INT cmsg_type;}: 16 / 12 bytes;
 * WSA_CMSG_LEN / WSA_CMSG_SPACE as in mswsock.h, worked out by hand. */
START_TEST(test_layout_literal)
{
    struct ws_abi a64 = { 8 }, a32 = { 4 };

    ck_assert_uint_eq(ws_cmsg_hdr_size(a64), 16);
    ck_assert_uint_eq(ws_cmsg_hdr_size(a32), 12);
    ck_assert_uint_eq(ws_cmsg_len(a64, 4), 20);
    ck_assert_uint_eq(ws_cmsg_len(a32, 4), 16);
    ck_assert_uint_eq(ws_cmsg_space(a64, 1), 24);    /* IP_TOS byte */
    ck_assert_uint_eq(ws_cmsg_space(a64, 4), 24);    /* INT */
    ck_assert_uint_eq(ws_cmsg_space(a64, 8), 24);    /* IN_PKTINFO */
    ck_assert_uint_eq(ws_cmsg_space(a64, 20), 40);   /* IN6_PKTINFO */
    ck_assert_uint_eq(ws_cmsg_space(a32, 1), 16);
    ck_assert_uint_eq(ws_cmsg_space(a32, 4), 16);
    ck_assert_uint_eq(ws_cmsg_space(a32, 8), 20);
    ck_assert_uint_eq(ws_cmsg_space(a32, 20), 32);
}
END_TEST

/* The same for every payload size 0..64, against the macros written out. */
START_TEST(test_layout_macros)
{
    size_t n;
    uint32_t p = abis[_i];

    for (n = 0; n <= 64; n++)
    {
        ck_assert_uint_eq(ws_cmsg_len(abi_of(p), n), MS_CMSG_LEN(p, n));
        ck_assert_uint_eq(ws_cmsg_space(abi_of(p), n), MS_CMSG_SPACE(p, n));
    }
}
END_TEST

/* --- send: Win32 -> host ----------------------------------------------------------- */

/* WSASendMsg: "may contain an in_pktinfo structure used to specify the local
 * IPv4 source address to use for sending" -> Linux ipi_spec_dst. */
START_TEST(test_send_pktinfo)
{
    struct win_ctl c;
    struct to_host r;
    unsigned char info[8] = { 127, 0, 0, 2, 7, 0, 0, 0 };
    const struct cmsghdr *h;
    struct in_pktinfo pi;

    win_ctl_init(&c, abis[_i]);
    win_add(&c, WS_IPPROTO_IP, WS_IP_PKTINFO, info, sizeof(info));
    to_host(&r, &c, 0, 0);
    ck_assert_int_eq(r.err, 0);
    ck_assert_int_eq(host_count(r.host.buf, r.len), 1);
    h = host_find(r.host.buf, r.len, IPPROTO_IP, IP_PKTINFO);
    ck_assert_ptr_nonnull(h);
    ck_assert_uint_eq(h->cmsg_len, CMSG_LEN(sizeof(pi)));
    memcpy(&pi, CMSG_DATA(h), sizeof(pi));
    ck_assert_uint_eq(pi.ipi_spec_dst.s_addr, htonl(0x7f000002));
    ck_assert_int_eq(pi.ipi_ifindex, 7);
    ck_assert_uint_eq(pi.ipi_addr.s_addr, 0);
    ck_assert_uint_eq(r.out.segment_size, 0);
    ck_assert_uint_eq(r.out.need, 0);
}
END_TEST

/* WSASendMsg: "may contain an in6_pktinfo structure used to specify the local
 * IPv6 source address"; IN6_PKTINFO = {IN6_ADDR; ULONG ifindex} (20 bytes). */
START_TEST(test_send_pktinfo6)
{
    struct win_ctl c;
    struct to_host r;
    unsigned char info[20] = { 0 };
    const struct cmsghdr *h;
    struct in6_pktinfo pi;

    info[15] = 1;   /* ::1 */
    info[16] = 3;   /* ifindex 3 */
    win_ctl_init(&c, abis[_i]);
    win_add(&c, WS_IPPROTO_IPV6, WS_IPV6_PKTINFO, info, sizeof(info));
    to_host(&r, &c, 0, 0);
    ck_assert_int_eq(r.err, 0);
    h = host_find(r.host.buf, r.len, IPPROTO_IPV6, IPV6_PKTINFO);
    ck_assert_ptr_nonnull(h);
    memcpy(&pi, CMSG_DATA(h), sizeof(pi));
    ck_assert(IN6_IS_ADDR_LOOPBACK(&pi.ipi6_addr));
    ck_assert_uint_eq(pi.ipi6_ifindex, 3);
}
END_TEST

/* IP_TOS as INT or as one byte, sent as one host IP_TOS. */
START_TEST(test_send_tos)
{
    struct win_ctl c;
    struct to_host r;
    uint8_t byte = 0x2e;

    to_host_int(&r, abis[_i], WS_IPPROTO_IP, WS_IP_TOS, 0xb9,
                WS_TOS_UNKNOWN, WS_TOS_UNKNOWN);
    ck_assert_int_eq(r.err, 0);
    ck_assert_int_eq(host_int(host_find(r.host.buf, r.len, IPPROTO_IP, IP_TOS)), 0xb9);

    win_ctl_init(&c, abis[_i]);
    win_add(&c, WS_IPPROTO_IP, WS_IP_TOS, &byte, 1);
    to_host(&r, &c, WS_TOS_UNKNOWN, WS_TOS_UNKNOWN);
    ck_assert_int_eq(r.err, 0);
    ck_assert_int_eq(host_int(host_find(r.host.buf, r.len, IPPROTO_IP, IP_TOS)), 0x2e);
}
END_TEST

/* IP_ECN (INT, as msquic and quinn-udp send it) replaces the two low TOS
 * bits; DSCP comes from IP_TOS in the same message list, else the socket. */
START_TEST(test_send_ecn_merge)
{
    struct win_ctl c;
    struct to_host r;

    win_ctl_init(&c, abis[_i]);
    win_add_int(&c, WS_IPPROTO_IP, WS_IP_ECN, 2);
    win_add_int(&c, WS_IPPROTO_IP, WS_IP_TOS, 0xb9);
    to_host(&r, &c, 0x10, WS_TOS_UNKNOWN);
    ck_assert_int_eq(r.err, 0);
    ck_assert_int_eq(host_count(r.host.buf, r.len), 1);
    ck_assert_int_eq(host_int(host_find(r.host.buf, r.len, IPPROTO_IP, IP_TOS)), 0xba);

    to_host_int(&r, abis[_i], WS_IPPROTO_IP, WS_IP_ECN, 1, 0xb8, WS_TOS_UNKNOWN);
    ck_assert_int_eq(r.err, 0);
    ck_assert_uint_eq(r.out.need, 0);
    ck_assert_int_eq(host_int(host_find(r.host.buf, r.len, IPPROTO_IP, IP_TOS)), 0xb9);
}
END_TEST

/* ECN alone with the socket's TOS unknown: the codec asks for it. */
START_TEST(test_send_ecn_needs_socket_tos)
{
    struct to_host r;

    to_host_int(&r, abis[_i], WS_IPPROTO_IP, WS_IP_ECN, 3,
                WS_TOS_UNKNOWN, WS_TOS_UNKNOWN);
    ck_assert_int_eq(r.err, 0);
    ck_assert_uint_eq(r.out.need, WS_NEED_SOCKET_TOS);
    ck_assert_uint_eq(r.len, 0);

    to_host_int(&r, abis[_i], WS_IPPROTO_IPV6, WS_IPV6_ECN, 3,
                WS_TOS_UNKNOWN, WS_TOS_UNKNOWN);
    ck_assert_int_eq(r.err, 0);
    ck_assert_uint_eq(r.out.need, WS_NEED_SOCKET_TCLASS);
}
END_TEST

/* IPV6_TCLASS (INT) and IPV6_ECN (INT 0..3) -> one IPV6_TCLASS. */
START_TEST(test_send_tclass_ecn6)
{
    struct to_host r;

    to_host_int(&r, abis[_i], WS_IPPROTO_IPV6, WS_IPV6_TCLASS, 0x20,
                WS_TOS_UNKNOWN, WS_TOS_UNKNOWN);
    ck_assert_int_eq(r.err, 0);
    ck_assert_int_eq(host_int(host_find(r.host.buf, r.len, IPPROTO_IPV6, IPV6_TCLASS)), 0x20);

    to_host_int(&r, abis[_i], WS_IPPROTO_IPV6, WS_IPV6_ECN, 1, WS_TOS_UNKNOWN, 0x2a);
    ck_assert_int_eq(r.err, 0);
    ck_assert_int_eq(host_int(host_find(r.host.buf, r.len, IPPROTO_IPV6, IPV6_TCLASS)), 0x29);
    ck_assert_ptr_null(host_find(r.host.buf, r.len, IPPROTO_IP, IP_TOS));
}
END_TEST

/* UDP_SEND_MSG_SIZE is a DWORD (quinn-udp, msquic): no host cmsg. */
START_TEST(test_send_msg_size)
{
    struct to_host r;

    to_host_int(&r, abis[_i], WS_IPPROTO_UDP, WS_UDP_SEND_MSG_SIZE, 1200, 0, 0);
    ck_assert_int_eq(r.err, 0);
    ck_assert_uint_eq(r.out.segment_size, 1200);
    ck_assert_uint_eq(r.len, 0);
}
END_TEST

/* IPV6_DONTFRAG passes through; IP_DONTFRAGMENT is accepted (picoquic sends
 * both as control messages on Windows) and has no host cmsg. */
START_TEST(test_send_dontfrag)
{
    struct win_ctl c;
    struct to_host r;

    win_ctl_init(&c, abis[_i]);
    win_add_int(&c, WS_IPPROTO_IPV6, WS_IPV6_DONTFRAG, 1);
    win_add_int(&c, WS_IPPROTO_IP, WS_IP_DONTFRAGMENT, 1);
    to_host(&r, &c, 0, 0);
    ck_assert_int_eq(r.err, 0);
    ck_assert_int_eq(host_count(r.host.buf, r.len), 1);
    ck_assert_int_eq(host_int(host_find(r.host.buf, r.len, IPPROTO_IPV6, IPV6_DONTFRAG)), 1);
}
END_TEST

/* msquic's send buffer: PKTINFO + ECN + UDP_SEND_MSG_SIZE, Control.len the
 * sum of WSA_CMSG_SPACE; and a list whose last message has no padding. */
START_TEST(test_send_msquic_layout)
{
    struct win_ctl c;
    struct to_host r;
    unsigned char info[8] = { 10, 0, 0, 1, 0, 0, 0, 0 };

    win_ctl_init(&c, abis[_i]);
    win_add(&c, WS_IPPROTO_IP, WS_IP_PKTINFO, info, sizeof(info));
    win_add_int(&c, WS_IPPROTO_IP, WS_IP_ECN, 2);
    win_add_int(&c, WS_IPPROTO_UDP, WS_UDP_SEND_MSG_SIZE, 1452);
    ck_assert_uint_eq(c.len, MS_CMSG_SPACE(c.p, 8) + 2 * MS_CMSG_SPACE(c.p, 4));
    to_host(&r, &c, 0x00, 0);
    ck_assert_int_eq(r.err, 0);
    ck_assert_int_eq(host_count(r.host.buf, r.len), 2);
    ck_assert_uint_eq(r.out.segment_size, 1452);
    ck_assert_int_eq(host_int(host_find(r.host.buf, r.len, IPPROTO_IP, IP_TOS)), 2);

    c.len -= MS_CMSG_SPACE(c.p, 4) - MS_CMSG_LEN(c.p, 4);
    to_host(&r, &c, 0x00, 0);
    ck_assert_int_eq(r.err, 0);
    ck_assert_uint_eq(r.out.segment_size, 1452);
}
END_TEST

/* Malformed Win32 lists give WSAEINVAL (wscodec.h contract). */
START_TEST(test_send_malformed)
{
    static const struct { int level, type; size_t len; } sizes[] =
    {
        { WS_IPPROTO_IP, WS_IP_PKTINFO, 6 },
        { WS_IPPROTO_IP, WS_IP_PKTINFO, 12 },   /* Linux's in_pktinfo, not Windows' */
        { WS_IPPROTO_IPV6, WS_IPV6_PKTINFO, 24 },
        { WS_IPPROTO_IP, WS_IP_ECN, 2 },
        { WS_IPPROTO_IP, WS_IP_TOS, 2 },
        { WS_IPPROTO_IPV6, WS_IPV6_TCLASS, 1 },
        { WS_IPPROTO_IPV6, WS_IPV6_ECN, 8 },
        { WS_IPPROTO_UDP, WS_UDP_SEND_MSG_SIZE, 2 },
        { WS_IPPROTO_IP, WS_IP_DONTFRAGMENT, 0 },
    };
    uint32_t p = abis[_i];
    struct win_ctl c;
    struct to_host r;
    unsigned char big[24] = { 0 };
    int32_t v = 0;
    size_t i;

    /* cmsg_len smaller than WSACMSGHDR */
    win_ctl_init(&c, p);
    win_add_raw(&c, MS_HDR(p) - 1, WS_IPPROTO_IP, WS_IP_ECN, &v, 4);
    to_host(&r, &c, 0, 0);
    ck_assert_int_eq(r.err, WS_WSAEINVAL);
    /* cmsg_len running past the buffer */
    win_ctl_init(&c, p);
    win_add_raw(&c, c.len + MS_CMSG_SPACE(p, 4) + 1, WS_IPPROTO_IP, WS_IP_ECN, &v, 4);
    to_host(&r, &c, 0, 0);
    ck_assert_int_eq(r.err, WS_WSAEINVAL);
    /* a 64-bit cmsg_len past 4 GiB must not wrap */
    if (p == 8)
    {
        win_ctl_init(&c, p);
        win_add_raw(&c, 0x100000014ull, WS_IPPROTO_IP, WS_IP_ECN, &v, 4);
        to_host(&r, &c, 0, 0);
        ck_assert_int_eq(r.err, WS_WSAEINVAL);
    }
    /* payloads of the wrong size */
    for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
    {
        win_ctl_init(&c, p);
        win_add(&c, sizes[i].level, sizes[i].type, big, sizes[i].len);
        to_host(&r, &c, 0, 0);
        ck_assert_int_eq(r.err, WS_WSAEINVAL);
    }
}
END_TEST

/* Values out of range and unknown messages give WSAEINVAL. */
START_TEST(test_send_bad_values)
{
    static const struct { int level, type; int32_t value; } cases[] =
    {
        { WS_IPPROTO_IP, WS_IP_ECN, 4 },
        { WS_IPPROTO_IPV6, WS_IPV6_ECN, -1 },
        { WS_IPPROTO_IP, WS_IP_TOS, 256 },
        { WS_IPPROTO_IPV6, WS_IPV6_TCLASS, -1 },
        { WS_IPPROTO_UDP, WS_UDP_SEND_MSG_SIZE, 0 },
        { WS_IPPROTO_IPV6, WS_IPV6_DONTFRAG, 2 },
        { WS_IPPROTO_IP, 999, 0 },
        { 0xffff, WS_IP_TOS, 0 },
    };
    struct to_host r;
    size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
    {
        to_host_int(&r, abis[_i], cases[i].level, cases[i].type, cases[i].value, 0, 0);
        ck_assert_int_eq(r.err, WS_WSAEINVAL);
    }
}
END_TEST

/* Fewer trailing bytes than a WSACMSGHDR end the list (WSA_CMSG_NXTHDR);
 * an empty or NULL control buffer has no messages. */
START_TEST(test_send_empty_and_trailing)
{
    uint32_t p = abis[_i];
    struct win_ctl c;
    struct to_host r;
    size_t len = 1;
    struct ws_send_control out;

    win_ctl_init(&c, p);
    win_add_int(&c, WS_IPPROTO_UDP, WS_UDP_SEND_MSG_SIZE, 500);
    c.len += MS_HDR(p) - 1;
    to_host(&r, &c, 0, 0);
    ck_assert_int_eq(r.err, 0);
    ck_assert_uint_eq(r.out.segment_size, 500);

    ck_assert_int_eq(ws_control_to_host(abi_of(p), NULL, 0, 0, 0, NULL, 0, &len, &out), 0);
    ck_assert_uint_eq(len, 0);
}
END_TEST

/* No room for the host cmsgs: WSAENOBUFS. */
START_TEST(test_send_nobufs)
{
    struct win_ctl c;
    unsigned char host[8];
    size_t len;
    struct ws_send_control out;

    win_ctl_init(&c, abis[_i]);
    win_add_int(&c, WS_IPPROTO_IP, WS_IP_TOS, 1);
    ck_assert_int_eq(ws_control_to_host(abi_of(c.p), c.buf, c.len, 0, 0, host, sizeof(host),
                                        &len, &out), WS_WSAENOBUFS);
}
END_TEST

/* --- receive: host -> Win32 ---------------------------------------------------------- */

struct from_host
{
    unsigned char win[512];
    size_t len;
    uint32_t flags;
    struct ws_recv_info info;
    struct win_msg msgs[16];
    size_t count;
};

static void from_host(struct from_host *r, uint32_t p, const struct host_ctl *h, uint32_t want,
                      size_t cap)
{
    memset(r, 0xcc, sizeof(*r));
    r->flags = 0;
    ck_assert_int_eq(ws_control_from_host(abi_of(p), h->u.buf, h->len, want, r->win, cap,
                                          &r->len, &r->flags, &r->info), 0);
    r->count = win_parse(p, r->win, r->len, r->msgs, 16);
}

/* Checks message `i` against level/type/payload size, at WSA_CMSG_SPACE steps. */
static void check_msg(const struct from_host *r, uint32_t p, size_t i, size_t offset,
                      int level, int type, size_t n)
{
    ck_assert_uint_gt(r->count, i);
    ck_assert_ptr_eq(r->msgs[i].data, r->win + offset + MS_CMSG_DATA_OFF(p));
    ck_assert_uint_eq(r->msgs[i].len, MS_CMSG_LEN(p, n));
    ck_assert_int_eq(r->msgs[i].level, level);
    ck_assert_int_eq(r->msgs[i].type, type);
}

/* LPFN_WSARECVMSG: IP_PKTINFO delivers an in_pktinfo (cmsg_level IPPROTO_IP,
 * cmsg_type IP_PKTINFO); ipi_addr is the packet's destination (local) address. */
START_TEST(test_recv_pktinfo)
{
    uint32_t p = abis[_i];
    struct host_ctl h = { .len = 0 };
    struct in_pktinfo pi = { 0 };
    struct from_host r;

    pi.ipi_ifindex = 5;
    pi.ipi_spec_dst.s_addr = htonl(0x0a000001);
    pi.ipi_addr.s_addr = htonl(0x7f000001);
    host_add(&h, IPPROTO_IP, IP_PKTINFO, &pi, sizeof(pi));
    from_host(&r, p, &h, WS_WANT_PKTINFO, sizeof(r.win));
    ck_assert_uint_eq(r.len, MS_CMSG_SPACE(p, 8));
    ck_assert_uint_eq(r.count, 1);
    check_msg(&r, p, 0, 0, WS_IPPROTO_IP, WS_IP_PKTINFO, 8);
    ck_assert_uint_eq(ntohl(*(const uint32_t *)r.msgs[0].data), 0x7f000001);
    ck_assert_int_eq(i32_at(r.msgs[0].data + 4), 5);
    ck_assert_int_eq(r.info.have_dst, 1);
    ck_assert_int_eq(r.info.dst_family, WS_AF_INET);
    ck_assert_mem_eq(r.info.dst_addr, &pi.ipi_addr, 4);
    ck_assert_uint_eq(r.flags, 0);
}
END_TEST

/* LPFN_WSARECVMSG: IPV6_PKTINFO delivers an in6_pktinfo (IPPROTO_IPV6). */
START_TEST(test_recv_pktinfo6)
{
    uint32_t p = abis[_i];
    struct host_ctl h = { .len = 0 };
    struct in6_pktinfo pi;
    struct from_host r;

    memset(&pi, 0, sizeof(pi));
    pi.ipi6_addr = in6addr_loopback;
    pi.ipi6_ifindex = 9;
    host_add(&h, IPPROTO_IPV6, IPV6_PKTINFO, &pi, sizeof(pi));
    from_host(&r, p, &h, WS_WANT_PKTINFO6, sizeof(r.win));
    ck_assert_uint_eq(r.len, MS_CMSG_SPACE(p, 20));
    check_msg(&r, p, 0, 0, WS_IPPROTO_IPV6, WS_IPV6_PKTINFO, 20);
    ck_assert_mem_eq(r.msgs[0].data, &in6addr_loopback, 16);
    ck_assert_int_eq(i32_at(r.msgs[0].data + 16), 9);
    ck_assert_int_eq(r.info.dst_family, WS_AF_INET6);
}
END_TEST

/* Host IP_TOS (one byte) -> IP_TOS (1 byte) and IP_ECN (INT, as msquic and
 * quinn-udp read it), in that order, WSA_CMSG_SPACE apart. */
START_TEST(test_recv_tos_ecn)
{
    uint32_t p = abis[_i];
    struct host_ctl h = { .len = 0 };
    uint8_t tos = 0xbb;
    struct from_host r;

    host_add(&h, IPPROTO_IP, IP_TOS, &tos, 1);
    from_host(&r, p, &h, WS_WANT_TOS | WS_WANT_ECN, sizeof(r.win));
    /* Windows gives IP_TOS as an INT (Wine's suite, sock.c test_ipv4_cmsg) */
    ck_assert_uint_eq(r.len, MS_CMSG_SPACE(p, 4) + MS_CMSG_SPACE(p, 4));
    ck_assert_uint_eq(r.count, 2);
    check_msg(&r, p, 0, 0, WS_IPPROTO_IP, WS_IP_TOS, 4);
    ck_assert_int_eq(i32_at(r.msgs[0].data), 0xbb);
    check_msg(&r, p, 1, MS_CMSG_SPACE(p, 4), WS_IPPROTO_IP, WS_IP_ECN, 4);
    ck_assert_int_eq(i32_at(r.msgs[1].data), 3);
}
END_TEST

/* Host IPV6_TCLASS (int) -> IPV6_TCLASS (INT) and IPV6_ECN (INT). */
START_TEST(test_recv_tclass_ecn6)
{
    uint32_t p = abis[_i];
    struct host_ctl h = { .len = 0 };
    struct from_host r;

    host_add_int(&h, IPPROTO_IPV6, IPV6_TCLASS, 0x22);
    from_host(&r, p, &h, WS_WANT_TCLASS | WS_WANT_ECN6, sizeof(r.win));
    ck_assert_uint_eq(r.count, 2);
    check_msg(&r, p, 0, 0, WS_IPPROTO_IPV6, WS_IPV6_TCLASS, 4);
    ck_assert_int_eq(i32_at(r.msgs[0].data), 0x22);
    check_msg(&r, p, 1, MS_CMSG_SPACE(p, 4), WS_IPPROTO_IPV6, WS_IPV6_ECN, 4);
    ck_assert_int_eq(i32_at(r.msgs[1].data), 2);
}
END_TEST

/* IP_TTL and IPV6_HOPLIMIT as INT; UDP_GRO -> UDP_COALESCED_INFO as a DWORD
 * (msquic reads *(PDWORD)WSA_CMSG_DATA, quinn-udp a u32). */
START_TEST(test_recv_ttl_hoplimit_gro)
{
    uint32_t p = abis[_i];
    struct host_ctl h = { .len = 0 };
    struct from_host r;
    size_t off;

    host_add_int(&h, IPPROTO_IP, IP_TTL, 64);
    host_add_int(&h, IPPROTO_IPV6, IPV6_HOPLIMIT, 255);
    host_add_int(&h, IPPROTO_UDP, UDP_GRO, 1200);
    from_host(&r, p, &h, WS_WANT_TTL | WS_WANT_HOPLIMIT | WS_WANT_COALESCED, sizeof(r.win));
    ck_assert_uint_eq(r.count, 3);
    ck_assert_uint_eq(r.len, 3 * MS_CMSG_SPACE(p, 4));
    check_msg(&r, p, 0, 0, WS_IPPROTO_IP, WS_IP_TTL, 4);
    ck_assert_int_eq(i32_at(r.msgs[0].data), 64);
    off = MS_CMSG_SPACE(p, 4);
    check_msg(&r, p, 1, off, WS_IPPROTO_IPV6, WS_IPV6_HOPLIMIT, 4);
    ck_assert_int_eq(i32_at(r.msgs[1].data), 255);
    check_msg(&r, p, 2, 2 * off, WS_IPPROTO_UDP, WS_UDP_COALESCED_INFO, 4);
    ck_assert_int_eq(i32_at(r.msgs[2].data), 1200);
}
END_TEST

/* Only what the program enabled is delivered; the destination is learnt
 * all the same (for MSG_BCAST / MSG_MCAST). */
START_TEST(test_recv_want_filter)
{
    uint32_t p = abis[_i];
    struct host_ctl h = { .len = 0 };
    struct in_pktinfo pi = { 0 };
    uint8_t tos = 1;
    struct from_host r;

    pi.ipi_addr.s_addr = htonl(0xe0000001);
    host_add(&h, IPPROTO_IP, IP_PKTINFO, &pi, sizeof(pi));
    host_add(&h, IPPROTO_IP, IP_TOS, &tos, 1);
    host_add_int(&h, IPPROTO_IP, IP_TTL, 3);
    from_host(&r, p, &h, 0, sizeof(r.win));
    ck_assert_uint_eq(r.len, 0);
    ck_assert_uint_eq(r.flags, 0);
    ck_assert_int_eq(r.info.have_dst, 1);
    ck_assert_uint_eq(ws_recv_cast_flags(&r.info), WS_MSG_MCAST);

    from_host(&r, p, &h, WS_WANT_ECN, sizeof(r.win));
    ck_assert_uint_eq(r.count, 1);
    check_msg(&r, p, 0, 0, WS_IPPROTO_IP, WS_IP_ECN, 4);
}
END_TEST

/* LPFN_WSARECVMSG: MSG_CTRUNC "control data was truncated: more control data
 * than the process allocated space for"; the messages that fit are kept. */
START_TEST(test_recv_ctrunc)
{
    uint32_t p = abis[_i];
    struct host_ctl h = { .len = 0 };
    struct in6_pktinfo pi;
    struct from_host r;
    size_t len = 99;
    uint32_t flags = 0;

    memset(&pi, 0, sizeof(pi));
    host_add(&h, IPPROTO_IPV6, IPV6_PKTINFO, &pi, sizeof(pi));
    host_add_int(&h, IPPROTO_IPV6, IPV6_HOPLIMIT, 7);
    host_add_int(&h, IPPROTO_IPV6, IPV6_TCLASS, 1);
    /* room for the pktinfo and one INT message, not a third */
    from_host(&r, p, &h, WS_WANT_PKTINFO6 | WS_WANT_HOPLIMIT | WS_WANT_TCLASS,
              MS_CMSG_SPACE(p, 20) + MS_CMSG_SPACE(p, 4) + MS_CMSG_SPACE(p, 4) - 1);
    ck_assert_uint_eq(r.flags, WS_MSG_CTRUNC);
    ck_assert_uint_eq(r.count, 2);
    ck_assert_uint_eq(r.len, MS_CMSG_SPACE(p, 20) + MS_CMSG_SPACE(p, 4));
    check_msg(&r, p, 0, 0, WS_IPPROTO_IPV6, WS_IPV6_PKTINFO, 20);
    check_msg(&r, p, 1, MS_CMSG_SPACE(p, 20), WS_IPPROTO_IPV6, WS_IPV6_HOPLIMIT, 4);

    /* a message too big is dropped, a smaller one after it is kept */
    from_host(&r, p, &h, WS_WANT_PKTINFO6 | WS_WANT_HOPLIMIT, MS_CMSG_SPACE(p, 4));
    ck_assert_uint_eq(r.flags, WS_MSG_CTRUNC);
    ck_assert_uint_eq(r.count, 1);
    check_msg(&r, p, 0, 0, WS_IPPROTO_IPV6, WS_IPV6_HOPLIMIT, 4);

    /* no control buffer at all */
    ck_assert_int_eq(ws_control_from_host(abi_of(p), h.u.buf, h.len, WS_WANT_HOPLIMIT,
                                          NULL, 0, &len, &flags, NULL), 0);
    ck_assert_uint_eq(len, 0);
    ck_assert_uint_eq(flags, WS_MSG_CTRUNC);
}
END_TEST

/* Malformed host cmsgs are skipped, never read past host_len. */
START_TEST(test_recv_malformed_host)
{
    uint32_t p = abis[_i];
    struct host_ctl h = { .len = 0 };
    struct from_host r;
    struct cmsghdr *c;
    uint8_t two[2] = { 0 };

    /* a pktinfo too short for in_pktinfo, then a TTL */
    host_add(&h, IPPROTO_IP, IP_PKTINFO, two, sizeof(two));
    host_add_int(&h, IPPROTO_IP, IP_TTL, 9);
    from_host(&r, p, &h, WS_WANT_PKTINFO | WS_WANT_TTL, sizeof(r.win));
    ck_assert_uint_eq(r.count, 1);
    check_msg(&r, p, 0, 0, WS_IPPROTO_IP, WS_IP_TTL, 4);
    ck_assert_int_eq(r.info.have_dst, 0);

    /* a cmsg_len past the end stops the walk */
    c = (struct cmsghdr *)h.u.buf;
    c->cmsg_len = h.len + 1;
    from_host(&r, p, &h, WS_WANT_PKTINFO | WS_WANT_TTL, sizeof(r.win));
    ck_assert_uint_eq(r.len, 0);
    /* so does one shorter than its header */
    c->cmsg_len = 3;
    from_host(&r, p, &h, WS_WANT_PKTINFO | WS_WANT_TTL, sizeof(r.win));
    ck_assert_uint_eq(r.len, 0);
}
END_TEST

/* LPFN_WSARECVMSG: MSG_BCAST "received as a link-layer broadcast or with a
 * destination IP address that is a broadcast address"; MSG_MCAST "with a
 * destination IP address that is a multicast address". */
START_TEST(test_recv_cast_flags)
{
    struct ws_recv_info info;

    memset(&info, 0, sizeof(info));
    ck_assert_uint_eq(ws_recv_cast_flags(&info), 0);
    ck_assert_uint_eq(ws_recv_cast_flags(NULL), 0);
    info.have_dst = 1;
    info.dst_family = WS_AF_INET;
    inet_pton(AF_INET, "239.1.2.3", info.dst_addr);
    ck_assert_uint_eq(ws_recv_cast_flags(&info), WS_MSG_MCAST);
    inet_pton(AF_INET, "255.255.255.255", info.dst_addr);
    ck_assert_uint_eq(ws_recv_cast_flags(&info), WS_MSG_BCAST);
    inet_pton(AF_INET, "127.0.0.1", info.dst_addr);
    ck_assert_uint_eq(ws_recv_cast_flags(&info), 0);
    info.dst_family = WS_AF_INET6;
    inet_pton(AF_INET6, "ff02::1", info.dst_addr);
    ck_assert_uint_eq(ws_recv_cast_flags(&info), WS_MSG_MCAST);
    inet_pton(AF_INET6, "::ffff:224.0.0.251", info.dst_addr);
    ck_assert_uint_eq(ws_recv_cast_flags(&info), WS_MSG_MCAST);
    inet_pton(AF_INET6, "::ffff:255.255.255.255", info.dst_addr);
    ck_assert_uint_eq(ws_recv_cast_flags(&info), WS_MSG_BCAST);
    inet_pton(AF_INET6, "::1", info.dst_addr);
    ck_assert_uint_eq(ws_recv_cast_flags(&info), 0);
}
END_TEST

/* --- socket addresses ------------------------------------------------------------------ */

static void win_sin(unsigned char *w, uint16_t port, const char *addr)
{
    uint16_t family = WS_AF_INET, nport = htons(port);

    memset(w, 0xee, 16);
    memcpy(w, &family, 2);
    memcpy(w + 2, &nport, 2);
    inet_pton(AF_INET, addr, w + 4);
}

static void win_sin6(unsigned char *w, uint16_t port, const char *addr, uint32_t scope)
{
    uint16_t family = WS_AF_INET6, nport = htons(port);
    uint32_t flow = htonl(0x12345);

    memset(w, 0, 28);
    memcpy(w, &family, 2);
    memcpy(w + 2, &nport, 2);
    memcpy(w + 4, &flow, 4);
    inet_pton(AF_INET6, addr, w + 8);
    memcpy(w + 24, &scope, 4);
}

/* SOCKADDR_IN {family 2, port, addr, zero[8]} (16 bytes) -> sockaddr_in. */
START_TEST(test_sockaddr_in_to_host)
{
    unsigned char w[16];
    struct sockaddr_storage ss;
    struct sockaddr_in *sin = (struct sockaddr_in *)&ss;
    uint32_t len = 0;

    win_sin(w, 4433, "192.0.2.7");
    ck_assert_int_eq(ws_sockaddr_to_host(w, 16, &ss, &len), 0);
    ck_assert_uint_eq(len, sizeof(*sin));
    ck_assert_int_eq(sin->sin_family, AF_INET);
    ck_assert_uint_eq(ntohs(sin->sin_port), 4433);
    ck_assert_uint_eq(ntohl(sin->sin_addr.s_addr), 0xc0000207);
    ck_assert_int_eq(ws_sockaddr_to_host(w, 15, &ss, &len), WS_WSAEFAULT);
    ck_assert_int_eq(ws_sockaddr_to_host(w, 1, &ss, &len), WS_WSAEFAULT);
    ck_assert_int_eq(ws_sockaddr_to_host(w, -16, &ss, &len), WS_WSAEFAULT);
    ck_assert_int_eq(ws_sockaddr_to_host(NULL, 16, &ss, &len), WS_WSAEFAULT);
}
END_TEST

/* SOCKADDR_IN6 is 28 bytes {family 23, port, flowinfo, addr[16], scope_id}. */
START_TEST(test_sockaddr_in6_to_host)
{
    unsigned char w[28];
    struct sockaddr_storage ss;
    struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&ss;
    uint32_t len = 0;

    win_sin6(w, 443, "2001:db8::5", 4);
    ck_assert_int_eq(ws_sockaddr_to_host(w, 28, &ss, &len), 0);
    ck_assert_uint_eq(len, sizeof(*sin6));
    ck_assert_int_eq(sin6->sin6_family, AF_INET6);
    ck_assert_uint_eq(ntohs(sin6->sin6_port), 443);
    ck_assert_uint_eq(ntohl(sin6->sin6_flowinfo), 0x12345);
    ck_assert_mem_eq(&sin6->sin6_addr, w + 8, 16);
    ck_assert_uint_eq(sin6->sin6_scope_id, 4);
    /* the old 24-byte SOCKADDR_IN6 has no scope_id */
    ck_assert_int_eq(ws_sockaddr_to_host(w, 24, &ss, &len), 0);
    ck_assert_uint_eq(sin6->sin6_scope_id, 0);
    ck_assert_int_eq(ws_sockaddr_to_host(w, 23, &ss, &len), WS_WSAEFAULT);
    ck_assert_int_eq(ws_sockaddr_to_host(w, 16, &ss, &len), WS_WSAEFAULT);
}
END_TEST

START_TEST(test_sockaddr_bad_family)
{
    unsigned char w[28] = { 1, 0 };   /* AF_UNIX */
    struct sockaddr_storage ss;
    uint32_t len;

    ck_assert_int_eq(ws_sockaddr_to_host(w, 28, &ss, &len), WS_WSAEAFNOSUPPORT);
    w[0] = 10;   /* host AF_INET6 is not Win32's */
    ck_assert_int_eq(ws_sockaddr_to_host(w, 28, &ss, &len), WS_WSAEAFNOSUPPORT);
}
END_TEST

/* Host -> SOCKADDR_IN / SOCKADDR_IN6, byte for byte. */
START_TEST(test_sockaddr_from_host)
{
    struct sockaddr_in sin;
    struct sockaddr_in6 sin6;
    unsigned char w[64], want[28];
    int len;

    memset(&sin, 0, sizeof(sin));
    sin.sin_family = AF_INET;
    sin.sin_port = htons(4433);
    inet_pton(AF_INET, "192.0.2.7", &sin.sin_addr);
    win_sin(want, 4433, "192.0.2.7");
    memset(want + 8, 0, 8);
    len = sizeof(w);
    memset(w, 0xee, sizeof(w));
    ck_assert_int_eq(ws_sockaddr_from_host(&sin, sizeof(sin), w, &len), 0);
    ck_assert_int_eq(len, 16);
    ck_assert_mem_eq(w, want, 16);

    memset(&sin6, 0, sizeof(sin6));
    sin6.sin6_family = AF_INET6;
    sin6.sin6_port = htons(443);
    sin6.sin6_flowinfo = htonl(0x12345);
    sin6.sin6_scope_id = 4;
    inet_pton(AF_INET6, "2001:db8::5", &sin6.sin6_addr);
    win_sin6(want, 443, "2001:db8::5", 4);
    len = sizeof(w);
    ck_assert_int_eq(ws_sockaddr_from_host(&sin6, sizeof(sin6), w, &len), 0);
    ck_assert_int_eq(len, 28);
    ck_assert_mem_eq(w, want, 28);
}
END_TEST

/* LPFN_WSARECVMSG WSAEFAULT: "the lpFrom buffer was too small to
 * accommodate the peer address"; the size needed is reported. */
START_TEST(test_sockaddr_from_host_errors)
{
    struct sockaddr_in6 sin6;
    struct sockaddr_un sun;
    unsigned char w[28];
    int len;

    memset(&sin6, 0, sizeof(sin6));
    sin6.sin6_family = AF_INET6;
    len = 27;
    ck_assert_int_eq(ws_sockaddr_from_host(&sin6, sizeof(sin6), w, &len), WS_WSAEFAULT);
    ck_assert_int_eq(len, 28);
    len = 28;
    ck_assert_int_eq(ws_sockaddr_from_host(&sin6, sizeof(sin6) - 1, w, &len), WS_WSAEINVAL);
    len = 28;
    ck_assert_int_eq(ws_sockaddr_from_host(&sin6, sizeof(sin6), NULL, &len), WS_WSAEFAULT);
    memset(&sun, 0, sizeof(sun));
    sun.sun_family = AF_UNIX;
    len = 28;
    ck_assert_int_eq(ws_sockaddr_from_host(&sun, sizeof(sun), w, &len), WS_WSAEAFNOSUPPORT);
}
END_TEST

/* --- errors and flags ------------------------------------------------------------------- */

/* WSASendMsg / WSARecvMsg error tables, from the errno Linux gives. */
START_TEST(test_errno_map)
{
    static const struct { int err, wsa; } cases[] =
    {
        { EAGAIN, WS_WSAEWOULDBLOCK }, { EWOULDBLOCK, WS_WSAEWOULDBLOCK },
        { EMSGSIZE, WS_WSAEMSGSIZE }, { ECONNREFUSED, WS_WSAECONNREFUSED },
        { ECONNRESET, WS_WSAECONNRESET }, { ENETUNREACH, WS_WSAENETUNREACH },
        { EHOSTUNREACH, WS_WSAEHOSTUNREACH }, { ENOTCONN, WS_WSAENOTCONN },
        { ENOTSOCK, WS_WSAENOTSOCK }, { EBADF, WS_WSAENOTSOCK },
        { EOPNOTSUPP, WS_WSAEOPNOTSUPP }, { ESHUTDOWN, WS_WSAESHUTDOWN },
        { EPIPE, WS_WSAESHUTDOWN }, { ETIMEDOUT, WS_WSAETIMEDOUT },
        { ENOBUFS, WS_WSAENOBUFS }, { ENOMEM, WS_WSAENOBUFS },
        { EACCES, WS_WSAEACCES }, { EFAULT, WS_WSAEFAULT }, { EINTR, WS_WSAEINTR },
        { EINVAL, WS_WSAEINVAL }, { EADDRNOTAVAIL, WS_WSAEADDRNOTAVAIL },
        { EADDRINUSE, WS_WSAEADDRINUSE }, { EAFNOSUPPORT, WS_WSAEAFNOSUPPORT },
        { EDESTADDRREQ, WS_WSAEDESTADDRREQ }, { ENETDOWN, WS_WSAENETDOWN },
        { ENETRESET, WS_WSAENETRESET }, { EISCONN, WS_WSAEISCONN },
        { ENOPROTOOPT, WS_WSAENOPROTOOPT }, { EINPROGRESS, WS_WSAEINPROGRESS },
    };
    size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        ck_assert_int_eq(ws_errno_to_wsa(cases[i].err), cases[i].wsa);
    /* unknown values are an error all the same, never 0 */
    ck_assert_int_eq(ws_errno_to_wsa(0), WS_WSAEINVAL);
    ck_assert_int_eq(ws_errno_to_wsa(EDOM), WS_WSAEINVAL);
}
END_TEST

START_TEST(test_flags_to_host)
{
    ck_assert_int_eq(ws_flags_to_host(0), 0);
    ck_assert_int_eq(ws_flags_to_host(WS_MSG_PEEK), MSG_PEEK);
    ck_assert_int_eq(ws_flags_to_host(WS_MSG_OOB | WS_MSG_DONTROUTE), MSG_OOB | MSG_DONTROUTE);
    ck_assert_int_eq(ws_flags_to_host(WS_MSG_WAITALL), MSG_WAITALL);
    /* output-only flags never reach the host */
    ck_assert_int_eq(ws_flags_to_host(WS_MSG_TRUNC | WS_MSG_CTRUNC | WS_MSG_BCAST |
                                      WS_MSG_MCAST), 0);
}
END_TEST

/* --- runner ------------------------------------------------------------------------------ */

static Suite *codec_suite(void)
{
    Suite *s = suite_create("wscodec");
    TCase *layout = tcase_create("layout");
    TCase *send = tcase_create("send");
    TCase *recv = tcase_create("recv");
    TCase *addr = tcase_create("sockaddr");
    TCase *misc = tcase_create("errors");
    int n = sizeof(abis) / sizeof(abis[0]);

    tcase_add_test(layout, test_layout_literal);
    tcase_add_loop_test(layout, test_layout_macros, 0, n);
    tcase_add_loop_test(send, test_send_pktinfo, 0, n);
    tcase_add_loop_test(send, test_send_pktinfo6, 0, n);
    tcase_add_loop_test(send, test_send_tos, 0, n);
    tcase_add_loop_test(send, test_send_ecn_merge, 0, n);
    tcase_add_loop_test(send, test_send_ecn_needs_socket_tos, 0, n);
    tcase_add_loop_test(send, test_send_tclass_ecn6, 0, n);
    tcase_add_loop_test(send, test_send_msg_size, 0, n);
    tcase_add_loop_test(send, test_send_dontfrag, 0, n);
    tcase_add_loop_test(send, test_send_msquic_layout, 0, n);
    tcase_add_loop_test(send, test_send_malformed, 0, n);
    tcase_add_loop_test(send, test_send_bad_values, 0, n);
    tcase_add_loop_test(send, test_send_empty_and_trailing, 0, n);
    tcase_add_loop_test(send, test_send_nobufs, 0, n);
    tcase_add_loop_test(recv, test_recv_pktinfo, 0, n);
    tcase_add_loop_test(recv, test_recv_pktinfo6, 0, n);
    tcase_add_loop_test(recv, test_recv_tos_ecn, 0, n);
    tcase_add_loop_test(recv, test_recv_tclass_ecn6, 0, n);
    tcase_add_loop_test(recv, test_recv_ttl_hoplimit_gro, 0, n);
    tcase_add_loop_test(recv, test_recv_want_filter, 0, n);
    tcase_add_loop_test(recv, test_recv_ctrunc, 0, n);
    tcase_add_loop_test(recv, test_recv_malformed_host, 0, n);
    tcase_add_test(recv, test_recv_cast_flags);
    tcase_add_test(addr, test_sockaddr_in_to_host);
    tcase_add_test(addr, test_sockaddr_in6_to_host);
    tcase_add_test(addr, test_sockaddr_bad_family);
    tcase_add_test(addr, test_sockaddr_from_host);
    tcase_add_test(addr, test_sockaddr_from_host_errors);
    tcase_add_test(misc, test_errno_map);
    tcase_add_test(misc, test_flags_to_host);
    suite_add_tcase(s, layout);
    suite_add_tcase(s, send);
    suite_add_tcase(s, recv);
    suite_add_tcase(s, addr);
    suite_add_tcase(s, misc);
    return s;
}

int main(void)
{
    return run_suite(codec_suite());
}

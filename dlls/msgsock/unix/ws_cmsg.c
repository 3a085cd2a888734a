/*
 * Control messages: Win32 WSACMSGHDR lists <-> host (Linux) cmsghdr lists.
 *
 * Both directions read and write through memcpy at computed offsets, so the
 * buffers need no alignment and nothing is read past the lengths given.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <string.h>
#include <netinet/in.h>
#include <netinet/udp.h>
#include <sys/socket.h>

#include "msgsock/wscodec.h"

/* The Win32 sizes of the payloads this codec knows. */
#define WS_IN_PKTINFO_SIZE  8   /* { IN_ADDR ipi_addr; ULONG ipi_ifindex; } */
#define WS_IN6_PKTINFO_SIZE 20  /* { IN6_ADDR ipi6_addr; ULONG ipi6_ifindex; } */
#define WS_INT_SIZE         4   /* INT, DWORD, ULONG */

/* --- Win32 layout ---------------------------------------------------------- */

struct win_layout
{
    size_t ptr_size;    /* width of SIZE_T cmsg_len */
    size_t hdr_size;    /* sizeof(WSACMSGHDR) */
    size_t hdr_align;   /* TYPE_ALIGNMENT(WSACMSGHDR) */
    size_t data_align;  /* MAX_NATURAL_ALIGNMENT */
};

static size_t align_up(size_t v, size_t a)
{
    return (v + a - 1) & ~(a - 1);
}

/* ptr_size 4 is the i686 layout; anything else is taken as x86_64. */
static struct win_layout win_layout(struct ws_abi abi)
{
    struct win_layout l;

    l.ptr_size = abi.ptr_size == 4 ? 4 : 8;
    l.hdr_size = l.ptr_size + 2 * sizeof(int32_t);
    l.hdr_align = l.ptr_size;
    l.data_align = l.ptr_size == 4 ? 4 : 8;
    return l;
}

static size_t layout_data_offset(const struct win_layout *l)
{
    return align_up(l->hdr_size, l->data_align);
}

static size_t layout_space(const struct win_layout *l, size_t n)
{
    return align_up(l->hdr_size + align_up(n, l->hdr_align), l->data_align);
}

size_t ws_cmsg_hdr_size(struct ws_abi abi)
{
    return win_layout(abi).hdr_size;
}

size_t ws_cmsg_len(struct ws_abi abi, size_t n)
{
    struct win_layout l = win_layout(abi);

    return layout_data_offset(&l) + n;
}

size_t ws_cmsg_space(struct ws_abi abi, size_t n)
{
    struct win_layout l = win_layout(abi);

    return layout_space(&l, n);
}

static int32_t load_i32(const unsigned char *p)
{
    int32_t v;
    memcpy(&v, p, sizeof(v));
    return v;
}

/* cmsg_len is a SIZE_T: 4 or 8 bytes wide depending on the program's ABI. */
static uint64_t load_size(const unsigned char *p, size_t width)
{
    uint32_t v32;
    uint64_t v64;

    if (width == 4)
    {
        memcpy(&v32, p, sizeof(v32));
        return v32;
    }
    memcpy(&v64, p, sizeof(v64));
    return v64;
}

static void store_size(unsigned char *p, size_t width, uint64_t v)
{
    uint32_t v32 = (uint32_t)v;

    if (width == 4) memcpy(p, &v32, sizeof(v32));
    else memcpy(p, &v, sizeof(v));
}

/* --- send: Win32 -> host ------------------------------------------------------ */

struct host_writer
{
    unsigned char *buf;
    size_t cap;
    size_t len;
};

static int host_put(struct host_writer *w, int level, int type, const void *data, size_t n)
{
    struct cmsghdr hdr;
    size_t space = CMSG_SPACE(n);

    if (!w->buf || space > w->cap - w->len) return WS_WSAENOBUFS;
    memset(w->buf + w->len, 0, space);
    memset(&hdr, 0, sizeof(hdr));
    hdr.cmsg_len = CMSG_LEN(n);
    hdr.cmsg_level = level;
    hdr.cmsg_type = type;
    memcpy(w->buf + w->len, &hdr, sizeof(hdr));
    memcpy(w->buf + w->len + CMSG_LEN(0), data, n);
    w->len += space;
    return 0;
}

/* What the TOS/TCLASS and ECN messages of one send add up to. */
struct tos_merge
{
    int value;  /* IP_TOS / IPV6_TCLASS given, or -1 */
    int ecn;    /* IP_ECN / IPV6_ECN given, or -1 */
};

struct send_state
{
    struct host_writer host;
    struct tos_merge tos4;
    struct tos_merge tos6;
    struct ws_send_control *out;
};

struct send_cmsg
{
    const unsigned char *data;
    size_t len;
};

static int send_int(const struct send_cmsg *c, int lo, int hi, int *value)
{
    if (c->len != WS_INT_SIZE) return WS_WSAEINVAL;
    *value = load_i32(c->data);
    return *value < lo || *value > hi ? WS_WSAEINVAL : 0;
}

static int send_pktinfo(struct send_state *s, const struct send_cmsg *c)
{
    struct in_pktinfo info;

    if (c->len != WS_IN_PKTINFO_SIZE) return WS_WSAEINVAL;
    memset(&info, 0, sizeof(info));
    /* on send Linux takes the source address from ipi_spec_dst */
    memcpy(&info.ipi_spec_dst, c->data, 4);
    memcpy(&info.ipi_ifindex, c->data + 4, 4);
    return host_put(&s->host, IPPROTO_IP, IP_PKTINFO, &info, sizeof(info));
}

static int send_pktinfo6(struct send_state *s, const struct send_cmsg *c)
{
    struct in6_pktinfo info;

    if (c->len != WS_IN6_PKTINFO_SIZE) return WS_WSAEINVAL;
    memcpy(&info.ipi6_addr, c->data, 16);
    memcpy(&info.ipi6_ifindex, c->data + 16, 4);
    return host_put(&s->host, IPPROTO_IPV6, IPV6_PKTINFO, &info, sizeof(info));
}

static int send_tos(struct send_state *s, const struct send_cmsg *c)
{
    /* programs pass IP_TOS either as an INT or as a single byte */
    if (c->len == 1)
    {
        s->tos4.value = c->data[0];
        return 0;
    }
    return send_int(c, 0, 255, &s->tos4.value);
}

static int send_ecn(struct send_state *s, const struct send_cmsg *c)
{
    return send_int(c, 0, 3, &s->tos4.ecn);
}

static int send_tclass(struct send_state *s, const struct send_cmsg *c)
{
    return send_int(c, 0, 255, &s->tos6.value);
}

static int send_ecn6(struct send_state *s, const struct send_cmsg *c)
{
    return send_int(c, 0, 3, &s->tos6.ecn);
}

static int send_msg_size(struct send_state *s, const struct send_cmsg *c)
{
    if (c->len != WS_INT_SIZE) return WS_WSAEINVAL;
    s->out->segment_size = (uint32_t)load_i32(c->data);
    return s->out->segment_size ? 0 : WS_WSAEINVAL;
}

static int send_dontfrag6(struct send_state *s, const struct send_cmsg *c)
{
    int value;
    int err = send_int(c, 0, 1, &value);

    return err ? err : host_put(&s->host, IPPROTO_IPV6, IPV6_DONTFRAG, &value, sizeof(value));
}

static int send_dontfrag(struct send_state *s, const struct send_cmsg *c)
{
    int value;

    (void)s;
    /* checked, then dropped: Linux has no per-datagram DF for IPv4 */
    return send_int(c, 0, 1, &value);
}

struct send_handler
{
    int level;
    int type;
    int (*handle)(struct send_state *s, const struct send_cmsg *c);
};

static const struct send_handler send_handlers[] =
{
    { WS_IPPROTO_IP,   WS_IP_PKTINFO,        send_pktinfo },
    { WS_IPPROTO_IP,   WS_IP_TOS,            send_tos },
    { WS_IPPROTO_IP,   WS_IP_ECN,            send_ecn },
    { WS_IPPROTO_IP,   WS_IP_DONTFRAGMENT,   send_dontfrag },
    { WS_IPPROTO_IPV6, WS_IPV6_PKTINFO,      send_pktinfo6 },
    { WS_IPPROTO_IPV6, WS_IPV6_TCLASS,       send_tclass },
    { WS_IPPROTO_IPV6, WS_IPV6_ECN,          send_ecn6 },
    { WS_IPPROTO_IPV6, WS_IPV6_DONTFRAG,     send_dontfrag6 },
    { WS_IPPROTO_UDP,  WS_UDP_SEND_MSG_SIZE, send_msg_size },
};

static int send_one(struct send_state *s, int level, int type, const struct send_cmsg *c)
{
    size_t i;

    for (i = 0; i < sizeof(send_handlers) / sizeof(send_handlers[0]); i++)
        if (send_handlers[i].level == level && send_handlers[i].type == type)
            return send_handlers[i].handle(s, c);
    return WS_WSAEINVAL;
}

/* Walks the Win32 list the way WSA_CMSG_FIRSTHDR / WSA_CMSG_NXTHDR do. */
static int send_walk(struct send_state *s, const struct win_layout *l,
                     const unsigned char *win, size_t win_len)
{
    size_t off = 0, data_off = layout_data_offset(l);

    while (win && win_len - off >= l->hdr_size)
    {
        const unsigned char *p = win + off;
        uint64_t cmsg_len = load_size(p, l->ptr_size);
        struct send_cmsg c;
        int err;

        if (cmsg_len < data_off || cmsg_len > win_len - off) return WS_WSAEINVAL;
        c.data = p + data_off;
        c.len = cmsg_len - data_off;
        err = send_one(s, load_i32(p + l->ptr_size), load_i32(p + l->ptr_size + 4), &c);
        if (err) return err;
        if (align_up(cmsg_len, l->hdr_align) >= win_len - off) break;
        off += align_up(cmsg_len, l->hdr_align);
    }
    return 0;
}

/* One TOS byte from the message, else the socket's; ECN in the low two bits. */
static int tos_finish(struct send_state *s, const struct tos_merge *m, int socket_value,
                      uint32_t need_flag, int level, int type)
{
    int value = m->value;

    if (value < 0 && m->ecn < 0) return 0;
    if (value < 0)
    {
        if (socket_value == WS_TOS_UNKNOWN)
        {
            s->out->need |= need_flag;
            return 0;
        }
        value = socket_value & 0xff;
    }
    if (m->ecn >= 0) value = (value & ~3) | m->ecn;
    return host_put(&s->host, level, type, &value, sizeof(value));
}

int ws_control_to_host(struct ws_abi abi, const void *win, size_t win_len,
                       int socket_tos, int socket_tclass,
                       void *host, size_t host_cap, size_t *host_len,
                       struct ws_send_control *out)
{
    struct win_layout l = win_layout(abi);
    struct send_state s;
    int err;

    memset(out, 0, sizeof(*out));
    *host_len = 0;
    s.host.buf = host;
    s.host.cap = host ? host_cap : 0;
    s.host.len = 0;
    s.tos4.value = s.tos4.ecn = s.tos6.value = s.tos6.ecn = -1;
    s.out = out;

    if ((err = send_walk(&s, &l, win, win_len))) return err;
    if ((err = tos_finish(&s, &s.tos4, socket_tos, WS_NEED_SOCKET_TOS, IPPROTO_IP, IP_TOS)))
        return err;
    if ((err = tos_finish(&s, &s.tos6, socket_tclass, WS_NEED_SOCKET_TCLASS,
                          IPPROTO_IPV6, IPV6_TCLASS)))
        return err;
    if (!out->need) *host_len = s.host.len;
    return 0;
}

/* --- receive: host -> Win32 ---------------------------------------------------- */

struct win_writer
{
    struct win_layout layout;
    uint32_t want;
    unsigned char *buf;
    size_t cap;
    size_t len;
    uint32_t truncated;
};

/* Appends one message if wanted; one that does not fit is dropped and noted. */
static void win_put(struct win_writer *w, uint32_t want, int level, int type,
                    const void *data, size_t n)
{
    const struct win_layout *l = &w->layout;
    size_t space = layout_space(l, n);
    unsigned char *p;

    if (!(w->want & want)) return;
    if (!w->buf || space > w->cap - w->len)
    {
        w->truncated = WS_MSG_CTRUNC;
        return;
    }
    p = w->buf + w->len;
    memset(p, 0, space);
    store_size(p, l->ptr_size, layout_data_offset(l) + n);
    memcpy(p + l->ptr_size, &level, 4);
    memcpy(p + l->ptr_size + 4, &type, 4);
    memcpy(p + layout_data_offset(l), data, n);
    w->len += space;
}

static void win_put_int(struct win_writer *w, uint32_t want, int level, int type, int32_t value)
{
    win_put(w, want, level, type, &value, sizeof(value));
}

struct recv_cmsg
{
    const unsigned char *data;
    size_t len;
};

static void note_dst(struct ws_recv_info *info, int family, const void *addr, size_t n)
{
    if (!info) return;
    info->have_dst = 1;
    info->dst_family = family;
    memset(info->dst_addr, 0, sizeof(info->dst_addr));
    memcpy(info->dst_addr, addr, n);
}

/* Win32 IN_PKTINFO / IN6_PKTINFO: the address, then a ULONG interface index. */
static void put_pktinfo(struct win_writer *w, struct ws_recv_info *info, int family,
                        const void *addr, size_t addr_len, uint32_t ifindex)
{
    unsigned char win[WS_IN6_PKTINFO_SIZE];
    int v4 = family == WS_AF_INET;

    note_dst(info, family, addr, addr_len);
    memcpy(win, addr, addr_len);
    memcpy(win + addr_len, &ifindex, 4);
    win_put(w, v4 ? WS_WANT_PKTINFO : WS_WANT_PKTINFO6, v4 ? WS_IPPROTO_IP : WS_IPPROTO_IPV6,
            v4 ? WS_IP_PKTINFO : WS_IPV6_PKTINFO, win, addr_len + 4);
}

static void recv_pktinfo(struct win_writer *w, const struct recv_cmsg *c,
                         struct ws_recv_info *info)
{
    struct in_pktinfo host;

    if (c->len < sizeof(host)) return;
    memcpy(&host, c->data, sizeof(host));
    /* ipi_addr is the header's destination: what Windows reports */
    put_pktinfo(w, info, WS_AF_INET, &host.ipi_addr, 4, host.ipi_ifindex);
}

static void recv_pktinfo6(struct win_writer *w, const struct recv_cmsg *c,
                          struct ws_recv_info *info)
{
    struct in6_pktinfo host;

    if (c->len < sizeof(host)) return;
    memcpy(&host, c->data, sizeof(host));
    put_pktinfo(w, info, WS_AF_INET6, &host.ipi6_addr, 16, host.ipi6_ifindex);
}

static void recv_tos(struct win_writer *w, const struct recv_cmsg *c)
{
    uint8_t tos;

    /* Linux delivers IP_TOS as one byte, Windows as an INT (Wine's suite, sock.c test_ipv4_cmsg) */
    if (c->len < 1) return;
    tos = c->data[0];
    win_put_int(w, WS_WANT_TOS, WS_IPPROTO_IP, WS_IP_TOS, tos);
    win_put_int(w, WS_WANT_ECN, WS_IPPROTO_IP, WS_IP_ECN, tos & 3);
}

static void recv_tclass(struct win_writer *w, const struct recv_cmsg *c)
{
    int32_t tclass;

    if (c->len < WS_INT_SIZE) return;
    tclass = load_i32(c->data) & 0xff;
    win_put_int(w, WS_WANT_TCLASS, WS_IPPROTO_IPV6, WS_IPV6_TCLASS, tclass);
    win_put_int(w, WS_WANT_ECN6, WS_IPPROTO_IPV6, WS_IPV6_ECN, tclass & 3);
}

static void recv_int(struct win_writer *w, const struct recv_cmsg *c, uint32_t want,
                     int level, int type)
{
    if (c->len < WS_INT_SIZE) return;
    win_put_int(w, want, level, type, load_i32(c->data));
}

static void recv_gro(struct win_writer *w, const struct recv_cmsg *c)
{
    uint16_t size16;

    /* Linux sends an int; a u16 is accepted as well */
    if (c->len == sizeof(size16))
    {
        memcpy(&size16, c->data, sizeof(size16));
        win_put_int(w, WS_WANT_COALESCED, WS_IPPROTO_UDP, WS_UDP_COALESCED_INFO, size16);
        return;
    }
    recv_int(w, c, WS_WANT_COALESCED, WS_IPPROTO_UDP, WS_UDP_COALESCED_INFO);
}

static void recv_one(struct win_writer *w, int level, int type, const struct recv_cmsg *c,
                     struct ws_recv_info *info)
{
    if (level == IPPROTO_IP && type == IP_PKTINFO) recv_pktinfo(w, c, info);
    else if (level == IPPROTO_IPV6 && type == IPV6_PKTINFO) recv_pktinfo6(w, c, info);
    else if (level == IPPROTO_IP && type == IP_TOS) recv_tos(w, c);
    else if (level == IPPROTO_IPV6 && type == IPV6_TCLASS) recv_tclass(w, c);
    else if (level == IPPROTO_IP && type == IP_TTL)
        recv_int(w, c, WS_WANT_TTL, WS_IPPROTO_IP, WS_IP_TTL);
    else if (level == IPPROTO_IPV6 && type == IPV6_HOPLIMIT)
        recv_int(w, c, WS_WANT_HOPLIMIT, WS_IPPROTO_IPV6, WS_IPV6_HOPLIMIT);
    else if (level == IPPROTO_UDP && type == UDP_GRO) recv_gro(w, c);
}

int ws_control_from_host(struct ws_abi abi, const void *host, size_t host_len,
                         uint32_t want, void *win, size_t win_cap, size_t *win_len,
                         uint32_t *flags, struct ws_recv_info *info)
{
    struct win_writer w;
    const unsigned char *base = host;
    size_t off = 0;

    w.layout = win_layout(abi);
    w.want = want;
    w.buf = win;
    w.cap = win ? win_cap : 0;
    w.len = 0;
    w.truncated = 0;
    if (info) memset(info, 0, sizeof(*info));

    while (base && host_len - off >= sizeof(struct cmsghdr))
    {
        struct cmsghdr hdr;
        struct recv_cmsg c;

        memcpy(&hdr, base + off, sizeof(hdr));
        if (hdr.cmsg_len < CMSG_LEN(0) || hdr.cmsg_len > host_len - off) break;
        c.data = base + off + CMSG_LEN(0);
        c.len = hdr.cmsg_len - CMSG_LEN(0);
        recv_one(&w, hdr.cmsg_level, hdr.cmsg_type, &c, info);
        if (CMSG_ALIGN(hdr.cmsg_len) >= host_len - off) break;
        off += CMSG_ALIGN(hdr.cmsg_len);
    }

    *win_len = w.len;
    if (flags) *flags |= w.truncated;
    return 0;
}

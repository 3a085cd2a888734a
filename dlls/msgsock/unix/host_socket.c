/*
 * The helper's host socket calls: WSASendMsg / WSARecvMsg on a Linux fd.
 *
 * Every call is non-blocking: a datagram that cannot move now gives
 * WSAEWOULDBLOCK and the PE side waits alertably before trying again.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include <netinet/udp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include "msgsock/unixlib.h"
#include "msgsock/wscodec.h"
#include "host_socket.h"
#include "host_broadcast.h"
#include "host_watched.h"

#define IOV_STACK_COUNT     16     /* buffers handled without malloc */
#define SPLIT_STACK_COUNT   64     /* datagrams of a split send without malloc */
#define HOST_SEND_CONTROL   256    /* translated cmsgs + UDP_SEGMENT */
#define HOST_RECV_CONTROL   512    /* every cmsg host_enable_recv_info turns on, + UDP_GRO */
#define MAX_RETRIES         16     /* EINTR / skipped ICMP errors in a row */
#define GSO_MAX_SEGMENTS    64
#define UDP_MAX_PAYLOAD     65507

#define WS_SOCKADDR_IN_SIZE 16
#ifdef IOV_MAX
#define HOST_IOV_MAX        IOV_MAX
#else
#define HOST_IOV_MAX        1024   /* Linux's UIO_MAXIOV */
#endif
#define BOUNCE_MAX          65536  /* no datagram is larger, coalesced ones included */

/* --- shared pieces --------------------------------------------------------------- */

/* Win32 WSABUFs as host iovecs, on the stack unless there are many; `skip` bytes left out at the start. */
struct iov_array
{
    struct iovec *iov;
    size_t count;
    uint64_t total;
    struct iovec local[IOV_STACK_COUNT];
};

static int iov_init(struct iov_array *a, const struct host_buf *bufs, uint32_t count, uint32_t skip)
{
    uint32_t i;

    a->iov = a->local;
    a->count = 0;
    a->total = 0;
    if (count && !bufs) return WS_WSAEFAULT;
    if (count > IOV_STACK_COUNT && !(a->iov = calloc(count, sizeof(*a->iov))))
        return WS_WSAENOBUFS;
    for (i = 0; i < count; i++)
    {
        if (skip && skip >= bufs[i].len)
        {
            skip -= bufs[i].len;
            continue;
        }
        a->iov[a->count].iov_base = bufs[i].buf + skip;
        a->iov[a->count].iov_len = bufs[i].len - skip;
        a->total += bufs[i].len - skip;
        a->count++;
        skip = 0;
    }
    return 0;
}

static void iov_free(struct iov_array *a)
{
    if (a->iov != a->local) free(a->iov);
}

/*
 * Windows takes any number of WSABUFs, the host at most HOST_IOV_MAX per call: a datagram
 * over more goes through one bounce block (gathered before a send, scattered after a receive).
 */
static int too_many_buffers(const struct iov_array *a)
{
    return a->count > HOST_IOV_MAX;
}

static int bounce_alloc(struct iovec *one, uint64_t len)
{
    one->iov_len = len;
    return (one->iov_base = malloc(len ? len : 1)) ? 0 : WS_WSAENOBUFS;
}

/* The buffers' bytes in one block, which then replaces them in `a`. */
static int bounce_gather(struct iov_array *a, void **bounce)
{
    struct iovec one;
    size_t i, off = 0;

    if (bounce_alloc(&one, a->total)) return WS_WSAENOBUFS;
    for (i = 0; i < a->count; i++)
    {
        memcpy((char *)one.iov_base + off, a->iov[i].iov_base, a->iov[i].iov_len);
        off += a->iov[i].iov_len;
    }
    iov_free(a);
    a->iov = a->local;
    a->local[0] = one;
    a->count = 1;
    *bounce = one.iov_base;
    return 0;
}

static void bounce_scatter(const struct iov_array *a, const char *data, size_t len)
{
    size_t i, take;

    for (i = 0; i < a->count && len; i++)
    {
        take = a->iov[i].iov_len < len ? a->iov[i].iov_len : len;
        memcpy(a->iov[i].iov_base, data, take);
        data += take;
        len -= take;
    }
}

/*
 * Says what a failed host call means: -1 to call again (EINTR, or an ICMP
 * port-unreachable the program asked not to see), else the WSA error.
 */
static int host_failure(uint32_t options, int err, unsigned int *tries)
{
    int retry = ++*tries < MAX_RETRIES;

    if (err == EINTR && retry) return -1;
    /* No destination on an unconnected datagram socket: Windows says "not connected" (seed 001's table). */
    if (err == EDESTADDRREQ && (options & HOST_OPT_DATAGRAM)) return WS_WSAENOTCONN;
    if (err != ECONNREFUSED || !(options & HOST_OPT_DATAGRAM)) return ws_errno_to_wsa(err);
    /* "a previous send operation resulted in an ICMP Port Unreachable message" */
    if (!(options & HOST_OPT_NO_CONNRESET)) return WS_WSAECONNRESET;
    return retry ? -1 : WS_WSAEWOULDBLOCK;
}

/* --- send ------------------------------------------------------------------------ */

/* A host msghdr for one send, with room for its name and control data. */
struct send_msg
{
    struct msghdr msg;
    int flags;
    uint32_t options;
    uint32_t segment_size;
    struct sockaddr_storage name;
    union
    {
        struct cmsghdr align;
        unsigned char buf[HOST_SEND_CONTROL];
    } control;
};

static int socket_int_option(int fd, int level, int name)
{
    int value = 0;
    socklen_t len = sizeof(value);

    /* a socket that has no such option (IPV6_TCLASS on AF_INET) sends DSCP 0 */
    if (getsockopt(fd, level, name, &value, &len)) return 0;
    return value;
}

static int send_control(struct send_msg *m, int fd, const void *control, uint32_t control_len)
{
    struct ws_send_control out;
    size_t len;
    int tos = WS_TOS_UNKNOWN, tclass = WS_TOS_UNKNOWN, err;

    if (!control && control_len) return WS_WSAEFAULT;
    err = ws_control_to_host(WS_ABI_NATIVE, control, control_len, tos, tclass,
                             m->control.buf, sizeof(m->control.buf), &len, &out);
    if (!err && out.need)
    {
        /* ECN without its TOS/TCLASS keeps the socket's DSCP: read it now */
        if (out.need & WS_NEED_SOCKET_TOS) tos = socket_int_option(fd, IPPROTO_IP, IP_TOS);
        if (out.need & WS_NEED_SOCKET_TCLASS)
            tclass = socket_int_option(fd, IPPROTO_IPV6, IPV6_TCLASS);
        err = ws_control_to_host(WS_ABI_NATIVE, control, control_len, tos, tclass,
                                 m->control.buf, sizeof(m->control.buf), &len, &out);
    }
    if (err) return err;
    m->msg.msg_control = len ? m->control.buf : NULL;
    m->msg.msg_controllen = len;
    m->segment_size = out.segment_size;
    return 0;
}

static int send_flags(uint32_t win_flags, int *host_flags)
{
    /* "dwFlags can only contain MSG_DONTROUTE, MSG_PARTIAL, and MSG_OOB";
     * datagram transports do not support MSG_PARTIAL */
    if (win_flags & ~(WS_MSG_OOB | WS_MSG_DONTROUTE)) return WS_WSAEOPNOTSUPP;
    *host_flags = ws_flags_to_host(win_flags) | MSG_DONTWAIT | MSG_NOSIGNAL;
    return 0;
}

static int to_v4_mapped(const struct send_msg *m)
{
    const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *)&m->name;

    return m->msg.msg_name && sin6->sin6_family == AF_INET6 && IN6_IS_ADDR_V4MAPPED(&sin6->sin6_addr);
}

/*
 * A v4-mapped destination goes out through the host's IPv4 path, which skips IPV6_TCLASS:
 * IPV6_TCLASS / IPV6_ECN then become the IPv4 header's TOS, unless IP_TOS / IP_ECN said it already.
 */
static void mapped_tclass_as_tos(struct send_msg *m)
{
    struct cmsghdr *c, *tclass = NULL;

    if (!to_v4_mapped(m) || !m->msg.msg_controllen) return;
    for (c = CMSG_FIRSTHDR(&m->msg); c; c = CMSG_NXTHDR(&m->msg, c))
    {
        if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_TOS) return;
        if (c->cmsg_level == IPPROTO_IPV6 && c->cmsg_type == IPV6_TCLASS) tclass = c;
    }
    if (!tclass) return;
    tclass->cmsg_level = IPPROTO_IP;
    tclass->cmsg_type = IP_TOS;
}

static int send_prepare(struct send_msg *m, const struct host_sendmsg_params *params)
{
    uint32_t name_len = 0;
    int err;

    memset(&m->msg, 0, sizeof(m->msg));
    m->options = params->options;
    if ((err = send_flags(params->flags, &m->flags))) return err;
    if (!params->name && params->namelen) return WS_WSAEFAULT;
    if (params->name)
    {
        err = ws_sockaddr_to_host(params->name, params->namelen, &m->name, &name_len);
        if (err) return err;
        m->msg.msg_name = &m->name;
        m->msg.msg_namelen = name_len;
    }
    if ((err = send_control(m, params->fd, params->control, params->control_len))) return err;
    mapped_tclass_as_tos(m);
    return 0;
}

static int send_once(int fd, struct send_msg *m, uint32_t *sent)
{
    unsigned int tries = 0;
    ssize_t ret;
    int err;

    while ((ret = sendmsg(fd, &m->msg, m->flags)) < 0)
        if ((err = host_failure(m->options, errno, &tries)) >= 0) return err;
    *sent = (uint32_t)ret;
    return 0;
}

/* A stream over more buffers than one call takes: HOST_IOV_MAX at a time while each goes out whole. */
static int send_stream_chunks(int fd, struct send_msg *m, const struct iov_array *a, uint32_t *sent)
{
    size_t first = 0, i, chunk_len;
    uint32_t part;
    int err;

    *sent = 0;
    while (first < a->count)
    {
        m->msg.msg_iov = a->iov + first;
        m->msg.msg_iovlen = a->count - first < HOST_IOV_MAX ? a->count - first : HOST_IOV_MAX;
        for (i = first, chunk_len = 0; i < first + m->msg.msg_iovlen; i++) chunk_len += a->iov[i].iov_len;
        /* What went out before a "would block" is the result; the caller sends the rest. */
        if ((err = send_once(fd, m, &part))) return *sent ? 0 : err;
        *sent += part;
        if (part < chunk_len) break;
        first += m->msg.msg_iovlen;
        m->msg.msg_control = NULL;
        m->msg.msg_controllen = 0;
    }
    return 0;
}

/* A copy of the send's msghdr whose control data ends with UDP_SEGMENT. */
static int add_udp_segment(struct send_msg *m, struct msghdr *gso)
{
    uint16_t size = (uint16_t)m->segment_size;
    size_t len = m->msg.msg_controllen;
    struct cmsghdr hdr;

    if (sizeof(m->control.buf) - len < CMSG_SPACE(sizeof(size))) return WS_WSAENOBUFS;
    memset(m->control.buf + len, 0, CMSG_SPACE(sizeof(size)));
    memset(&hdr, 0, sizeof(hdr));
    hdr.cmsg_len = CMSG_LEN(sizeof(size));
    hdr.cmsg_level = SOL_UDP;
    hdr.cmsg_type = UDP_SEGMENT;
    memcpy(m->control.buf + len, &hdr, sizeof(hdr));
    memcpy(m->control.buf + len + CMSG_LEN(0), &size, sizeof(size));
    *gso = m->msg;
    gso->msg_control = m->control.buf;
    gso->msg_controllen = len + CMSG_SPACE(sizeof(size));
    return 0;
}

static int gso_refused(int err)
{
    return err == EINVAL || err == EIO || err == ENOPROTOOPT || err == EOPNOTSUPP;
}

/* One sendmsg with UDP_SEGMENT; *refused when the kernel will not segment. */
static int send_gso(int fd, struct send_msg *m, uint32_t *sent, int *refused)
{
    struct msghdr gso;
    unsigned int tries = 0;
    ssize_t ret;
    int err;

    *refused = 1;
    if (add_udp_segment(m, &gso)) return 0;
    while ((ret = sendmsg(fd, &gso, m->flags)) < 0)
    {
        if (gso_refused(errno)) return 0;
        if ((err = host_failure(m->options, errno, &tries)) >= 0) break;
    }
    *refused = 0;
    if (ret < 0) return err;
    *sent = (uint32_t)ret;
    return 0;
}

/* The datagrams of a split send, each with its own slice of the buffers. */
struct split_plan
{
    struct mmsghdr *msgs;
    struct iovec *iov;
    size_t count;
    struct mmsghdr msgs_local[SPLIT_STACK_COUNT];
    struct iovec iov_local[SPLIT_STACK_COUNT];
};

static int split_alloc(struct split_plan *p, size_t count, size_t pieces)
{
    p->msgs = p->msgs_local;
    p->iov = p->iov_local;
    p->count = count;
    if (count > SPLIT_STACK_COUNT && !(p->msgs = calloc(count, sizeof(*p->msgs))))
        return WS_WSAENOBUFS;
    if (pieces > SPLIT_STACK_COUNT && !(p->iov = calloc(pieces, sizeof(*p->iov))))
        return WS_WSAENOBUFS;
    return 0;
}

static void split_free(struct split_plan *p)
{
    if (p->msgs != p->msgs_local) free(p->msgs);
    if (p->iov != p->iov_local) free(p->iov);
}

/* Cuts the buffers into datagrams of segment_size bytes, the last shorter. */
static void split_fill(struct split_plan *p, const struct send_msg *m, const struct iov_array *a)
{
    size_t buf = 0, buf_off = 0, piece = 0, i;

    for (i = 0; i < p->count; i++)
    {
        size_t left = m->segment_size;
        struct msghdr *hdr = &p->msgs[i].msg_hdr;

        *hdr = m->msg;
        hdr->msg_iov = p->iov + piece;
        hdr->msg_iovlen = 0;
        while (left && buf < a->count)
        {
            size_t take = a->iov[buf].iov_len - buf_off;

            if (take > left) take = left;
            if (take)
            {
                p->iov[piece].iov_base = (char *)a->iov[buf].iov_base + buf_off;
                p->iov[piece++].iov_len = take;
                hdr->msg_iovlen++;
            }
            left -= take;
            buf_off += take;
            if (buf_off == a->iov[buf].iov_len) buf++, buf_off = 0;
        }
    }
}

/*
 * sendmmsg until all datagrams are out.  A failure after some were sent
 * ends the call with what was sent: repeating those would duplicate them.
 */
static int split_send(int fd, struct split_plan *p, const struct send_msg *m, uint32_t *sent)
{
    size_t done = 0, i;
    unsigned int tries = 0;
    int ret, err;

    while (done < p->count)
    {
        if ((ret = sendmmsg(fd, p->msgs + done, p->count - done, m->flags)) < 0)
        {
            if (done) return 0;
            if ((err = host_failure(m->options, errno, &tries)) >= 0) return err;
            continue;
        }
        for (i = done; i < done + ret; i++) *sent += p->msgs[i].msg_len;
        done += ret;
    }
    return 0;
}

static int send_split(int fd, const struct send_msg *m, const struct iov_array *a, uint32_t *sent)
{
    struct split_plan plan;
    size_t count = (a->total + m->segment_size - 1) / m->segment_size;
    int err;

    if (!(err = split_alloc(&plan, count, count + a->count)))
    {
        split_fill(&plan, m, a);
        err = split_send(fd, &plan, m, sent);
    }
    split_free(&plan);
    return err;
}

/* UDP_SEND_MSG_SIZE: Linux GSO when it will take it, else one datagram each. */
static int send_segmented(int fd, struct send_msg *m, const struct iov_array *a, uint32_t *sent)
{
    uint64_t count = (a->total + m->segment_size - 1) / m->segment_size;
    int refused = 1, err;

    if (count <= GSO_MAX_SEGMENTS && a->total <= UDP_MAX_PAYLOAD && m->segment_size <= UINT16_MAX)
    {
        err = send_gso(fd, m, sent, &refused);
        if (!refused) return err;
    }
    return send_split(fd, m, a, sent);
}

static int send_checked(struct host_sendmsg_params *params)
{
    struct send_msg m;
    struct iov_array a;
    void *bounce = NULL;
    int err, datagram = params->options & HOST_OPT_DATAGRAM;

    if ((err = send_prepare(&m, params))) return err;
    if (!(err = iov_init(&a, params->bufs, params->buf_count, params->skip)) && datagram &&
        too_many_buffers(&a))
        err = bounce_gather(&a, &bounce);
    if (err)
    {
        iov_free(&a);
        return err;
    }
    m.msg.msg_iov = a.iov;
    m.msg.msg_iovlen = a.count;
    if (m.segment_size && a.total > m.segment_size)
        err = send_segmented(params->fd, &m, &a, &params->sent);
    else if (too_many_buffers(&a))
        err = send_stream_chunks(params->fd, &m, &a, &params->sent);
    else
        err = send_once(params->fd, &m, &params->sent);
    iov_free(&a);
    free(bounce);
    return err;
}

int32_t host_sendmsg(void *args)
{
    struct host_sendmsg_params *params = args;

    params->sent = 0;
    params->error = send_checked(params);
    return 0;
}

/* --- receive ---------------------------------------------------------------------- */

struct recv_msg
{
    struct msghdr msg;
    struct sockaddr_storage name;
    union
    {
        struct cmsghdr align;
        unsigned char buf[HOST_RECV_CONTROL];
    } control;
};

static int recv_validate(const struct host_recvmsg_params *params)
{
    if (!params->name && params->namelen) return WS_WSAEFAULT;
    /* too small for any peer address: refuse before a datagram is consumed */
    if (params->name && params->namelen < WS_SOCKADDR_IN_SIZE) return WS_WSAEFAULT;
    if (!params->control && params->control_len) return WS_WSAEFAULT;
    return 0;
}

static int recv_once(int fd, struct recv_msg *m, int flags, uint32_t options, ssize_t *ret)
{
    unsigned int tries = 0;
    int err;

    for (;;)
    {
        m->msg.msg_name = &m->name;
        m->msg.msg_namelen = sizeof(m->name);
        m->msg.msg_control = m->control.buf;
        m->msg.msg_controllen = sizeof(m->control.buf);
        m->msg.msg_flags = 0;
        if ((*ret = recvmsg(fd, &m->msg, flags | MSG_DONTWAIT)) >= 0) return 0;
        if ((err = host_failure(options, errno, &tries)) >= 0) return err;
    }
}

static int recv_name(struct host_recvmsg_params *params, const struct recv_msg *m)
{
    int len = params->namelen;
    int err;

    if (!params->name) return 0;
    if (!m->msg.msg_namelen)
    {
        params->namelen = 0;
        return 0;
    }
    err = ws_sockaddr_from_host(&m->name, m->msg.msg_namelen, params->name, &len);
    params->namelen = len;
    return err;
}

/* MSG_BCAST for an interface's subnet broadcast address, which the codec cannot know. */
static uint32_t subnet_broadcast_flag(const struct ws_recv_info *info)
{
    const uint8_t *v4;

    if (!info->have_dst) return 0;
    if (info->dst_family == WS_AF_INET) v4 = info->dst_addr;
    else if (!memcmp(info->dst_addr, "\0\0\0\0\0\0\0\0\0\0\xff\xff", 12)) v4 = info->dst_addr + 12;
    else return 0;
    return host_is_subnet_broadcast(v4) ? WS_MSG_BCAST : 0;
}

static void recv_control(struct host_recvmsg_params *params, const struct recv_msg *m,
                         uint32_t *flags)
{
    struct ws_recv_info info;
    size_t len = 0;

    ws_control_from_host(WS_ABI_NATIVE, m->control.buf, m->msg.msg_controllen, params->want,
                         params->control, params->control ? params->control_len : 0,
                         &len, flags, &info);
    params->control_len = (uint32_t)len;
    *flags |= ws_recv_cast_flags(&info) | subnet_broadcast_flag(&info);
}

/* A stream takes what fits in HOST_IOV_MAX buffers; a datagram over more comes through a bounce block. */
static int recv_into(const struct host_recvmsg_params *params, const struct iov_array *a, struct recv_msg *m,
                     uint32_t in_flags, ssize_t *ret)
{
    int flags = ws_flags_to_host(in_flags & (WS_MSG_PEEK | WS_MSG_OOB)), err;
    struct iovec one;

    m->msg.msg_iov = a->iov;
    m->msg.msg_iovlen = a->count;
    if (!too_many_buffers(a))
    {
        err = recv_once(params->fd, m, flags, params->options, ret);
        if (err == WS_WSAEFAULT && !(params->options & HOST_OPT_DATAGRAM) &&
            !host_recv_watched(params->fd, a->iov, a->count, a->total, flags, ret))
        {
            /* write-watched pages (host_watched.c): no address or control data on a stream */
            m->msg.msg_namelen = m->msg.msg_controllen = 0;
            err = 0;
        }
        return err;
    }
    if (!(params->options & HOST_OPT_DATAGRAM))
    {
        m->msg.msg_iovlen = HOST_IOV_MAX;
        return recv_once(params->fd, m, flags, params->options, ret);
    }
    if (bounce_alloc(&one, a->total < BOUNCE_MAX ? a->total : BOUNCE_MAX)) return WS_WSAENOBUFS;
    m->msg.msg_iov = &one;
    m->msg.msg_iovlen = 1;
    if (!(err = recv_once(params->fd, m, flags, params->options, ret))) bounce_scatter(a, one.iov_base, *ret);
    free(one.iov_base);
    return err;
}

static int recv_checked(struct host_recvmsg_params *params, uint32_t in_flags)
{
    struct recv_msg m;
    struct iov_array a;
    uint32_t flags = 0;
    ssize_t ret = 0;
    int err;

    if ((err = recv_validate(params)))
    {
        params->control_len = 0;
        return err;
    }
    memset(&m.msg, 0, sizeof(m.msg));
    if (!(err = iov_init(&a, params->bufs, params->buf_count, 0)))
        err = recv_into(params, &a, &m, in_flags, &ret);
    iov_free(&a);
    if (err)
    {
        params->control_len = 0;
        return err;
    }

    params->received = (uint32_t)ret;
    /* the buffers hold the start of the datagram; the rest is gone */
    if (m.msg.msg_flags & MSG_TRUNC) flags |= WS_MSG_TRUNC;
    if (m.msg.msg_flags & MSG_CTRUNC) flags |= WS_MSG_CTRUNC;
    recv_control(params, &m, &flags);
    params->flags = flags;
    if ((err = recv_name(params, &m))) return err;
    return (flags & WS_MSG_TRUNC) ? WS_WSAEMSGSIZE : 0;
}

int32_t host_recvmsg(void *args)
{
    struct host_recvmsg_params *params = args;
    uint32_t in_flags = params->flags;

    params->received = 0;
    params->flags = 0;
    params->error = recv_checked(params, in_flags);
    return 0;
}

/* --- socket setup -------------------------------------------------------------------- */

struct host_option
{
    int level;
    int name;
};

static const struct host_option recv_info_v4[] =
{
    { IPPROTO_IP, IP_PKTINFO },
    { IPPROTO_IP, IP_RECVTOS },
    { IPPROTO_IP, IP_RECVTTL },
};

static const struct host_option recv_info_v6[] =
{
    { IPPROTO_IPV6, IPV6_RECVPKTINFO },
    { IPPROTO_IPV6, IPV6_RECVTCLASS },
    { IPPROTO_IPV6, IPV6_RECVHOPLIMIT },
};

static int enable_options(int fd, const struct host_option *opts, size_t count)
{
    int on = 1;
    size_t i;

    for (i = 0; i < count; i++)
        if (setsockopt(fd, opts[i].level, opts[i].name, &on, sizeof(on)))
            return ws_errno_to_wsa(errno);
    return 0;
}

int host_enable_recv_info(int fd, int family)
{
    int err;

    if (family != AF_INET && family != AF_INET6) return WS_WSAEAFNOSUPPORT;
    /* IPv4 ones on AF_INET6 too: a dual-stack socket gets IPv4 datagrams */
    err = enable_options(fd, recv_info_v4, sizeof(recv_info_v4) / sizeof(recv_info_v4[0]));
    if (!err && family == AF_INET6)
        err = enable_options(fd, recv_info_v6, sizeof(recv_info_v6) / sizeof(recv_info_v6[0]));
    return err;
}

/* --- bounded wait ------------------------------------------------------------------ */

int32_t host_wait(void *args)
{
    struct host_wait_params *params = args;
    struct pollfd pfd = { params->fd, 0, 0 };

    if (params->events & HOST_WAIT_IN) pfd.events |= POLLIN;
    if (params->events & HOST_WAIT_OUT) pfd.events |= POLLOUT;
    /* POLLERR / POLLHUP count as ready: the transfer that follows reports them. */
    params->ready = poll(&pfd, 1, params->timeout_ms) > 0;
    return 0;
}

/*
 * The call ABI between the msgsock helper's PE half (msgsock.dll) and its unix
 * library (msgsock.so).  Both halves are built for the same architecture, so
 * plain pointers are fine; sizes are fixed-width so the layout never depends
 * on the compiler's idea of "long".
 */
#ifndef MSGSOCK_UNIXLIB_H
#define MSGSOCK_UNIXLIB_H

#include <stdint.h>

/* Returned by host_call_ping so the PE side knows it reached *our* library. */
#define MSGSOCK_HOST_MAGIC 0x6d736773u /* "msgs" */

enum host_call
{
    host_call_ping,
    host_call_sendmsg,
    host_call_recvmsg,
    host_call_getaddrinfo,
    host_call_getnameinfo,
    host_call_gethostname,
    host_call_count
};

struct host_ping_params
{
    uint32_t cookie;        /* in: any value */
    uint32_t magic;         /* out: MSGSOCK_HOST_MAGIC */
    uint32_t echo;          /* out: cookie, bit-inverted */
    uint32_t abi_ptr_size;  /* out: sizeof(void *) in the unix library */
    int32_t  host_pid;      /* out: getpid() of the host process */
};

/* Per-call options the PE side knows from socket state. */
#define HOST_OPT_NO_CONNRESET 0x0001  /* SIO_UDP_CONNRESET off: skip ICMP port-unreachable errors */
#define HOST_OPT_DATAGRAM     0x0002  /* SOCK_DGRAM / SOCK_RAW (ECONNREFUSED means WSAECONNRESET) */

/* One scatter/gather element, laid out like the Win32 WSABUF. */
struct host_buf
{
    uint32_t len;
    char    *buf;
};

/*
 * Send one datagram (or UDP_SEND_MSG_SIZE batch) on a host fd.  name/control
 * are in Win32 layout; the unix side translates them (cmsg codec).
 * Returns 0 or a Win32 WSA error code in `error`.
 */
struct host_sendmsg_params
{
    int32_t                fd;
    uint32_t               flags;         /* Win32 MSG_* flags */
    const void            *name;          /* Win32 sockaddr or NULL */
    int32_t                namelen;
    const struct host_buf *bufs;
    uint32_t               buf_count;
    const void            *control;       /* Win32 WSACMSGHDR list or NULL */
    uint32_t               control_len;
    uint32_t               options;       /* HOST_OPT_* */
    uint32_t               sent;          /* out: bytes sent */
    int32_t                error;         /* out: 0 or WSAE* */
};

struct host_recvmsg_params
{
    int32_t                fd;
    uint32_t               flags;         /* in: Win32 MSG_PEEK; out: MSG_TRUNC/CTRUNC/BCAST/MCAST */
    void                  *name;          /* out: Win32 sockaddr, may be NULL */
    int32_t                namelen;       /* in: size of name; out: used */
    const struct host_buf *bufs;
    uint32_t               buf_count;
    void                  *control;       /* out: Win32 WSACMSGHDR list, may be NULL */
    uint32_t               control_len;   /* in: size; out: used */
    uint32_t               want;          /* WS_WANT_* (wscodec.h): control messages enabled */
    uint32_t               options;       /* HOST_OPT_* */
    uint32_t               received;      /* out: bytes received */
    int32_t                error;         /* out: 0 or WSAE* */
};

#endif /* MSGSOCK_UNIXLIB_H */

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
    host_call_socket_setup,
    host_call_close,
    host_call_sockopt,
    host_call_wait,
    host_call_reactor_open,
    host_call_reactor_arm,
    host_call_reactor_wait,
    host_call_share_port,
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
    uint32_t               skip;          /* bytes at the start of bufs already sent (streams) */
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

/* Prepares a new host fd: datagram sockets learn each packet's destination, TOS and TTL. */
struct host_socket_setup_params
{
    int32_t fd;
    int32_t family;         /* Win32 AF_* */
    int32_t type;           /* Win32 SOCK_* */
    int32_t error;          /* out */
};

struct host_close_params
{
    int32_t fd;
};

/* A bounded poll() on the host fd: is it ready for `events` within timeout_ms? */
#define HOST_WAIT_IN  0x0001
#define HOST_WAIT_OUT 0x0002
struct host_wait_params
{
    int32_t  fd;
    uint32_t events;        /* HOST_WAIT_* */
    int32_t  timeout_ms;
    int32_t  ready;         /* out: nonzero if ready (or in error: the transfer will report it) */
};

/*
 * The provider's reactor: one host epoll set over the fds whose queued
 * overlapped requests wait for readiness.  Each arming is one-shot (it fires
 * once, then waits to be armed again) and carries the caller's token back.
 */
struct host_reactor_open_params
{
    int32_t epfd;           /* out: the epoll fd, -1 on error */
    int32_t error;          /* out: 0 or WSAE* */
};

#define HOST_REACTOR_ADD    0   /* first arming of this fd */
#define HOST_REACTOR_MODIFY 1   /* arming again (or changing the events) */
#define HOST_REACTOR_REMOVE 2   /* forget the fd (before it is closed) */
struct host_reactor_arm_params
{
    int32_t  epfd;
    int32_t  fd;
    uint32_t op;            /* HOST_REACTOR_* */
    uint32_t events;        /* HOST_WAIT_* */
    uint64_t token;         /* returned with the fd's readiness */
    int32_t  error;         /* out: 0 or WSAE* */
};

/* One fd found ready: its token and HOST_WAIT_* (errors and hang-ups set both). */
struct host_reactor_event
{
    uint64_t token;
    uint32_t events;
    uint32_t pad;
};

struct host_reactor_wait_params
{
    int32_t                   epfd;
    int32_t                   timeout_ms;   /* -1: until something is ready */
    struct host_reactor_event *events;      /* out */
    uint32_t                  capacity;
    uint32_t                  count;        /* out: 0 on timeout or interruption */
};

/* SIO_CPU_AFFINITY: per-processor sockets may bind one port (SO_REUSEPORT on the host). */
struct host_share_port_params
{
    int32_t fd;
    int32_t error;          /* out: 0 or WSAE* */
};

/* getsockopt / setsockopt on the host fd with Win32 level and name (translated in the codec). */
struct host_sockopt_params
{
    int32_t fd;
    int32_t set;            /* 1 = setsockopt, 0 = getsockopt */
    int32_t level;          /* Win32 level */
    int32_t name;           /* Win32 option name */
    void   *value;          /* Win32 layout */
    int32_t len;            /* in: size; out (get): size used */
    int32_t error;          /* out: 0 or WSAE* */
};

/*
 * Name resolution through the host's resolver (/etc/hosts, DNS as the host
 * sees them).  The PE side resolves service names and numeric ports itself
 * (from the Windows services file) and passes only a port here.  All values
 * are Win32 ones; the unix side translates them.
 */

/* One address found, already in Win32 layout. */
struct host_addrinfo_entry
{
    int32_t  family;       /* WS_AF_INET or WS_AF_INET6 */
    uint32_t addr_len;     /* bytes used in addr: 16 or 28 */
    uint8_t  addr[28];     /* Win32 SOCKADDR_IN / SOCKADDR_IN6, port set */
};

struct host_getaddrinfo_params
{
    const char                 *node;        /* UTF-8 name or numeric address, NULL = none */
    uint32_t                    port;        /* host order, stored in every address */
    int32_t                     flags;       /* Win32 AI_* */
    int32_t                     family;      /* Win32 AF_UNSPEC / AF_INET / AF_INET6 */
    struct host_addrinfo_entry *entries;     /* out */
    uint32_t                    entry_cap;
    uint32_t                    entry_count; /* out: addresses found (more than entry_cap: call again) */
    char                       *canon;       /* out: canonical name (AI_CANONNAME / AI_FQDN), may be NULL */
    uint32_t                    canon_cap;
    int32_t                     error;       /* out: 0 or a Win32 error (WSAHOST_NOT_FOUND, ...) */
};

/* The host name of an address (the service part is the PE side's). */
struct host_getnameinfo_params
{
    const void *addr;        /* Win32 SOCKADDR_IN / SOCKADDR_IN6 */
    int32_t     addr_len;
    int32_t     flags;       /* Win32 NI_*: NI_NOFQDN is the one that matters here */
    char       *host;        /* out: UTF-8 host name, NUL-terminated */
    uint32_t    host_cap;
    int32_t     error;       /* out: 0, WSAHOST_NOT_FOUND when no name is known, ... */
};

struct host_gethostname_params
{
    char    *name;           /* out: UTF-8, NUL-terminated when it fits */
    uint32_t size;           /* room in name */
    uint32_t len;            /* out: length of the host name, NUL excluded */
    int32_t  error;          /* out: 0, or WSAEFAULT when it does not fit */
};

#endif /* MSGSOCK_UNIXLIB_H */

/* What the base provider's files share: per-socket state and the upcalls. */
#ifndef MSGSOCK_PROVIDER_H
#define MSGSOCK_PROVIDER_H

#include <winsock2.h>
#include <ws2tcpip.h>
#include <ws2spi.h>
#include <mswsock.h>

#include "msgsock/debug.h"
#include "msgsock/memcheck.h"

struct pending_op;

/* Overlapped requests of one direction that could not complete at once, in posting order. */
struct io_queue
{
    CRITICAL_SECTION lock;
    struct pending_op *head, *tail;
};

/* What the reactor (reactor.c) watches the socket's host fd for. */
struct socket_watch
{
    SRWLOCK lock;
    unsigned int directions;        /* HOST_WAIT_IN / _OUT armed and not yet reported */
    BOOL added;                     /* the fd is in the reactor's set */
    BOOL closed;                    /* closesocket: never arm again */
};

/* The completion port the program associated the socket with (completion_port.c). */
struct socket_port
{
    SRWLOCK lock;
    HANDLE handle;                  /* msgsock's duplicate of the port, NULL: none */
    ULONG_PTR key;
    LONG modes;                     /* SetFileCompletionNotificationModes' flags */
};

/* Per-socket state the provider keeps beside Wine's socket object. */
struct socket_ctx
{
    SOCKET handle;
    int fd;                 /* host fd (a dup) while in use or cached (host_fd.c), else -1 */
    LONG fd_users;          /* socket_fd_get calls not yet put back, the reactor's watch included */
    struct socket_ctx *idle_prev, *idle_next;   /* host_fd.c's list of cached idle fds */
    int family, type, protocol;
    BOOL overlapped;        /* WSA_FLAG_OVERLAPPED */
    BOOL nonblocking;       /* FIONBIO */
    BOOL bound;
    BOOL no_connreset;      /* SIO_UDP_CONNRESET off */
    BOOL send_shutdown, recv_shutdown;
    DWORD want_cmsgs;       /* WS_WANT_* of wscodec.h */
    DWORD send_timeout, recv_timeout;      /* SO_SNDTIMEO / SO_RCVTIMEO, ms, 0 = none */
    DWORD max_coalesced;    /* UDP_RECV_MAX_COALESCED_SIZE */
    DWORD send_msg_size;    /* UDP_SEND_MSG_SIZE */
    struct io_queue queues[2];             /* [0] receive, [1] send */
    struct socket_watch watch;
    struct socket_port port;
    LONG refs;
    int so_error;           /* SO_ERROR as an application set it */
    LONG fd_stale;          /* AcceptEx target: Wine gives it a new host fd when it accepts */
    BOOL select_active;     /* WSAEventSelect / WSAAsyncSelect mask set (wsp_events.c) */
    USHORT processor;       /* SIO_CPU_AFFINITY's processor index (0 until set) */
    BOOL peer_seen;         /* stream: known to have been connected (transfer_checks.c) */
    BOOL peer_reset;        /* stream: the peer reset the connection (every later receive says so) */
    BOOL v4_not_v6only;     /* AF_INET or raw: IPV6_V6ONLY set to 0 (Windows keeps it; the host refuses it) */
    USHORT linger_onoff;    /* SO_LINGER's l_onoff as set (Wine keeps only whether it is nonzero) */
    LONG close_watched;     /* close_watch.c has a poll for the last handle's close pending */
    SOCKADDR_STORAGE peer_addr;  /* stream: the peer as last known (peer_address.c) */
    LONG peer_len;          /* its length, 0 until known; set once */
};

/* socket_table.c: lookups take a reference; release with socket_release. */
struct socket_ctx *socket_register(SOCKET handle, int family, int type, int protocol, DWORD flags);
struct socket_ctx *socket_lookup(SOCKET handle);    /* adopts Wine sockets made elsewhere */
struct socket_ctx *socket_find(SOCKET handle);      /* only sockets already known */
/* Calls fn for each known socket under the table's shared lock (fn must not call back into the table). */
void socket_for_each(void (*fn)(struct socket_ctx *ctx, void *arg), void *arg);
void socket_release(struct socket_ctx *ctx);
void socket_unregister(SOCKET handle);
/* host_fd.c: the socket's host fd for one use; -1 if none can be had.  Put back every fd got. */
int socket_fd_get(struct socket_ctx *ctx);
void socket_fd_put(struct socket_ctx *ctx);
/* Drops exactly this context from the table (its handle may name a newer socket by now). */
void socket_unregister_ctx(struct socket_ctx *ctx);
/* Takes the socket's current host fd again if AcceptEx replaced it (fd_stale). */
void socket_refresh_fd(struct socket_ctx *ctx);

/* protocol_info.c: the WSAPROTOCOL_INFOW describing a socket of this kind. */
void protocol_info_fill(int family, int type, int protocol, WSAPROTOCOL_INFOW *info);

/* The upcall table ws2_32 handed to WSPStartup. */
extern WSPUPCALLTABLE provider_upcalls;

/*
 * OVERLAPPED.Internal as the provider writes it: pending, STATUS_BUFFER_OVERFLOW
 * for a truncated datagram and STATUS_CANCELLED for an aborted request (so a
 * port reports ERROR_MORE_DATA / ERROR_OPERATION_ABORTED, as Windows), or a Winsock error in Wine's 0xc001xxxx status form (0 for success), which
 * afd_status_to_wsa decodes.
 */
#define OVL_STATUS_PENDING 0x103
static inline ULONG_PTR ovl_status_of(int error)
{
    if (error == WSAEMSGSIZE) return 0x80000005;
    if (error == WSA_OPERATION_ABORTED) return 0xc0000120;
    if (error == WSAEOPNOTSUPP) return 0xc00000bb;   /* STATUS_NOT_SUPPORTED: a port says ERROR_NOT_SUPPORTED */
    return error ? 0xc0010000 | error : 0;
}

/* The same for a request of this socket: a stream's reset is STATUS_CONNECTION_RESET (ERROR_NETNAME_DELETED),
 * its local abort STATUS_CONNECTION_ABORTED (ERROR_CONNECTION_ABORTED). */
static inline ULONG_PTR ovl_status_for(const struct socket_ctx *ctx, int error)
{
    if (error == WSAECONNRESET && ctx->type == SOCK_STREAM) return 0xc000020d;
    if (error == WSAECONNABORTED && ctx->type == SOCK_STREAM) return 0xc0000241;
    return ovl_status_of(error);
}

/* Sets *errno_out and returns SOCKET_ERROR, for `return wsp_fail(lpErrno, WSAEFAULT);`. */
static inline int wsp_fail(int *errno_out, int error)
{
    *errno_out = error;
    return SOCKET_ERROR;
}


#endif

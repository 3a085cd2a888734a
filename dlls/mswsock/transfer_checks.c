/*
 * Argument and state checks common to WSPSend*, WSPRecv*, WSASendMsg and
 * WSARecvMsg, each from the error tables of Microsoft's pages (seeds 001-003).
 */
#include "completion_port.h"
#include "provider_calls.h"
#include "transfer_checks.h"
#include "peer_address.h"
#include "wine/afd.h"

static BOOL buffers_ok(struct memcheck_memo *memo, const WSABUF *bufs, DWORD count)
{
    return !count || msgsock_readable_memo(memo, bufs, count * sizeof(*bufs));
}

static BOOL is_datagram(const struct socket_ctx *ctx)
{
    return ctx->type == SOCK_DGRAM || ctx->type == SOCK_RAW;
}

static BOOL overlapped_request(const struct msg_request *req)
{
    return req->ovl || req->routine;
}

/* Checks every transfer shares: the byte count, the WSABUF array, overlapped on an overlapped socket. */
static int check_common(struct memcheck_memo *memo, const struct msg_request *req)
{
    /* lpNumberOfBytesSent/Recvd "can be NULL only if the lpOverlapped parameter is not NULL". */
    if (!req->ovl && !req->bytes_out) return WSAEFAULT;
    if (req->bytes_out && !msgsock_writable_memo(memo, req->bytes_out, sizeof(DWORD))) return WSAEFAULT;
    if (!buffers_ok(memo, req->bufs, req->count)) return WSAEFAULT;
    return 0;
}

/* The state checks that follow the argument checks, in the same order for both directions. */
static int check_flags_and_mode(struct socket_ctx *ctx, const struct msg_request *req)
{
    if ((req->flags & MSG_OOB) && is_datagram(ctx)) return WSAEOPNOTSUPP;
    if (overlapped_request(req) && !ctx->overlapped && !req->sync_ovl) return WSAEINVAL;
    /* Windows refuses a completion routine on a socket bound to a completion port (Wine's sock test_WSARecv):
     * its completion would have to go to both. */
    if (req->routine && port_is_associated(ctx)) return WSAEINVAL;
    return 0;
}

/* "A successful send binds an unbound socket": bind it the way Windows does, to the wildcard. */
static int bind_implicitly(struct socket_ctx *ctx)
{
    SOCKADDR_STORAGE any = { 0 };
    int len = ctx->family == AF_INET6 ? sizeof(SOCKADDR_IN6) : sizeof(SOCKADDR_IN);
    int error;

    any.ss_family = ctx->family;
    if (!(error = afd_bind((HANDLE)ctx->handle, (struct sockaddr *)&any, len))) ctx->bound = TRUE;
    return error == WSAEINVAL ? 0 : error;   /* WSAEINVAL: someone bound it meanwhile */
}

int check_send(struct socket_ctx *ctx, const struct msg_request *req)
{
    struct memcheck_memo memo = { 0 };
    int error;

    socket_refresh_fd(ctx);   /* an AcceptEx target that got its connection */

    if ((error = check_common(&memo, req))) return error;
    if (req->to && (req->tolen < (int)sizeof(struct sockaddr) ||
                    !msgsock_readable_memo(&memo, req->to, req->tolen)))
        return WSAEFAULT;
    if (req->control && req->control->len &&
        !msgsock_readable_memo(&memo, req->control->buf, req->control->len))
        return WSAEFAULT;
    /* MSG_PARTIAL: "WSAEOPNOTSUPP will be returned by transports that do not support partial messages". */
    if (req->flags & MSG_PARTIAL) return WSAEOPNOTSUPP;
    if ((error = check_flags_and_mode(ctx, req))) return error;
    if (ctx->send_shutdown) return WSAESHUTDOWN;
    if (is_datagram(ctx) && !ctx->bound) return bind_implicitly(ctx);
    return 0;
}

int check_recv(struct socket_ctx *ctx, const struct msg_request *req)
{
    struct memcheck_memo memo = { 0 };
    int error;

    socket_refresh_fd(ctx);   /* an AcceptEx target that got its connection */

    if ((error = check_common(&memo, req))) return error;
    if (req->from && (!req->fromlen || !msgsock_writable_memo(&memo, req->fromlen, sizeof(int)) ||
                      !msgsock_writable_memo(&memo, req->from, *req->fromlen)))
        return WSAEFAULT;
    if (req->control && req->control->len &&
        !msgsock_writable_memo(&memo, req->control->buf, req->control->len))
        return WSAEFAULT;
    if ((error = check_flags_and_mode(ctx, req))) return error;
    /* A stream receive needs a buffer, if only an empty one (Windows says WSAEINVAL; Wine's suite). */
    if (!req->count && ctx->type == SOCK_STREAM) return WSAEINVAL;
    /* WSAEINVAL: "The socket has not been bound (with bind, for example)." (a stream: WSAENOTCONN from the host) */
    if (is_datagram(ctx) && !ctx->bound) return WSAEINVAL;
    if (ctx->recv_shutdown) return WSAESHUTDOWN;
    return 0;
}

void touch_recv_buffers(const struct msg_request *req)
{
    volatile char *p;
    DWORD i;
    ULONG left;

    /* A write to each page, as Windows probes a receive's buffers when it starts: write-watched
     * pages report it, and Wine lifts their write protection for the host's recvmsg. */
    for (i = 0; i < req->count; i++)
    {
        if (!(left = req->bufs[i].len)) continue;
        p = req->bufs[i].buf;
        for (; left > 0x1000; left -= 0x1000, p += 0x1000) *p |= 0;
        p[0] |= 0;
        p[left - 1] |= 0;
    }
}

ULONG request_length(const struct msg_request *req)
{
    ULONG total = 0;
    DWORD i;

    for (i = 0; i < req->count; i++) total += req->bufs[i].len;
    return total;
}

/* Whether a stream socket has (or had) a peer; cached once seen, so a connection costs one look. */
static BOOL peer_seen(struct socket_ctx *ctx)
{
    if (!ctx->peer_seen && peer_known(ctx)) ctx->peer_seen = TRUE;
    return ctx->peer_seen;
}

int stream_result(struct socket_ctx *ctx, const struct msg_request *req, int error, DWORD bytes)
{
    SOCKADDR_STORAGE peer;
    int len = sizeof(peer), reported = 0;

    if (ctx->type != SOCK_STREAM) return error;
    if (bytes) ctx->peer_seen = TRUE;
    if (req->is_send && error == WSAESHUTDOWN && !ctx->send_shutdown)
    {
        /* WSAENOTCONN: "The socket is not connected."; else the peer reset the connection. */
        if (afd_getpeername((HANDLE)ctx->handle, (struct sockaddr *)&peer, &len)) return WSAENOTCONN;
        return WSAECONNRESET;
    }
    /* A reset proves a connection was there; the host reports it once, Windows on every later receive. */
    if (error == WSAECONNRESET) ctx->peer_seen = ctx->peer_reset = TRUE;
    /* WSAECONNRESET: "The virtual circuit was reset by the remote side", not a graceful close. */
    if (!req->is_send && !error && !bytes && request_length(req) &&
        (ctx->peer_reset ||
         (!afd_poll_now((HANDLE)ctx->handle, MSGSOCK_POLL_RESET, &reported) && (reported & MSGSOCK_POLL_RESET))))
        return WSAECONNRESET;
    /* recv: "WSAENOTCONN: The socket is not connected."  The host reads a connect that failed as an
     * end of stream; Bun's recv(s, NULL, 0, ...) after a connect must tell the two apart. */
    if (!req->is_send && !error && !bytes && !peer_seen(ctx)) return WSAENOTCONN;
    return error;
}

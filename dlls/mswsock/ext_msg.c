/*
 * WSARecvMsg and WSASendMsg, as handed out for WSAID_WSARECVMSG /
 * WSAID_WSASENDMSG: the checks of seeds 001 and 002, then the transfer engine.
 * Called straight by programs, so they report errors with WSASetLastError.
 */
#include "provider_calls.h"
#include "msg_io.h"
#include "transfer_checks.h"

/* The only flags WSASendMsg accepts: "MSG_DONTROUTE, MSG_PARTIAL, and MSG_OOB". */
#define SENDMSG_FLAGS (MSG_DONTROUTE | MSG_PARTIAL | MSG_OOB)

static int fail(int error)
{
    SetLastError(error);
    return SOCKET_ERROR;
}

/* Checks shared by both: the WSAMSG itself and its name / Control pairs. */
static int check_msg(const WSAMSG *msg, BOOL writable)
{
    if (!msg || !(writable ? msgsock_writable((void *)msg, sizeof(*msg)) : msgsock_readable(msg, sizeof(*msg))))
        return WSAEFAULT;
    /* "...a name member ... was a NULL pointer and the namelen member ... was not set to zero." */
    if (!msg->name && msg->namelen) return WSAEFAULT;
    /* "...a Control.buf member ... was a NULL pointer and the Control.len member ... was not set to zero." */
    if (!msg->Control.buf && msg->Control.len) return WSAEFAULT;
    return 0;
}

static int check_datagram_socket(SOCKET s, struct socket_ctx **ctx)
{
    if (!provider_started()) return WSANOTINITIALISED;
    if (!(*ctx = socket_lookup(s))) return WSAENOTSOCK;
    /* "can only be used with datagrams and raw sockets" */
    if ((*ctx)->type != SOCK_DGRAM && (*ctx)->type != SOCK_RAW) return WSAEINVAL;
    return 0;
}

INT WSAAPI msgsock_WSASendMsg(SOCKET s, WSAMSG *msg, DWORD flags, DWORD *sent, WSAOVERLAPPED *ovl,
                              LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    struct socket_ctx *ctx = NULL;
    struct msg_request req = { TRUE };
    int error;

    if ((error = check_datagram_socket(s, &ctx)) || (error = check_msg(msg, FALSE)))
        goto done;
    /* "WSAEOPNOTSUPP ... if the dwFlags ... includes any control flags invalid for WSASendMsg." */
    if (flags & ~SENDMSG_FLAGS) { error = WSAEOPNOTSUPP; goto done; }
    req.bufs = msg->lpBuffers;
    req.count = msg->dwBufferCount;
    req.flags = flags;
    req.to = msg->name;
    req.tolen = msg->namelen;
    req.control = msg->Control.len ? &msg->Control : NULL;
    req.bytes_out = sent;
    req.ovl = ovl;
    req.routine = routine;
    if (!(error = check_send(ctx, &req))) error = msg_io_run(ctx, &req);
done:
    socket_release(ctx);
    TRACE("socket %#Ix -> %d\n", s, error);
    return error ? fail(error) : 0;
}

INT WINAPI msgsock_WSARecvMsg(SOCKET s, WSAMSG *msg, DWORD *received, WSAOVERLAPPED *ovl,
                              LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    struct socket_ctx *ctx = NULL;
    struct msg_request req = { FALSE };
    int error;

    if ((error = check_datagram_socket(s, &ctx)) || (error = check_msg(msg, TRUE)))
        goto done;
    /* "The only possible input value for the dwFlags member ... is MSG_PEEK", for non-overlapped sockets. */
    if ((msg->dwFlags & ~MSG_PEEK) ||
        ((msg->dwFlags & MSG_PEEK) && ctx->overlapped && (ovl || routine)))
    {
        error = WSAEOPNOTSUPP;
        goto done;
    }
    req.bufs = msg->lpBuffers;
    req.count = msg->dwBufferCount;
    req.flags = msg->dwFlags;
    req.flags_out = &msg->dwFlags;
    req.flags_in_msg = TRUE;
    req.from = msg->name;
    req.fromlen = msg->name ? &msg->namelen : NULL;
    req.control = &msg->Control;
    req.bytes_out = received;
    req.ovl = ovl;
    req.routine = routine;
    if (!(error = check_recv(ctx, &req))) error = msg_io_run(ctx, &req);
done:
    socket_release(ctx);
    TRACE("socket %#Ix -> %d\n", s, error);
    return error ? fail(error) : 0;
}

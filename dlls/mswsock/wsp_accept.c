/* WSPAccept: accept and WSAAccept with its condition function, over Wine's accept. */
#include "provider_calls.h"
#include "wine/afd.h"

static int sockaddr_size(int family)
{
    return family == AF_INET6 ? sizeof(SOCKADDR_IN6) : sizeof(SOCKADDR_IN);
}

/* The documented argument errors, checked before a connection is taken off the queue. */
static int check_accept(struct socket_ctx *ctx, struct sockaddr *addr, int *addrlen, LPCONDITIONPROC cond)
{
    int listening = 0;

    /* "If addr and/or addrlen are equal to NULL, then no information about the remote address of the
     * accepted socket is returned."  WSAEFAULT: "The addrlen parameter is too small or addr is not a
     * valid part of the user address space." */
    if (addr && addrlen &&
        (!msgsock_writable(addrlen, sizeof(*addrlen)) || *addrlen < sockaddr_size(ctx->family) ||
         !msgsock_writable(addr, *addrlen)))
        return WSAEFAULT;
    if (cond && !msgsock_readable((const void *)cond, 1)) return WSAEFAULT;
    /* WSAEOPNOTSUPP: "The referenced socket is not a type that supports connection-oriented service." */
    if (ctx->type != SOCK_STREAM) return WSAEOPNOTSUPP;
    /* WSAEINVAL: "The listen function was not invoked prior to accept." */
    if (afd_get_option((HANDLE)ctx->handle, AFD_OPT_ACCEPTCONN, &listening, sizeof(listening)) || !listening)
        return WSAEINVAL;
    return 0;
}

/* WSAAccept's condition function: CF_ACCEPT, CF_REJECT or CF_DEFER, as an error code. */
static int ask_condition(SOCKET s, SOCKET accepted, LPCONDITIONPROC cond, DWORD_PTR data)
{
    SOCKADDR_STORAGE peer, local;
    int peer_len = sizeof(peer), local_len = sizeof(local);
    WSABUF caller, callee;
    GROUP group = 0;
    int error;

    if ((error = afd_getpeername((HANDLE)accepted, (struct sockaddr *)&peer, &peer_len))) return error;
    if ((error = afd_getsockname((HANDLE)accepted, (struct sockaddr *)&local, &local_len))) return error;
    caller.buf = (char *)&peer;
    caller.len = peer_len;
    callee.buf = (char *)&local;
    callee.len = local_len;
    switch (cond(&caller, NULL, NULL, NULL, &callee, NULL, &group, data))
    {
    case CF_ACCEPT: return 0;
    /* "The connection request was forcefully rejected as indicated in the return value of the condition function." */
    case CF_REJECT: return WSAECONNREFUSED;
    case CF_DEFER:
        if ((error = afd_defer_accept((HANDLE)s, (HANDLE)accepted))) return error;
        return WSATRY_AGAIN;
    default:
        /* WSAEINVAL: "the return value of the condition function is not a valid one". */
        return WSAEINVAL;
    }
}

static SOCKET register_accepted(struct socket_ctx *listener, HANDLE handle, int *error)
{
    struct socket_ctx *ctx;

    /* The accepted socket has the listening socket's properties, as on Windows. */
    ctx = socket_register((SOCKET)handle, listener->family, listener->type, listener->protocol,
                          listener->overlapped ? WSA_FLAG_OVERLAPPED : 0);
    if (!ctx)
    {
        *error = WSAENOBUFS;
        return INVALID_SOCKET;
    }
    ctx->bound = TRUE;
    /* Wine's server hands the listener's event selection and non-blocking mode on with it (as Windows). */
    ctx->nonblocking = listener->nonblocking;
    /* The accepted socket has the listener's options, SO_SNDTIMEO / SO_RCVTIMEO included (Wine's
     * sock test_accept_inheritance; the others are Wine's server's or the host's). */
    ctx->send_timeout = listener->send_timeout;
    ctx->recv_timeout = listener->recv_timeout;
    ctx->select_active = listener->select_active;
    socket_release(ctx);
    return (SOCKET)handle;
}

static void discard(SOCKET s)
{
    int err;

    wsp_close_socket(s, &err);
}

SOCKET WSPAPI wsp_accept(SOCKET s, struct sockaddr *addr, int *addrlen, LPCONDITIONPROC cond, DWORD_PTR data,
                         int *err)
{
    struct socket_ctx *ctx = socket_lookup(s);
    SOCKET accepted = INVALID_SOCKET;
    HANDLE handle;
    int error;

    if (!ctx)
    {
        *err = WSAENOTSOCK;
        return INVALID_SOCKET;
    }
    if (!(error = check_accept(ctx, addr, addrlen, cond)) && !(error = afd_accept((HANDLE)ctx->handle, &handle)))
        accepted = register_accepted(ctx, handle, &error);
    if (accepted != INVALID_SOCKET && cond && (error = ask_condition(s, accepted, cond, data)))
    {
        discard(accepted);
        accepted = INVALID_SOCKET;
    }
    if (accepted != INVALID_SOCKET && addr && addrlen && (error = afd_getpeername(handle, addr, addrlen)))
    {
        discard(accepted);
        accepted = INVALID_SOCKET;
    }
    socket_release(ctx);
    TRACE("%#Ix -> %#Ix (error %d)\n", s, accepted, error);
    if (accepted == INVALID_SOCKET) *err = error;
    return accepted;
}

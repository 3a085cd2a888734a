/*
 * ConnectEx and DisconnectEx (WSAID_CONNECTEX / WSAID_DISCONNECTEX).  ConnectEx
 * is Wine's own asynchronous connect (with the optional first data) using the
 * caller's OVERLAPPED as its status block; Wine completes it and posts to the
 * port.  DisconnectEx shuts the sending side down at once.
 */
#include "provider_calls.h"
#include "msg_io.h"
#include "wine/afd.h"

static int check_connect_ex(struct socket_ctx *ctx, const struct sockaddr *name, int namelen, const void *data,
                            DWORD data_len, OVERLAPPED *ovl)
{
    /* WSAEFAULT: "The name, the lpSendBuffer, or the lpOverlapped parameter is not a valid part of the user address space" */
    if (!name || namelen < (int)sizeof(struct sockaddr) || !msgsock_readable(name, namelen)) return WSAEFAULT;
    if (data_len && (!data || !msgsock_readable(data, data_len))) return WSAEFAULT;
    /* A NULL lpOverlapped: Windows says ERROR_INVALID_PARAMETER (Wine's suite, sock.c test_connect). */
    if (!ovl) return ERROR_INVALID_PARAMETER;
    if (!msgsock_writable(ovl, sizeof(*ovl))) return WSAEFAULT;
    if (ctx->type != SOCK_STREAM) return WSAEOPNOTSUPP;
    /* WSAEINVAL: "The parameter s is an unbound or a listening socket." */
    if (!ctx->bound) return WSAEINVAL;
    return 0;
}

BOOL WINAPI msgsock_ConnectEx(SOCKET s, const struct sockaddr *name, int namelen, void *data, DWORD data_len,
                              DWORD *sent, OVERLAPPED *ovl)
{
    struct socket_ctx *ctx = socket_lookup(s);
    int error = WSAENOTSOCK;

    if (ctx && !(error = check_connect_ex(ctx, name, namelen, data, data_len, ovl)))
    {
        error = afd_connect_async((HANDLE)s, name, namelen, data, data_len, ovl);
        if (!error && sent) *sent = data_len;
    }
    socket_release(ctx);
    TRACE("%#Ix: error %d\n", s, error);
    if (error == WSA_IO_PENDING) error = ERROR_IO_PENDING;
    SetLastError(error);
    return !error;
}

BOOL WINAPI msgsock_DisconnectEx(SOCKET s, OVERLAPPED *ovl, DWORD flags, DWORD reserved)
{
    struct socket_ctx *ctx = socket_lookup(s);
    int error = WSAENOTSOCK;

    /* "dwReserved: Reserved. Must be zero"; the only flag is TF_REUSE_SOCKET. */
    if (ctx) error = reserved || (flags & ~TF_REUSE_SOCKET) ? WSAEINVAL : 0;
    if (!error && ovl && !msgsock_writable(ovl, sizeof(*ovl))) error = WSAEFAULT;
    /* As Windows (Wine's sock test_DisconnectEx): the sending side closes, what the peer still sends arrives. */
    if (!error && !(error = afd_shutdown((HANDLE)s, SD_SEND))) ctx->send_shutdown = TRUE;
    if (!error && ovl)
    {
        /* Done at once, reported as Windows does: ERROR_IO_PENDING, then the OVERLAPPED, its event and the port. */
        msg_io_complete_pended(ctx, ovl, 0, 0);
        error = ERROR_IO_PENDING;
    }
    socket_release(ctx);
    SetLastError(error);
    return !error;
}

/* Socket lifecycle and addresses: WSPSocket, WSPCloseSocket, WSPBind, WSPConnect, ... */
#include "provider_calls.h"
#include "msg_io.h"
#include "wine/afd.h"

SOCKET WSPAPI wsp_socket(int af, int type, int protocol, WSAPROTOCOL_INFOW *info, GROUP g, DWORD flags,
                         int *err)
{
    struct socket_ctx *ctx;
    HANDLE handle;
    int error;

    /* A structure from WSADuplicateSocket: "the same underlying socket" is shared. */
    if (info && info->dwProviderReserved) return wsp_adopt_shared(info, flags, err);
    /* FROM_PROTOCOL_INFO (-1) takes the value from the protocol info, as documented. */
    if (info)
    {
        if (af == FROM_PROTOCOL_INFO) af = info->iAddressFamily;
        if (type == FROM_PROTOCOL_INFO) type = info->iSocketType;
        if (protocol == FROM_PROTOCOL_INFO) protocol = info->iProtocol;
        /* The values "supplied by the application": "A service provider is free to ignore or pay attention to
         * any or all of these values".  A 0 family or type takes the entry's (socket(AF_INET, 0, IPPROTO_TCP) is
         * TCP), a type only from an entry of that protocol: a layered provider may pass its own entry. */
        if (!af && info->iAddressFamily > 0) af = info->iAddressFamily;
        if (!type && info->iSocketType > 0 && (!protocol || protocol == info->iProtocol)) type = info->iSocketType;
    }
    if ((error = afd_create_socket(af, type, protocol, flags, &handle)))
    {
        *err = error;
        return INVALID_SOCKET;
    }
    if (afd_get_info(handle, &af, &type, &protocol) ||
        !(ctx = socket_register((SOCKET)handle, af, type, protocol, flags)))
    {
        CloseHandle(handle);
        *err = WSAENOBUFS;
        return INVALID_SOCKET;
    }
    TRACE("af %d type %d protocol %d flags %#lx -> %p\n", af, type, protocol, flags, handle);
    socket_release(ctx);
    return (SOCKET)handle;
}

int WSPAPI wsp_close_socket(SOCKET s, int *err)
{
    struct socket_ctx *ctx = socket_lookup(s);

    if (!ctx) return wsp_fail(err, WSAENOTSOCK);
    /* "The overlapped operation has been canceled due to the closure of the socket." */
    msg_io_abort_socket(ctx);
    socket_release(ctx);
    socket_unregister(s);
    if (!CloseHandle((HANDLE)s)) return wsp_fail(err, WSAENOTSOCK);
    return 0;
}

int WSPAPI wsp_bind(SOCKET s, const struct sockaddr *name, int namelen, int *err)
{
    struct socket_ctx *ctx = socket_lookup(s);
    int error;

    if (!ctx) return wsp_fail(err, WSAENOTSOCK);
    if (!name || namelen < (int)sizeof(struct sockaddr) || !msgsock_readable(name, namelen))
        error = WSAEFAULT;
    else if (ctx->bound)
        error = WSAEINVAL;   /* "the socket is already bound to an address" */
    else if (!(error = afd_bind((HANDLE)s, name, namelen)))
        ctx->bound = TRUE;
    socket_release(ctx);
    return error ? wsp_fail(err, error) : 0;
}

int WSPAPI wsp_connect(SOCKET s, const struct sockaddr *name, int namelen, WSABUF *caller_data,
                       WSABUF *callee_data, QOS *sqos, QOS *gqos, int *err)
{
    struct socket_ctx *ctx = socket_lookup(s);
    int error;

    if (!ctx) return wsp_fail(err, WSAENOTSOCK);
    if (!name || namelen < (int)sizeof(struct sockaddr) || !msgsock_readable(name, namelen))
        error = WSAEFAULT;
    else if (!(error = afd_connect((HANDLE)s, name, namelen)))
        ctx->bound = TRUE;   /* connect binds implicitly */
    socket_release(ctx);
    return error ? wsp_fail(err, error) : 0;
}

static int get_address(SOCKET s, struct sockaddr *name, int *namelen, int *err,
                       int (*query)(HANDLE, struct sockaddr *, int *))
{
    struct socket_ctx *ctx = socket_lookup(s);
    int error;

    if (!ctx) return wsp_fail(err, WSAENOTSOCK);
    if (!namelen || !msgsock_writable(namelen, sizeof(*namelen)) || !msgsock_writable(name, *namelen))
        error = WSAEFAULT;
    else
        error = query((HANDLE)s, name, namelen);
    socket_release(ctx);
    return error ? wsp_fail(err, error) : 0;
}

int WSPAPI wsp_getsockname(SOCKET s, struct sockaddr *name, int *namelen, int *err)
{
    return get_address(s, name, namelen, err, afd_getsockname);
}

int WSPAPI wsp_getpeername(SOCKET s, struct sockaddr *name, int *namelen, int *err)
{
    return get_address(s, name, namelen, err, afd_getpeername);
}

int WSPAPI wsp_listen(SOCKET s, int backlog, int *err)
{
    struct socket_ctx *ctx = socket_lookup(s);
    int error;

    if (!ctx) return wsp_fail(err, WSAENOTSOCK);
    error = afd_listen((HANDLE)s, backlog);
    socket_release(ctx);
    return error ? wsp_fail(err, error) : 0;
}

int WSPAPI wsp_shutdown(SOCKET s, int how, int *err)
{
    struct socket_ctx *ctx = socket_lookup(s);
    int error;

    if (!ctx) return wsp_fail(err, WSAENOTSOCK);
    if (how < SD_RECEIVE || how > SD_BOTH) error = WSAEINVAL;
    else if (!(error = afd_shutdown((HANDLE)s, how)))
    {
        if (how != SD_RECEIVE) ctx->send_shutdown = TRUE;
        if (how != SD_SEND) ctx->recv_shutdown = TRUE;
    }
    socket_release(ctx);
    return error ? wsp_fail(err, error) : 0;
}

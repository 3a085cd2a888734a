/* Socket lifecycle and addresses: WSPSocket, WSPCloseSocket, WSPBind, WSPConnect, ... */
#include "provider_calls.h"
#include <iphlpapi.h>

#include "msg_io.h"
#include "peer_address.h"
#include "wine/afd.h"

/* The protocol a socket of this type gets for `protocol`, as the catalog's entries match it; -1: none. */
static int protocol_for(int type, int protocol)
{
    switch (type)
    {
    case SOCK_STREAM: return !protocol || protocol == IPPROTO_TCP ? IPPROTO_TCP : -1;
    case SOCK_DGRAM: return !protocol || protocol == IPPROTO_UDP ? IPPROTO_UDP : -1;
    case SOCK_RAW: return protocol >= 0 && protocol <= 255 ? protocol : -1;   /* [RAW/IP]: 0 to 255 */
    }
    return -1;
}

/* Type 0: the first catalog entry for the protocol (TCP, then UDP, then raw), as Windows picks it. */
static int type_for(int protocol)
{
    if (!protocol || protocol == IPPROTO_TCP) return SOCK_STREAM;
    if (protocol == IPPROTO_UDP) return SOCK_DGRAM;
    return protocol > 0 && protocol <= 255 ? SOCK_RAW : 0;
}

/*
 * WSASocket's family, type and protocol as Windows resolves them against the base provider's
 * entries (IPv4 and IPv6 x TCP, UDP, raw): FROM_PROTOCOL_INFO (and 0, unless the caller gave the
 * type) take the structure's value when there is one; otherwise AF_UNSPEC means IPv4 unless the protocol is 0 too (WSAEINVAL).
 * Errors in Windows' order (Wine's tests record it): the type (WSAESOCKTNOSUPPORT), the family
 * (WSAEAFNOSUPPORT), then the protocol (WSAEPROTONOSUPPORT).
 */
static int resolve_kind(int *af, int *type, int *protocol, const WSAPROTOCOL_INFOW *info)
{
    if (info)
    {
        if (!*af || *af == FROM_PROTOCOL_INFO) *af = info->iAddressFamily;
        if (*protocol == FROM_PROTOCOL_INFO) *protocol = info->iProtocol;
        /* Protocol 0 with a type of the caller's own: that type's protocol, whatever the structure says. */
        if (!*type || *type == FROM_PROTOCOL_INFO)
        {
            *type = info->iSocketType;
            if (!*protocol) *protocol = info->iProtocol;
        }
        /* The structure names a provider of one family: nothing is looked up, the family comes first. */
        if (*af != AF_INET && *af != AF_INET6) return WSAEAFNOSUPPORT;
    }
    else if (*af == AF_UNSPEC && !*protocol)
        return WSAEINVAL;
    if (*type && *type != SOCK_STREAM && *type != SOCK_DGRAM && *type != SOCK_RAW) return WSAESOCKTNOSUPPORT;
    if (*af != AF_UNSPEC && *af != AF_INET && *af != AF_INET6) return WSAEAFNOSUPPORT;
    if (*af == AF_UNSPEC) *af = AF_INET;
    if (!*type && !(*type = type_for(*protocol))) return WSAEPROTONOSUPPORT;
    if ((*protocol = protocol_for(*type, *protocol)) < 0) return WSAEPROTONOSUPPORT;
    return 0;
}

SOCKET WSPAPI wsp_socket(int af, int type, int protocol, WSAPROTOCOL_INFOW *info, GROUP g, DWORD flags,
                         int *err)
{
    int asked_af = af, asked_type = type, asked_protocol = protocol;
    struct socket_ctx *ctx;
    HANDLE handle;
    int error;

    /* A structure from WSADuplicateSocket: "the same underlying socket" is shared. */
    if (info && info->dwProviderReserved) return wsp_adopt_shared(info, flags, err);
    if ((error = resolve_kind(&af, &type, &protocol, info)) ||
        (error = afd_create_socket(af, type, protocol, flags, &handle)))
    {
        TRACE("af %d type %d protocol %d info %p flags %#lx: error %d\n", asked_af, asked_type, asked_protocol,
              info, flags, error);
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

/*
 * bind's checks before Wine's: "WSAEFAULT ... the name parameter is not a valid part of the user
 * address space, the namelen parameter is too small", in the order Windows makes them (Wine's
 * tests record it): the generic length, the family (WSAEAFNOSUPPORT), the family's own length.
 */
static int check_bind_address(const struct socket_ctx *ctx, const struct sockaddr *name, int namelen)
{
    const SOCKADDR_IN6 *sin6 = (const SOCKADDR_IN6 *)name;
    NET_LUID luid;

    if (!name || namelen < (int)sizeof(struct sockaddr) || !msgsock_readable(name, namelen)) return WSAEFAULT;
    if (name->sa_family != ctx->family) return WSAEAFNOSUPPORT;
    if (ctx->family != AF_INET6) return 0;
    /* A SOCKADDR_IN6 without sin6_scope_id (the old 24-byte form) is too small. */
    if (namelen < (int)sizeof(SOCKADDR_IN6)) return WSAEFAULT;
    /* "WSAEADDRNOTAVAIL: The requested address is not valid in its context": a zone that is no interface. */
    if (sin6->sin6_scope_id && ConvertInterfaceIndexToLuid(sin6->sin6_scope_id, &luid)) return WSAEADDRNOTAVAIL;
    return 0;
}

int WSPAPI wsp_bind(SOCKET s, const struct sockaddr *name, int namelen, int *err)
{
    struct socket_ctx *ctx = socket_lookup(s);
    int error;

    if (!ctx) return wsp_fail(err, WSAENOTSOCK);
    if ((error = check_bind_address(ctx, name, namelen)))
        ;
    else if (ctx->bound)
        error = WSAEINVAL;   /* "the socket is already bound to an address" */
    else if (!(error = afd_bind((HANDLE)s, name, namelen)))
        ctx->bound = TRUE;
    socket_release(ctx);
    TRACE("socket %#Ix namelen %d family %d: error %d\n", s, namelen,
          error == WSAEFAULT ? -1 : name->sa_family, error);
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
    struct socket_ctx *ctx = socket_lookup(s);
    int error;

    if (!ctx) return wsp_fail(err, WSAENOTSOCK);
    error = peer_address(ctx, name, namelen);
    socket_release(ctx);
    return error ? wsp_fail(err, error) : 0;
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
    else
    {
        peer_remember(ctx);   /* the host forgets the peer once both directions are shut */
        error = afd_shutdown((HANDLE)s, how);
    }
    if (!error)
    {
        if (how != SD_RECEIVE) ctx->send_shutdown = TRUE;
        if (how != SD_SEND) ctx->recv_shutdown = TRUE;
    }
    socket_release(ctx);
    return error ? wsp_fail(err, error) : 0;
}

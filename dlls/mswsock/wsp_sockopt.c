/*
 * WSPGetSockOpt / WSPSetSockOpt.  Each option has a value shape (how Windows
 * reads and writes its optval and optlen) and a keeper: the provider's socket
 * state (what shapes the message path), Wine's server (what it checks itself,
 * such as SO_REUSEADDR at bind), or the host socket through the helper.
 */
#include <string.h>

#include "provider_calls.h"
#include "msgsock/host.h"
#include "msgsock/unixlib.h"
#include "msgsock/wscodec.h"
#include "msgsock/ws_extra.h"
#include "wine/afd.h"

/* Maximum UDP payload: 65535 - IPv4 header (20) - UDP header (8); IPv6 has no header in the count. */
#define MAX_UDP4_PAYLOAD 65507
#define MAX_UDP6_PAYLOAD 65527

/*
 * Value shapes, as Windows treats optlen (Wine's conformance tests, run on Windows, show it):
 * BOOL4: any length; reads up to 4 bytes as a BOOL; answers 4 bytes, or 1 if optlen < 4
 *        (SOL_SOCKET's write a 16-bit value into a 2-byte buffer, but still say 1).
 * BOOL1: a BOOLEAN: reads and answers 1 byte.
 * SMALL: a small int (TTL, hop limit, TOS): like BOOL4, but a value over 255 is WSAEINVAL.
 * DWORD4: a DWORD; optlen below 4 is WSAEFAULT.
 * SIZE4: a DWORD whose short get buffer Windows zeroes before failing with WSAEFAULT.
 * FLAG4: a DWORD switch of the receive path; a short get fails with optlen set to 0.
 * NO_VALUE: optval and optlen are not read (NULL and 0 are the documented call).
 */
enum shape { BOOL4, BOOL1, SMALL, DWORD4, SIZE4, FLAG4, LINGER_STRUCT, INFO_A, INFO_W, MREQ, NO_VALUE };

enum keeper { HOST, WINE, PROVIDER };

/* Socket kinds an option is refused on with WSAEINVAL. */
#define NOT_STREAM  0x1     /* multicast and receive-info options: datagram and raw sockets only */
#define RAW_ONLY    0x2     /* IP_HDRINCL: "This option is only supported for SOCK_RAW" */

struct option
{
    int level, name;
    enum shape shape;
    enum keeper keeper;
    enum afd_option wine;       /* keeper WINE */
    unsigned int only;          /* NOT_STREAM, RAW_ONLY */
};

static const struct option options[] =
{
    { SOL_SOCKET, SO_DEBUG, BOOL4, HOST },
    { SOL_SOCKET, SO_ACCEPTCONN, BOOL4, WINE, AFD_OPT_ACCEPTCONN },
    { SOL_SOCKET, SO_REUSEADDR, BOOL4, WINE, AFD_OPT_REUSEADDR },
    { SOL_SOCKET, SO_EXCLUSIVEADDRUSE, BOOL4, WINE, AFD_OPT_EXCLUSIVEADDRUSE },
    { SOL_SOCKET, SO_KEEPALIVE, BOOL1, HOST },
    { SOL_SOCKET, SO_DONTROUTE, BOOL1, HOST },
    { SOL_SOCKET, SO_BROADCAST, BOOL4, HOST },
    { SOL_SOCKET, SO_OOBINLINE, BOOL4, HOST },
    { SOL_SOCKET, SO_DONTLINGER, BOOL4, PROVIDER },
    { SOL_SOCKET, SO_LINGER, LINGER_STRUCT, PROVIDER },
    { SOL_SOCKET, SO_SNDBUF, SIZE4, WINE, AFD_OPT_SNDBUF },
    { SOL_SOCKET, SO_RCVBUF, SIZE4, WINE, AFD_OPT_RCVBUF },
    { SOL_SOCKET, SO_ERROR, DWORD4, PROVIDER },
    { SOL_SOCKET, SO_TYPE, DWORD4, PROVIDER },
    { SOL_SOCKET, SO_CONNECT_TIME, DWORD4, WINE, AFD_OPT_CONNECT_TIME },
    { SOL_SOCKET, SO_RCVTIMEO, DWORD4, PROVIDER },
    { SOL_SOCKET, SO_SNDTIMEO, DWORD4, PROVIDER },
    { SOL_SOCKET, SO_MAX_MSG_SIZE, DWORD4, PROVIDER },
    { SOL_SOCKET, SO_PROTOCOL_INFOA, INFO_A, PROVIDER },
    { SOL_SOCKET, SO_PROTOCOL_INFOW, INFO_W, PROVIDER },
    { SOL_SOCKET, SO_UPDATE_ACCEPT_CONTEXT, DWORD4, PROVIDER },
    { SOL_SOCKET, SO_UPDATE_CONNECT_CONTEXT, NO_VALUE, PROVIDER },
    { IPPROTO_TCP, TCP_NODELAY, BOOL1, HOST },
    { IPPROTO_TCP, TCP_KEEPALIVE, DWORD4, HOST },
    { IPPROTO_TCP, TCP_KEEPCNT, DWORD4, HOST },
    { IPPROTO_TCP, TCP_KEEPINTVL, DWORD4, HOST },
    { IPPROTO_IP, IP_TOS, SMALL, HOST },
    { IPPROTO_IP, IP_TTL, SMALL, HOST },
    { IPPROTO_IP, IP_MULTICAST_TTL, SMALL, HOST, 0, NOT_STREAM },
    { IPPROTO_IP, IP_MULTICAST_LOOP, BOOL4, HOST, 0, NOT_STREAM },
    { IPPROTO_IP, IP_MULTICAST_IF, DWORD4, HOST, 0, NOT_STREAM },
    { IPPROTO_IP, IP_ADD_MEMBERSHIP, MREQ, HOST },
    { IPPROTO_IP, IP_DROP_MEMBERSHIP, MREQ, HOST },
    { IPPROTO_IP, IP_HDRINCL, BOOL4, HOST, 0, RAW_ONLY },
    { IPPROTO_IP, IP_DONTFRAGMENT, BOOL4, HOST },
    { IPPROTO_IP, IP_PKTINFO, FLAG4, PROVIDER, 0, NOT_STREAM },
    { IPPROTO_IP, IP_RECVTOS, FLAG4, PROVIDER, 0, NOT_STREAM },
    { IPPROTO_IP, IP_RECVECN, FLAG4, PROVIDER, 0, NOT_STREAM },
    { IPPROTO_IP, IP_RECVTTL, FLAG4, PROVIDER, 0, NOT_STREAM },
    { IPPROTO_IPV6, IPV6_UNICAST_HOPS, SMALL, HOST },
    { IPPROTO_IPV6, IPV6_MULTICAST_HOPS, SMALL, HOST, 0, NOT_STREAM },
    { IPPROTO_IPV6, IPV6_MULTICAST_LOOP, BOOL4, HOST, 0, NOT_STREAM },
    { IPPROTO_IPV6, IPV6_MULTICAST_IF, DWORD4, HOST, 0, NOT_STREAM },
    { IPPROTO_IPV6, IPV6_ADD_MEMBERSHIP, MREQ, HOST },
    { IPPROTO_IPV6, IPV6_DROP_MEMBERSHIP, MREQ, HOST },
    { IPPROTO_IPV6, IPV6_V6ONLY, BOOL1, HOST },
    { IPPROTO_IPV6, IPV6_DONTFRAG, BOOL4, HOST },
    { IPPROTO_IPV6, IPV6_TCLASS, DWORD4, HOST },
    { IPPROTO_IPV6, IPV6_PKTINFO, FLAG4, PROVIDER, 0, NOT_STREAM },
    { IPPROTO_IPV6, IPV6_RECVTCLASS, FLAG4, PROVIDER, 0, NOT_STREAM },
    { IPPROTO_IPV6, IPV6_RECVECN, FLAG4, PROVIDER, 0, NOT_STREAM },
    { IPPROTO_IPV6, IPV6_HOPLIMIT, FLAG4, PROVIDER, 0, NOT_STREAM },
    { IPPROTO_UDP, UDP_SEND_MSG_SIZE, DWORD4, PROVIDER },
    { IPPROTO_UDP, UDP_RECV_MAX_COALESCED_SIZE, DWORD4, PROVIDER },
};

/* The levels there are; any other is WSAEINVAL ("level is not valid"), an unknown name WSAENOPROTOOPT. */
static int find_option(int level, int name, const struct option **option)
{
    unsigned int i;

    if (level != SOL_SOCKET && level != IPPROTO_IP && level != IPPROTO_IPV6 && level != IPPROTO_TCP &&
        level != IPPROTO_UDP)
        return WSAEINVAL;
    for (i = 0; i < ARRAYSIZE(options); i++)
    {
        if (options[i].level != level || options[i].name != name) continue;
        *option = &options[i];
        return 0;
    }
    return WSAENOPROTOOPT;
}

/* The "want" bit a boolean receive option controls, or 0. */
static DWORD want_bit(const struct socket_ctx *ctx, int level, int name)
{
    if (level == IPPROTO_IP)
    {
        switch (name)
        {
        case IP_PKTINFO: return WS_WANT_PKTINFO;
        case IP_RECVTOS: return WS_WANT_TOS;
        case IP_RECVECN: return WS_WANT_ECN;
        case IP_RECVTTL: return WS_WANT_TTL;
        }
    }
    else if (level == IPPROTO_IPV6 && ctx->family == AF_INET6)
    {
        switch (name)
        {
        case IPV6_PKTINFO: return WS_WANT_PKTINFO6;
        case IPV6_RECVTCLASS: return WS_WANT_TCLASS;
        case IPV6_RECVECN: return WS_WANT_ECN6;
        case IPV6_HOPLIMIT: return WS_WANT_HOPLIMIT;
        }
    }
    return 0;
}

static int host_option(struct socket_ctx *ctx, BOOL set, int level, int name, void *value, int len)
{
    struct host_sockopt_params params = { -1, set, level, name, value, len };
    int failed;

    socket_refresh_fd(ctx);
    if ((params.fd = socket_fd_get(ctx)) < 0) return WSAENOBUFS;
    failed = msgsock_host_call(host_call_sockopt, &params);
    socket_fd_put(ctx);
    return failed ? WSASYSCALLFAILURE : params.error;
}

/* ---- reading optval (set) and writing it (get) by shape ---- */

static int read_value(const struct option *opt, const char *value, int len, DWORD *data)
{
    *data = 0;
    switch (opt->shape)
    {
    case BOOL1:
        *data = *(const BYTE *)value != 0;
        return 0;
    case BOOL4:
    case SMALL:
        memcpy(data, value, min(len, (int)sizeof(*data)));
        if (opt->shape == BOOL4) *data = *data != 0;
        /* "The value is ... 0 to 255": a larger TTL or hop limit is WSAEINVAL. */
        else if (*data > 255) return WSAEINVAL;
        return 0;
    default:
        if (len < (int)sizeof(DWORD)) return WSAEFAULT;
        *data = *(const DWORD *)value;
        return 0;
    }
}

/* A short get buffer: what Windows writes into it, by shape. */
static int write_short(const struct option *opt, char *value, int *len, DWORD data)
{
    WORD word = data;

    switch (opt->shape)
    {
    case BOOL4:
        if (opt->level == SOL_SOCKET && *len >= (int)sizeof(word)) memcpy(value, &word, sizeof(word));
        else *value = (char)data;
        *len = 1;
        return 0;
    case SMALL:
        *value = (char)data;
        *len = 1;
        return 0;
    case SIZE4:
    case LINGER_STRUCT:
        memset(value, 0, *len);
        return WSAEFAULT;
    case FLAG4:
        *len = 0;
        return WSAEFAULT;
    default:
        return WSAEFAULT;
    }
}

static int write_value(const struct option *opt, char *value, int *len, DWORD data)
{
    if (opt->shape == BOOL1)
    {
        *value = (char)data;
        *len = 1;
        return 0;
    }
    if (*len < (int)sizeof(DWORD)) return write_short(opt, value, len, data);
    memcpy(value, &data, sizeof(data));
    *len = sizeof(DWORD);
    return 0;
}

/* ---- options with their own handling ---- */

static int get_linger(struct socket_ctx *ctx, const struct option *opt, char *value, int *len)
{
    struct linger linger;
    int error;

    /* SO_LINGER and SO_DONTLINGER are for connection-oriented sockets only. */
    if (ctx->type != SOCK_STREAM) return WSAENOPROTOOPT;
    if (opt->shape == LINGER_STRUCT && *len < (int)sizeof(linger)) return write_short(opt, value, len, 0);
    if ((error = afd_get_option((HANDLE)ctx->handle, AFD_OPT_LINGER, &linger, sizeof(linger)))) return error;
    if (opt->shape != LINGER_STRUCT) return write_value(opt, value, len, !linger.l_onoff);
    /* Wine keeps l_onoff as a BOOL; Windows answers the u_short the application set. */
    if (linger.l_onoff && ctx->linger_onoff) linger.l_onoff = ctx->linger_onoff;
    memcpy(value, &linger, sizeof(linger));
    *len = sizeof(linger);
    return 0;
}

static int set_linger(struct socket_ctx *ctx, const struct option *opt, const char *value, int len)
{
    struct linger linger;
    DWORD data;
    int error;

    if (ctx->type != SOCK_STREAM) return WSAENOPROTOOPT;
    if (opt->shape == LINGER_STRUCT)
    {
        if (len < (int)sizeof(linger)) return WSAEFAULT;
        memcpy(&linger, value, sizeof(linger));
        if ((error = afd_set_option((HANDLE)ctx->handle, AFD_OPT_LINGER, &linger, sizeof(linger)))) return error;
        ctx->linger_onoff = linger.l_onoff;
        return 0;
    }
    /* SO_DONTLINGER: "Setting this option is equivalent to setting SO_LINGER with l_onoff set to zero." */
    if ((error = read_value(opt, value, len, &data))) return error;
    if ((error = afd_get_option((HANDLE)ctx->handle, AFD_OPT_LINGER, &linger, sizeof(linger)))) return error;
    linger.l_onoff = ctx->linger_onoff = !data;
    return afd_set_option((HANDLE)ctx->handle, AFD_OPT_LINGER, &linger, sizeof(linger));
}

static int get_protocol_info(struct socket_ctx *ctx, const struct option *opt, char *value, int *len)
{
    int size = opt->shape == INFO_A ? sizeof(WSAPROTOCOL_INFOA) : sizeof(WSAPROTOCOL_INFOW);
    WSAPROTOCOL_INFOW info;
    WSAPROTOCOL_INFOA *infoa = (WSAPROTOCOL_INFOA *)value;

    if (*len < size)
    {
        *len = size;   /* as Windows: the size needed */
        return WSAEFAULT;
    }
    protocol_info_fill(ctx->family, ctx->type, ctx->protocol, &info);
    if (opt->shape == INFO_W)
    {
        memcpy(value, &info, sizeof(info));
        return 0;
    }
    memcpy(infoa, &info, FIELD_OFFSET(WSAPROTOCOL_INFOW, szProtocol));
    WideCharToMultiByte(CP_ACP, 0, info.szProtocol, -1, infoa->szProtocol, sizeof(infoa->szProtocol), NULL, NULL);
    return 0;
}

static int get_so_error(struct socket_ctx *ctx, const struct option *opt, char *value, int *len)
{
    int error = 0;

    if (*len < (int)sizeof(DWORD)) return WSAEFAULT;
    /* Wine's server answers with the pending error as a WSA code; else what the application set. */
    if (afd_get_option((HANDLE)ctx->handle, AFD_OPT_ERROR, &error, sizeof(error)) || !error) error = ctx->so_error;
    return write_value(opt, value, len, error);
}

/* ---- get ---- */

static int provider_get(struct socket_ctx *ctx, const struct option *opt, char *value, int *len)
{
    DWORD bit = want_bit(ctx, opt->level, opt->name);

    if (bit) return write_value(opt, value, len, !!(ctx->want_cmsgs & bit));
    if (opt->level == IPPROTO_UDP)
    {
        if (ctx->type != SOCK_DGRAM) return WSAEINVAL;
        if (opt->name == UDP_SEND_MSG_SIZE) return write_value(opt, value, len, ctx->send_msg_size);
        return write_value(opt, value, len, ctx->max_coalesced);
    }
    switch (opt->name)
    {
    case SO_TYPE: return write_value(opt, value, len, ctx->type);
    case SO_RCVTIMEO: return write_value(opt, value, len, ctx->recv_timeout);
    case SO_SNDTIMEO: return write_value(opt, value, len, ctx->send_timeout);
    case SO_MAX_MSG_SIZE:
        if (ctx->type == SOCK_STREAM) return write_value(opt, value, len, ~0u);
        return write_value(opt, value, len, ctx->family == AF_INET6 ? MAX_UDP6_PAYLOAD : MAX_UDP4_PAYLOAD);
    case SO_ERROR: return get_so_error(ctx, opt, value, len);
    case SO_LINGER:
    case SO_DONTLINGER: return get_linger(ctx, opt, value, len);
    case SO_PROTOCOL_INFOA:
    case SO_PROTOCOL_INFOW: return get_protocol_info(ctx, opt, value, len);
    }
    return WSAENOPROTOOPT;   /* set-only options */
}

/*
 * IPV6_V6ONLY on an IPv4 socket: Windows answers it (1 by default) and takes it until bind;
 * and on a raw IPv6 socket, which Linux refuses it on (its raw sockets count as bound).
 */
static BOOL v6only_kept(const struct socket_ctx *ctx, const struct option *opt)
{
    return (ctx->family == AF_INET || ctx->type == SOCK_RAW) && opt->level == IPPROTO_IPV6 &&
           opt->name == IPV6_V6ONLY;
}

/* Options Windows refuses on this kind of socket with WSAEINVAL. */
static BOOL refused_on(const struct socket_ctx *ctx, const struct option *opt)
{
    if ((opt->only & RAW_ONLY) && ctx->type != SOCK_RAW) return TRUE;
    return (opt->only & NOT_STREAM) && ctx->type == SOCK_STREAM;
}

static int get_option(struct socket_ctx *ctx, const struct option *opt, char *value, int *len)
{
    DWORD data = 0;
    int size = sizeof(data), error;

    if (v6only_kept(ctx, opt)) return write_value(opt, value, len, !ctx->v4_not_v6only);
    if (refused_on(ctx, opt)) return WSAEINVAL;
    if (opt->shape == MREQ) return WSAENOPROTOOPT;   /* membership is set-only */
    switch (opt->keeper)
    {
    case PROVIDER:
        return provider_get(ctx, opt, value, len);
    case WINE:
        if ((error = afd_get_option((HANDLE)ctx->handle, opt->wine, &data, sizeof(data)))) return error;
        break;
    case HOST:
        if ((error = host_option(ctx, FALSE, opt->level, opt->name, &data, size))) return error;
        break;
    }
    if (opt->shape == BOOL1 || opt->shape == BOOL4) data = data != 0;
    return write_value(opt, value, len, data);
}

/* ---- set ---- */

static int set_coalescing(struct socket_ctx *ctx, DWORD size)
{
    int on = size != 0;
    int error = host_option(ctx, TRUE, IPPROTO_UDP, UDP_RECV_MAX_COALESCED_SIZE, &on, sizeof(on));

    if (error) return error;
    ctx->max_coalesced = size;
    if (on) ctx->want_cmsgs |= WS_WANT_COALESCED;
    else ctx->want_cmsgs &= ~WS_WANT_COALESCED;
    return 0;
}

static int provider_set(struct socket_ctx *ctx, const struct option *opt, DWORD data)
{
    DWORD bit = want_bit(ctx, opt->level, opt->name);

    if (bit)
    {
        if (data) ctx->want_cmsgs |= bit;
        else ctx->want_cmsgs &= ~bit;
        return 0;
    }
    if (opt->level == IPPROTO_UDP)
    {
        if (ctx->type != SOCK_DGRAM) return WSAEINVAL;
        if (opt->name == UDP_SEND_MSG_SIZE) { ctx->send_msg_size = data; return 0; }
        return set_coalescing(ctx, data);
    }
    switch (opt->name)
    {
    case SO_RCVTIMEO: ctx->recv_timeout = data; return 0;
    case SO_SNDTIMEO: ctx->send_timeout = data; return 0;
    case SO_ERROR: ctx->so_error = data; return 0;
    /* After AcceptEx / ConnectEx: the socket now has its connection (and, for AcceptEx, a new host fd). */
    case SO_UPDATE_ACCEPT_CONTEXT:
    case SO_UPDATE_CONNECT_CONTEXT:
        socket_refresh_fd(ctx);
        ctx->bound = TRUE;
        return 0;
    /* Read-only: Windows refuses it with WSAEINVAL on a datagram socket (Wine's tests record it). */
    case SO_TYPE:
        if (ctx->type != SOCK_STREAM) return WSAEINVAL;
        break;
    }
    return WSAENOPROTOOPT;   /* get-only options */
}

static int set_option(struct socket_ctx *ctx, const struct option *opt, const char *value, int len)
{
    DWORD data;
    int error;

    if (opt->name == SO_LINGER || opt->name == SO_DONTLINGER) return opt->level == SOL_SOCKET ?
        set_linger(ctx, opt, value, len) : WSAENOPROTOOPT;
    if (refused_on(ctx, opt)) return WSAEINVAL;
    if (opt->shape == MREQ) return host_option(ctx, TRUE, opt->level, opt->name, (void *)value, len);
    if (opt->shape == INFO_A || opt->shape == INFO_W) return WSAENOPROTOOPT;
    if ((error = read_value(opt, value, len, &data))) return error;
    if (v6only_kept(ctx, opt))
    {
        if (ctx->bound && ctx->type != SOCK_RAW) return WSAEINVAL;
        ctx->v4_not_v6only = !data;
        return 0;
    }
    switch (opt->keeper)
    {
    case PROVIDER: return provider_set(ctx, opt, data);
    case WINE: return afd_set_option((HANDLE)ctx->handle, opt->wine, &data, sizeof(data));
    case HOST: return host_option(ctx, TRUE, opt->level, opt->name, &data, sizeof(data));
    }
    return WSAENOPROTOOPT;
}

static const char *level_name(int level)
{
    switch (level)
    {
    case SOL_SOCKET: return "SOL_SOCKET";
    case IPPROTO_IP: return "IPPROTO_IP";
    case IPPROTO_IPV6: return "IPPROTO_IPV6";
    case IPPROTO_TCP: return "IPPROTO_TCP";
    case IPPROTO_UDP: return "IPPROTO_UDP";
    default: return "level";
    }
}

/* An option's first 4 bytes as an int, for the trace (most options are one DWORD or BOOL). */
static int traced_value(const char *value, int len)
{
    int v = 0;

    if (value && len > 0) memcpy(&v, value, min(len, (int)sizeof(v)));
    return v;
}

int WSPAPI wsp_getsockopt(SOCKET s, int level, int name, char *value, int *len, int *err)
{
    struct socket_ctx *ctx = socket_lookup(s);
    const struct option *opt;
    int error;

    if (!ctx) return wsp_fail(err, WSAENOTSOCK);
    /* WSAEFAULT: "... the value pointed to by the optlen parameter is too small." */
    if (!len || !msgsock_writable(len, sizeof(*len)) || *len <= 0 || !value || !msgsock_writable(value, *len))
        error = WSAEFAULT;
    else if (!(error = find_option(level, name, &opt)))
        error = get_option(ctx, opt, value, len);
    socket_release(ctx);
    if (error) TRACE("socket %#Ix %s(%d) %#x: error %d\n", s, level_name(level), level, name, error);
    else TRACE("socket %#Ix %s(%d) %#x: len %d value %d\n", s, level_name(level), level, name, *len,
               traced_value(value, *len));
    return error ? wsp_fail(err, error) : 0;
}

/*
 * A negative optlen: Windows reads a SOL_SOCKET value of 4 bytes (or a linger) as if optlen
 * were large, and refuses the others with WSAENOBUFS (Windows 10 21H1 on; WSAEFAULT before).
 */
static int negative_length(const struct option *opt, int *len)
{
    if (opt->level != SOL_SOCKET || opt->shape == BOOL1) return WSAENOBUFS;
    *len = opt->shape == LINGER_STRUCT ? sizeof(struct linger) : sizeof(DWORD);
    return 0;
}

int WSPAPI wsp_setsockopt(SOCKET s, int level, int name, const char *value, int len, int *err)
{
    struct socket_ctx *ctx = socket_lookup(s);
    const struct option *opt;
    int error;

    if (!ctx) return wsp_fail(err, WSAENOTSOCK);
    /* ConnectEx's remarks: "setsockopt( s, SOL_SOCKET, SO_UPDATE_CONNECT_CONTEXT, NULL, 0 );" */
    if (!(error = find_option(level, name, &opt)) && opt->shape == NO_VALUE)
        error = provider_set(ctx, opt, 0);
    else if (!error && len < 0 && (error = negative_length(opt, &len)))
        ;
    /* "WSAEFAULT: optval is not in a valid part of the process address space or optlen is too small." */
    else if (!value || len < 0 || !msgsock_readable(value, len ? len : 1))
        error = WSAEFAULT;
    else if (error)
        ;
    else if (!len && !(level == SOL_SOCKET && opt->shape == BOOL4))
        error = WSAEFAULT;
    else if (!len)
        error = 0;   /* Windows takes an empty BOOL of SOL_SOCKET and changes nothing */
    else
        error = set_option(ctx, opt, value, len);
    socket_release(ctx);
    TRACE("socket %#Ix %s(%d) %#x len %d value %d: error %d\n", s, level_name(level), level, name, len,
          error == WSAEFAULT ? 0 : traced_value(value, len), error);
    return error ? wsp_fail(err, error) : 0;
}

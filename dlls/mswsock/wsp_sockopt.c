/*
 * WSPGetSockOpt / WSPSetSockOpt.  Options that shape the message path (which
 * control messages to deliver, coalescing, timeouts) live in the provider's
 * socket state; plain int options go to the host socket through the helper.
 */
#include "provider_calls.h"
#include "msgsock/host.h"
#include "msgsock/unixlib.h"
#include "msgsock/wscodec.h"
#include "msgsock/ws_extra.h"

/* Maximum UDP payload: 65535 - IPv4 header (20) - UDP header (8); IPv6 has no header in the count. */
#define MAX_UDP4_PAYLOAD 65507
#define MAX_UDP6_PAYLOAD 65527

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

static int host_option(struct socket_ctx *ctx, BOOL set, int level, int name, void *value, int *len)
{
    struct host_sockopt_params params = { ctx->fd, set, level, name, value, *len };

    if (ctx->fd < 0) return WSAENOPROTOOPT;
    if (msgsock_host_call(host_call_sockopt, &params)) return WSASYSCALLFAILURE;
    if (!params.error && !set) *len = params.len;
    return params.error;
}

/* Windows takes BOOL and DWORD options as 4 bytes, but accepts a 1-byte value on set. */
static DWORD read_value(const char *value, int len)
{
    return len >= (int)sizeof(DWORD) ? *(const DWORD *)value : *(const BYTE *)value;
}

static int put_dword(char *value, int *len, DWORD data)
{
    if (*len < (int)sizeof(DWORD)) return WSAEFAULT;
    *(DWORD *)value = data;
    *len = sizeof(DWORD);
    return 0;
}

static int get_option(struct socket_ctx *ctx, int level, int name, char *value, int *len)
{
    DWORD bit = want_bit(ctx, level, name);

    if (bit) return put_dword(value, len, !!(ctx->want_cmsgs & bit));
    if (level == SOL_SOCKET)
    {
        switch (name)
        {
        case SO_TYPE: return put_dword(value, len, ctx->type);
        case SO_RCVTIMEO: return put_dword(value, len, ctx->recv_timeout);
        case SO_SNDTIMEO: return put_dword(value, len, ctx->send_timeout);
        case SO_MAX_MSG_SIZE:
            if (ctx->type == SOCK_STREAM) return put_dword(value, len, ~0u);
            return put_dword(value, len, ctx->family == AF_INET6 ? MAX_UDP6_PAYLOAD : MAX_UDP4_PAYLOAD);
        }
    }
    if (level == IPPROTO_UDP)
    {
        if (ctx->type != SOCK_DGRAM) return WSAEINVAL;
        if (name == UDP_SEND_MSG_SIZE) return put_dword(value, len, ctx->send_msg_size);
        if (name == UDP_RECV_MAX_COALESCED_SIZE) return put_dword(value, len, ctx->max_coalesced);
    }
    return host_option(ctx, FALSE, level, name, value, len);
}

static int set_coalescing(struct socket_ctx *ctx, DWORD size)
{
    int on = size != 0, len = sizeof(on);
    int error = host_option(ctx, TRUE, IPPROTO_UDP, UDP_RECV_MAX_COALESCED_SIZE, &on, &len);

    if (error) return error;
    ctx->max_coalesced = size;
    if (on) ctx->want_cmsgs |= WS_WANT_COALESCED;
    else ctx->want_cmsgs &= ~WS_WANT_COALESCED;
    return 0;
}

static int set_option(struct socket_ctx *ctx, int level, int name, const char *value, int len)
{
    DWORD bit = want_bit(ctx, level, name), data = read_value(value, len);

    if (bit)
    {
        if (data) ctx->want_cmsgs |= bit;
        else ctx->want_cmsgs &= ~bit;
        return 0;
    }
    if (level == SOL_SOCKET && name == SO_RCVTIMEO) { ctx->recv_timeout = data; return 0; }
    if (level == SOL_SOCKET && name == SO_SNDTIMEO) { ctx->send_timeout = data; return 0; }
    if (level == IPPROTO_UDP)
    {
        if (ctx->type != SOCK_DGRAM) return WSAEINVAL;
        if (name == UDP_SEND_MSG_SIZE) { ctx->send_msg_size = data; return 0; }
        if (name == UDP_RECV_MAX_COALESCED_SIZE) return set_coalescing(ctx, data);
    }
    return host_option(ctx, TRUE, level, name, (void *)value, &len);
}

int WSPAPI wsp_getsockopt(SOCKET s, int level, int name, char *value, int *len, int *err)
{
    struct socket_ctx *ctx = socket_lookup(s);
    int error;

    if (!ctx) return wsp_fail(err, WSAENOTSOCK);
    if (!len || !msgsock_writable(len, sizeof(*len)) || !msgsock_writable(value, *len) || !value)
        error = WSAEFAULT;
    else
        error = get_option(ctx, level, name, value, len);
    socket_release(ctx);
    return error ? wsp_fail(err, error) : 0;
}

int WSPAPI wsp_setsockopt(SOCKET s, int level, int name, const char *value, int len, int *err)
{
    struct socket_ctx *ctx = socket_lookup(s);
    int error;

    if (!ctx) return wsp_fail(err, WSAENOTSOCK);
    if (!value || len <= 0 || !msgsock_readable(value, len))
        error = WSAEFAULT;
    else
        error = set_option(ctx, level, name, value, len);
    socket_release(ctx);
    return error ? wsp_fail(err, error) : 0;
}

/*
 * getpeername's answer.  Windows keeps a stream socket's peer after shutdown
 * ("The shutdown function does not close the socket"), while the host forgets
 * it once both directions are shut down (TCP CLOSE): the peer is remembered
 * before msgsock's shutdown and whenever Wine reports it.
 */
#include <string.h>

#include "peer_address.h"
#include "wine/afd.h"

/* ctx->peer_len is published after the address it describes, and written only once. */
static void store(struct socket_ctx *ctx, const SOCKADDR_STORAGE *peer, int len)
{
    if (ctx->type != SOCK_STREAM || *(volatile LONG *)&ctx->peer_len) return;
    ctx->peer_addr = *peer;
    MemoryBarrier();
    InterlockedCompareExchange(&ctx->peer_len, len, 0);
}

static int query(struct socket_ctx *ctx, SOCKADDR_STORAGE *peer, int *len)
{
    int error;

    *len = sizeof(*peer);
    if (!(error = afd_getpeername((HANDLE)ctx->handle, (struct sockaddr *)peer, len)))
        store(ctx, peer, *len);
    else if ((*len = *(volatile LONG *)&ctx->peer_len))
    {
        MemoryBarrier();
        *peer = ctx->peer_addr;
        error = 0;
    }
    return error;
}

BOOL peer_known(struct socket_ctx *ctx)
{
    SOCKADDR_STORAGE peer;
    int len;

    return !query(ctx, &peer, &len);
}

void peer_remember(struct socket_ctx *ctx)
{
    if (ctx->type == SOCK_STREAM && !ctx->peer_len) peer_known(ctx);
}

int peer_address(struct socket_ctx *ctx, struct sockaddr *name, int *namelen)
{
    SOCKADDR_STORAGE peer;
    int len, error;

    /* WSAENOTCONN ("The socket is not connected") comes before the check of the caller's buffer. */
    if ((error = query(ctx, &peer, &len))) return error;
    if (!namelen || !msgsock_writable(namelen, sizeof(*namelen)) || *namelen < len ||
        !msgsock_writable(name, len))
        return WSAEFAULT;
    memcpy(name, &peer, len);
    *namelen = len;
    return 0;
}

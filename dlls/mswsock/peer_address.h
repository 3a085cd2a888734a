/* getpeername's answer, kept for a stream after its connection ends (peer_address.c). */
#ifndef MSGSOCK_PEER_ADDRESS_H
#define MSGSOCK_PEER_ADDRESS_H

#include "provider.h"

/* Remembers a stream socket's peer now, while the host still knows it. */
void peer_remember(struct socket_ctx *ctx);
/* Whether the socket has a peer now or had one that was remembered. */
BOOL peer_known(struct socket_ctx *ctx);
/* getpeername: the peer now or as remembered; a Winsock error or 0. */
int peer_address(struct socket_ctx *ctx, struct sockaddr *name, int *namelen);

#endif

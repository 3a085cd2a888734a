/*
 * The provider's reactor: one thread, sleeping in the host's epoll, that runs
 * queued overlapped requests when their socket's host fd becomes ready.
 */
#ifndef MSGSOCK_REACTOR_H
#define MSGSOCK_REACTOR_H

#include "provider.h"

/*
 * The head of the socket's queue for this direction would block: run it again
 * once the fd is ready.  0, or the error (WSAENOBUFS...) when it cannot be watched.
 */
int reactor_watch(struct socket_ctx *ctx, BOOL is_send);
/* closesocket: the fd leaves the reactor and is never armed again. */
void reactor_forget(struct socket_ctx *ctx);
/* The socket's host fd is about to be replaced (AcceptEx): only the old fd leaves. */
void reactor_forget_fd(struct socket_ctx *ctx);

#endif

/*
 * The host fds of the provider's sockets.  Wine's ntdll keeps one fd per socket handle in its
 * cache; the helper's calls need an fd of their own, a dup of that one (wine_server_handle_to_fd
 * answers it from the cache, without a server request).  Up to CACHED_MAX idle dups are kept
 * for the next call; beyond that a socket's dup lives only for its call, so a socket costs the
 * host one descriptor, and when none is left the idle dups are given back and the call retried.
 */
#ifndef MSGSOCK_HOST_FD_H
#define MSGSOCK_HOST_FD_H

#include "provider.h"

/* TRUE while a new socket would leave FD_HEADROOM descriptors for the calls of those made so far. */
BOOL host_fd_headroom(HANDLE handle);
/* The socket's dup is of a replaced fd (AcceptEx): calls from here on take the new one. */
void host_fd_replace(struct socket_ctx *ctx);
/* The socket is going: its cached dup is closed. */
void host_fd_forget(struct socket_ctx *ctx);

#endif

/* Requests of a socket whose handle was closed without closesocket (CloseHandle, NtClose). */
#ifndef MSGSOCK_CLOSE_WATCH_H
#define MSGSOCK_CLOSE_WATCH_H

#include "provider.h"

/*
 * The socket has a request waiting in msgsock's queues: from now on, the close
 * of its last handle, whatever closes it, aborts the socket's requests and
 * forgets the socket.  Idempotent.
 */
void close_watch_arm(struct socket_ctx *ctx);

#endif

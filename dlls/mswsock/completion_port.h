/*
 * The completion port each socket is associated with, learnt from the calls
 * that associate it (wine/port_hook.c), and the packets msgsock posts there
 * for the transfers it completes itself.
 */
#ifndef MSGSOCK_COMPLETION_PORT_H
#define MSGSOCK_COMPLETION_PORT_H

#include "provider.h"

/* From the hook, after Wine accepted the call: FileCompletionInformation (port NULL: none). */
void port_associate(HANDLE handle, HANDLE port, ULONG_PTR key);
/* FileIoCompletionNotificationInformation: FILE_SKIP_COMPLETION_PORT_ON_SUCCESS... */
void port_set_modes(HANDLE handle, UCHAR modes);

BOOL port_is_associated(struct socket_ctx *ctx);
/*
 * Queues (key, ovl, status, bytes) on the socket's port, if it has one, unless
 * the request succeeded without pending on a socket that skips such packets.
 */
void port_post(struct socket_ctx *ctx, WSAOVERLAPPED *ovl, ULONG status, ULONG_PTR bytes, BOOL pended);
/* The socket's last reference is gone: let go of the port. */
void port_release(struct socket_ctx *ctx);

#endif

/*
 * Wine 8.0's private socket interface (\Device\Afd and its IOCTL_AFD_WINE_*
 * codes).  Only wine_afd.c includes this; everything else uses its functions.
 */
#ifndef MSGSOCK_WINE_AFD_H
#define MSGSOCK_WINE_AFD_H

#include <winsock2.h>

/* Socket handle operations; each returns 0 or a WSA error code. */
int afd_create_socket(int family, int type, int protocol, DWORD flags, HANDLE *handle);
int afd_get_info(HANDLE handle, int *family, int *type, int *protocol);
int afd_bind(HANDLE handle, const struct sockaddr *addr, int len);
int afd_connect(HANDLE handle, const struct sockaddr *addr, int len);
int afd_getsockname(HANDLE handle, struct sockaddr *addr, int *len);
int afd_getpeername(HANDLE handle, struct sockaddr *addr, int *len);
int afd_listen(HANDLE handle, int backlog);
int afd_shutdown(HANDLE handle, int how);
int afd_set_nonblocking(HANDLE handle, BOOL enable);
int afd_bytes_readable(HANDLE handle, ULONG *bytes);   /* FIONREAD */

/* Host fd behind a socket handle (a dup: the caller owns it). */
int afd_host_fd(HANDLE handle, int *fd);

/* AFD_POLL_* bits */
#define MSGSOCK_POLL_READ  0x0001
#define MSGSOCK_POLL_WRITE 0x0004
#define MSGSOCK_POLL_HUP   0x0008
#define MSGSOCK_POLL_RESET 0x0010

/*
 * Waits, alertably (APCs run inside), until `handle` reports one of `events`.
 * timeout_ms = INFINITE or milliseconds; WSAETIMEDOUT when it runs out.
 */
int afd_wait_ready(HANDLE handle, int events, DWORD timeout_ms);

/*
 * Starts an asynchronous poll that signals `event` when `handle` reports one
 * of `events`; afd_poll_cancel stops it.  The caller owns the block.
 */
struct afd_poll_block;
struct afd_poll_block *afd_poll_start(HANDLE handle, int events, HANDLE event);
void afd_poll_finish(struct afd_poll_block *block);

/*
 * Posts a completion packet (status, bytes) to the port `handle` is associated
 * with, if any; `pended` is FALSE for a request that completed at once, which
 * FILE_SKIP_COMPLETION_PORT_ON_SUCCESS then keeps off the port.
 */
int afd_post_completion(HANDLE handle, ULONG_PTR overlapped, LONG status, ULONG_PTR bytes, BOOL pended);

/* NTSTATUS -> WSA error code. */
int afd_status_to_wsa(LONG status);

#endif

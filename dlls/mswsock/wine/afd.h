/*
 * Wine's private socket interface (\Device\Afd and its IOCTL_AFD_WINE_*
 * codes), implemented by wine/afd.c; callers see only these functions.
 */
#ifndef MSGSOCK_WINE_AFD_H
#define MSGSOCK_WINE_AFD_H

#include <winsock2.h>
#include <winternl.h>

/* ntdll has the calls these functions need (checked once). */
BOOL afd_available(void);

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
 * timeout_ms = INFINITE or milliseconds; WSAETIMEDOUT when it runs out.  `synchronous`: the
 * socket was made without WSA_FLAG_OVERLAPPED.
 */
int afd_wait_ready(HANDLE handle, BOOL synchronous, int events, DWORD timeout_ms);

/*
 * Starts an asynchronous poll that signals `event` when `handle` reports one
 * of `events`; afd_poll_cancel stops it.  The caller owns the block.
 */
struct afd_poll_block;
struct afd_poll_block *afd_poll_start(HANDLE handle, int events, HANDLE event);
void afd_poll_finish(struct afd_poll_block *block);
/*
 * A poll that ends when the socket's last handle is closed, however it is closed
 * (closesocket, CloseHandle, NtClose), or when it is cancelled (STATUS_CANCELLED);
 * once `event` is signalled, afd_close_poll_result tells which.
 */
struct afd_poll_block *afd_close_poll_start(HANDLE handle, HANDLE event);
enum afd_close_result { AFD_CLOSE_REPORTED, AFD_CLOSE_CANCELLED, AFD_CLOSE_FAILED };
enum afd_close_result afd_close_poll_result(const struct afd_poll_block *block);

/*
 * Signals the socket handle as a file object, the way Wine's server does when one of its own
 * requests without an event ends (a no-wait AFD poll): what Windows does for an OVERLAPPED with
 * no hEvent.
 */
void afd_signal_handle(HANDLE handle);

/* NTSTATUS -> WSA error code. */
int afd_status_to_wsa(LONG status);

#endif

/* --- readiness: multi-socket poll, server-side event/message select (wsp_select.c, wsp_events.c) --- */

/* The other AFD_POLL_* bits (MSGSOCK_POLL_READ... above). */
#define MSGSOCK_POLL_OOB         0x0002
#define MSGSOCK_POLL_CLOSE       0x0020
#define MSGSOCK_POLL_CONNECT     0x0040
#define MSGSOCK_POLL_ACCEPT      0x0080
#define MSGSOCK_POLL_CONNECT_ERR 0x0100

struct afd_poll_entry
{
    SOCKET socket;
    int events;         /* in: MSGSOCK_POLL_* wanted; out: those reported (0 if none) */
    int error;          /* out: WSA error that came with them */
};

/*
 * One AFD poll over `count` distinct sockets, issued on `via` (one of them).
 * timeout_ms: INFINITE, 0 (just look) or milliseconds; the wait is alertable
 * and goes on after an APC.  Returns 0 (entries rewritten) or a WSA error
 * (WSAENOTSOCK for a handle that is not a socket).
 */
int afd_poll_sockets(HANDLE via, struct afd_poll_entry *entries, unsigned int count, DWORD timeout_ms);

/* Number of FD_* bits Wine's server keeps an error code for (FD_MAX_EVENTS's first 13). */
#define MSGSOCK_EVENT_SLOTS 13

/* IOCTL_AFD_EVENT_SELECT: the server signals `event` for `mask` (FD_* bits); 0/NULL cancels. */
int afd_event_select(HANDLE handle, HANDLE event, LONG mask);
/* IOCTL_AFD_GET_EVENTS: recorded FD_* events (cleared by this) and per-bit WSA errors. */
int afd_get_events(HANDLE handle, LONG *events, int errors[MSGSOCK_EVENT_SLOTS]);
/* IOCTL_AFD_WINE_MESSAGE_SELECT: the server posts `message` to `window` (WSAAsyncSelect). */
int afd_message_select(HANDLE handle, HWND window, UINT message, LONG mask);
/*
 * Lets the server re-enable FD_READ (or FD_OOB) after msgsock received through
 * the host fd: a non-consuming Wine receive (MSG_PEEK) on a non-blocking socket.
 */
int afd_rearm_read(HANDLE handle, BOOL oob);
/*
 * A receive as Wine's own request (IOCTL_AFD_WINE_RECVMSG), pending until data comes even on a
 * non-blocking socket: Wine fills `io` and signals `event` when it ends, posting nothing to a port.
 * `bufs` is read at once; `flags` and the buffers stay in use until then.  Returns Wine's status:
 * STATUS_PENDING, a success (ended; event signalled) or an error (never started).
 */
NTSTATUS afd_recv_start(HANDLE handle, const WSABUF *bufs, DWORD count, unsigned int *flags, HANDLE event,
                        IO_STATUS_BLOCK *io);
/* Cancels one of Wine's requests by its IO_STATUS_BLOCK (NtCancelIoFileEx; any thread's). */
void afd_cancel_request(HANDLE handle, IO_STATUS_BLOCK *io);
/* SIOCATMARK through IOCTL_AFD_WINE_SIOCATMARK. */
int afd_at_mark(HANDLE handle, BOOL *at_mark);

/* ---- connections and options (accept, AcceptEx, ConnectEx, Wine-side socket options) ---- */

/* Accepts one connection (the listener's blocking mode decides whether it waits). */
int afd_accept(HANDLE listener, HANDLE *accepted);
/* WSAAccept's CF_DEFER: hands `accepted` back so the next accept returns it again. */
int afd_defer_accept(HANDLE listener, HANDLE accepted);
/*
 * AcceptEx / ConnectEx as Wine's own asyncs: `ovl` serves as the IO_STATUS_BLOCK,
 * so Wine completes it, signals ovl->hEvent and posts to the port itself.
 * 0 when done at once, WSA_IO_PENDING, or an error.
 */
int afd_accept_into_async(HANDLE listener, HANDLE acceptor, void *buffer, DWORD recv_len, DWORD local_len,
                          DWORD remote_len, OVERLAPPED *ovl);
int afd_connect_async(HANDLE handle, const struct sockaddr *addr, int len, const void *data, DWORD data_len,
                      OVERLAPPED *ovl);
/*
 * SIO_ADDRESS_LIST_CHANGE as Wine's own request: overlapped (routine: its APC, else
 * the event) it pends until the host's address list changes or the socket closes;
 * without ovl it waits, or fails with WSAEWOULDBLOCK on a non-blocking socket.
 */
int afd_address_list_change(HANDLE handle, OVERLAPPED *ovl, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine);

/* Socket options the Wine server keeps (it checks them itself, e.g. SO_REUSEADDR at bind). */
enum afd_option
{
    AFD_OPT_ACCEPTCONN, AFD_OPT_ERROR, AFD_OPT_REUSEADDR, AFD_OPT_EXCLUSIVEADDRUSE, AFD_OPT_CONNECT_TIME,
    AFD_OPT_RCVBUF, AFD_OPT_SNDBUF, AFD_OPT_LINGER, AFD_OPT_KEEPALIVE, AFD_OPT_OOBINLINE, AFD_OPT_BROADCAST,
};
int afd_get_option(HANDLE handle, enum afd_option option, void *value, ULONG len);
int afd_set_option(HANDLE handle, enum afd_option option, const void *value, ULONG len);

/* The AFD_POLL_* events `handle` reports right now, among `events` (a poll with no wait). */
int afd_poll_now(HANDLE handle, int events, int *reported);
/*
 * Lets the server re-enable FD_WRITE after msgsock's own send said "would
 * block": a Wine send that fails without sending (unreadable buffer).
 */
int afd_rearm_write(HANDLE handle);
/*
 * SIO_GET_INTERFACE_LIST through IOCTL_AFD_WINE_GET_INTERFACE_LIST: INTERFACE_INFO records.
 * With ovl it is Wine's request, completed as afd_address_list_change's (WSA_IO_PENDING).
 */
int afd_interface_list(HANDLE handle, void *out, DWORD out_len, DWORD *returned, OVERLAPPED *ovl,
                       LPWSAOVERLAPPED_COMPLETION_ROUTINE routine);
/* SIO_KEEPALIVE_VALS through IOCTL_AFD_WINE_KEEPALIVE_VALS (host SO_KEEPALIVE, TCP_KEEPIDLE/INTVL). */
int afd_keepalive_vals(HANDLE handle, const void *vals, DWORD len);

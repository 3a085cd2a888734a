/*
 * The provider's data-transfer engine: every send and receive (WSPSend...,
 * WSASendMsg, WSARecvMsg) becomes one msg_request run through here.
 */
#ifndef MSGSOCK_MSG_IO_H
#define MSGSOCK_MSG_IO_H

#include "provider.h"

struct msg_request
{
    BOOL is_send;
    const WSABUF *bufs;         /* the caller's array: captured before any return */
    DWORD count;
    DWORD flags;                /* Win32 MSG_* in */
    const struct sockaddr *to;  /* send */
    int tolen;
    struct sockaddr *from;      /* receive */
    int *fromlen;
    WSABUF *control;            /* send: read; receive: filled, len updated */
    DWORD *flags_out;           /* receive: MSG_TRUNC... (may be NULL) */
    BOOL flags_in_msg;          /* flags_out is a WSAMSG's dwFlags: written on completion too */
    DWORD *bytes_out;           /* may be NULL when overlapped */
    WSAOVERLAPPED *ovl;
    LPWSAOVERLAPPED_COMPLETION_ROUTINE routine;
    WSATHREADID *thread;        /* NULL: the calling thread */
    BOOL sync_ovl;              /* WSPSend* and WSPRecv*: on a non-overlapped socket lpOverlapped is "ignored" for the
                                 * mode: the call blocks (FIONBIO or not), then reports through it as well */
};

/*
 * Runs a request that passed check_send / check_recv: 0, WSA_IO_PENDING or an
 * error code (never sets last error itself).
 */
int msg_io_run(struct socket_ctx *ctx, const struct msg_request *req);

/* A request finished synchronously with an OVERLAPPED: (error, bytes) to it, its event and the port. */
void msg_io_complete_now(struct socket_ctx *ctx, WSAOVERLAPPED *ovl, int error, DWORD bytes);
/* The same for a request that reports ERROR_IO_PENDING although it is done (TransmitFile): its port packet
 * always goes, and Offset/OffsetHigh (its input) stay. */
void msg_io_complete_pended(struct socket_ctx *ctx, WSAOVERLAPPED *ovl, int error, DWORD bytes);

/*
 * A request that is not a transfer (an overlapped WSAIoctl) ended: (error, bytes)
 * to req->ovl, then req->routine or the event, and the port; `pended` if the
 * caller was told WSA_IO_PENDING.  0, or WSAENOBUFS if nothing could be delivered.
 */
int msg_io_complete_request(struct socket_ctx *ctx, const struct msg_request *req, BOOL pended, int error,
                            DWORD bytes);

/* reactor.c: the host fd may be ready for this direction; runs the queue's requests that can go. */
void msg_io_ready(struct socket_ctx *ctx, BOOL is_send);

/* Aborts every pending request of a closing socket with WSA_OPERATION_ABORTED. */
void msg_io_abort_socket(struct socket_ctx *ctx);

/*
 * CancelIo/CancelIoEx and SIO_FLUSH: aborts the pending requests posted with
 * `ovl` (NULL: any) by `thread_id` (0: any), only sends if `sends_only`, with
 * WSA_OPERATION_ABORTED and the usual notification.  Returns how many.
 */
int msg_io_cancel(struct socket_ctx *ctx, const WSAOVERLAPPED *ovl, DWORD thread_id, BOOL sends_only);

/* An exiting thread: its requests end (those with routines without the routine), but on a port only those with routines. */
void msg_io_thread_exit(struct socket_ctx *ctx, DWORD thread_id);
/* wsp_events.c: after a send or receive msgsock made itself, what Wine's server would re-enable. */
void events_after_transfer(struct socket_ctx *ctx, BOOL is_send, DWORD flags, int error);

#endif

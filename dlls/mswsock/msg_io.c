/*
 * The data-transfer engine.  Each request goes to the host in one helper call
 * (non-blocking sendmsg/recvmsg on the socket's host fd).  When the host says
 * "would block":
 *  - a blocking socket waits alertably on Wine's AFD poll and retries;
 *  - an overlapped request joins its socket's queue for that direction and is
 *    retried in posting order by the reactor (reactor.c) when the host fd is ready;
 *    a plain stream receive instead waits in Wine's server (server_recv.c), which
 *    then knows it is there, as Windows' AFD would.
 * Completion: OVERLAPPED fields, then the completion routine (an APC queued
 * with WPUQueueApc on the initiating thread) or the event, and the port.
 */
#include <stdlib.h>
#include <string.h>

#include "block_cache.h"
#include "cmsg_trace.h"
#include "close_watch.h"
#include "completion_port.h"
#include "msg_io.h"
#include "reactor.h"
#include "server_recv.h"
#include "thread_handle.h"
#include "transfer_checks.h"
#include "msgsock/host.h"
#include "msgsock/unixlib.h"
#include "msgsock/wscodec.h"
#include "wine/afd.h"

#define STATUS_CANCELLED_      ((NTSTATUS)0xc0000120)
#define STATUS_HANDLES_CLOSED_ ((NTSTATUS)0x8000000a)

/* What a finished request reports, and to whom. */
struct completion
{
    WSAOVERLAPPED *ovl;
    LPWSAOVERLAPPED_COMPLETION_ROUTINE routine;
    WSATHREADID thread;
    BOOL pended;                /* returned WSA_IO_PENDING (FILE_SKIP_COMPLETION_PORT_ON_SUCCESS) */
    BOOL thread_gone;           /* the initiating thread is exiting: its routine can't run */
    BOOL keep_offset;           /* Offset is the request's input (TransmitFile's file offset), not lpdwFlags */
    DWORD thread_id;            /* the initiating thread */
    DWORD error, bytes, flags;
};

struct pending_op
{
    struct pending_op *next;
    struct socket_ctx *ctx;     /* holds a reference */
    struct msg_request req;     /* .bufs/.to/.control point into this op's captures */
    struct completion done;
    size_t size;                /* as allocated (block_cache.h) */
    DWORD moved;                /* a stream send's bytes already sent */
    BOOL in_server;             /* waits in Wine's server (server_recv.c), not for the reactor */
    BOOL server_ended;          /* ... and Wine is done with it: reported in posting order */
    int abort_error;            /* msgsock cancelled it: what it reports if Wine ended it unfinished */
    BOOL restart;               /* cancelled as its thread exits, to start again (a port keeps it) */
    struct server_recv server;
    SOCKADDR_STORAGE to;
    WSABUF control;
    WSABUF bufs[];              /* captured WSABUF array, then send control bytes */
};

/* The OVERLAPPED's event without the "no port packet" tag in its low bit. */
static HANDLE ovl_event(const WSAOVERLAPPED *ovl)
{
    return (HANDLE)((ULONG_PTR)ovl->hEvent & ~(ULONG_PTR)1);
}

static struct io_queue *queue_of(struct socket_ctx *ctx, BOOL is_send)
{
    return &ctx->queues[is_send ? 1 : 0];
}

/* What the AFD poll waits for before a request of this direction can go on. */
static int ready_events(BOOL is_send)
{
    return is_send ? MSGSOCK_POLL_WRITE : MSGSOCK_POLL_READ;
}

static DWORD host_options(const struct socket_ctx *ctx)
{
    DWORD options = 0;

    if (ctx->type == SOCK_DGRAM || ctx->type == SOCK_RAW) options |= HOST_OPT_DATAGRAM;
    if (ctx->no_connreset) options |= HOST_OPT_NO_CONNRESET;
    return options;
}

static int host_send(struct socket_ctx *ctx, int fd, const struct msg_request *req, DWORD skip, DWORD *bytes)
{
    struct host_sendmsg_params params = { 0 };
    char text[256];

    params.fd = fd;
    params.skip = skip;
    params.flags = req->flags;
    params.name = req->to;
    params.namelen = req->to ? req->tolen : 0;
    params.bufs = (const struct host_buf *)req->bufs;
    params.buf_count = req->count;
    params.control = req->control ? req->control->buf : NULL;
    params.control_len = req->control ? req->control->len : 0;
    params.options = host_options(ctx);
    if (msgsock_host_call(host_call_sendmsg, &params)) return WSASYSCALLFAILURE;
    if (req->control) TRACE("socket %#Ix: %u bytes sent, control [%s] -> %d\n", ctx->handle, params.sent,
                            cmsg_describe(req->control->buf, req->control->len, text, sizeof(text)), params.error);
    *bytes = params.sent;
    return params.error;
}

static int host_recv(struct socket_ctx *ctx, int fd, const struct msg_request *req, DWORD *bytes, DWORD *flags)
{
    struct host_recvmsg_params params = { 0 };
    char text[256];

    params.fd = fd;
    params.flags = req->flags;
    params.name = req->from;
    params.namelen = req->from && req->fromlen ? *req->fromlen : 0;
    params.bufs = (const struct host_buf *)req->bufs;
    params.buf_count = req->count;
    params.control = req->control ? req->control->buf : NULL;
    params.control_len = req->control ? req->control->len : 0;
    params.want = ctx->want_cmsgs;
    params.options = host_options(ctx);
    /* A datagram dropped on a fault is lost: make watched pages writable right before. */
    if (ctx->type != SOCK_STREAM) touch_recv_buffers(req);
    if (msgsock_host_call(host_call_recvmsg, &params)) return WSASYSCALLFAILURE;
    if (params.error && params.error != WSAEMSGSIZE) return params.error;
    if (req->from && req->fromlen) *req->fromlen = params.namelen;
    if (req->control) req->control->len = params.control_len;
    if (req->control) TRACE("socket %#Ix: %u bytes received, flags %#x, control [%s] -> %d\n", ctx->handle,
                            params.received, params.flags,
                            cmsg_describe(req->control->buf, req->control->len, text, sizeof(text)), params.error);
    *bytes = params.received;
    *flags = params.flags;
    /* Windows fails a receive whose control data did not fit with WSAEMSGSIZE too (MSG_CTRUNC set). */
    if (!params.error && (params.flags & MSG_CTRUNC)) return WSAEMSGSIZE;
    return params.error;
}

static int host_transfer(struct socket_ctx *ctx, const struct msg_request *req, DWORD skip, DWORD *bytes,
                         DWORD *flags)
{
    int error, fd;

    *bytes = *flags = 0;
    if ((fd = socket_fd_get(ctx)) < 0) return WSAENOBUFS;
    error = req->is_send ? host_send(ctx, fd, req, skip, bytes) : host_recv(ctx, fd, req, bytes, flags);
    socket_fd_put(ctx);
    return stream_result(ctx, req, error, *bytes);
}

/*
 * One step of a request.  WSASend: only "a non-blocking stream oriented"
 * socket returns "with only part of the application's buffers having been
 * consumed"; other stream sends (`whole`) go on from *moved until all is in,
 * and a part sent counts as "would block".  *bytes is the request's total.
 */
static int transfer_step(struct socket_ctx *ctx, const struct msg_request *req, BOOL whole, DWORD *moved,
                         DWORD *bytes, DWORD *flags)
{
    int error = host_transfer(ctx, req, *moved, bytes, flags);

    if (!req->is_send || ctx->type != SOCK_STREAM || !whole) return error;
    *bytes = *moved += *bytes;
    if (!error && *moved < request_length(req)) return WSAEWOULDBLOCK;
    return error;
}

static void store_result(const struct msg_request *req, DWORD bytes, DWORD flags)
{
    if (req->bytes_out) *req->bytes_out = bytes;
    if (req->flags_out) *req->flags_out = flags;
}

/*
 * In a request/response exchange most waits end within a round trip: a short
 * host poll answers those without a wineserver request.  It is not alertable,
 * so it is kept far below anything an APC could notice.
 */
#define HOST_WAIT_MS 2

static BOOL host_ready_soon(struct socket_ctx *ctx, BOOL is_send)
{
    struct host_wait_params params = { -1, is_send ? HOST_WAIT_OUT : HOST_WAIT_IN, HOST_WAIT_MS, 0 };
    BOOL ready;

    if ((params.fd = socket_fd_get(ctx)) < 0) return FALSE;
    ready = !msgsock_host_call(host_call_wait, &params) && params.ready;
    socket_fd_put(ctx);
    return ready;
}

/* Blocking and non-blocking sockets: the send/recv semantics, waiting alertably. */
static int run_now(struct socket_ctx *ctx, const struct msg_request *req, BOOL nonblocking, DWORD *bytes_out,
                   DWORD *flags_out)
{
    DWORD timeout = req->is_send ? ctx->send_timeout : ctx->recv_timeout;
    BOOL waited_on_host = FALSE;
    DWORD bytes = 0, flags = 0, moved = 0;
    int error;

    for (;;)
    {
        error = transfer_step(ctx, req, !nonblocking, &moved, &bytes, &flags);
        if (error != WSAEWOULDBLOCK || nonblocking) break;
        if (!waited_on_host)
        {
            waited_on_host = TRUE;
            if (host_ready_soon(ctx, req->is_send)) continue;
        }
        /* Then Wine's AFD poll: alertable (seed 002), with SO_RCVTIMEO / SO_SNDTIMEO. */
        error = afd_wait_ready((HANDLE)ctx->handle, !ctx->overlapped, ready_events(req->is_send),
                               timeout ? timeout : INFINITE);
        if (error) break;
    }
    if (!error || error == WSAEMSGSIZE) store_result(req, bytes, flags);
    *bytes_out = bytes;
    *flags_out = flags;
    return error;
}

static void WINAPI completion_apc(DWORD_PTR context)
{
    struct completion *done = (struct completion *)context;

    done->routine(done->error, done->bytes, done->ovl, done->flags);
    block_free(done, sizeof(*done));
}

static BOOL control_truncated(int error, DWORD flags)
{
    return error == WSAEMSGSIZE && (flags & MSG_CTRUNC) && !(flags & MSG_TRUNC);
}

/* The OVERLAPPED, then exactly one of: completion routine, event; and the port. */
static void deliver(struct socket_ctx *ctx, struct completion *done, int error, DWORD bytes, DWORD flags)
{
    /* Read before Internal is written: from then on the program may reuse the OVERLAPPED. */
    HANDLE event = done->ovl->hEvent;
    ULONG status = ovl_status_for(ctx, error);
    struct completion *copy;
    int err;

    done->error = error;
    done->bytes = bytes;
    /* Control data that did not fit (the datagram did): Windows leaves Offset alone and gives the
     * routine no flags; MSG_CTRUNC is in the WSAMSG. */
    done->flags = control_truncated(error, flags) ? 0 : flags;
    if (!done->keep_offset && !control_truncated(error, flags))
        done->ovl->Offset = flags;   /* WSAGetOverlappedResult's lpdwFlags */
    done->ovl->InternalHigh = bytes;
    MemoryBarrier();
    done->ovl->Internal = status;
    if (done->routine)
    {
        /* Windows drops the APC of an exiting thread along with the request. */
        if (done->thread_gone) return;
        if ((copy = block_alloc(sizeof(*copy))))
        {
            *copy = *done;
            if (!provider_upcalls.lpWPUQueueApc(&copy->thread, completion_apc, (DWORD_PTR)copy, &err))
                return;
            ERR("WPUQueueApc failed: %d\n", err);
            block_free(copy, sizeof(*copy));
        }
        return;
    }
    if ((ULONG_PTR)event & ~(ULONG_PTR)1) SetEvent((HANDLE)((ULONG_PTR)event & ~(ULONG_PTR)1));
    /* No event: "the system signals the file handle" (GetOverlappedResult's wait, WaitForSingleObject). */
    else if (!event) afd_signal_handle((HANDLE)ctx->handle);
    /* As Windows: an hEvent with its low bit set keeps the packet off the port. */
    if (!((ULONG_PTR)event & 1)) port_post(ctx, done->ovl, status, bytes, done->pended);
}

void msg_io_complete_now(struct socket_ctx *ctx, WSAOVERLAPPED *ovl, int error, DWORD bytes)
{
    struct completion done = { ovl };

    done.thread_id = GetCurrentThreadId();
    deliver(ctx, &done, error, bytes, 0);
}

void msg_io_complete_pended(struct socket_ctx *ctx, WSAOVERLAPPED *ovl, int error, DWORD bytes)
{
    struct completion done = { ovl };

    done.thread_id = GetCurrentThreadId();
    done.pended = TRUE;
    done.keep_offset = TRUE;
    deliver(ctx, &done, error, bytes, 0);
}

static BOOL capture_thread(const struct msg_request *req, struct completion *done)
{
    const WSATHREADID *current;

    done->ovl = req->ovl;
    done->routine = req->routine;
    done->pended = FALSE;
    done->thread_gone = FALSE;
    done->keep_offset = FALSE;
    done->thread_id = GetCurrentThreadId();
    if (!req->routine) return TRUE;
    if (req->thread)
    {
        done->thread = *req->thread;
        return TRUE;
    }
    /* Called straight through an extension pointer: ws2_32 gave us no thread. */
    if (!(current = thread_handle_current())) return FALSE;
    done->thread = *current;
    return TRUE;
}

int msg_io_complete_request(struct socket_ctx *ctx, const struct msg_request *req, BOOL pended, int error,
                            DWORD bytes)
{
    struct completion done;

    if (!capture_thread(req, &done)) return WSAENOBUFS;
    done.pended = pended;
    deliver(ctx, &done, error, bytes, 0);
    return 0;
}

static struct pending_op *capture_op(struct socket_ctx *ctx, const struct msg_request *req, DWORD moved)
{
    ULONG control_len = req->is_send && req->control ? req->control->len : 0;
    size_t size = sizeof(struct pending_op) + req->count * sizeof(WSABUF) + control_len;
    struct pending_op *op = block_alloc(size);

    if (!op) return NULL;
    op->size = size;
    op->next = NULL;
    op->ctx = ctx;
    op->moved = moved;
    op->in_server = op->server_ended = op->restart = FALSE;
    op->abort_error = 0;
    op->req = *req;
    memcpy(op->bufs, req->bufs, req->count * sizeof(WSABUF));
    op->req.bufs = op->bufs;
    if (req->is_send && req->to)
    {
        memcpy(&op->to, req->to, min(req->tolen, (int)sizeof(op->to)));
        op->req.to = (struct sockaddr *)&op->to;
    }
    if (control_len)
    {
        op->control.len = control_len;
        op->control.buf = (char *)(op->bufs + req->count);
        memcpy(op->control.buf, req->control->buf, control_len);
        op->req.control = &op->control;
    }
    op->req.bytes_out = NULL;   /* "not updated" once pending */
    /* WSARecv's lpFlags is often the caller's stack: once pending, the flags reach it only through
     * WSAGetOverlappedResult ("this parameter will contain the results value for lpFlags"). */
    if (!req->flags_in_msg) op->req.flags_out = NULL;
    if (!capture_thread(req, &op->done))
    {
        block_free(op, size);
        return NULL;
    }
    op->done.pended = TRUE;
    InterlockedIncrement(&ctx->refs);
    return op;
}

/* Reports a queued request's result and lets go of it. */
static void finish_op(struct pending_op *op, int error, DWORD bytes, DWORD flags)
{
    deliver(op->ctx, &op->done, error, bytes, flags);
    socket_release(op->ctx);
    block_free(op, op->size);
}

/* The reactor: the socket may be ready for the queue's head; run requests in posting order. */
void msg_io_ready(struct socket_ctx *ctx, BOOL is_send)
{
    struct io_queue *queue = queue_of(ctx, is_send);
    struct pending_op *op;
    DWORD bytes, flags;
    int error;

    EnterCriticalSection(&queue->lock);
    /* Requests waiting in Wine's server go first; server_ended() calls here when they are done. */
    while ((op = queue->head) && !op->in_server)
    {
        error = transfer_step(ctx, &op->req, TRUE, &op->moved, &bytes, &flags);
        /* Waits on, unless the fd cannot be watched: then the request ends with that error. */
        if (error == WSAEWOULDBLOCK && !(error = reactor_watch(ctx, is_send))) break;
        queue->head = op->next;
        if (!queue->head) queue->tail = NULL;
        if (!error || error == WSAEMSGSIZE) store_result(&op->req, bytes, flags);
        /* Under the lock: a request posted meanwhile must not complete ahead of this one. */
        finish_op(op, error, bytes, flags);
    }
    LeaveCriticalSection(&queue->lock);
}

static void unlink_op(struct io_queue *queue, struct pending_op *op)
{
    struct pending_op **link = &queue->head, *prev = NULL;

    while (*link != op)
    {
        prev = *link;
        link = &prev->next;
    }
    *link = op->next;
    if (queue->tail == op) queue->tail = prev;
}

/* Wine's end of a request in its server, as (error, bytes) for the program. */
static void finish_server_op(struct pending_op *op)
{
    NTSTATUS status = op->server.io.Status;
    DWORD bytes = 0;
    int error;

    if ((LONG)status >= 0)
    {
        error = 0;
        bytes = op->server.io.Information;
    }
    /* STATUS_HANDLES_CLOSED: the last handle was closed with no closesocket (CloseHandle, NtClose). */
    else if (op->abort_error && (status == STATUS_CANCELLED_ || status == STATUS_HANDLES_CLOSED_))
        error = op->abort_error;
    else if (status == STATUS_HANDLES_CLOSED_) error = WSAECONNABORTED;
    else error = afd_status_to_wsa(status);
    error = stream_result(op->ctx, &op->req, error, bytes);
    TRACE("socket %#Ix ovl %p: status %#lx -> error %d, %lu bytes\n", op->ctx->handle, op->done.ovl,
          (unsigned long)status, error, bytes);
    if (!error) store_result(&op->req, bytes, 0);
    finish_op(op, error, bytes, 0);
}

static void server_ended(struct server_recv *recv);

/* A request whose thread exited, cancelled for that, starts again from this thread (msgsock's waiter,
 * which never exits).  TRUE if it did; else it ends with what it says. */
static BOOL restarted(struct pending_op *op)
{
    int error;

    if (!op->restart || op->abort_error || op->server.io.Status != STATUS_CANCELLED_) return FALSE;
    op->restart = FALSE;
    if (!(error = server_recv_start((HANDLE)op->ctx->handle, &op->server, op->bufs, op->req.count, op->req.flags,
                                    server_ended)))
        return TRUE;
    op->abort_error = error;
    return FALSE;
}

/* server_recv.c: Wine is done with a request.  Data reaches the program in posting order; an end
 * without data (cancelled, reset) goes at once. */
static void server_ended(struct server_recv *recv)
{
    struct pending_op *op = CONTAINING_RECORD(recv, struct pending_op, server);
    struct socket_ctx *ctx = op->ctx;
    struct io_queue *queue = queue_of(ctx, FALSE);
    BOOL reactor_next;

    InterlockedIncrement(&ctx->refs);   /* each request's own reference goes with it */
    EnterCriticalSection(&queue->lock);
    if (restarted(op))
    {
        LeaveCriticalSection(&queue->lock);
        socket_release(ctx);
        return;
    }
    op->server_ended = TRUE;
    if ((LONG)op->server.io.Status < 0)
    {
        unlink_op(queue, op);
        finish_server_op(op);
    }
    while ((op = queue->head) && op->in_server && op->server_ended)
    {
        unlink_op(queue, op);
        finish_server_op(op);
    }
    reactor_next = queue->head && !queue->head->in_server;
    LeaveCriticalSection(&queue->lock);
    /* A request for the reactor was behind them: it leads now. */
    if (reactor_next) msg_io_ready(ctx, FALSE);
    socket_release(ctx);
}

/* A plain stream receive waits in Wine's server, unless a request for the reactor is ahead of it
 * (order).  MSG_OOB, MSG_WAITALL and control data stay msgsock's own. */
static BOOL waits_in_server(const struct socket_ctx *ctx, const struct msg_request *req, const struct io_queue *queue)
{
    if (req->is_send || ctx->type != SOCK_STREAM || req->control) return FALSE;
    if (req->flags & ~(MSG_PEEK | MSG_PUSH_IMMEDIATE)) return FALSE;
    return !queue->tail || queue->tail->in_server;
}

/* A request that could not complete at once starts waiting: in Wine's server, or for the reactor. */
static int start_waiting(struct socket_ctx *ctx, struct io_queue *queue, struct pending_op *op)
{
    int error;

    if (waits_in_server(ctx, &op->req, queue))
    {
        op->in_server = TRUE;
        error = server_recv_start((HANDLE)ctx->handle, &op->server, op->bufs, op->req.count, op->req.flags,
                                  server_ended);
        /* Wine ends it when the last handle closes; msgsock must learn of that close too (its host fd). */
        if (!error) close_watch_arm(ctx);
        return error;
    }
    /* Behind other requests, the reactor is armed for it when it leads. */
    return queue->tail ? 0 : reactor_watch(ctx, op->req.is_send);
}

/* Overlapped: complete at once if the queue is empty and the host can, else queue. */
static int run_overlapped(struct socket_ctx *ctx, const struct msg_request *req)
{
    struct io_queue *queue = queue_of(ctx, req->is_send);
    struct completion done;
    struct pending_op *op;
    DWORD bytes, flags, moved = 0;
    int error;

    EnterCriticalSection(&queue->lock);
    if (!queue->head)
    {
        error = transfer_step(ctx, req, TRUE, &moved, &bytes, &flags);
        if (error != WSAEWOULDBLOCK)
        {
            LeaveCriticalSection(&queue->lock);
            /* "Any other error code indicates that ... no completion indication will occur." */
            if (error && error != WSAEMSGSIZE) return error;
            store_result(req, bytes, flags);
            if (!capture_thread(req, &done)) return WSAENOBUFS;
            deliver(ctx, &done, error, bytes, flags);
            /* Control data that did not fit, reported through a routine: Windows says WSA_IO_PENDING
             * (Wine's test_ip_pktinfo records it); the routine gets the WSAEMSGSIZE. */
            if (req->routine && control_truncated(error, flags)) return WSA_IO_PENDING;
            return error;
        }
    }
    if (!(op = capture_op(ctx, req, moved)))
    {
        LeaveCriticalSection(&queue->lock);
        return WSAENOBUFS;
    }
    /* Under the queue's lock: whatever ends it (server_ended, the reactor) waits until it is queued. */
    if ((error = start_waiting(ctx, queue, op)))
    {
        /* Not started after all: "no completion indication will occur". */
        LeaveCriticalSection(&queue->lock);
        socket_release(ctx);
        block_free(op, op->size);
        return error;
    }
    /* InternalHigh stays as it was until completion, as on Windows (Wine's sock test_nonblocking_async_recv). */
    req->ovl->Internal = OVL_STATUS_PENDING;
    /* "The system sets the state of the event object to not-signaled when a call to the I/O
     * function returns before the operation has been completed." */
    if (ovl_event(req->ovl)) ResetEvent(ovl_event(req->ovl));
    if (queue->tail) queue->tail->next = op;
    else queue->head = op;
    queue->tail = op;
    LeaveCriticalSection(&queue->lock);
    return WSA_IO_PENDING;
}

/* A non-overlapped socket given an OVERLAPPED: the transfer blocks, then the OVERLAPPED and its event report it. */
static int run_blocking_into(struct socket_ctx *ctx, const struct msg_request *req)
{
    struct completion done = { req->ovl };
    DWORD bytes, flags;
    int error = run_now(ctx, req, FALSE, &bytes, &flags);

    if (error && error != WSAEMSGSIZE) return error;
    done.thread_id = GetCurrentThreadId();
    deliver(ctx, &done, error, bytes, flags);
    return error;
}

int msg_io_run(struct socket_ctx *ctx, const struct msg_request *req)
{
    DWORD bytes, flags;
    int error;

    if (!req->is_send) touch_recv_buffers(req);
    /* Overlapped sockets use overlapped I/O unless both lpOverlapped and the routine are NULL. */
    if (ctx->overlapped && (req->ovl || req->routine))
        error = req->ovl ? run_overlapped(ctx, req) : WSAEFAULT;
    else if (req->sync_ovl && req->ovl)
        error = run_blocking_into(ctx, req);
    else
        error = run_now(ctx, req, ctx->nonblocking, &bytes, &flags);
    /* Wine's server did not see this transfer: let it re-enable FD_READ / FD_WRITE (wsp_events.c). */
    if (ctx->select_active) events_after_transfer(ctx, req->is_send, req->flags, error);
    return error;
}

/* Which pending requests a cancellation takes, and what they report. */
struct cancel_filter
{
    const WSAOVERLAPPED *ovl;   /* NULL: any */
    DWORD thread_id;            /* 0: any thread */
    BOOL routines_only;         /* only requests with a completion routine */
    int error;                  /* WSA_OPERATION_ABORTED, or a closing stream's WSAECONNABORTED */
    BOOL thread_gone;           /* the initiating thread exits: no routine runs */
};

static BOOL op_matches(const struct pending_op *op, const struct cancel_filter *filter)
{
    if (filter->ovl && op->done.ovl != filter->ovl) return FALSE;
    if (filter->thread_id && op->done.thread_id != filter->thread_id) return FALSE;
    if (filter->routines_only && !op->done.routine) return FALSE;
    return TRUE;
}

/* A request in Wine's server stays queued: Wine is asked to end it, and server_ended reports it. */
static int cancel_in_server(struct pending_op *op, const struct cancel_filter *filter)
{
    if (op->server_ended) return 0;   /* done already; only waiting for its turn */
    op->abort_error = filter->error;
    op->done.thread_gone |= filter->thread_gone;
    server_recv_cancel((HANDLE)op->ctx->handle, &op->server);
    return 1;
}

/* Unlinks the matching requests of one queue (those in Wine's server are cancelled there and
 * counted in *in_server); the rest keep their order. */
static struct pending_op *take_matching(struct io_queue *queue, const struct cancel_filter *filter, int *in_server)
{
    struct pending_op *taken = NULL, **taken_tail = &taken, **link = &queue->head, *op;

    BOOL matches;

    queue->tail = NULL;
    while ((op = *link))
    {
        matches = op_matches(op, filter);
        if (matches && op->in_server) *in_server += cancel_in_server(op, filter);
        if (!matches || op->in_server)
        {
            queue->tail = op;
            link = &op->next;
            continue;
        }
        *link = op->next;
        op->next = NULL;
        *taken_tail = op;
        taken_tail = &op->next;
    }
    /* An emptied queue's armed fd wakes the reactor once for nothing. */
    return taken;
}

/* Completes a list of taken requests as the filter says (an abort); returns how many. */
static int abort_ops(struct pending_op *op, const struct cancel_filter *filter)
{
    struct pending_op *next;
    int count = 0;

    for (; op; op = next, count++)
    {
        next = op->next;
        op->done.thread_gone = filter->thread_gone;
        finish_op(op, filter->error, 0, 0);
    }
    return count;
}

/* Aborts the matching requests of the queues from `first` (0 receive, 1 send) on. */
static int cancel_matching(struct socket_ctx *ctx, const struct cancel_filter *filter, int first)
{
    struct pending_op *taken;
    int i, count = 0;

    for (i = first; i < 2; i++)
    {
        EnterCriticalSection(&ctx->queues[i].lock);
        taken = take_matching(&ctx->queues[i], filter, &count);
        LeaveCriticalSection(&ctx->queues[i].lock);
        count += abort_ops(taken, filter);
    }
    return count;
}

int msg_io_cancel(struct socket_ctx *ctx, const WSAOVERLAPPED *ovl, DWORD thread_id, BOOL sends_only)
{
    struct cancel_filter filter = { ovl, thread_id, FALSE, WSA_OPERATION_ABORTED, FALSE };

    return cancel_matching(ctx, &filter, sends_only ? 1 : 0);
}

/* The thread's requests in Wine's server that a port keeps: Wine would end them with the thread, so
 * they are cancelled now and started again by msgsock's waiter (restarted()). */
static void move_server_requests(struct socket_ctx *ctx, DWORD thread_id)
{
    struct io_queue *queue = queue_of(ctx, FALSE);
    struct pending_op *op;

    EnterCriticalSection(&queue->lock);
    for (op = queue->head; op; op = op->next)
    {
        if (!op->in_server || op->server_ended || op->abort_error || op->server.issuer != thread_id) continue;
        op->restart = TRUE;
        server_recv_cancel((HANDLE)ctx->handle, &op->server);
    }
    LeaveCriticalSection(&queue->lock);
}

void msg_io_thread_exit(struct socket_ctx *ctx, DWORD thread_id)
{
    /* "all I/O initiated by a given thread is canceled when that thread exits" unless the socket is
     * associated with a completion port; a routine could never run on the dead thread anyway. */
    struct cancel_filter filter = { NULL, thread_id, port_is_associated(ctx), WSA_OPERATION_ABORTED, TRUE };

    cancel_matching(ctx, &filter, 0);
    if (filter.routines_only) move_server_requests(ctx, thread_id);
}

void msg_io_abort_socket(struct socket_ctx *ctx)
{
    /* Closing a stream aborts its connection: Windows ends the requests with STATUS_CONNECTION_ABORTED. */
    struct cancel_filter filter = { NULL, 0, FALSE, ctx->type == SOCK_STREAM ? WSAECONNABORTED : WSA_OPERATION_ABORTED,
                                    FALSE };

    /* First: a reactor run still in progress can no longer arm the fd. */
    reactor_forget(ctx);
    cancel_matching(ctx, &filter, 0);
}

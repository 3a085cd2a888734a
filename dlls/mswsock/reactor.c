/*
 * The reactor.  Overlapped requests that would block wait in their socket's
 * queues (msg_io.c); the socket's host fd is armed, one-shot, in a host epoll
 * set that a single provider thread sleeps on.  When the fd is ready that
 * thread runs the queues itself, so a completion costs the host transfer and
 * the notification, and no wineserver poll, thread-pool wait or thread hop.
 *
 * Arming happens from any thread while the reactor sleeps (epoll allows it).
 * A socket's armed directions live in ctx->watch under its lock: the reactor
 * takes them all when the fd fires (one-shot disarms every direction) and
 * hands each back to the queue, which arms again whatever still waits.
 */
#include "close_watch.h"
#include "msg_io.h"
#include "reactor.h"
#include "msgsock/host.h"
#include "msgsock/unixlib.h"

#define REACTOR_BATCH 64

/* The epoll set, made once by the first request that has to wait (InitOnce). */
static INIT_ONCE reactor_once = INIT_ONCE_STATIC_INIT;
static int reactor_epfd = -1;

/* A direction as the host reports it: receives wait for HOST_WAIT_IN, sends for HOST_WAIT_OUT. */
static unsigned int direction_of(BOOL is_send)
{
    return is_send ? HOST_WAIT_OUT : HOST_WAIT_IN;
}

/* Sends one arming change for the socket's fd; called with ctx->watch.lock held.  0 or a WSA error. */
static int arm_locked(struct socket_ctx *ctx, unsigned int op)
{
    struct host_reactor_arm_params params = { reactor_epfd, ctx->fd, op };

    params.events = ctx->watch.directions;
    params.token = (ULONG_PTR)ctx->handle;
    if (msgsock_host_call(host_call_reactor_arm, &params)) params.error = WSAENETDOWN;
    if (params.error) ERR("socket %#Ix: reactor arming %u failed: %d\n", ctx->handle, op, params.error);
    return params.error;
}

static void forget_locked(struct socket_ctx *ctx);

/* Nothing waits any more: the fd leaves the set, and the socket keeps only Wine's descriptor. */
static void release_idle(struct socket_ctx *ctx)
{
    AcquireSRWLockExclusive(&ctx->watch.lock);
    if (!ctx->watch.directions && ctx->watch.added) forget_locked(ctx);
    ReleaseSRWLockExclusive(&ctx->watch.lock);
}

/* Takes the directions armed on a socket whose fd fired and runs or re-arms each. */
static void dispatch(const struct host_reactor_event *event)
{
    struct socket_ctx *ctx = socket_find((SOCKET)(ULONG_PTR)event->token);
    unsigned int fired;

    if (!ctx) return;   /* closed since: its requests were aborted */
    AcquireSRWLockExclusive(&ctx->watch.lock);
    fired = ctx->watch.directions;
    ctx->watch.directions = 0;
    ReleaseSRWLockExclusive(&ctx->watch.lock);
    /*
     * A direction the host did not report is only armed again (one-shot disarmed it too); if
     * that fails, running the queue ends its requests with the error.
     */
    if ((fired & HOST_WAIT_IN) && ((event->events & HOST_WAIT_IN) || reactor_watch(ctx, FALSE)))
        msg_io_ready(ctx, FALSE);
    if ((fired & HOST_WAIT_OUT) && ((event->events & HOST_WAIT_OUT) || reactor_watch(ctx, TRUE)))
        msg_io_ready(ctx, TRUE);
    release_idle(ctx);
    socket_release(ctx);
}

static DWORD WINAPI reactor_main(void *unused)
{
    struct host_reactor_event events[REACTOR_BATCH];
    struct host_reactor_wait_params params = { reactor_epfd, -1, events, REACTOR_BATCH };
    unsigned int i;

    for (;;)
    {
        if (msgsock_host_call(host_call_reactor_wait, &params))
        {
            ERR("reactor wait failed\n");
            return 1;
        }
        for (i = 0; i < params.count; i++) dispatch(&events[i]);
    }
}

static BOOL WINAPI reactor_start(INIT_ONCE *once, void *param, void **context)
{
    struct host_reactor_open_params params = { -1 };
    HMODULE self;
    HANDLE thread;

    if (msgsock_host_call(host_call_reactor_open, &params) || params.error)
    {
        ERR("no host epoll: %d\n", params.error);
        return FALSE;
    }
    reactor_epfd = params.epfd;
    /* The thread runs this module's code for the life of the process. */
    GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_PIN,
                       (const WCHAR *)reactor_main, &self);
    if (!(thread = CreateThread(NULL, 0, reactor_main, NULL, 0, NULL)))
    {
        ERR("cannot start the reactor thread: %lu\n", GetLastError());
        return FALSE;
    }
    CloseHandle(thread);
    TRACE("reactor started on epoll fd %d\n", reactor_epfd);
    return TRUE;
}

int reactor_watch(struct socket_ctx *ctx, BOOL is_send)
{
    unsigned int direction = direction_of(is_send);
    int error = 0;

    if (!InitOnceExecuteOnce(&reactor_once, reactor_start, NULL, NULL)) return WSAENOBUFS;
    AcquireSRWLockExclusive(&ctx->watch.lock);
    /* A closing socket's requests are being aborted: nothing to arm. */
    /* The set holds the fd by number: the watch keeps it (socket_fd_get) until forgotten. */
    if (!ctx->watch.closed && !ctx->watch.added && socket_fd_get(ctx) < 0) error = WSAENOBUFS;
    else if (!ctx->watch.closed)
    {
        ctx->watch.directions |= direction;
        if (!(error = arm_locked(ctx, ctx->watch.added ? HOST_REACTOR_MODIFY : HOST_REACTOR_ADD)))
            ctx->watch.added = TRUE;
        else
        {
            ctx->watch.directions &= ~direction;
            if (!ctx->watch.added) socket_fd_put(ctx);
        }
    }
    ReleaseSRWLockExclusive(&ctx->watch.lock);
    /* A request waits: the handle's close must reach it even without closesocket. */
    if (!error) close_watch_arm(ctx);
    return error;
}

/* Takes the fd out of the set; called with ctx->watch.lock held. */
static void forget_locked(struct socket_ctx *ctx)
{
    if (ctx->watch.added)
    {
        arm_locked(ctx, HOST_REACTOR_REMOVE);
        socket_fd_put(ctx);
    }
    ctx->watch.added = FALSE;
    ctx->watch.directions = 0;
}

void reactor_forget_fd(struct socket_ctx *ctx)
{
    AcquireSRWLockExclusive(&ctx->watch.lock);
    forget_locked(ctx);
    ReleaseSRWLockExclusive(&ctx->watch.lock);
}

void reactor_forget(struct socket_ctx *ctx)
{
    AcquireSRWLockExclusive(&ctx->watch.lock);
    ctx->watch.closed = TRUE;
    forget_locked(ctx);
    ReleaseSRWLockExclusive(&ctx->watch.lock);
}

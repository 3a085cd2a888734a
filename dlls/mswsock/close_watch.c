/*
 * Wine aborts the requests its own server holds when a socket's last handle is
 * closed; msgsock's queued requests live beside it and would wait forever
 * (and later write into memory the program has reused).  A socket with queued
 * requests therefore keeps one AFD poll for AFD_POLL_CLOSE pending: Wine
 * reports that on the last handle's close, be it closesocket, CloseHandle or
 * NtClose.  The poll is cancelled when the thread that issued it exits (and by
 * CancelIo/CancelIoEx); it is then issued again from the thread pool.
 */
#include <stdlib.h>

#include "close_watch.h"
#include "msg_io.h"
#include "wine/afd.h"

struct close_watch
{
    struct socket_ctx *ctx;   /* a reference */
    HANDLE event;
    HANDLE wait;
    struct afd_poll_block *poll;
};

static void arm(struct socket_ctx *ctx);

static void free_watch(struct close_watch *watch)
{
    afd_poll_finish(watch->poll);
    CloseHandle(watch->event);
    socket_release(watch->ctx);
    free(watch);
}

/* Requests still wait in the socket's queues (a racy look: a new one arms the watch itself). */
static BOOL has_queued(struct socket_ctx *ctx)
{
    return *(void *volatile *)&ctx->queues[0].head || *(void *volatile *)&ctx->queues[1].head;
}

static void CALLBACK poll_done(void *arg, BOOLEAN timed_out)
{
    struct close_watch *watch = arg;
    struct socket_ctx *ctx = watch->ctx;
    enum afd_close_result result = afd_close_poll_result(watch->poll);

    UnregisterWait(watch->wait);
    if (result == AFD_CLOSE_REPORTED)
    {
        /* As closesocket: "Any pending overlapped send and receive operations ... are also canceled." */
        TRACE("socket %#Ix: last handle closed, aborting its requests\n", ctx->handle);
        msg_io_abort_socket(ctx);
        socket_unregister_ctx(ctx);
        free_watch(watch);
        return;
    }
    TRACE("socket %#Ix: close poll ended (%d), queued requests %d\n", ctx->handle, result, has_queued(ctx));
    InterlockedExchange(&ctx->close_watched, 0);
    if (result == AFD_CLOSE_CANCELLED && has_queued(ctx)) arm(ctx);
    free_watch(watch);
}

static void arm(struct socket_ctx *ctx)
{
    struct close_watch *watch;

    if (InterlockedCompareExchange(&ctx->close_watched, 1, 0)) return;
    if (!(watch = calloc(1, sizeof(*watch)))) goto failed;
    InterlockedIncrement(&ctx->refs);
    watch->ctx = ctx;
    if (!(watch->event = CreateEventW(NULL, TRUE, FALSE, NULL))) goto failed_watch;
    if (!(watch->poll = afd_close_poll_start((HANDLE)ctx->handle, watch->event))) goto failed_watch;
    if (RegisterWaitForSingleObject(&watch->wait, watch->event, poll_done, watch, INFINITE,
                                    WT_EXECUTEONLYONCE))
        return;
failed_watch:
    free_watch(watch);
failed:
    WARN("socket %#Ix: cannot watch for the close of its handle\n", ctx->handle);
    InterlockedExchange(&ctx->close_watched, 0);
}

void close_watch_arm(struct socket_ctx *ctx)
{
    if (!ctx->close_watched) arm(ctx);
}

/* The sockets' host fds: dups of the fds Wine's ntdll caches, taken per call, some kept idle (host_fd.h). */
#include "host_fd.h"
#include "msgsock/host.h"
#include "msgsock/unixlib.h"
#include "wine/afd.h"

#define CACHED_MAX   1024   /* idle dups kept: the sockets in use keep their fd across calls */
#define FD_HEADROOM  8      /* descriptors a new socket leaves free for the calls of the others */

/* One lock over every socket's fd state: each use is a few instructions under it. */
static SRWLOCK fd_lock = SRWLOCK_INIT;
static struct socket_ctx *idle_head;
static unsigned int idle_count;

static void close_fd(int fd)
{
    struct host_close_params params = { fd };

    if (fd >= 0) msgsock_host_call(host_call_close, &params);
}

static BOOL is_idle(const struct socket_ctx *ctx)
{
    return ctx->idle_prev || idle_head == ctx;
}

static void idle_unlink(struct socket_ctx *ctx)
{
    if (ctx->idle_prev) ctx->idle_prev->idle_next = ctx->idle_next;
    else idle_head = ctx->idle_next;
    if (ctx->idle_next) ctx->idle_next->idle_prev = ctx->idle_prev;
    ctx->idle_prev = ctx->idle_next = NULL;
    idle_count--;
}

static void idle_push(struct socket_ctx *ctx)
{
    ctx->idle_prev = NULL;
    ctx->idle_next = idle_head;
    if (idle_head) idle_head->idle_prev = ctx;
    idle_head = ctx;
    idle_count++;
}

/* No descriptor left: every idle dup is closed so that calls in use can go on. */
static int evict_idle_locked(void)
{
    struct socket_ctx *ctx;
    int count = 0;

    while ((ctx = idle_head))
    {
        idle_unlink(ctx);
        close_fd(ctx->fd);
        ctx->fd = -1;
        count++;
    }
    return count;
}

int socket_fd_get(struct socket_ctx *ctx)
{
    int fd = -1;

    AcquireSRWLockExclusive(&fd_lock);
    if (ctx->fd < 0 && afd_host_fd((HANDLE)ctx->handle, &fd) && evict_idle_locked() &&
        afd_host_fd((HANDLE)ctx->handle, &fd))
        fd = -1;
    if (ctx->fd < 0) ctx->fd = fd;
    if (ctx->fd >= 0 && !ctx->fd_users++ && is_idle(ctx)) idle_unlink(ctx);
    fd = ctx->fd;
    ReleaseSRWLockExclusive(&fd_lock);
    if (fd < 0) WARN("socket %#Ix: no host fd left\n", ctx->handle);
    return fd;
}

void socket_fd_put(struct socket_ctx *ctx)
{
    int fd = -1;

    AcquireSRWLockExclusive(&fd_lock);
    if (!--ctx->fd_users)
    {
        if (idle_count < CACHED_MAX) idle_push(ctx);
        else
        {
            fd = ctx->fd;
            ctx->fd = -1;
        }
    }
    ReleaseSRWLockExclusive(&fd_lock);
    close_fd(fd);
}

static BOOL headroom_once(HANDLE handle)
{
    int fds[FD_HEADROOM], count, i;

    for (count = 0; count < FD_HEADROOM && !afd_host_fd(handle, &fds[count]); count++) {}
    for (i = 0; i < count; i++) close_fd(fds[i]);
    return count == FD_HEADROOM;
}

BOOL host_fd_headroom(HANDLE handle)
{
    int evicted;

    if (headroom_once(handle)) return TRUE;
    /* Idle dups are only a cache: give them back before refusing a socket. */
    AcquireSRWLockExclusive(&fd_lock);
    evicted = evict_idle_locked();
    ReleaseSRWLockExclusive(&fd_lock);
    return evicted && headroom_once(handle);
}

void host_fd_replace(struct socket_ctx *ctx)
{
    int fd, old = -1;

    AcquireSRWLockExclusive(&fd_lock);
    if (ctx->fd >= 0 && !afd_host_fd((HANDLE)ctx->handle, &fd))
    {
        old = ctx->fd;
        ctx->fd = fd;
    }
    ReleaseSRWLockExclusive(&fd_lock);
    close_fd(old);
}

void host_fd_forget(struct socket_ctx *ctx)
{
    int fd;

    AcquireSRWLockExclusive(&fd_lock);
    if (is_idle(ctx)) idle_unlink(ctx);
    fd = ctx->fd;
    ctx->fd = -1;
    ReleaseSRWLockExclusive(&fd_lock);
    close_fd(fd);
}

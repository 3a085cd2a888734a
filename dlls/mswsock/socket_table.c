/*
 * The provider's per-socket state, found by socket handle.  One lock guards
 * the table; each context is reference-counted so a call in flight keeps it
 * alive across a concurrent closesocket.
 */
#include <stdlib.h>

#include "provider.h"
#include "completion_port.h"
#include "msgsock/host.h"
#include "msgsock/unixlib.h"
#include "host_fd.h"
#include "reactor.h"
#include "wine/afd.h"

#define BUCKETS 256

struct table_entry
{
    struct table_entry *next;
    struct socket_ctx *ctx;
};

/* The table is process-wide by nature (socket handles are); guarded by table_lock. */
static SRWLOCK table_lock = SRWLOCK_INIT;
static struct table_entry *buckets[BUCKETS];

static unsigned int bucket_of(SOCKET handle)
{
    return ((ULONG_PTR)handle >> 2) % BUCKETS;
}


static struct socket_ctx *create_ctx(SOCKET handle, int family, int type, int protocol, DWORD flags)
{
    struct host_socket_setup_params setup;
    struct socket_ctx *ctx = calloc(1, sizeof(*ctx));

    if (!ctx) return NULL;
    ctx->handle = handle;
    ctx->family = family;
    ctx->type = type;
    ctx->protocol = protocol;
    ctx->overlapped = !!(flags & WSA_FLAG_OVERLAPPED);
    ctx->refs = 1;
    InitializeCriticalSection(&ctx->queues[0].lock);
    InitializeCriticalSection(&ctx->queues[1].lock);
    InitializeSRWLock(&ctx->watch.lock);
    InitializeSRWLock(&ctx->port.lock);
    ctx->fd = -1;
    /* A socket that could not be served fails here (WSAENOBUFS), never at its first transfer. */
    if (!host_fd_headroom((HANDLE)handle) || (setup.fd = socket_fd_get(ctx)) < 0)
    {
        WARN("socket %#Ix: not enough host fds\n", handle);
        socket_release(ctx);  /* also deletes its locks */
        return NULL;
    }
    setup.family = family;
    setup.type = type;
    if (msgsock_host_call(host_call_socket_setup, &setup) || setup.error)
        WARN("host set-up of socket %#Ix failed: %d\n", handle, setup.error);
    socket_fd_put(ctx);
    return ctx;
}

static void insert_ctx(struct socket_ctx *ctx, struct table_entry *entry)
{
    unsigned int b = bucket_of(ctx->handle);

    entry->ctx = ctx;
    entry->next = buckets[b];
    buckets[b] = entry;
}

struct socket_ctx *socket_register(SOCKET handle, int family, int type, int protocol, DWORD flags)
{
    struct table_entry *entry = malloc(sizeof(*entry));
    struct socket_ctx *ctx;

    if (!entry) return NULL;
    if (!(ctx = create_ctx(handle, family, type, protocol, flags)))
    {
        free(entry);
        return NULL;
    }
    AcquireSRWLockExclusive(&table_lock);
    insert_ctx(ctx, entry);
    InterlockedIncrement(&ctx->refs);
    ReleaseSRWLockExclusive(&table_lock);
    return ctx;
}

static struct socket_ctx *find_locked(SOCKET handle)
{
    struct table_entry *entry;

    for (entry = buckets[bucket_of(handle)]; entry; entry = entry->next)
        if (entry->ctx->handle == handle) return entry->ctx;
    return NULL;
}

/* A Wine socket we did not create (inherited, duplicated, made by Wine's own code): adopt it. */
static struct socket_ctx *adopt(SOCKET handle)
{
    int family, type, protocol;
    struct socket_ctx *ctx;

    if (afd_get_info((HANDLE)handle, &family, &type, &protocol)) return NULL;
    if (!(ctx = socket_register(handle, family, type, protocol, WSA_FLAG_OVERLAPPED))) return NULL;
    ctx->bound = TRUE;  /* unknown: let the host report it */
    return ctx;
}

struct socket_ctx *socket_find(SOCKET handle)
{
    struct socket_ctx *ctx;

    AcquireSRWLockShared(&table_lock);
    if ((ctx = find_locked(handle))) InterlockedIncrement(&ctx->refs);
    ReleaseSRWLockShared(&table_lock);
    return ctx;
}

void socket_for_each(void (*fn)(struct socket_ctx *ctx, void *arg), void *arg)
{
    struct table_entry *entry;
    unsigned int b;

    AcquireSRWLockShared(&table_lock);
    for (b = 0; b < BUCKETS; b++)
        for (entry = buckets[b]; entry; entry = entry->next) fn(entry->ctx, arg);
    ReleaseSRWLockShared(&table_lock);
}

struct socket_ctx *socket_lookup(SOCKET handle)
{
    struct socket_ctx *ctx;

    if (handle == INVALID_SOCKET || !handle) return NULL;
    return (ctx = socket_find(handle)) ? ctx : adopt(handle);
}

void socket_release(struct socket_ctx *ctx)
{
    if (!ctx || InterlockedDecrement(&ctx->refs)) return;
    host_fd_forget(ctx);
    port_release(ctx);
    DeleteCriticalSection(&ctx->queues[0].lock);
    DeleteCriticalSection(&ctx->queues[1].lock);
    free(ctx);
}

/* Unlinks the entry for `handle` (only the one holding `only`, unless NULL) and drops its reference. */
static void unlink_entry(SOCKET handle, struct socket_ctx *only)
{
    struct table_entry **prev, *entry;
    struct socket_ctx *ctx = NULL;

    AcquireSRWLockExclusive(&table_lock);
    for (prev = &buckets[bucket_of(handle)]; (entry = *prev); prev = &entry->next)
    {
        if (entry->ctx->handle != handle || (only && entry->ctx != only)) continue;
        *prev = entry->next;
        ctx = entry->ctx;
        free(entry);
        break;
    }
    ReleaseSRWLockExclusive(&table_lock);
    socket_release(ctx);
}

void socket_unregister(SOCKET handle)
{
    unlink_entry(handle, NULL);
}

void socket_unregister_ctx(struct socket_ctx *ctx)
{
    unlink_entry(ctx->handle, ctx);
}

void socket_refresh_fd(struct socket_ctx *ctx)
{
    if (!InterlockedExchange(&ctx->fd_stale, 0)) return;
    reactor_forget_fd(ctx);
    host_fd_replace(ctx);
}

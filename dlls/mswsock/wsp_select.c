/*
 * WSPSelect: select() as one AFD poll over every socket of the three sets,
 * so readiness is Wine's own view of its socket objects.
 */
#include <stdlib.h>

#include "provider_calls.h"
#include "wine_afd.h"

/* What makes a socket readable, writable or "exceptional" for select (AFD_POLL_* bits). */
#define SELECT_READ   (MSGSOCK_POLL_READ | MSGSOCK_POLL_ACCEPT | MSGSOCK_POLL_HUP | MSGSOCK_POLL_RESET | \
                       MSGSOCK_POLL_CLOSE)
#define SELECT_WRITE  MSGSOCK_POLL_WRITE
#define SELECT_EXCEPT (MSGSOCK_POLL_OOB | MSGSOCK_POLL_CONNECT_ERR)

struct select_set
{
    fd_set *set;
    int events;
};

/* A set the caller passed must be readable and writable (it is rewritten): WSAEFAULT otherwise. */
static int check_set(const fd_set *set, unsigned int *total)
{
    if (!set) return 0;
    if (!msgsock_writable((void *)set, sizeof(set->fd_count))) return WSAEFAULT;
    if (set->fd_count && !msgsock_writable((void *)set->fd_array, set->fd_count * sizeof(SOCKET)))
        return WSAEFAULT;
    *total += set->fd_count;
    return 0;
}

/* select's timeout in milliseconds, rounded up; INFINITE for NULL. */
static int timeout_ms(const struct timeval *timeout, DWORD *ms)
{
    ULONGLONG value;

    if (!timeout)
    {
        *ms = INFINITE;
        return 0;
    }
    if (!msgsock_readable(timeout, sizeof(*timeout))) return WSAEFAULT;
    /* "WSAEINVAL: The time-out value is not valid" */
    if (timeout->tv_sec < 0 || timeout->tv_usec < 0) return WSAEINVAL;
    value = (ULONGLONG)timeout->tv_sec * 1000 + ((ULONGLONG)timeout->tv_usec + 999) / 1000;
    *ms = value >= INFINITE ? INFINITE - 1 : (DWORD)value;
    return 0;
}

/* One entry per distinct socket, its wanted events the union over the sets it is in. */
static unsigned int add_entry(struct afd_poll_entry *entries, unsigned int count, SOCKET s, int events)
{
    unsigned int i;

    for (i = 0; i < count; i++)
        if (entries[i].socket == s)
        {
            entries[i].events |= events;
            return count;
        }
    entries[count].socket = s;
    entries[count].events = events;
    return count + 1;
}

/* Every entry must be a socket; the poll goes through an overlapped one if any (alertable wait). */
static int check_sockets(const struct afd_poll_entry *entries, unsigned int count, HANDLE *via)
{
    struct socket_ctx *ctx;
    unsigned int i;

    *via = NULL;
    for (i = 0; i < count; i++)
    {
        if (!(ctx = socket_lookup(entries[i].socket))) return WSAENOTSOCK;
        if (!*via || ctx->overlapped) *via = (HANDLE)ctx->handle;
        socket_release(ctx);
    }
    return 0;
}

static const struct afd_poll_entry *find_entry(const struct afd_poll_entry *entries, unsigned int count, SOCKET s)
{
    unsigned int i;

    for (i = 0; i < count; i++)
        if (entries[i].socket == s) return &entries[i];
    return NULL;
}

/* Keeps in each set only its ready sockets; returns how many stayed, over all sets. */
static int rewrite_sets(struct select_set *sets, const struct afd_poll_entry *entries, unsigned int count)
{
    const struct afd_poll_entry *entry;
    unsigned int i, j, kept;
    int total = 0;

    for (i = 0; i < 3; i++)
    {
        if (!sets[i].set) continue;
        for (j = kept = 0; j < sets[i].set->fd_count; j++)
        {
            entry = find_entry(entries, count, sets[i].set->fd_array[j]);
            if (entry && (entry->events & sets[i].events))
                sets[i].set->fd_array[kept++] = sets[i].set->fd_array[j];
        }
        sets[i].set->fd_count = kept;
        total += kept;
    }
    return total;
}

static int do_select(struct select_set *sets, const struct timeval *timeout, int *result)
{
    struct afd_poll_entry *entries;
    unsigned int i, j, total = 0, count = 0;
    HANDLE via;
    DWORD ms;
    int error;

    for (i = 0; i < 3; i++)
        if ((error = check_set(sets[i].set, &total))) return error;
    if ((error = timeout_ms(timeout, &ms))) return error;
    /* "WSAEINVAL: ... or all three descriptor parameters were null" (or empty). */
    if (!total) return WSAEINVAL;
    if (!(entries = calloc(total, sizeof(*entries)))) return WSAENOBUFS;
    for (i = 0; i < 3; i++)
        for (j = 0; sets[i].set && j < sets[i].set->fd_count; j++)
            count = add_entry(entries, count, sets[i].set->fd_array[j], sets[i].events);
    if (!(error = check_sockets(entries, count, &via)))
        error = afd_poll_sockets(via, entries, count, ms);
    if (!error) *result = rewrite_sets(sets, entries, count);
    free(entries);
    return error;
}

int WSPAPI wsp_select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds, const PTIMEVAL timeout,
                      int *err)
{
    struct select_set sets[3] =
    {
        { readfds, SELECT_READ }, { writefds, SELECT_WRITE }, { exceptfds, SELECT_EXCEPT },
    };
    int error, result = 0;

    TRACE("nfds %d, sets %p %p %p, timeout %p\n", nfds, readfds, writefds, exceptfds, timeout);
    /* nfds: "Ignored. The nfds parameter is included only for compatibility with Berkeley sockets." */
    if ((error = do_select(sets, timeout, &result))) return wsp_fail(err, error);
    return result;
}

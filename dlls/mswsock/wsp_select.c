/*
 * WSPSelect: select() as one AFD poll over every socket of the three sets,
 * so readiness is Wine's own view of its socket objects.
 */
#include <stdlib.h>

#include "provider_calls.h"
#include "transfer_checks.h"
#include "wine/afd.h"

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

/* Which sets (bit i: sets[i]) each entry's socket was in, read before any set is rewritten. */
static void note_membership(const struct select_set *sets, const struct afd_poll_entry *entries, unsigned int count,
                            unsigned char *member)
{
    unsigned int i, j, k;

    for (k = 0; k < count; k++)
    {
        member[k] = 0;
        for (i = 0; i < 3; i++)
            for (j = 0; sets[i].set && j < sets[i].set->fd_count; j++)
                if (sets[i].set->fd_array[j] == entries[k].socket) member[k] |= 1 << i;
    }
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

/* FD_SET's rule: a socket goes in once (the sets may be one and the same fd_set); TRUE if it went in. */
static BOOL set_add(fd_set *set, SOCKET s)
{
    unsigned int i;

    for (i = 0; i < set->fd_count; i++)
        if (set->fd_array[i] == s) return FALSE;
    set->fd_array[set->fd_count++] = s;
    return TRUE;
}

/*
 * As Windows: every set is emptied first, then each ready socket is put back, once, in the sets
 * it was in that it is ready for.  Returns how many entries went in (a socket ready in two sets
 * counts twice, unless the two are one fd_set); WSAENOTSOCK (in *error) when a socket was closed
 * meanwhile and no set takes it.
 */
static int rewrite_sets(struct select_set *sets, const struct afd_poll_entry *entries, unsigned int count,
                        const unsigned char *member, int *error)
{
    unsigned int i, k;
    int ready = 0, taken;

    for (i = 0; i < 3; i++)
        if (sets[i].set) sets[i].set->fd_count = 0;
    for (k = 0; k < count; k++)
    {
        for (i = 0, taken = 0; i < 3; i++)
            if ((member[k] & (1 << i)) && (entries[k].events & sets[i].events))
            {
                ready += set_add(sets[i].set, entries[k].socket);
                taken = 1;
            }
        if (!taken && (entries[k].events & MSGSOCK_POLL_CLOSE)) *error = WSAENOTSOCK;
    }
    return ready;
}

static int do_select(struct select_set *sets, const struct timeval *timeout, int *result)
{
    struct afd_poll_entry *entries;
    unsigned int i, j, total = 0, count = 0;
    unsigned char *member;
    HANDLE via;
    DWORD ms;
    int error;

    for (i = 0; i < 3; i++)
        if ((error = check_set(sets[i].set, &total))) return error;
    if ((error = timeout_ms(timeout, &ms))) return error;
    /* "WSAEINVAL: ... or all three descriptor parameters were null" (or empty). */
    if (!total) return WSAEINVAL;
    if (!(entries = calloc(total, sizeof(*entries) + 1))) return WSAENOBUFS;
    member = (unsigned char *)(entries + total);
    for (i = 0; i < 3; i++)
        for (j = 0; sets[i].set && j < sets[i].set->fd_count; j++)
            count = add_entry(entries, count, sets[i].set->fd_array[j], sets[i].events);
    note_membership(sets, entries, count, member);
    if (!(error = check_sockets(entries, count, &via)))
        error = afd_poll_sockets(via, entries, count, ms);
    if (!error) *result = rewrite_sets(sets, entries, count, member, &error);
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

/* --- WSAPoll (the WSAID_WSAPOLL extension) --- */

#define POLL_EVENTS_ALLOWED (POLLRDNORM | POLLRDBAND | POLLWRNORM)
/* Always watched: they are reported whatever `events` asked for. */
#define POLL_ALWAYS (MSGSOCK_POLL_HUP | MSGSOCK_POLL_RESET | MSGSOCK_POLL_CONNECT_ERR | MSGSOCK_POLL_CLOSE)

static BOOL poll_ignored(const WSAPOLLFD *fd)
{
    /* "If the fd member ... is set to a negative value, the structure is ignored" */
    return (INT_PTR)fd->fd < 0;
}

static int poll_events_to_afd(SHORT events)
{
    int afd = POLL_ALWAYS;

    if (events & POLLRDNORM) afd |= MSGSOCK_POLL_READ | MSGSOCK_POLL_ACCEPT;
    if (events & POLLRDBAND) afd |= MSGSOCK_POLL_OOB;
    if (events & POLLWRNORM) afd |= MSGSOCK_POLL_WRITE;
    return afd;
}

static SHORT poll_revents(int afd, SHORT events)
{
    SHORT revents = 0;

    if (afd & (MSGSOCK_POLL_READ | MSGSOCK_POLL_ACCEPT)) revents |= POLLRDNORM;
    if (afd & MSGSOCK_POLL_OOB) revents |= POLLRDBAND;
    if (afd & MSGSOCK_POLL_WRITE) revents |= POLLWRNORM;
    revents &= events;
    if (afd & (MSGSOCK_POLL_HUP | MSGSOCK_POLL_RESET)) revents |= POLLHUP;
    if (afd & (MSGSOCK_POLL_RESET | MSGSOCK_POLL_CONNECT_ERR)) revents |= POLLERR;
    if (afd & MSGSOCK_POLL_CLOSE) revents |= POLLNVAL;
    return revents;
}

/* Arguments: WSAEFAULT for an unreadable array, WSAEINVAL for events outside the documented ones. */
static int check_poll_args(WSAPOLLFD *fds, ULONG count)
{
    ULONG i;

    if (!count) return WSAEINVAL;
    if (count > MAXLONG / sizeof(*fds) || !msgsock_writable(fds, count * sizeof(*fds))) return WSAEFAULT;
    for (i = 0; i < count; i++)
        if (!poll_ignored(&fds[i]) && (fds[i].events & ~POLL_EVENTS_ALLOWED)) return WSAEINVAL;
    return 0;
}

/* Collects the sockets to poll; a non-socket gets POLLNVAL at once. Returns how many got POLLNVAL. */
static int poll_collect(WSAPOLLFD *fds, ULONG count, struct afd_poll_entry *entries, unsigned int *used,
                        HANDLE *via)
{
    struct socket_ctx *ctx;
    int invalid = 0;
    ULONG i;

    *used = 0;
    *via = NULL;
    for (i = 0; i < count; i++)
    {
        fds[i].revents = 0;
        if (poll_ignored(&fds[i])) continue;
        if (!(ctx = socket_lookup(fds[i].fd)))
        {
            fds[i].revents = POLLNVAL;   /* "An invalid socket was used." */
            invalid++;
            continue;
        }
        if (!*via || ctx->overlapped) *via = (HANDLE)ctx->handle;
        socket_release(ctx);
        *used = add_entry(entries, *used, fds[i].fd, poll_events_to_afd(fds[i].events));
    }
    return invalid;
}

static int poll_results(WSAPOLLFD *fds, ULONG count, const struct afd_poll_entry *entries, unsigned int used)
{
    const struct afd_poll_entry *entry;
    int ready = 0;
    ULONG i;

    for (i = 0; i < count; i++)
    {
        if (!fds[i].revents && !poll_ignored(&fds[i]) && (entry = find_entry(entries, used, fds[i].fd)))
            fds[i].revents = poll_revents(entry->events, fds[i].events);
        if (fds[i].revents) ready++;
    }
    return ready;
}

/* Called straight by programs: the error goes to the thread's last error. */
static int poll_fail(int error)
{
    SetLastError(error);
    return SOCKET_ERROR;
}

int WSAAPI msgsock_WSAPoll(WSAPOLLFD *fds, ULONG count, INT timeout)
{
    struct afd_poll_entry *entries;
    unsigned int used;
    int error, invalid;
    HANDLE via;

    TRACE("fds %p, count %lu, timeout %d\n", fds, count, timeout);
    if (!provider_started()) return poll_fail(WSANOTINITIALISED);
    if ((error = check_poll_args(fds, count))) return poll_fail(error);
    if (!(entries = calloc(count, sizeof(*entries)))) return poll_fail(WSAENOBUFS);
    invalid = poll_collect(fds, count, entries, &used, &via);
    /* WSAEINVAL "if none of the sockets specified in the fd member ... were valid" */
    if (!used) error = WSAEINVAL;
    /* An invalid entry is already an answer: then only look. */
    else error = afd_poll_sockets(via, entries, used, invalid ? 0 : timeout < 0 ? INFINITE : (DWORD)timeout);
    if (!error) invalid = poll_results(fds, count, entries, used);
    free(entries);
    return error ? poll_fail(error) : invalid;
}

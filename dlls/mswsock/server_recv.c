/*
 * Stream receives handed to Wine's server (server_recv.h).  The caller issues
 * each one with an event of its own; one msgsock thread (the waiter) waits for
 * all those events at once and reports each request as it ends.  The events
 * are a fixed set, made once, so starting a request asks nothing of the waiter;
 * when all are in use, the thread pool waits for the extra requests.
 */
#include "msgsock/debug.h"
#include "server_recv.h"
#include "wine/afd.h"

#define SLOTS MAXIMUM_WAIT_OBJECTS

static INIT_ONCE waiter_once = INIT_ONCE_STATIC_INIT;
static HANDLE waiter;                               /* written once under waiter_once */
static HANDLE slot_events[SLOTS];                   /* auto-reset: the waiter's wait takes the signal */
static struct server_recv *volatile slot_recvs[SLOTS];
/* Which slots are taken: claimed by callers, freed by the waiter. */
static SRWLOCK slot_lock = SRWLOCK_INIT;
static ULONGLONG slots_taken;

static int slot_claim(void)
{
    int slot = -1, i;

    AcquireSRWLockExclusive(&slot_lock);
    for (i = 0; i < SLOTS && slot < 0; i++)
        if (!(slots_taken & (1ull << i))) slot = i;
    if (slot >= 0) slots_taken |= 1ull << slot;
    ReleaseSRWLockExclusive(&slot_lock);
    return slot;
}

static void slot_free(int slot)
{
    slot_recvs[slot] = NULL;
    AcquireSRWLockExclusive(&slot_lock);
    slots_taken &= ~(1ull << slot);
    ReleaseSRWLockExclusive(&slot_lock);
}

/* Lets go of what waited for the request, then reports it (the slot may serve the next one). */
static void report(struct server_recv *recv)
{
    if (recv->slot >= 0) slot_free(recv->slot);
    else CloseHandle(recv->event);
    recv->ended(recv);
}

static void CALLBACK pool_wait_fired(void *context, BOOLEAN timed_out)
{
    struct server_recv *recv = context;

    UnregisterWaitEx(recv->wait, NULL);   /* from its own callback: does not wait */
    report(recv);
}

static DWORD WINAPI waiter_main(void *arg)
{
    struct server_recv *recv;
    DWORD result;

    for (;;)
    {
        result = WaitForMultipleObjects(SLOTS, slot_events, FALSE, INFINITE);
        if (result >= WAIT_OBJECT_0 + SLOTS)
        {
            ERR("waiting for receives in Wine's server failed: %lu\n", GetLastError());
            Sleep(10);   /* not a spin */
            continue;
        }
        /* Set before the request started, so before Wine could signal its event. */
        if ((recv = slot_recvs[result - WAIT_OBJECT_0])) report(recv);
    }
    return 0;
}

static BOOL WINAPI start_waiter(INIT_ONCE *once, void *param, void **context)
{
    HMODULE self;
    int i;

    for (i = 0; i < SLOTS; i++)
        if (!(slot_events[i] = CreateEventW(NULL, FALSE, FALSE, NULL))) goto failed;
    /* The thread runs this module's code for the life of the process. */
    GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_PIN,
                       (const WCHAR *)waiter_main, &self);
    if ((waiter = CreateThread(NULL, 0, waiter_main, NULL, 0, NULL))) return TRUE;
failed:
    WARN("no waiter for receives in Wine's server: %lu\n", GetLastError());
    while (i-- > 0) CloseHandle(slot_events[i]);
    return TRUE;
}

/* Something to wait for the request with: a slot of the waiter's, else an event for the pool. */
static BOOL wait_prepare(struct server_recv *recv)
{
    recv->wait = NULL;
    if ((recv->slot = slot_claim()) >= 0)
    {
        recv->event = slot_events[recv->slot];
        slot_recvs[recv->slot] = recv;
        return TRUE;
    }
    if (!(recv->event = CreateEventW(NULL, TRUE, FALSE, NULL))) return FALSE;
    if (RegisterWaitForSingleObject(&recv->wait, recv->event, pool_wait_fired, recv, INFINITE, WT_EXECUTEONLYONCE))
        return TRUE;
    CloseHandle(recv->event);
    return FALSE;
}

/* The request never started: nothing will signal its event. */
static void wait_abandon(struct server_recv *recv)
{
    if (recv->slot >= 0)
    {
        slot_free(recv->slot);
        return;
    }
    UnregisterWaitEx(recv->wait, INVALID_HANDLE_VALUE);
    CloseHandle(recv->event);
}

int server_recv_start(HANDLE socket, struct server_recv *recv, const WSABUF *bufs, DWORD count, DWORD flags,
                      void (*ended)(struct server_recv *recv))
{
    NTSTATUS status;

    InitOnceExecuteOnce(&waiter_once, start_waiter, NULL, NULL);
    if (!waiter) return WSAENOBUFS;
    recv->flags = flags;
    recv->ended = ended;
    recv->issuer = GetCurrentThreadId();
    if (!wait_prepare(recv)) return WSAENOBUFS;
    status = afd_recv_start(socket, bufs, count, &recv->flags, recv->event, &recv->io);
    TRACE("socket %p: %lu buffer(s), flags %#lx, slot %d -> status %#lx\n", socket, count, flags, recv->slot,
          (unsigned long)status);
    /* An error at once (not a warning such as STATUS_HANDLES_CLOSED): Wine signals nothing. */
    if ((ULONG)status >> 30 == 3)
    {
        wait_abandon(recv);
        return afd_status_to_wsa(status);
    }
    return 0;
}

void server_recv_cancel(HANDLE socket, struct server_recv *recv)
{
    TRACE("socket %p io %p\n", socket, &recv->io);
    afd_cancel_request(socket, &recv->io);
}

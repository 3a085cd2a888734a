/*
 * Stream receives handed to Wine's server (server_recv.h).  Wine ends a request
 * when the thread that issued it exits, unless a completion port would take its
 * packet; msgsock's requests keep Windows' rule themselves (msg_io_thread_exit),
 * so the requests here are issued by one thread of msgsock's that never exits.
 * Their ends arrive on an event each, waited for by the thread pool.
 */
#include "msgsock/debug.h"
#include "server_recv.h"
#include "wine/afd.h"

/* One request on its way to the issuing thread; the caller waits for `issued`. */
struct issue_task
{
    HANDLE socket;
    struct server_recv *recv;
    const WSABUF *bufs;
    DWORD count;
    NTSTATUS status;
    BOOL issued;
};

static INIT_ONCE issuer_once = INIT_ONCE_STATIC_INIT;
static HANDLE issuer;                           /* written once under issuer_once */
/* Hand-overs to the issuing thread: the lock guards every task's `issued`. */
static SRWLOCK issue_lock = SRWLOCK_INIT;
static CONDITION_VARIABLE issue_done = CONDITION_VARIABLE_INIT;

static DWORD WINAPI issuer_main(void *arg)
{
    for (;;) SleepEx(INFINITE, TRUE);   /* runs issue_apc */
    return 0;
}

static BOOL WINAPI start_issuer(INIT_ONCE *once, void *param, void **context)
{
    if (!(issuer = CreateThread(NULL, 0, issuer_main, NULL, 0, NULL)))
        WARN("no thread for receives in Wine's server: %lu\n", GetLastError());
    return TRUE;
}

static void CALLBACK issue_apc(ULONG_PTR context)
{
    struct issue_task *task = (struct issue_task *)context;
    NTSTATUS status = afd_recv_start(task->socket, task->bufs, task->count, &task->recv->flags, task->recv->event,
                                     &task->recv->io);

    AcquireSRWLockExclusive(&issue_lock);
    task->status = status;
    task->issued = TRUE;    /* from here the caller may return: `task` is its stack */
    ReleaseSRWLockExclusive(&issue_lock);
    WakeAllConditionVariable(&issue_done);
}

static void CALLBACK wait_fired(void *context, BOOLEAN timed_out)
{
    struct server_recv *recv = context;

    UnregisterWaitEx(recv->wait, NULL);   /* from its own callback: does not wait */
    CloseHandle(recv->event);
    recv->ended(recv);
}

/* Runs the request on the issuing thread; Wine's status for it. */
static NTSTATUS issue(HANDLE socket, struct server_recv *recv, const WSABUF *bufs, DWORD count)
{
    struct issue_task task = { socket, recv, bufs, count };

    if (!QueueUserAPC(issue_apc, issuer, (ULONG_PTR)&task)) return 0xc0000017;   /* STATUS_NO_MEMORY */
    AcquireSRWLockExclusive(&issue_lock);
    while (!task.issued) SleepConditionVariableSRW(&issue_done, &issue_lock, INFINITE, 0);
    ReleaseSRWLockExclusive(&issue_lock);
    return task.status;
}

int server_recv_start(HANDLE socket, struct server_recv *recv, const WSABUF *bufs, DWORD count, DWORD flags,
                      void (*ended)(struct server_recv *recv))
{
    NTSTATUS status;

    InitOnceExecuteOnce(&issuer_once, start_issuer, NULL, NULL);
    if (!issuer) return WSAENOBUFS;
    recv->flags = flags;
    recv->ended = ended;
    if (!(recv->event = CreateEventW(NULL, TRUE, FALSE, NULL))) return WSAENOBUFS;
    /* Registered first: the wait handle is in place before the callback can run. */
    if (!RegisterWaitForSingleObject(&recv->wait, recv->event, wait_fired, recv, INFINITE, WT_EXECUTEONLYONCE))
    {
        CloseHandle(recv->event);
        return WSAENOBUFS;
    }
    status = issue(socket, recv, bufs, count);
    TRACE("socket %p: %lu buffer(s), flags %#lx -> status %#lx\n", socket, count, flags, (unsigned long)status);
    /* An error at once (not a warning such as STATUS_HANDLES_CLOSED): Wine signals nothing. */
    if ((ULONG)status >> 30 == 3)
    {
        UnregisterWaitEx(recv->wait, INVALID_HANDLE_VALUE);
        CloseHandle(recv->event);
        return afd_status_to_wsa(status);
    }
    return 0;
}

void server_recv_cancel(HANDLE socket, struct server_recv *recv)
{
    TRACE("socket %p io %p\n", socket, &recv->io);
    afd_cancel_request(socket, &recv->io);
}

/*
 * GetAddrInfoExW with lpOverlapped: the lookup runs on a thread-pool thread
 * and completes through the event or the completion routine;
 * GetAddrInfoExCancel and a timeout complete it early.  The host lookup
 * itself cannot be interrupted: it runs to its end and its result is
 * dropped when the request was completed another way.
 */
#include <string.h>

#include "resolve.h"

typedef void (CALLBACK *completion_fn)(DWORD error, DWORD bytes, OVERLAPPED *overlapped);

struct request
{
    struct request *next;        /* in requests, while pending */
    HANDLE        handle;        /* what lpHandle receives: an id, never a pointer */
    BOOL          completed;     /* under requests_lock */
    WCHAR        *node;
    WCHAR        *service;
    struct ws2_ai_hints hints;
    ADDRINFOEXW **result;
    OVERLAPPED   *overlapped;
    completion_fn routine;
    PTP_TIMER     timer;
};

/*
 * The requests still pending, so GetAddrInfoExCancel can tell a live handle
 * from a finished or invalid one; the lock also decides which of lookup,
 * cancel and timeout completes a request.
 */
static SRWLOCK requests_lock = SRWLOCK_INIT;
static struct request *requests;
static ULONG_PTR last_handle;

static void add_request(struct request *req)
{
    AcquireSRWLockExclusive(&requests_lock);
    req->handle = (HANDLE)++last_handle;
    req->next = requests;
    requests = req;
    ReleaseSRWLockExclusive(&requests_lock);
}

/* Unlinks a pending request: TRUE for the one caller that gets to complete it. */
static BOOL claim_locked(struct request *req)
{
    struct request **p;

    if (req->completed) return FALSE;
    req->completed = TRUE;
    for (p = &requests; *p; p = &(*p)->next)
        if (*p == req)
        {
            *p = req->next;
            break;
        }
    return TRUE;
}

static BOOL claim(struct request *req)
{
    BOOL ret;

    AcquireSRWLockExclusive(&requests_lock);
    ret = claim_locked(req);
    ReleaseSRWLockExclusive(&requests_lock);
    return ret;
}

/* The result first, then the status GetAddrInfoExOverlappedResult reads, then the signal. */
static void deliver(ADDRINFOEXW **result, OVERLAPPED *overlapped, completion_fn routine,
                    ADDRINFOEXW *list, int error)
{
    TRACE("overlapped %p error %d\n", overlapped, error);
    *result = list;
    InterlockedExchangePointer((void **)&overlapped->Internal, (void *)(ULONG_PTR)error);
    if (routine) routine(error, 0, overlapped);
    else if (overlapped->hEvent) SetEvent(overlapped->hEvent);
}

static void free_request(struct request *req)
{
    if (req->timer)
    {
        SetThreadpoolTimer(req->timer, NULL, 0, 0);
        WaitForThreadpoolTimerCallbacks(req->timer, TRUE);
        CloseThreadpoolTimer(req->timer);
    }
    HeapFree(GetProcessHeap(), 0, req->node);
    HeapFree(GetProcessHeap(), 0, req->service);
    HeapFree(GetProcessHeap(), 0, req);
}

static void CALLBACK lookup_callback(TP_CALLBACK_INSTANCE *instance, void *context)
{
    struct request *req = context;
    void *list = NULL;
    int error;

    error = ws2_getaddrinfo_core(req->node, req->service, &req->hints, WS2_AI_EXW, &list);
    if (claim(req)) deliver(req->result, req->overlapped, req->routine, list, error);
    else ws2_free_addrinfo_list(list, TRUE);
    free_request(req);
}

static void CALLBACK timeout_callback(TP_CALLBACK_INSTANCE *instance, void *context, TP_TIMER *timer)
{
    struct request *req = context;

    /* the lookup callback waits for this one before freeing req */
    if (claim(req)) deliver(req->result, req->overlapped, req->routine, NULL, WSAETIMEDOUT);
}

static BOOL start_timer(struct request *req, const struct timeval *timeout)
{
    LONGLONG ms = (LONGLONG)timeout->tv_sec * 1000 + timeout->tv_usec / 1000;
    ULARGE_INTEGER due;
    FILETIME ft;

    if (!(req->timer = CreateThreadpoolTimer(timeout_callback, req, NULL))) return FALSE;
    due.QuadPart = (ULONGLONG)(-(ms < 0 ? 0 : ms) * 10000);  /* relative, in 100 ns */
    ft.dwLowDateTime = due.LowPart;
    ft.dwHighDateTime = due.HighPart;
    SetThreadpoolTimer(req->timer, &ft, 0, 0);
    return TRUE;
}

static WCHAR *copy_string(const WCHAR *str, BOOL *ok)
{
    WCHAR *ret;

    if (!str) return NULL;
    if (!(ret = HeapAlloc(GetProcessHeap(), 0, (wcslen(str) + 1) * sizeof(WCHAR)))) *ok = FALSE;
    else wcscpy(ret, str);
    return ret;
}

int ws2_getaddrinfo_async(const WCHAR *node, const WCHAR *service, const struct ws2_ai_hints *hints,
                          ADDRINFOEXW **result, const struct timeval *timeout,
                          OVERLAPPED *overlapped, LPLOOKUPSERVICE_COMPLETION_ROUTINE routine,
                          HANDLE *handle)
{
    struct request *req;
    BOOL ok = TRUE;
    int ret;

    /* a request that cannot succeed fails at once: no event, no routine */
    if ((ret = ws2_check_request(node, service, hints))) return ret;
    if (!(req = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*req))))
        return WSA_NOT_ENOUGH_MEMORY;
    req->node = copy_string(node, &ok);
    req->service = copy_string(service, &ok);
    req->hints = *hints;
    req->result = result;
    req->overlapped = overlapped;
    req->routine = (completion_fn)routine;
    if (!ok || (timeout && !start_timer(req, timeout)))
    {
        free_request(req);
        return WSA_NOT_ENOUGH_MEMORY;
    }
    overlapped->Internal = WSAEINPROGRESS;
    /* "The Pointer member of the OVERLAPPED structure will be set to the value of the ppResult
       parameter of the original call." */
    overlapped->Pointer = result;
    add_request(req);
    if (handle) *handle = req->handle;
    if (!TrySubmitThreadpoolCallback(lookup_callback, req, NULL))
    {
        claim(req);
        free_request(req);
        if (handle) *handle = NULL;
        return WSA_NOT_ENOUGH_MEMORY;
    }
    return WSA_IO_PENDING;
}

INT WINAPI GetAddrInfoExCancel(HANDLE *handle)
{
    ADDRINFOEXW **result = NULL;
    OVERLAPPED *overlapped = NULL;
    completion_fn routine = NULL;
    struct request *req;
    BOOL found = FALSE;

    TRACE("%p\n", handle);
    if (!handle) return WSA_INVALID_HANDLE;
    AcquireSRWLockExclusive(&requests_lock);
    for (req = requests; req; req = req->next)
    {
        if (req->handle != *handle) continue;
        /* copied under the lock: the lookup callback may free req once it is unlinked */
        result = req->result;
        overlapped = req->overlapped;
        routine = req->routine;
        found = claim_locked(req);
        break;
    }
    ReleaseSRWLockExclusive(&requests_lock);
    /* "already completed or timed out, or the handle is invalid": WSA_INVALID_HANDLE */
    if (!found) return WSA_INVALID_HANDLE;
    deliver(result, overlapped, routine, NULL, WSA_E_CANCELLED);
    return 0;
}

INT WINAPI GetAddrInfoExOverlappedResult(OVERLAPPED *overlapped)
{
    TRACE("%p\n", overlapped);
    if (!overlapped) return WSAEINVAL;
    return (INT)(ULONG_PTR)InterlockedCompareExchangePointer((void **)&overlapped->Internal, NULL, NULL);
}

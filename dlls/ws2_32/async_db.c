/*
 * The Winsock 1 asynchronous database calls (WSAAsyncGetHostByName, ...ByAddr,
 * WSAAsyncGetServByName, ...ByPort, WSAAsyncGetProtoByName, ...ByNumber) and
 * WSACancelAsyncRequest.  Each request runs its synchronous counterpart on a
 * thread-pool thread, copies the entry into the caller's buffer and posts the
 * caller's message: "The wParam parameter contains the asynchronous task
 * handle ... The high 16 bits of lParam contain any error code ... If the
 * error code is WSAENOBUFS, ... the low 16 bits of lParam contain the size of
 * buffer required".  Arguments are not checked when the request starts (the
 * lookup reports them in the message).
 */
#include <string.h>

#include "resolve.h"

enum async_query
{
    QUERY_HOST_BY_NAME, QUERY_HOST_BY_ADDR, QUERY_SERV_BY_NAME, QUERY_SERV_BY_PORT,
    QUERY_PROTO_BY_NAME, QUERY_PROTO_BY_NUMBER,
};

struct async_request
{
    struct async_request *next;
    HANDLE handle;
    BOOL cancelled;
    enum async_query query;
    HWND hwnd;
    UINT msg;
    char *buf;
    int buflen;
    int number;      /* port, protocol number, address length */
    int type;        /* address family of ByAddr */
    char *name;      /* heap copies of the strings (or the address) */
    char *proto;
};

static CRITICAL_SECTION pending_lock;
static CRITICAL_SECTION_DEBUG pending_lock_debug =
{
    0, 0, &pending_lock, { &pending_lock_debug.ProcessLocksList, &pending_lock_debug.ProcessLocksList },
    0, 0, 0
};
static CRITICAL_SECTION pending_lock = { &pending_lock_debug, -1, 0, 0, 0, 0 };
static struct async_request *pending;
static LONG last_handle;

typedef BOOL (WINAPI *post_message_fn)(HWND, UINT, WPARAM, LPARAM);

/* user32 is loaded by the caller (it owns a window); ws2_32 does not import it. */
static post_message_fn post_message(void)
{
    static post_message_fn fn;

    if (!fn) fn = (post_message_fn)GetProcAddress(LoadLibraryW(L"user32.dll"), "PostMessageW");
    return fn;
}

static char *copy_bytes(const char *data, SIZE_T len)
{
    char *ret;

    if (!data || !(ret = HeapAlloc(GetProcessHeap(), 0, len))) return NULL;
    memcpy(ret, data, len);
    return ret;
}

static char *copy_string(const char *str)
{
    return str ? copy_bytes(str, strlen(str) + 1) : NULL;
}

static void free_request(struct async_request *req)
{
    HeapFree(GetProcessHeap(), 0, req->name);
    HeapFree(GetProcessHeap(), 0, req->proto);
    HeapFree(GetProcessHeap(), 0, req);
}

/* The synchronous call's entry (in this thread's storage), or NULL with the thread's error set. */
static const void *run_query(const struct async_request *req, enum ws2_db_kind *kind)
{
    switch (req->query)
    {
    case QUERY_HOST_BY_NAME: *kind = WS2_DB_HOST; return gethostbyname(req->name);
    case QUERY_HOST_BY_ADDR: *kind = WS2_DB_HOST; return gethostbyaddr(req->name, req->number, req->type);
    case QUERY_SERV_BY_NAME: *kind = WS2_DB_SERVICE; return getservbyname(req->name, req->proto);
    case QUERY_SERV_BY_PORT: *kind = WS2_DB_SERVICE; return getservbyport(req->number, req->proto);
    case QUERY_PROTO_BY_NAME: *kind = WS2_DB_PROTOCOL; return getprotobyname(req->name);
    case QUERY_PROTO_BY_NUMBER: *kind = WS2_DB_PROTOCOL; return getprotobynumber(req->number);
    }
    return NULL;
}

/* Takes req off the pending list; FALSE when it was cancelled (no message then). */
static BOOL finish_request(struct async_request *req)
{
    struct async_request **p;

    EnterCriticalSection(&pending_lock);
    for (p = &pending; *p != req; p = &(*p)->next);
    *p = req->next;
    LeaveCriticalSection(&pending_lock);
    return !req->cancelled;
}

static DWORD WINAPI async_worker(void *arg)
{
    struct async_request *req = arg;
    enum ws2_db_kind kind = WS2_DB_HOST;
    const void *entry = run_query(req, &kind);
    int error = entry ? 0 : WSAGetLastError();
    SIZE_T size = 0;
    post_message_fn post = post_message();

    if (entry)
    {
        size = ws2_copy_db_entry(kind, entry, req->buf, req->buflen > 0 ? req->buflen : 0);
        if (!req->buf || req->buflen < 0 || size > (SIZE_T)req->buflen) error = WSAENOBUFS;
    }
    TRACE("request %p query %d: error %d size %Iu\n", req->handle, req->query, error, size);
    if (finish_request(req) && post)
        post(req->hwnd, req->msg, (WPARAM)req->handle, WSAMAKEASYNCREPLY(size > 0xffff ? 0xffff : size, error));
    free_request(req);
    return 0;
}

/* Queues req (its strings already copied); returns its task handle or NULL with the error set. */
static HANDLE start_request(struct async_request *req, BOOL copied)
{
    HANDLE handle;

    if (!ws2_check_started() || !req || !copied)
    {
        if (req) free_request(req);
        if (ws2_started()) SetLastError(WSAEWOULDBLOCK);
        return NULL;
    }
    /* Task handles are small nonzero numbers, never reused while a request can still be pending. */
    req->handle = ULongToHandle((ULONG)InterlockedIncrement(&last_handle) & 0x7fffffff);
    if (!req->handle) req->handle = ULongToHandle((ULONG)InterlockedIncrement(&last_handle));
    /* Once queued, the worker may finish and free req before this thread reads it again. */
    handle = req->handle;
    EnterCriticalSection(&pending_lock);
    req->next = pending;
    pending = req;
    LeaveCriticalSection(&pending_lock);
    if (!QueueUserWorkItem(async_worker, req, WT_EXECUTELONGFUNCTION))
    {
        finish_request(req);
        free_request(req);
        SetLastError(WSAEWOULDBLOCK);
        return NULL;
    }
    return handle;
}

static struct async_request *new_request(enum async_query query, HWND hwnd, UINT msg, char *buf, int buflen)
{
    struct async_request *req = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*req));

    if (!req) return NULL;
    req->query = query;
    req->hwnd = hwnd;
    req->msg = msg;
    req->buf = buf;
    req->buflen = buflen;
    return req;
}

/* A request about a name (and protocol name); a NULL string stays NULL. */
static HANDLE start_named(enum async_query query, HWND hwnd, UINT msg, const char *name, const char *proto,
                          char *buf, int buflen)
{
    struct async_request *req = new_request(query, hwnd, msg, buf, buflen);
    BOOL copied = TRUE;

    if (req)
    {
        req->name = copy_string(name);
        req->proto = copy_string(proto);
        copied = (!name || req->name) && (!proto || req->proto);
    }
    return start_request(req, copied);
}

static HANDLE start_numbered(enum async_query query, HWND hwnd, UINT msg, int number, const char *proto,
                             char *buf, int buflen)
{
    struct async_request *req = new_request(query, hwnd, msg, buf, buflen);
    BOOL copied = TRUE;

    if (req)
    {
        req->number = number;
        req->proto = copy_string(proto);
        copied = !proto || req->proto;
    }
    return start_request(req, copied);
}

HANDLE WINAPI WSAAsyncGetHostByName(HWND hwnd, u_int msg, const char *name, char *buf, int buflen)
{
    TRACE("%p %u %s %p %d\n", hwnd, msg, name, buf, buflen);
    return start_named(QUERY_HOST_BY_NAME, hwnd, msg, name, NULL, buf, buflen);
}

HANDLE WINAPI WSAAsyncGetHostByAddr(HWND hwnd, u_int msg, const char *addr, int len, int type, char *buf,
                                    int buflen)
{
    struct async_request *req = new_request(QUERY_HOST_BY_ADDR, hwnd, msg, buf, buflen);
    BOOL copied = TRUE;

    TRACE("%p %u %p %d %d %p %d\n", hwnd, msg, addr, len, type, buf, buflen);
    if (req)
    {
        req->number = len;
        req->type = type;
        req->name = len > 0 ? copy_bytes(addr, len) : NULL;
        copied = len <= 0 || !addr || req->name;
    }
    return start_request(req, copied);
}

HANDLE WINAPI WSAAsyncGetServByName(HWND hwnd, u_int msg, const char *name, const char *proto, char *buf,
                                    int buflen)
{
    TRACE("%p %u %s %s %p %d\n", hwnd, msg, name, proto, buf, buflen);
    return start_named(QUERY_SERV_BY_NAME, hwnd, msg, name, proto, buf, buflen);
}

HANDLE WINAPI WSAAsyncGetServByPort(HWND hwnd, u_int msg, int port, const char *proto, char *buf, int buflen)
{
    TRACE("%p %u %d %s %p %d\n", hwnd, msg, port, proto, buf, buflen);
    return start_numbered(QUERY_SERV_BY_PORT, hwnd, msg, port, proto, buf, buflen);
}

HANDLE WINAPI WSAAsyncGetProtoByName(HWND hwnd, u_int msg, const char *name, char *buf, int buflen)
{
    TRACE("%p %u %s %p %d\n", hwnd, msg, name, buf, buflen);
    return start_named(QUERY_PROTO_BY_NAME, hwnd, msg, name, NULL, buf, buflen);
}

HANDLE WINAPI WSAAsyncGetProtoByNumber(HWND hwnd, u_int msg, int number, char *buf, int buflen)
{
    TRACE("%p %u %d %p %d\n", hwnd, msg, number, buf, buflen);
    return start_numbered(QUERY_PROTO_BY_NUMBER, hwnd, msg, number, NULL, buf, buflen);
}

/* "WSAEALREADY: The asynchronous routine being canceled has already completed";
 * "WSAEINVAL: ... the specified asynchronous task handle was invalid". */
int WINAPI WSACancelAsyncRequest(HANDLE handle)
{
    struct async_request *req;
    int error = 0;

    TRACE("%p\n", handle);
    if (!ws2_check_started()) return SOCKET_ERROR;
    EnterCriticalSection(&pending_lock);
    for (req = pending; req && req->handle != handle; req = req->next);
    if (req && !req->cancelled) req->cancelled = TRUE;
    else if (req || (handle && HandleToULong(handle) <= (ULONG)last_handle)) error = WSAEALREADY;
    else error = WSAEINVAL;
    LeaveCriticalSection(&pending_lock);
    TRACE("-> %d\n", error);
    return error ? ws2_fail(error) : 0;
}

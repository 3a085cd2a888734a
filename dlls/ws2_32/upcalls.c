/*
 * The upcall table ws2_32 gives providers (WSPUPCALLTABLE), and
 * WPUCompleteOverlappedRequest, the one upcall ws2_32 exports instead.
 *
 * Socket handles for non-IFS providers (WPUCreateSocketHandle): Windows makes
 * them with a helper driver; here each is an unnamed manual-reset event, a
 * real kernel handle nothing else can mistake for a Wine socket, remembered
 * with the provider's context until WPUCloseSocketHandle.  They reach the
 * provider through ws2_32's calls only: kernel32 I/O on them (ReadFile, ports)
 * does not work, and WPUCompleteOverlappedRequest cannot post to a port.
 */
#include <stdlib.h>

#include "ws2_32_private.h"

struct provider_handle
{
    SOCKET handle;
    DWORD_PTR context;
};

/* The handles WPUCreateSocketHandle made and not yet closed. */
static SRWLOCK handles_lock = SRWLOCK_INIT;
static struct provider_handle *handles;
static unsigned int handle_count, handle_capacity;

static BOOL WSPAPI upcall_close_event(WSAEVENT event, int *err)
{
    if (CloseHandle(event)) return TRUE;
    *err = WSA_INVALID_HANDLE;
    return FALSE;
}

static WSAEVENT WSPAPI upcall_create_event(int *err)
{
    /* WSACreateEvent's kind: manual reset, initially non-signalled. */
    WSAEVENT event = CreateEventW(NULL, TRUE, FALSE, NULL);

    if (!event) *err = WSA_NOT_ENOUGH_MEMORY;
    return event ? event : WSA_INVALID_EVENT;
}

static BOOL WSPAPI upcall_set_event(WSAEVENT event, int *err)
{
    if (SetEvent(event)) return TRUE;
    *err = WSA_INVALID_HANDLE;
    return FALSE;
}

static BOOL WSPAPI upcall_reset_event(WSAEVENT event, int *err)
{
    if (ResetEvent(event)) return TRUE;
    *err = WSA_INVALID_HANDLE;
    return FALSE;
}

/* Queues `apc(context)` to the thread of `thread_id`; it runs when that thread waits alertably. */
static int WSPAPI upcall_queue_apc(WSATHREADID *thread_id, LPWSAUSERAPC apc, DWORD_PTR context, int *err)
{
    if (!thread_id || !apc)
    {
        *err = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if (QueueUserAPC((PAPCFUNC)apc, thread_id->ThreadHandle, context)) return 0;
    *err = WSAEINVAL;
    return SOCKET_ERROR;
}

static int WSPAPI upcall_open_current_thread(WSATHREADID *thread_id, int *err)
{
    if (!DuplicateHandle(GetCurrentProcess(), GetCurrentThread(), GetCurrentProcess(),
                         &thread_id->ThreadHandle, 0, FALSE, DUPLICATE_SAME_ACCESS))
    {
        *err = WSAENOBUFS;
        return SOCKET_ERROR;
    }
    thread_id->Reserved = 0;
    return 0;
}

static int WSPAPI upcall_close_thread(WSATHREADID *thread_id, int *err)
{
    if (CloseHandle(thread_id->ThreadHandle)) return 0;
    *err = WSAEINVAL;
    return SOCKET_ERROR;
}

/* The entry for `s`; call with handles_lock held. */
static struct provider_handle *find_handle(SOCKET s)
{
    unsigned int i;

    for (i = 0; i < handle_count; i++) if (handles[i].handle == s) return &handles[i];
    return NULL;
}

static BOOL WSPAPI upcall_post_message(HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam)
{
    BOOL (WINAPI *post)(HWND, UINT, WPARAM, LPARAM);
    HMODULE user32 = LoadLibraryW(L"user32.dll");

    /* user32 only when a provider needs it: console programs never load it. */
    post = user32 ? (void *)GetProcAddress(user32, "PostMessageW") : NULL;
    return post ? post(hwnd, msg, wparam, lparam) : FALSE;
}

static int WSPAPI upcall_query_blocking_callback(DWORD entry, LPBLOCKINGCALLBACK *callback,
                                                 DWORD_PTR *context, int *err)
{
    if (!callback || !context || !msgsock_writable(callback, sizeof(*callback)) ||
        !msgsock_writable(context, sizeof(*context)))
    {
        *err = WSAEFAULT;
        return SOCKET_ERROR;
    }
    /* Winsock 2 has no blocking hooks: "a NULL ... lpfnCallback" tells the provider to call none. */
    *callback = NULL;
    *context = 0;
    return 0;
}

static SOCKET WSPAPI upcall_modify_ifs_handle(DWORD entry, SOCKET proposed, int *err)
{
    /* IFS providers' handles are real handles: ws2_32 uses them as they are. */
    return proposed;
}

static SOCKET WSPAPI upcall_create_socket_handle(DWORD entry, DWORD_PTR context, int *err)
{
    HANDLE event = CreateEventW(NULL, TRUE, FALSE, NULL);
    struct provider_handle *grown;

    if (!event)
    {
        *err = WSAENOBUFS;
        return INVALID_SOCKET;
    }
    AcquireSRWLockExclusive(&handles_lock);
    if (handle_count == handle_capacity &&
        (grown = realloc(handles, (handle_capacity * 2 + 8) * sizeof(*handles))))
    {
        handles = grown;
        handle_capacity = handle_capacity * 2 + 8;
    }
    if (handle_count < handle_capacity) handles[handle_count++] = (struct provider_handle){ (SOCKET)event, context };
    else
    {
        CloseHandle(event);
        event = NULL;
    }
    ReleaseSRWLockExclusive(&handles_lock);
    if (!event) *err = WSAENOBUFS;
    return event ? (SOCKET)event : INVALID_SOCKET;
}

static int WSPAPI upcall_close_socket_handle(SOCKET s, int *err)
{
    struct provider_handle *entry;

    AcquireSRWLockExclusive(&handles_lock);
    if ((entry = find_handle(s))) *entry = handles[--handle_count];
    ReleaseSRWLockExclusive(&handles_lock);
    /* "WSAENOTSOCK: The descriptor is not a socket created by WPUCreateSocketHandle." */
    if (!entry)
    {
        *err = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    CloseHandle((HANDLE)s);
    return 0;
}

static int WSPAPI upcall_query_socket_handle_context(SOCKET s, DWORD_PTR *context, int *err)
{
    struct provider_handle *entry;
    int error = 0;

    if (!context || !msgsock_writable(context, sizeof(*context))) error = WSAEFAULT;
    AcquireSRWLockShared(&handles_lock);
    if (!error && !(entry = find_handle(s))) error = WSAENOTSOCK;
    else if (!error) *context = entry->context;
    ReleaseSRWLockShared(&handles_lock);
    if (!error) return 0;
    *err = error;
    return SOCKET_ERROR;
}

static int WSPAPI upcall_get_provider_path(GUID *id, WCHAR *path, int *len, int *err)
{
    int error = ws2_provider_path(id, path, len);

    if (!error) return 0;
    *err = error;
    return SOCKET_ERROR;
}

/*
 * "...signals an event found in the WSAOVERLAPPED structure referenced by
 * lpOverlapped and/or queues a completion status report to the completion
 * port associated with the socket": the status and byte count go where
 * WSAGetOverlappedResult reads them, then the event is set.
 */
int WSPAPI WPUCompleteOverlappedRequest(SOCKET s, WSAOVERLAPPED *ovl, DWORD error, DWORD bytes, int *err)
{
    BOOL known;

    AcquireSRWLockShared(&handles_lock);
    known = find_handle(s) != NULL;
    ReleaseSRWLockShared(&handles_lock);
    /* "WSAEINVAL: The socket passed in the s parameter is not a socket created by WPUCreateSocketHandle." */
    if (!known || !ovl || !msgsock_writable(ovl, sizeof(*ovl)))
    {
        if (err && msgsock_writable(err, sizeof(*err))) *err = known ? WSAEFAULT : WSAEINVAL;
        return SOCKET_ERROR;
    }
    ovl->Internal = error ? 0xc0010000 | error : 0;   /* Wine's status form of a Winsock error */
    ovl->InternalHigh = bytes;
    if (ovl->hEvent) SetEvent(ovl->hEvent);
    return 0;
}

void ws2_fill_upcalls(WSPUPCALLTABLE *upcalls)
{
    upcalls->lpWPUCloseEvent = upcall_close_event;
    upcalls->lpWPUCloseSocketHandle = upcall_close_socket_handle;
    upcalls->lpWPUCreateEvent = upcall_create_event;
    upcalls->lpWPUCreateSocketHandle = upcall_create_socket_handle;
    upcalls->lpWPUFDIsSet = __WSAFDIsSet;   /* the same test, exported */
    upcalls->lpWPUGetProviderPath = upcall_get_provider_path;
    upcalls->lpWPUModifyIFSHandle = upcall_modify_ifs_handle;
    upcalls->lpWPUPostMessage = upcall_post_message;
    upcalls->lpWPUQueryBlockingCallback = upcall_query_blocking_callback;
    upcalls->lpWPUQuerySocketHandleContext = upcall_query_socket_handle_context;
    upcalls->lpWPUQueueApc = upcall_queue_apc;
    upcalls->lpWPUResetEvent = upcall_reset_event;
    upcalls->lpWPUSetEvent = upcall_set_event;
    upcalls->lpWPUOpenCurrentThread = upcall_open_current_thread;
    upcalls->lpWPUCloseThread = upcall_close_thread;
}

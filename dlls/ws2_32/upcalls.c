/*
 * The upcall table ws2_32 gives providers (WSPUPCALLTABLE).  Thread, APC and
 * event upcalls are complete; the socket-handle ones serve IFS providers,
 * which own real handles, and fail for anything else until layered
 * providers arrive.
 */
#include "ws2_32_private.h"

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
    /* Winsock 2 has no blocking hooks: no callback, as documented for 2.x. */
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
    *err = WSAEOPNOTSUPP;
    return INVALID_SOCKET;
}

static int WSPAPI upcall_close_socket_handle(SOCKET s, int *err)
{
    *err = WSAEOPNOTSUPP;
    return SOCKET_ERROR;
}

static int WSPAPI upcall_query_socket_handle_context(SOCKET s, DWORD_PTR *context, int *err)
{
    *err = WSAEOPNOTSUPP;
    return SOCKET_ERROR;
}

static int WSPAPI upcall_get_provider_path(GUID *id, WCHAR *path, int *len, int *err)
{
    *err = WSAEOPNOTSUPP;
    return SOCKET_ERROR;
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

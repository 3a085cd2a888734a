/*
 * WSPEventSelect, WSPEnumNetworkEvents and WSPAsyncSelect over Wine's
 * server-side event select: the server records FD_* events, signals the
 * event or posts the window message, and re-enables them when it sees the
 * re-enabling call.  msgsock moves data through the host fd, so after its own
 * transfers it lets the server know (events_after_transfer).
 */
#include "provider_calls.h"
#include "msg_io.h"
#include "wine/afd.h"

/* The FD_* events Wine's server records (not FD_QOS, FD_ROUTING_INTERFACE_CHANGE...). */
#define KNOWN_EVENTS (FD_READ | FD_WRITE | FD_OOB | FD_ACCEPT | FD_CONNECT | FD_CLOSE)

/* Both kinds of selection put the socket in non-blocking mode, in Wine's server and here. */
static void selection_set(struct socket_ctx *ctx, LONG mask)
{
    ctx->nonblocking = TRUE;
    ctx->select_active = !!mask;
}

int WSPAPI wsp_event_select(SOCKET s, WSAEVENT event, LONG mask, int *err)
{
    struct socket_ctx *ctx = socket_lookup(s);
    int error;

    TRACE("socket %#Ix, event %p, mask %#lx\n", s, event, mask);
    if (!ctx) return wsp_fail(err, WSAENOTSOCK);
    if (mask & ~KNOWN_EVENTS) FIXME("events %#lx ignored\n", mask & ~KNOWN_EVENTS);
    /* "WSAEINVAL: One of the specified parameters was invalid" (here: an event handle that is not one). */
    if (!(error = afd_event_select((HANDLE)s, event, mask))) selection_set(ctx, mask);
    socket_release(ctx);
    return error ? wsp_fail(err, error) : 0;
}

int WSPAPI wsp_enum_network_events(SOCKET s, WSAEVENT event, WSANETWORKEVENTS *events, int *err)
{
    struct socket_ctx *ctx = socket_lookup(s);
    int errors[MSGSOCK_EVENT_SLOTS], error, i;
    LONG recorded;

    TRACE("socket %#Ix, event %p, events %p\n", s, event, events);
    if (!ctx) return wsp_fail(err, WSAENOTSOCK);
    /* "WSAEFAULT: The lpNetworkEvents parameter is not a valid part of the user address space." */
    if (!events || !msgsock_writable(events, sizeof(*events))) error = WSAEFAULT;
    else error = afd_get_events((HANDLE)s, &recorded, errors);
    socket_release(ctx);
    if (error) return wsp_fail(err, error);
    events->lNetworkEvents = recorded;
    /* Only the slots of the events reported are written; Windows leaves the others alone. */
    for (i = 0; i < FD_MAX_EVENTS; i++)
        if (recorded & (1 << i)) events->iErrorCode[i] = i < MSGSOCK_EVENT_SLOTS ? errors[i] : 0;
    /* "The socket's internal record of network events is copied ... after which the internal
     * network events record is cleared.  If the hEventObject parameter is not NULL, the indicated
     * event object is also reset." */
    if (event && !ResetEvent(event)) return wsp_fail(err, WSAEINVAL);
    return 0;
}

/* IsWindow without importing user32: a program that has windows has it loaded. */
static BOOL is_window(HWND hwnd)
{
    HMODULE user32 = GetModuleHandleW(L"user32.dll");
    BOOL (WINAPI *is_window_fn)(HWND);

    if (!hwnd || !user32) return FALSE;
    is_window_fn = (void *)GetProcAddress(user32, "IsWindow");
    return is_window_fn && is_window_fn(hwnd);
}

int WSPAPI wsp_async_select(SOCKET s, HWND hwnd, unsigned int msg, LONG mask, int *err)
{
    struct socket_ctx *ctx = socket_lookup(s);
    int error;

    TRACE("socket %#Ix, hwnd %p, msg %#x, mask %#lx\n", s, hwnd, msg, mask);
    if (!ctx) return wsp_fail(err, WSAENOTSOCK);
    /* "WSAEINVAL: ... such as the window handle not referring to an existing window" */
    if (mask && !is_window(hwnd)) error = WSAEINVAL;
    else if (!(error = afd_message_select((HANDLE)s, mask ? hwnd : NULL, msg, mask))) selection_set(ctx, mask);
    socket_release(ctx);
    return error ? wsp_fail(err, error) : 0;
}

void events_after_transfer(struct socket_ctx *ctx, BOOL is_send, DWORD flags, int error)
{
    /* "FD_READ ... re-enabling function: recv, recvfrom, WSARecv, WSARecvEx, or WSARecvFrom"
     * "FD_WRITE ... re-enabling function: send, sendto, WSASend, or WSASendTo" (after WSAEWOULDBLOCK) */
    if (!is_send) afd_rearm_read((HANDLE)ctx->handle, !!(flags & MSG_OOB));
    else if (error == WSAEWOULDBLOCK) afd_rearm_write((HANDLE)ctx->handle);
}

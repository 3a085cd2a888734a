/* select, WSAPoll, __WSAFDIsSet and the event/message selection calls, dispatched to the provider. */
#include "ws2_32_private.h"

int WINAPI __WSAFDIsSet(SOCKET s, fd_set *set)
{
    unsigned int i;

    for (i = 0; i < set->fd_count; i++)
        if (set->fd_array[i] == s) return TRUE;
    return FALSE;
}

int WINAPI select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds, const PTIMEVAL timeout)
{
    const WSPPROC_TABLE *table = ws2_provider_for_new(AF_UNSPEC, 0, 0, NULL);
    int error, ret;

    if (!table) return SOCKET_ERROR;
    ret = table->lpWSPSelect(nfds, readfds, writefds, exceptfds, timeout, &error);
    return ws2_result(ret, &error);
}

int WINAPI WSAPoll(WSAPOLLFD *fds, ULONG count, INT timeout)
{
    static const GUID poll_id = WSAID_WSAPOLL;
    LPFN_WSAPOLL provider_poll = NULL;
    ULONG i;

    if (!ws2_check_started()) return SOCKET_ERROR;
    if (!count) return ws2_fail(WSAEINVAL);
    if (count > MAXLONG / sizeof(*fds) || !msgsock_readable(fds, count * sizeof(*fds))) return ws2_fail(WSAEFAULT);
    /* The provider of the first socket in the array answers for the whole array. */
    for (i = 0; i < count && !provider_poll; i++)
        if ((INT_PTR)fds[i].fd >= 0) provider_poll = ws2_provider_extension(fds[i].fd, &poll_id);
    /* "WSAEINVAL ... if none of the sockets specified in the fd member ... were valid" */
    if (!provider_poll) return ws2_fail(WSAEINVAL);
    return provider_poll(fds, count, timeout);
}

int WINAPI WSAEventSelect(SOCKET s, WSAEVENT event, LONG mask)
{
    const WSPPROC_TABLE *table = ws2_provider_for_socket(s);
    int error;

    if (!table) return SOCKET_ERROR;
    return ws2_result(table->lpWSPEventSelect(s, event, mask, &error), &error);
}

int WINAPI WSAEnumNetworkEvents(SOCKET s, WSAEVENT event, WSANETWORKEVENTS *events)
{
    const WSPPROC_TABLE *table = ws2_provider_for_socket(s);
    int error;

    if (!table) return SOCKET_ERROR;
    return ws2_result(table->lpWSPEnumNetworkEvents(s, event, events, &error), &error);
}

int WINAPI WSAAsyncSelect(SOCKET s, HWND hwnd, u_int msg, LONG mask)
{
    const WSPPROC_TABLE *table = ws2_provider_for_socket(s);
    int error;

    if (!table) return SOCKET_ERROR;
    return ws2_result(table->lpWSPAsyncSelect(s, hwnd, msg, mask, &error), &error);
}

/* select, WSAPoll and __WSAFDIsSet. */
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

/* WSAGetOverlappedResult and the event helpers that are not plain kernel32 forwards. */
#include "ws2_32_private.h"

BOOL WINAPI WSAGetOverlappedResult(SOCKET s, WSAOVERLAPPED *ovl, DWORD *transferred, BOOL wait, DWORD *flags)
{
    const WSPPROC_TABLE *table = ws2_provider_for_socket(s);
    int error;

    if (!table) return FALSE;
    if (table->lpWSPGetOverlappedResult(s, ovl, transferred, wait, flags, &error)) return TRUE;
    SetLastError(error);
    return FALSE;
}

WSAEVENT WINAPI WSACreateEvent(void)
{
    /* "The WSACreateEvent function creates a manual-reset event object with an initial state of nonsignaled." */
    WSAEVENT event = CreateEventW(NULL, TRUE, FALSE, NULL);

    if (!event) SetLastError(WSA_NOT_ENOUGH_MEMORY);
    return event ? event : WSA_INVALID_EVENT;
}

BOOL WINAPI WSACloseEvent(WSAEVENT event)
{
    if (CloseHandle(event)) return TRUE;
    SetLastError(WSA_INVALID_HANDLE);
    return FALSE;
}

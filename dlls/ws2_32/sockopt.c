/* getsockopt, setsockopt, ioctlsocket and WSAIoctl, dispatched to the provider. */
#include "ws2_32_private.h"

/* Windows' getsockopt, setsockopt and WSAIoctl also clear the thread's error when they succeed. */
static int ws2_option_result(int ret, const int *error)
{
    if (!ret) SetLastError(0);
    return ws2_result(ret, error);
}

int WINAPI getsockopt(SOCKET s, int level, int name, char *value, int *len)
{
    const WSPPROC_TABLE *table = ws2_provider_for_socket(s);
    int error;

    if (!table) return SOCKET_ERROR;
    return ws2_option_result(table->lpWSPGetSockOpt(s, level, name, value, len, &error), &error);
}

int WINAPI setsockopt(SOCKET s, int level, int name, const char *value, int len)
{
    const WSPPROC_TABLE *table = ws2_provider_for_socket(s);
    int error;

    if (!table) return SOCKET_ERROR;
    return ws2_option_result(table->lpWSPSetSockOpt(s, level, name, value, len, &error), &error);
}

int WINAPI WSAIoctl(SOCKET s, DWORD code, void *in, DWORD in_len, void *out, DWORD out_len, DWORD *returned,
                    WSAOVERLAPPED *ovl, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    const WSPPROC_TABLE *table = ws2_provider_for_socket(s);
    WSATHREADID *thread = routine ? ws2_current_thread_id() : NULL;
    int error;

    if (!table) return SOCKET_ERROR;
    return ws2_option_result(table->lpWSPIoctl(s, code, in, in_len, out, out_len, returned, ovl, routine, thread,
                                               &error), &error);
}

int WINAPI ioctlsocket(SOCKET s, LONG cmd, ULONG *arg)
{
    DWORD returned;

    if (!arg) return ws2_fail(WSAEFAULT);
    /* FIONBIO's argument is input; FIONREAD and SIOCATMARK write the answer back. */
    if (cmd == (LONG)FIONBIO) return WSAIoctl(s, cmd, arg, sizeof(*arg), NULL, 0, &returned, NULL, NULL);
    return WSAIoctl(s, cmd, NULL, 0, arg, sizeof(*arg), &returned, NULL, NULL);
}

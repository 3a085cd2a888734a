/*
 * getsockopt, setsockopt, ioctlsocket and WSAIoctl, dispatched to the provider;
 * SO_OPENTYPE, a setting of the calling thread rather than of a socket, is kept here.
 */
#include <string.h>

#include "ws2_32_private.h"

/* The thread's SO_OPENTYPE, stored in the TLS slot itself (0, a new thread's value, is overlapped). */
static INIT_ONCE open_type_once = INIT_ONCE_STATIC_INIT;
static DWORD open_type_slot = TLS_OUT_OF_INDEXES;

static BOOL WINAPI alloc_open_type_slot(INIT_ONCE *once, void *param, void **context)
{
    open_type_slot = TlsAlloc();
    return TRUE;
}

DWORD ws2_open_type(void)
{
    InitOnceExecuteOnce(&open_type_once, alloc_open_type_slot, NULL, NULL);
    if (open_type_slot == TLS_OUT_OF_INDEXES) return 0;
    return (DWORD)(ULONG_PTR)TlsGetValue(open_type_slot);
}

static BOOL is_open_type(int level, int name)
{
    return level == SOL_SOCKET && name == SO_OPENTYPE;
}

/*
 * "SO_OPENTYPE ... Once set, affects whether subsequent sockets that are created will be
 * non-overlapped."  Whatever the handle (Windows takes INVALID_SOCKET or a file); an optlen
 * below 4 is WSAEFAULT, a negative one reads as large, as Windows does.
 */
static int get_open_type(char *value, int *len)
{
    DWORD type = ws2_open_type();

    if (!len || !msgsock_writable(len, sizeof(*len)) || (unsigned int)*len < sizeof(type) ||
        !value || !msgsock_writable(value, sizeof(type)))
        return ws2_fail(WSAEFAULT);
    memcpy(value, &type, sizeof(type));
    *len = sizeof(type);
    TRACE("SO_OPENTYPE %#lx\n", type);
    SetLastError(0);
    return 0;
}

static int set_open_type(const char *value, int len)
{
    DWORD type;

    if ((unsigned int)len < sizeof(type) || !value || !msgsock_readable(value, sizeof(type)))
        return ws2_fail(WSAEFAULT);
    memcpy(&type, value, sizeof(type));
    InitOnceExecuteOnce(&open_type_once, alloc_open_type_slot, NULL, NULL);
    if (open_type_slot == TLS_OUT_OF_INDEXES || !TlsSetValue(open_type_slot, (void *)(ULONG_PTR)type))
        return ws2_fail(WSAENOBUFS);
    TRACE("SO_OPENTYPE set to %#lx\n", type);
    SetLastError(0);
    return 0;
}

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
    if (is_open_type(level, name)) return get_open_type(value, len);
    return ws2_option_result(table->lpWSPGetSockOpt(s, level, name, value, len, &error), &error);
}

int WINAPI setsockopt(SOCKET s, int level, int name, const char *value, int len)
{
    const WSPPROC_TABLE *table = ws2_provider_for_socket(s);
    int error;

    if (!table) return SOCKET_ERROR;
    if (is_open_type(level, name)) return set_open_type(value, len);
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

/* Socket creation, closing and addresses, dispatched to the provider. */
#include "ws2_32_private.h"

SOCKET WINAPI WSASocketW(int af, int type, int protocol, WSAPROTOCOL_INFOW *info, GROUP group, DWORD flags)
{
    SOCKET s;
    int error;

    if (!ws2_check_started()) return INVALID_SOCKET;
    if (info && !msgsock_readable(info, sizeof(*info)))
    {
        SetLastError(WSAEFAULT);
        return INVALID_SOCKET;
    }
    s = ws2_provider_socket(af, type, protocol, info, group, flags, &error);
    if (s == INVALID_SOCKET) SetLastError(error);
    else SetLastError(0);
    TRACE("af %d type %d protocol %d flags %#lx -> %#Ix\n", af, type, protocol, flags, s);
    return s;
}

SOCKET WINAPI WSASocketA(int af, int type, int protocol, WSAPROTOCOL_INFOA *info, GROUP group, DWORD flags)
{
    WSAPROTOCOL_INFOW infow;

    if (!info) return WSASocketW(af, type, protocol, NULL, group, flags);
    if (!msgsock_readable(info, sizeof(*info)))
    {
        SetLastError(WSAEFAULT);
        return INVALID_SOCKET;
    }
    /* The structures differ only in the trailing protocol name. */
    memcpy(&infow, info, FIELD_OFFSET(WSAPROTOCOL_INFOW, szProtocol));
    if (!MultiByteToWideChar(CP_ACP, 0, info->szProtocol, -1, infow.szProtocol, WSAPROTOCOL_LEN + 1))
        infow.szProtocol[0] = 0;
    return WSASocketW(af, type, protocol, &infow, group, flags);
}

SOCKET WINAPI socket(int af, int type, int protocol)
{
    /* socket() makes overlapped sockets, "Once set, [SO_OPENTYPE] affects whether subsequent sockets
     * that are created will be non-overlapped." */
    return WSASocketW(af, type, protocol, NULL, 0, ws2_open_type() ? 0 : WSA_FLAG_OVERLAPPED);
}

int WINAPI closesocket(SOCKET s)
{
    const WSPPROC_TABLE *table = ws2_provider_for_socket(s);
    int error, ret;

    if (!table) return SOCKET_ERROR;
    ret = table->lpWSPCloseSocket(s, &error);
    if (!ret) ws2_provider_forget(s);
    return ws2_result(ret, &error);
}

int WINAPI bind(SOCKET s, const struct sockaddr *name, int namelen)
{
    const WSPPROC_TABLE *table = ws2_provider_for_socket(s);
    int error;

    if (!table) return SOCKET_ERROR;
    return ws2_result(table->lpWSPBind(s, name, namelen, &error), &error);
}

int WINAPI WSAConnect(SOCKET s, const struct sockaddr *name, int namelen, WSABUF *caller_data,
                      WSABUF *callee_data, QOS *sqos, QOS *gqos)
{
    const WSPPROC_TABLE *table = ws2_provider_for_socket(s);
    int error;

    if (!table) return SOCKET_ERROR;
    return ws2_result(table->lpWSPConnect(s, name, namelen, caller_data, callee_data, sqos, gqos, &error),
                      &error);
}

int WINAPI connect(SOCKET s, const struct sockaddr *name, int namelen)
{
    return WSAConnect(s, name, namelen, NULL, NULL, NULL, NULL);
}

int WINAPI getsockname(SOCKET s, struct sockaddr *name, int *namelen)
{
    const WSPPROC_TABLE *table = ws2_provider_for_socket(s);
    int error;

    if (!table) return SOCKET_ERROR;
    return ws2_result(table->lpWSPGetSockName(s, name, namelen, &error), &error);
}

int WINAPI getpeername(SOCKET s, struct sockaddr *name, int *namelen)
{
    const WSPPROC_TABLE *table = ws2_provider_for_socket(s);
    int error;

    if (!table) return SOCKET_ERROR;
    return ws2_result(table->lpWSPGetPeerName(s, name, namelen, &error), &error);
}

int WINAPI listen(SOCKET s, int backlog)
{
    const WSPPROC_TABLE *table = ws2_provider_for_socket(s);
    int error;

    if (!table) return SOCKET_ERROR;
    return ws2_result(table->lpWSPListen(s, backlog, &error), &error);
}

int WINAPI shutdown(SOCKET s, int how)
{
    const WSPPROC_TABLE *table = ws2_provider_for_socket(s);
    int error;

    if (!table) return SOCKET_ERROR;
    return ws2_result(table->lpWSPShutdown(s, how, &error), &error);
}

/*
 * TCP/IP carries no disconnect data: "implementations of TCP/IP that do not support disconnect data are not
 * required to return the WSAENOPROTOOPT error code", so the data is left alone and the direction shut down.
 */
int WINAPI WSASendDisconnect(SOCKET s, WSABUF *data)
{
    TRACE("socket %#Ix data %p\n", s, data);
    return shutdown(s, SD_SEND);
}

int WINAPI WSARecvDisconnect(SOCKET s, WSABUF *data)
{
    TRACE("socket %#Ix data %p\n", s, data);
    return shutdown(s, SD_RECEIVE);
}

SOCKET WINAPI WSAAccept(SOCKET s, struct sockaddr *addr, int *addrlen, LPCONDITIONPROC condition, DWORD_PTR data)
{
    const WSPPROC_TABLE *table = ws2_provider_for_socket(s);
    SOCKET accepted;
    int error;

    if (!table) return INVALID_SOCKET;
    accepted = table->lpWSPAccept(s, addr, addrlen, condition, data, &error);
    if (accepted == INVALID_SOCKET) SetLastError(error);
    return accepted;
}

SOCKET WINAPI accept(SOCKET s, struct sockaddr *addr, int *addrlen)
{
    return WSAAccept(s, addr, addrlen, NULL, 0);
}

int WINAPI WSADuplicateSocketW(SOCKET s, DWORD pid, WSAPROTOCOL_INFOW *info)
{
    const WSPPROC_TABLE *table = ws2_provider_for_socket(s);
    int error;

    if (!table) return SOCKET_ERROR;
    return ws2_result(table->lpWSPDuplicateSocket(s, pid, info, &error), &error);
}

int WINAPI WSADuplicateSocketA(SOCKET s, DWORD pid, WSAPROTOCOL_INFOA *info)
{
    WSAPROTOCOL_INFOW infow;

    if (!ws2_check_started()) return SOCKET_ERROR;
    /* The socket is judged first (WSAENOTSOCK), then the structure, as the provider does. */
    if (!info) return WSADuplicateSocketW(s, pid, NULL);
    if (!msgsock_writable(info, sizeof(*info))) return ws2_fail(WSAEFAULT);
    if (WSADuplicateSocketW(s, pid, &infow)) return SOCKET_ERROR;
    /* The structures differ only in the trailing protocol name. */
    memcpy(info, &infow, FIELD_OFFSET(WSAPROTOCOL_INFOW, szProtocol));
    WideCharToMultiByte(CP_ACP, 0, infow.szProtocol, -1, info->szProtocol, sizeof(info->szProtocol), NULL, NULL);
    return 0;
}

/* Helpers for the message-path tests. */
#include <stdio.h>
#include <string.h>

#include "msg_util.h"

SOCKET udp_bound(int family, const char *addr, DWORD flags, SOCKADDR_STORAGE *bound)
{
    SOCKET s = WSASocketW(family, SOCK_DGRAM, IPPROTO_UDP, NULL, 0, flags);
    int len = sizeof(*bound);

    if (s == INVALID_SOCKET) fatal("WSASocketW(%d) failed: %d", family, WSAGetLastError());
    memset(bound, 0, sizeof(*bound));
    bound->ss_family = family;
    if (family == AF_INET) inet_pton(AF_INET, addr, &((SOCKADDR_IN *)bound)->sin_addr);
    else inet_pton(AF_INET6, addr, &((SOCKADDR_IN6 *)bound)->sin6_addr);
    if (bind(s, (SOCKADDR *)bound, addr_len(bound))) fatal("bind(%s) failed: %d", addr, WSAGetLastError());
    if (getsockname(s, (SOCKADDR *)bound, &len)) fatal("getsockname failed: %d", WSAGetLastError());
    return s;
}

int addr_len(const SOCKADDR_STORAGE *addr)
{
    return addr->ss_family == AF_INET6 ? sizeof(SOCKADDR_IN6) : sizeof(SOCKADDR_IN);
}

const char *addr_text(const SOCKADDR_STORAGE *addr)
{
    static char text[64];

    if (addr->ss_family == AF_INET6)
        inet_ntop(AF_INET6, &((const SOCKADDR_IN6 *)addr)->sin6_addr, text, sizeof(text));
    else
        inet_ntop(AF_INET, &((const SOCKADDR_IN *)addr)->sin_addr, text, sizeof(text));
    return text;
}

static void *get_extension(SOCKET s, GUID guid)
{
    void *fn = NULL;
    DWORD bytes;

    if (WSAIoctl(s, SIO_GET_EXTENSION_FUNCTION_POINTER, &guid, sizeof(guid), &fn, sizeof(fn), &bytes,
                 NULL, NULL))
        fatal("SIO_GET_EXTENSION_FUNCTION_POINTER failed: %d", WSAGetLastError());
    return fn;
}

LPFN_WSARECVMSG get_recvmsg(SOCKET s)
{
    return (LPFN_WSARECVMSG)get_extension(s, (GUID)WSAID_WSARECVMSG);
}

LPFN_WSASENDMSG get_sendmsg(SOCKET s)
{
    return (LPFN_WSASENDMSG)get_extension(s, (GUID)WSAID_WSASENDMSG);
}

void cmsg_put(char *buf, ULONG *used, int level, int type, const void *data, size_t len)
{
    WSACMSGHDR *cmsg = (WSACMSGHDR *)(buf + *used);

    cmsg->cmsg_len = WSA_CMSG_LEN(len);
    cmsg->cmsg_level = level;
    cmsg->cmsg_type = type;
    memcpy(WSA_CMSG_DATA(cmsg), data, len);
    *used += WSA_CMSG_SPACE(len);
}

void *cmsg_find(const WSAMSG *msg, int level, int type)
{
    WSACMSGHDR *cmsg;

    for (cmsg = WSA_CMSG_FIRSTHDR(msg); cmsg; cmsg = WSA_CMSG_NXTHDR(msg, cmsg))
        if (cmsg->cmsg_level == level && cmsg->cmsg_type == type) return WSA_CMSG_DATA(cmsg);
    return NULL;
}

int send_msg(SOCKET s, const SOCKADDR_STORAGE *to, const char *data, ULONG len, char *control,
             ULONG control_len, DWORD *sent)
{
    WSABUF buf = { len, (char *)data };
    WSAMSG msg = { 0 };

    msg.name = (SOCKADDR *)to;
    msg.namelen = to ? addr_len(to) : 0;
    msg.lpBuffers = &buf;
    msg.dwBufferCount = 1;
    msg.Control.buf = control;
    msg.Control.len = control_len;
    return WSASendMsg(s, &msg, 0, sent, NULL, NULL);
}

void recv_msg_init(WSAMSG *msg, WSABUF *buf, char *data, ULONG len, SOCKADDR_STORAGE *from,
                   char *control, ULONG control_len)
{
    memset(msg, 0, sizeof(*msg));
    buf->buf = data;
    buf->len = len;
    msg->name = (SOCKADDR *)from;
    msg->namelen = from ? sizeof(*from) : 0;
    msg->lpBuffers = buf;
    msg->dwBufferCount = 1;
    msg->Control.buf = control;
    msg->Control.len = control_len;
}

BOOL wait_readable(SOCKET s, DWORD ms)
{
    DWORD start = GetTickCount();
    u_long bytes = 0;

    while (GetTickCount() - start < ms)
    {
        if (!ioctlsocket(s, FIONREAD, &bytes) && bytes) return TRUE;
        Sleep(5);
    }
    return FALSE;
}

void make_addr(SOCKADDR_STORAGE *addr, int family, const char *text, USHORT port)
{
    memset(addr, 0, sizeof(*addr));
    addr->ss_family = family;
    if (family == AF_INET)
    {
        inet_pton(AF_INET, text, &((SOCKADDR_IN *)addr)->sin_addr);
        ((SOCKADDR_IN *)addr)->sin_port = htons(port);
    }
    else
    {
        inet_pton(AF_INET6, text, &((SOCKADDR_IN6 *)addr)->sin6_addr);
        ((SOCKADDR_IN6 *)addr)->sin6_port = htons(port);
    }
}

USHORT addr_port(const SOCKADDR_STORAGE *addr)
{
    return ntohs(addr->ss_family == AF_INET ? ((const SOCKADDR_IN *)addr)->sin_port
                                            : ((const SOCKADDR_IN6 *)addr)->sin6_port);
}

int recv_datagram(SOCKET s, char *data, ULONG len, SOCKADDR_STORAGE *from, WSAMSG *msg, char *control,
                  ULONG control_len)
{
    LPFN_WSARECVMSG fn = get_recvmsg(s);
    DWORD received = 0;
    WSABUF buf;

    if (!wait_readable(s, 2000)) return -1;
    recv_msg_init(msg, &buf, data, len, from, control, control_len);
    if (fn(s, msg, &received, NULL, NULL)) return -1;
    return received;
}

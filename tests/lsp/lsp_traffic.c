/*
 * lsp_traffic.exe: an ordinary Winsock program (it knows nothing of layered
 * providers) that test_lsp runs as a child: UDP sendto/recvfrom, WSASendMsg /
 * WSARecvMsg through WSAIoctl, and a TCP connection's send.  Its exit code is
 * the number of steps that failed.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <mswsock.h>
#include <stdio.h>
#include <string.h>

static int failures;

static void check(BOOL cond, const char *what)
{
    if (cond) return;
    printf("lsp_traffic: %s failed: %d\n", what, WSAGetLastError());
    failures++;
}

static SOCKET bound(int type, struct sockaddr_in *addr)
{
    SOCKET s = socket(AF_INET, type, 0);
    int len = sizeof(*addr);

    memset(addr, 0, sizeof(*addr));
    addr->sin_family = AF_INET;
    addr->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    check(s != INVALID_SOCKET && !bind(s, (struct sockaddr *)addr, sizeof(*addr)) &&
          !getsockname(s, (struct sockaddr *)addr, &len), "bind");
    return s;
}

static void *extension(SOCKET s, GUID id)
{
    void *fn = NULL;
    DWORD bytes;

    check(!WSAIoctl(s, SIO_GET_EXTENSION_FUNCTION_POINTER, &id, sizeof(id), &fn, sizeof(fn), &bytes, NULL, NULL),
          "extension lookup");
    return fn;
}

static void udp_traffic(void)
{
    struct sockaddr_in a_addr, b_addr, from;
    SOCKET a = bound(SOCK_DGRAM, &a_addr), b = bound(SOCK_DGRAM, &b_addr);
    LPFN_WSASENDMSG sendmsg_fn = extension(a, (GUID)WSAID_WSASENDMSG);
    LPFN_WSARECVMSG recvmsg_fn = extension(b, (GUID)WSAID_WSARECVMSG);
    char data[] = "through the layer", got[64];
    WSABUF buf = { sizeof(data), data }, in = { sizeof(got), got };
    WSAMSG msg = { 0 };
    int fromlen = sizeof(from);
    DWORD bytes = 0;

    check(sendto(a, data, sizeof(data), 0, (struct sockaddr *)&b_addr, sizeof(b_addr)) == sizeof(data), "sendto");
    check(recvfrom(b, got, sizeof(got), 0, (struct sockaddr *)&from, &fromlen) == sizeof(data), "recvfrom");
    if (sendmsg_fn && recvmsg_fn)
    {
        msg.name = (struct sockaddr *)&b_addr;
        msg.namelen = sizeof(b_addr);
        msg.lpBuffers = &buf;
        msg.dwBufferCount = 1;
        check(!sendmsg_fn(a, &msg, 0, &bytes, NULL, NULL) && bytes == sizeof(data), "WSASendMsg");
        memset(&msg, 0, sizeof(msg));
        msg.name = (struct sockaddr *)&from;
        msg.namelen = sizeof(from);
        msg.lpBuffers = &in;
        msg.dwBufferCount = 1;
        check(!recvmsg_fn(b, &msg, &bytes, NULL, NULL) && bytes == sizeof(data), "WSARecvMsg");
    }
    closesocket(a);
    closesocket(b);
}

static void tcp_traffic(void)
{
    struct sockaddr_in addr;
    SOCKET listener = bound(SOCK_STREAM, &addr), client = socket(AF_INET, SOCK_STREAM, 0);

    check(!listen(listener, 1), "listen");
    /* The listen backlog takes the connection and its data: no accept needed. */
    check(!connect(client, (struct sockaddr *)&addr, sizeof(addr)), "connect");
    check(send(client, "tcp", 3, 0) == 3, "send");
    closesocket(client);
    closesocket(listener);
}

int main(void)
{
    WSADATA data;

    if (WSAStartup(MAKEWORD(2, 2), &data)) return 100;
    udp_traffic();
    tcp_traffic();
    WSACleanup();
    return failures;
}

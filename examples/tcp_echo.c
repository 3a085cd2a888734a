/*
 * tcp_echo: an ordinary Windows program.  A TCP echo server (accept loop, one
 * thread per connection) on 127.0.0.1 and several client threads that send
 * messages of different sizes and check the echo.  Prints "OK" at the end and
 * exits 0 when every byte came back.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <stdio.h>
#include <string.h>

#define CLIENTS 3
#define ROUNDS 4

static SOCKADDR_IN server_addr;
static LONG failures;

static void fail(const char *what)
{
    printf("FAILED: %s (error %d)\n", what, WSAGetLastError());
    InterlockedIncrement(&failures);
}

/* Echoes everything back until the client closes its side. */
static DWORD WINAPI serve_connection(void *param)
{
    SOCKET s = (SOCKET)param;
    char buf[4096];
    int n, sent, ret;

    while ((n = recv(s, buf, sizeof(buf), 0)) > 0)
    {
        for (sent = 0; sent < n; sent += ret)
            if ((ret = send(s, buf + sent, n - sent, 0)) <= 0) { fail("server send"); break; }
    }
    if (n < 0) fail("server recv");
    closesocket(s);
    return 0;
}

static DWORD WINAPI accept_loop(void *param)
{
    SOCKET listener = (SOCKET)param, s;
    HANDLE threads[CLIENTS];
    int i;

    for (i = 0; i < CLIENTS; i++)
    {
        SOCKADDR_IN peer;
        int len = sizeof(peer);

        if ((s = accept(listener, (SOCKADDR *)&peer, &len)) == INVALID_SOCKET) { fail("accept"); break; }
        printf("server: connection %d from %s:%u\n", i + 1, inet_ntoa(peer.sin_addr), ntohs(peer.sin_port));
        threads[i] = CreateThread(NULL, 0, serve_connection, (void *)s, 0, NULL);
    }
    WaitForMultipleObjects(i, threads, TRUE, INFINITE);
    while (i--) CloseHandle(threads[i]);
    return 0;
}

static BOOL recv_exactly(SOCKET s, char *buf, int len)
{
    int got = 0, n;

    while (got < len)
    {
        if ((n = recv(s, buf + got, len - got, 0)) <= 0) return FALSE;
        got += n;
    }
    return TRUE;
}

static DWORD WINAPI client(void *param)
{
    int id = (int)(INT_PTR)param, round, len, i;
    static char out[CLIENTS][65536], in[CLIENTS][65536];
    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);

    if (connect(s, (SOCKADDR *)&server_addr, sizeof(server_addr))) { fail("connect"); return 1; }
    for (round = 0, len = 1; round < ROUNDS; round++, len *= 37)
    {
        for (i = 0; i < len; i++) out[id][i] = (char)(id * 31 + round * 7 + i);
        if (send(s, out[id], len, 0) != len) { fail("client send"); break; }
        if (!recv_exactly(s, in[id], len) || memcmp(in[id], out[id], len)) { fail("echo differs"); break; }
        printf("client %d: %d bytes echoed\n", id, len);
    }
    shutdown(s, SD_SEND);
    if (recv(s, in[id], 1, 0) != 0) fail("end of stream after shutdown");
    closesocket(s);
    return 0;
}

int main(void)
{
    HANDLE server, clients[CLIENTS];
    int len = sizeof(server_addr), i;
    SOCKET listener;
    WSADATA wsa;

    if (WSAStartup(MAKEWORD(2, 2), &wsa)) { printf("WSAStartup failed\n"); return 1; }
    listener = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    memset(&server_addr, 0, sizeof(server_addr));
    server_addr.sin_family = AF_INET;
    server_addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(listener, (SOCKADDR *)&server_addr, sizeof(server_addr)) || listen(listener, SOMAXCONN) ||
        getsockname(listener, (SOCKADDR *)&server_addr, &len))
    {
        printf("cannot listen: %d\n", WSAGetLastError());
        return 1;
    }
    printf("server: listening on 127.0.0.1:%u\n", ntohs(server_addr.sin_port));
    server = CreateThread(NULL, 0, accept_loop, (void *)listener, 0, NULL);
    for (i = 0; i < CLIENTS; i++) clients[i] = CreateThread(NULL, 0, client, (void *)(INT_PTR)i, 0, NULL);
    WaitForMultipleObjects(CLIENTS, clients, TRUE, INFINITE);
    WaitForSingleObject(server, INFINITE);
    closesocket(listener);
    WSACleanup();
    if (failures) { printf("%ld failures\n", failures); return 1; }
    printf("OK\n");
    return 0;
}

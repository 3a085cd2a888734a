/*
 * udp_echo: an ordinary Windows program.  A UDP echo server thread on
 * 127.0.0.1 answers each datagram with recvfrom/sendto; the client sends
 * datagrams of several sizes and checks each echo and its sender.  Prints "OK"
 * at the end and exits 0 when every datagram came back intact.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <stdio.h>
#include <string.h>

static DWORD WINAPI echo_server(void *param)
{
    SOCKET s = (SOCKET)param;
    char buf[65536];
    SOCKADDR_IN from;
    int len, n;

    for (;;)
    {
        len = sizeof(from);
        if ((n = recvfrom(s, buf, sizeof(buf), 0, (SOCKADDR *)&from, &len)) < 0)
        {
            printf("server recvfrom failed: %d\n", WSAGetLastError());
            return 1;
        }
        if (n == 4 && !memcmp(buf, "quit", 4)) return 0;
        if (sendto(s, buf, n, 0, (SOCKADDR *)&from, len) != n)
            printf("server sendto failed: %d\n", WSAGetLastError());
    }
}

int main(void)
{
    static const int sizes[] = { 1, 100, 1400, 9000, 60000 };
    static char out[65536], in[65536];
    SOCKADDR_IN server_addr = { 0 }, from;
    SOCKET server, client;
    int len = sizeof(server_addr), i, j, n, failures = 0;
    DWORD timeout = 5000;
    HANDLE thread;
    WSADATA wsa;

    if (WSAStartup(MAKEWORD(2, 2), &wsa)) { printf("WSAStartup failed\n"); return 1; }
    server = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    server_addr.sin_family = AF_INET;
    server_addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(server, (SOCKADDR *)&server_addr, sizeof(server_addr)) ||
        getsockname(server, (SOCKADDR *)&server_addr, &len))
    {
        printf("cannot bind: %d\n", WSAGetLastError());
        return 1;
    }
    printf("server: 127.0.0.1:%u\n", ntohs(server_addr.sin_port));
    thread = CreateThread(NULL, 0, echo_server, (void *)server, 0, NULL);

    client = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, (char *)&timeout, sizeof(timeout));
    for (i = 0; i < (int)(sizeof(sizes) / sizeof(sizes[0])); i++)
    {
        for (j = 0; j < sizes[i]; j++) out[j] = (char)(i + j);
        if (sendto(client, out, sizes[i], 0, (SOCKADDR *)&server_addr, sizeof(server_addr)) != sizes[i])
        {
            printf("sendto %d bytes failed: %d\n", sizes[i], WSAGetLastError());
            failures++;
            continue;
        }
        len = sizeof(from);
        n = recvfrom(client, in, sizeof(in), 0, (SOCKADDR *)&from, &len);
        if (n != sizes[i] || memcmp(in, out, n) || from.sin_port != server_addr.sin_port)
        {
            printf("echo of %d bytes: got %d (error %d)\n", sizes[i], n, WSAGetLastError());
            failures++;
            continue;
        }
        printf("client: %d-byte datagram echoed by %s:%u\n", n, inet_ntoa(from.sin_addr), ntohs(from.sin_port));
    }
    sendto(client, "quit", 4, 0, (SOCKADDR *)&server_addr, sizeof(server_addr));
    WaitForSingleObject(thread, INFINITE);
    closesocket(client);
    closesocket(server);
    WSACleanup();
    if (failures) { printf("%d failures\n", failures); return 1; }
    printf("OK\n");
    return 0;
}

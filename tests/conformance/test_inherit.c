/*
 * What an accepted socket takes from its listener, and the order of
 * WSADuplicateSocket's checks.
 */
#include "tcp_util.h"

/* accept: "The newly created socket is the socket that will handle the actual connection; it has the same
 * properties as socket s" (its SO_RCVTIMEO / SO_SNDTIMEO among them). */
static void test_accept_timeouts(void)
{
    SOCKADDR_STORAGE addr;
    SOCKET listener = tcp_listener(AF_INET, WSA_FLAG_OVERLAPPED, &addr), client, server;
    DWORD value = 0x123;
    int len = sizeof(value);

    ok(!setsockopt(listener, SOL_SOCKET, SO_RCVTIMEO, (char *)&value, sizeof(value)), "SO_RCVTIMEO: %d",
       WSAGetLastError());
    ok(!setsockopt(listener, SOL_SOCKET, SO_SNDTIMEO, (char *)&value, sizeof(value)), "SO_SNDTIMEO: %d",
       WSAGetLastError());
    client = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ok(!connect(client, (SOCKADDR *)&addr, sizeof(SOCKADDR_IN)), "connect: %d", WSAGetLastError());
    server = accept(listener, NULL, NULL);
    value = 0;
    ok(!getsockopt(server, SOL_SOCKET, SO_RCVTIMEO, (char *)&value, &len) && value == 0x123, "SO_RCVTIMEO %#lx",
       value);
    value = 0;
    len = sizeof(value);
    ok(!getsockopt(server, SOL_SOCKET, SO_SNDTIMEO, (char *)&value, &len) && value == 0x123, "SO_SNDTIMEO %#lx",
       value);
    closesocket(server);
    closesocket(client);
    closesocket(listener);
}

/* WSAENOTSOCK: "The descriptor is not a socket", whatever else is wrong with the call. */
static void test_duplicate_not_socket(void)
{
    expect_failure(WSADuplicateSocketA(0, 0, NULL) == SOCKET_ERROR, WSAENOTSOCK, "WSADuplicateSocketA(0, 0, NULL)");
    expect_failure(WSADuplicateSocketW(0, 0, NULL) == SOCKET_ERROR, WSAENOTSOCK, "WSADuplicateSocketW(0, 0, NULL)");
}

void run_tests(void)
{
    WSADATA data;

    if (WSAStartup(MAKEWORD(2, 2), &data)) fatal("WSAStartup");
    test_accept_timeouts();
    test_duplicate_not_socket();
    WSACleanup();
}

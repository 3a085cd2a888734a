/*
 * Many open sockets.  socket: "If no error occurs, socket returns a descriptor referencing the new socket";
 * WSAEMFILE: "No more socket descriptors are available", WSAENOBUFS: "No buffer space is available. The
 * socket cannot be created."  So a socket either fails where it is made or works: here 10,000 UDP sockets
 * are open at once and each exchanges a datagram both ways.
 */
#include <stdlib.h>
#include <string.h>

#include "msg_util.h"

#define SOCKETS 10000

static SOCKET sockets[SOCKETS];

/* One datagram from s to the peer and one back; FALSE with *error on failure. */
static BOOL exchange(SOCKET s, SOCKET peer, const SOCKADDR_STORAGE *peer_addr, int *error)
{
    SOCKADDR_STORAGE addr, from;
    int len = sizeof(addr), fromlen = sizeof(from);
    char buf[8];

    *error = 0;
    if (getsockname(s, (SOCKADDR *)&addr, &len) ||
        sendto(s, "ping", 4, 0, (const SOCKADDR *)peer_addr, addr_len(peer_addr)) != 4 ||
        recvfrom(peer, buf, sizeof(buf), 0, (SOCKADDR *)&from, &fromlen) != 4 ||
        sendto(peer, "pong", 4, 0, (SOCKADDR *)&addr, addr_len(&addr)) != 4 ||
        recv(s, buf, sizeof(buf), 0) != 4 || memcmp(buf, "pong", 4))
    {
        *error = WSAGetLastError();
        return FALSE;
    }
    return TRUE;
}

void run_tests(void)
{
    SOCKADDR_STORAGE peer_addr, any;
    SOCKET peer;
    int opened = 0, worked = 0, create_error = 0, first_error = 0, error, i;
    DWORD timeout = 2000;

    msg_startup(NULL, NULL);
    peer = udp_bound(AF_INET, "127.0.0.1", 0, &peer_addr);
    setsockopt(peer, SOL_SOCKET, SO_RCVTIMEO, (char *)&timeout, sizeof(timeout));
    make_addr(&any, AF_INET, "127.0.0.1", 0);
    for (opened = 0; opened < SOCKETS; opened++)
    {
        SOCKET s = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);

        if (s == INVALID_SOCKET || bind(s, (SOCKADDR *)&any, sizeof(SOCKADDR_IN)))
        {
            create_error = WSAGetLastError();
            if (s != INVALID_SOCKET) closesocket(s);
            break;
        }
        setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, (char *)&timeout, sizeof(timeout));
        sockets[opened] = s;
    }
    ok(opened == SOCKETS, "%d sockets opened, then error %d", opened, create_error);
    ok(!create_error || create_error == WSAEMFILE || create_error == WSAENOBUFS, "creation failed with %d",
       create_error);
    /* Every socket that was made is served. */
    for (i = 0; i < opened; i++)
    {
        if (exchange(sockets[i], peer, &peer_addr, &error)) worked++;
        else if (!first_error) first_error = error;
    }
    ok(worked == opened, "%d of %d sockets exchanged a datagram (first error %d)", worked, opened, first_error);
    for (i = 0; i < opened; i++) closesocket(sockets[i]);
    closesocket(peer);
    WSACleanup();
}

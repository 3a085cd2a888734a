/*
 * The rows of WSASendMsg's and WSARecvMsg's error tables (seeds 001 and 002)
 * that test_sendmsg / test_recvmsg / test_cancel don't already provoke.
 *
 * Rows that cannot happen on loopback, and why:
 *  - WSAEINPROGRESS, WSAEINTR: Windows Sockets 1.1 blocking hooks; Winsock 2
 *    providers never report them.
 *  - WSAENETDOWN, WSAENOBUFS: need a failing network stack or exhausted memory.
 *  - WSAENETRESET ("the time to live has expired"): needs an ICMP time-exceeded
 *    from a router; loopback has none.
 *  - WSAEWOULDBLOCK, WSA_IO_PENDING, WSAETIMEDOUT and WSA_OPERATION_ABORTED on
 *    send: a loopback UDP send never waits (the kernel hands the datagram to the
 *    receiver or drops it), so a send can't pend, time out or be aborted.  The
 *    receive side of each is tested in test_recvmsg and test_cancel.
 *  - WSAENOTCONN on receive: WSARecvMsg takes only datagram and raw sockets,
 *    which are never "not connected"; an unbound one gives WSAEINVAL (tested).
 */
#include <string.h>

#include "msg_util.h"

static LPFN_WSASENDMSG sendmsg_fn;
static LPFN_WSARECVMSG recvmsg_fn;

static int send_to(SOCKET s, const SOCKADDR_STORAGE *to, const char *data)
{
    WSABUF buf = { strlen(data), (char *)data };
    WSAMSG msg = { 0 };
    DWORD sent = 0;

    msg.name = (SOCKADDR *)to;
    msg.namelen = to ? addr_len(to) : 0;
    msg.lpBuffers = &buf;
    msg.dwBufferCount = 1;
    return sendmsg_fn(s, &msg, 0, &sent, NULL, NULL);
}

static void test_broadcast(void)
{
    SOCKADDR_STORAGE bound, to;
    SOCKET s = udp_bound(AF_INET, "0.0.0.0", 0, &bound);

    /* WSAEACCES: "The requested address is a broadcast address, but the appropriate flag was not set."
     * (test_dualstack sends a broadcast with SO_BROADCAST, kept on the loopback interface.) */
    make_addr(&to, AF_INET, "255.255.255.255", 9);
    expect_wsa_error(send_to(s, &to, "bcast"), WSAEACCES, "broadcast without SO_BROADCAST");
    closesocket(s);
}

static void test_port_unreachable(void)
{
    SOCKADDR_STORAGE closed, bound;
    SOCKET gone = udp_bound(AF_INET, "127.0.0.1", 0, &closed);
    SOCKET s = udp_bound(AF_INET, "127.0.0.1", 0, &bound);
    int i, ret = 0, error = 0;

    closesocket(gone);
    /* WSAECONNRESET: "For a UDP datagram socket, this error would indicate that a previous send operation
     * resulted in an ICMP "Port Unreachable" message." */
    ok(!connect(s, (SOCKADDR *)&closed, addr_len(&closed)), "connect: %d", WSAGetLastError());
    ok(send_to(s, NULL, "first") == 0, "first send: %d", WSAGetLastError());
    for (i = 0; i < 20; i++)
    {
        Sleep(50);
        if ((ret = send_to(s, NULL, "again")) == SOCKET_ERROR) break;
    }
    error = WSAGetLastError();
    ok(ret == SOCKET_ERROR && error == WSAECONNRESET, "send after port unreachable: %d %d", ret, error);
    closesocket(s);
}

static void test_not_connected(void)
{
    SOCKADDR_STORAGE bound;
    SOCKET s = udp_bound(AF_INET, "127.0.0.1", 0, &bound);

    /* WSAENOTCONN: "The socket is not connected." — no name and no connect(). */
    expect_wsa_error(send_to(s, NULL, "nowhere"), WSAENOTCONN, "no destination");
    closesocket(s);
}

static void test_net_unreachable(void)
{
    /* Documentation prefixes (RFC 5737): on-link only where a test network uses them. */
    static const char *const targets[] = { "203.0.113.1", "198.51.100.1", "192.0.2.1" };
    SOCKADDR_STORAGE bound, to;
    SOCKET s = udp_bound(AF_INET, "0.0.0.0", 0, &bound);
    WSABUF buf = { 8, (char *)"unrouted" };
    WSAMSG msg = { 0 };
    DWORD sent = 0;
    unsigned int i;
    int ret;

    /* WSAENETUNREACH: "The network is unreachable."  With MSG_DONTROUTE ("Specifies that the data should not
     * be subject to routing") a destination off every attached network has no way out, whatever the routes. */
    msg.name = (SOCKADDR *)&to;
    msg.namelen = sizeof(SOCKADDR_IN);
    msg.lpBuffers = &buf;
    msg.dwBufferCount = 1;
    for (i = 0; i < sizeof(targets) / sizeof(targets[0]); i++)
    {
        make_addr(&to, AF_INET, targets[i], 9);
        if (!(ret = sendmsg_fn(s, &msg, MSG_DONTROUTE, &sent, NULL, NULL)))
        {
            trace("%s is on an attached network here\n", targets[i]);
            continue;
        }
        expect_wsa_error(ret, WSAENETUNREACH, "MSG_DONTROUTE off-link");
        break;
    }
    if (i == sizeof(targets) / sizeof(targets[0])) skip("every test destination is on-link here");
    closesocket(s);
}

static void test_shutdown(void)
{
    SOCKADDR_STORAGE bound, peer;
    SOCKET s = udp_bound(AF_INET, "127.0.0.1", 0, &bound);
    char data[8];
    DWORD received;
    WSABUF buf;
    WSAMSG msg;

    /* WSAESHUTDOWN: "...not possible to call the WSASendMsg function on a socket after shutdown has been
     * invoked with how set to SD_SEND or SD_BOTH." */
    peer = bound;
    ok(!shutdown(s, SD_SEND), "shutdown(SD_SEND): %d", WSAGetLastError());
    expect_wsa_error(send_to(s, &peer, "late"), WSAESHUTDOWN, "send after SD_SEND");
    /* WSARecvMsg: "The socket has been shut down; it is not possible to call WSARecvMsg ... after shutdown
     * has been invoked with how set to SD_RECEIVE or SD_BOTH." */
    ok(!shutdown(s, SD_RECEIVE), "shutdown(SD_RECEIVE): %d", WSAGetLastError());
    recv_msg_init(&msg, &buf, data, sizeof(data), NULL, NULL, 0);
    expect_wsa_error(recvmsg_fn(s, &msg, &received, NULL, NULL), WSAESHUTDOWN, "receive after SD_RECEIVE");
    closesocket(s);
}

void run_tests(void)
{
    msg_startup(&sendmsg_fn, &recvmsg_fn);
    test_broadcast();
    test_port_unreachable();
    test_not_connected();
    test_net_unreachable();
    test_shutdown();
    WSACleanup();
}

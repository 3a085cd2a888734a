/*
 * The message tests' fixtures that report through the harness (ok/fatal):
 * kept apart from msg_util.c, which the benchmark links without the harness.
 */
#include <string.h>

#include "msg_util.h"

struct loopback_pair pair;

void pair_open(DWORD sender_flags)
{
    WSADATA wsa;

    if (WSAStartup(MAKEWORD(2, 2), &wsa)) fatal("WSAStartup failed");
    pair.receiver = udp_bound(AF_INET, "127.0.0.1", WSA_FLAG_OVERLAPPED, &pair.receiver_addr);
    pair.sender = udp_bound(AF_INET, "127.0.0.1", sender_flags, &pair.sender_addr);
    if (pair.receiver == INVALID_SOCKET || pair.sender == INVALID_SOCKET) fatal("loopback sockets: %d", WSAGetLastError());
    pair.recvmsg = get_recvmsg(pair.receiver);
}

void pair_close(void)
{
    closesocket(pair.receiver);
    closesocket(pair.sender);
    WSACleanup();
}

void pair_send_text(const char *text)
{
    int len = strlen(text);

    ok(sendto(pair.sender, text, len, 0, (SOCKADDR *)&pair.receiver_addr, addr_len(&pair.receiver_addr)) == len,
       "sendto: %d", WSAGetLastError());
}

void msg_startup(LPFN_WSASENDMSG *send_fn, LPFN_WSARECVMSG *recv_fn)
{
    SOCKADDR_STORAGE bound;
    WSADATA wsa;
    SOCKET s;

    if (WSAStartup(MAKEWORD(2, 2), &wsa)) fatal("WSAStartup failed");
    s = udp_bound(AF_INET, "127.0.0.1", 0, &bound);
    if (send_fn) *send_fn = get_sendmsg(s);
    if (recv_fn) *recv_fn = get_recvmsg(s);
    closesocket(s);
}

/*
 * WSASendMsg (seed 001): the error table, the flags rule, and the effect of
 * each send control message on the wire, checked by a receiving socket.
 */
#include <string.h>

#include "msg_util.h"

static SOCKET receiver;
static SOCKADDR_STORAGE receiver_addr;

static void test_extension_lookup(SOCKET s)
{
    GUID sendmsg_id = WSAID_WSASENDMSG, bogus = { 0x12345678 };
    void *fn = NULL;
    DWORD bytes = 0;

    /* "WSAIoctl ... SIO_GET_EXTENSION_FUNCTION_POINTER ... WSAID_WSASENDMSG" gives the function. */
    ok(!WSAIoctl(s, SIO_GET_EXTENSION_FUNCTION_POINTER, &sendmsg_id, sizeof(sendmsg_id), &fn, sizeof(fn),
                 &bytes, NULL, NULL), "WSAID_WSASENDMSG lookup failed: %d", WSAGetLastError());
    ok(fn != NULL && bytes == sizeof(fn), "got %p, %lu bytes", fn, bytes);
    /* An unknown GUID is an invalid argument. */
    ok(WSAIoctl(s, SIO_GET_EXTENSION_FUNCTION_POINTER, &bogus, sizeof(bogus), &fn, sizeof(fn), &bytes,
                NULL, NULL) == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL,
       "unknown GUID: %d", WSAGetLastError());
    /* An output buffer too small for a pointer cannot be written: WSAEFAULT. */
    ok(WSAIoctl(s, SIO_GET_EXTENSION_FUNCTION_POINTER, &sendmsg_id, sizeof(sendmsg_id), &fn, 2, &bytes,
                NULL, NULL) == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT,
       "short output: %d", WSAGetLastError());
}

static void test_errors(SOCKET s)
{
    char data[] = "x";
    WSABUF buf = { 1, data };
    WSAMSG msg = { 0 };
    DWORD sent;
    SOCKET tcp;

    msg.name = (SOCKADDR *)&receiver_addr;
    msg.namelen = addr_len(&receiver_addr);
    msg.lpBuffers = &buf;
    msg.dwBufferCount = 1;

    /* WSAENOTSOCK: "The descriptor is not a socket." */
    expect_wsa_error(WSASendMsg((SOCKET)0xdead0, &msg, 0, &sent, NULL, NULL), WSAENOTSOCK, "not a socket");
    /* WSAEFAULT: "The lpMsg ... parameter is not totally contained in a valid part of the user address space." */
    expect_wsa_error(WSASendMsg(s, NULL, 0, &sent, NULL, NULL), WSAEFAULT, "NULL lpMsg");
    expect_wsa_error(WSASendMsg(s, (WSAMSG *)16, 0, &sent, NULL, NULL), WSAEFAULT, "bad lpMsg");
    /* "...lpNumberOfBytesSent ... can be NULL only if the lpOverlapped parameter is not NULL." */
    expect_wsa_error(WSASendMsg(s, &msg, 0, NULL, NULL, NULL), WSAEFAULT, "NULL lpNumberOfBytesSent");
    /* "...a name member ... was a NULL pointer and the namelen member ... was not set to zero." */
    msg.name = NULL;
    expect_wsa_error(WSASendMsg(s, &msg, 0, &sent, NULL, NULL), WSAEFAULT, "name NULL, namelen set");
    msg.name = (SOCKADDR *)&receiver_addr;
    /* "...a Control.buf member ... was a NULL pointer and the Control.len member ... was not set to zero." */
    msg.Control.len = 16;
    expect_wsa_error(WSASendMsg(s, &msg, 0, &sent, NULL, NULL), WSAEFAULT, "Control.buf NULL, len set");
    msg.Control.len = 0;
    /* "The dwFlags parameter can only contain ... MSG_DONTROUTE, MSG_PARTIAL, and MSG_OOB." */
    expect_wsa_error(WSASendMsg(s, &msg, MSG_PEEK, &sent, NULL, NULL), WSAEOPNOTSUPP, "MSG_PEEK");
    expect_wsa_error(WSASendMsg(s, &msg, MSG_WAITALL, &sent, NULL, NULL), WSAEOPNOTSUPP, "MSG_WAITALL");
    /* MSG_PARTIAL: "WSAEOPNOTSUPP will be returned by transports that do not support partial message
     * transmissions" (UDP does not). */
    expect_wsa_error(WSASendMsg(s, &msg, MSG_PARTIAL, &sent, NULL, NULL), WSAEOPNOTSUPP, "MSG_PARTIAL");
    /* MSG_DONTROUTE is allowed: "A Windows Sockets service provider can choose to ignore this flag." */
    ok(!WSASendMsg(s, &msg, MSG_DONTROUTE, &sent, NULL, NULL) && sent == 1, "MSG_DONTROUTE: %d",
       WSAGetLastError());
    /* "The WSASendMsg function can only be used with datagrams and raw sockets." */
    tcp = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    expect_wsa_error(WSASendMsg(tcp, &msg, 0, &sent, NULL, NULL), WSAEINVAL, "stream socket");
    closesocket(tcp);
}

static void test_message_size(SOCKET s)
{
    static char big[70000];
    DWORD sent = 12345;
    int max = 0, len = sizeof(max);
    char data[16];
    SOCKADDR_STORAGE from;
    WSAMSG msg;

    /* SO_MAX_MSG_SIZE: "the maximum message size of the underlying provider" (65507 for UDP over IPv4). */
    ok(!getsockopt(s, SOL_SOCKET, SO_MAX_MSG_SIZE, (char *)&max, &len) && max == 65507,
       "SO_MAX_MSG_SIZE %d (%d)", max, WSAGetLastError());
    /* "If the data is too long to pass atomically ... WSAEMSGSIZE is returned and no data is transmitted." */
    expect_wsa_error(send_msg(s, &receiver_addr, big, sizeof(big), NULL, 0, &sent), WSAEMSGSIZE, "70000 bytes");
    ok(recv_datagram(receiver, data, sizeof(data), &from, &msg, NULL, 0) == -1, "something arrived after WSAEMSGSIZE");
}

static void test_implicit_bind(void)
{
    SOCKET s = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    SOCKADDR_IN name = { 0 };
    int len = sizeof(name);
    DWORD sent = 0;

    /* An unbound socket is bound by its first successful send, as with sendto. */
    ok(!send_msg(s, &receiver_addr, "bind me", 7, NULL, 0, &sent) && sent == 7, "send: %d",
       WSAGetLastError());
    ok(!getsockname(s, (SOCKADDR *)&name, &len) && name.sin_port != 0, "not bound after send: %d port %u",
       WSAGetLastError(), ntohs(name.sin_port));
    closesocket(s);
}

static void test_source_address(SOCKET s)
{
    static const char *const sources[] = { "127.0.0.2", "127.0.0.3", "127.0.0.1" };
    char control[64], data[64];
    SOCKADDR_STORAGE from;
    IN_PKTINFO pktinfo;
    ULONG used;
    WSAMSG msg;
    DWORD sent;
    int i;

    for (i = 0; i < 3; i++)
    {
        /* "...an in_pktinfo structure used to specify the local IPv4 source address to use for sending." */
        memset(&pktinfo, 0, sizeof(pktinfo));
        inet_pton(AF_INET, sources[i], &pktinfo.ipi_addr);
        used = 0;
        cmsg_put(control, &used, IPPROTO_IP, IP_PKTINFO, &pktinfo, sizeof(pktinfo));
        ok(!send_msg(s, &receiver_addr, sources[i], strlen(sources[i]), control, used, &sent),
           "send from %s: %d", sources[i], WSAGetLastError());
        ok(recv_datagram(receiver, data, sizeof(data), &from, &msg, NULL, 0) == (int)strlen(sources[i]), "nothing from %s",
           sources[i]);
        ok(!strcmp(addr_text(&from), sources[i]), "sent with source %s, arrived from %s", sources[i],
           addr_text(&from));
    }
}

static void test_ecn_and_tos(SOCKET s)
{
    char control[64], rcontrol[128], data[64];
    SOCKADDR_STORAGE from;
    INT ecn, tos, *got;
    unsigned char *got_tos;
    DWORD on = 1, sent;
    ULONG used;
    WSAMSG msg;

    setsockopt(receiver, IPPROTO_IP, IP_RECVECN, (char *)&on, sizeof(on));
    setsockopt(receiver, IPPROTO_IP, IP_RECVTOS, (char *)&on, sizeof(on));
    for (ecn = 0; ecn < 4; ecn++)
    {
        used = 0;
        cmsg_put(control, &used, IPPROTO_IP, IP_ECN, &ecn, sizeof(ecn));
        ok(!send_msg(s, &receiver_addr, "ecn", 3, control, used, &sent), "IP_ECN %d: %d", ecn, WSAGetLastError());
        ok(recv_datagram(receiver, data, sizeof(data), &from, &msg, rcontrol, sizeof(rcontrol)) == 3, "nothing for ECN %d", ecn);
        got = cmsg_find(&msg, IPPROTO_IP, IP_ECN);
        ok(got && *got == ecn, "sent ECN %d, received %d", ecn, got ? *got : -1);
    }
    /* IP_TOS per datagram: DSCP and ECN bits arrive as sent. */
    tos = 0xb8 | 1;
    used = 0;
    cmsg_put(control, &used, IPPROTO_IP, IP_TOS, &tos, sizeof(tos));
    ok(!send_msg(s, &receiver_addr, "tos", 3, control, used, &sent), "IP_TOS: %d", WSAGetLastError());
    ok(recv_datagram(receiver, data, sizeof(data), &from, &msg, rcontrol, sizeof(rcontrol)) == 3, "nothing for IP_TOS");
    got_tos = cmsg_find(&msg, IPPROTO_IP, IP_TOS);
    ok(got_tos && *got_tos == 0xb9, "sent TOS 0xb9, received %#x", got_tos ? *got_tos : 0);
    on = 0;
    setsockopt(receiver, IPPROTO_IP, IP_RECVECN, (char *)&on, sizeof(on));
    setsockopt(receiver, IPPROTO_IP, IP_RECVTOS, (char *)&on, sizeof(on));
}

static void test_bad_control(SOCKET s)
{
    char control[64];
    INT value = 1;
    ULONG used = 0;
    DWORD sent;
    WSACMSGHDR *cmsg = (WSACMSGHDR *)control;

    /* Unknown control messages are refused, never silently dropped. */
    cmsg_put(control, &used, IPPROTO_IP, 9999, &value, sizeof(value));
    expect_wsa_error(send_msg(s, &receiver_addr, "x", 1, control, used, &sent), WSAEINVAL, "unknown type");
    /* A cmsg_len running past the control buffer is malformed. */
    used = 0;
    cmsg_put(control, &used, IPPROTO_IP, IP_ECN, &value, sizeof(value));
    cmsg->cmsg_len = 200;
    expect_wsa_error(send_msg(s, &receiver_addr, "x", 1, control, used, &sent), WSAEINVAL, "cmsg_len too long");
    /* ECN is a two-bit field. */
    used = 0;
    value = 4;
    cmsg_put(control, &used, IPPROTO_IP, IP_ECN, &value, sizeof(value));
    expect_wsa_error(send_msg(s, &receiver_addr, "x", 1, control, used, &sent), WSAEINVAL, "ECN 4");
}

static void test_send_msg_size(SOCKET s)
{
    static char payload[3500];
    char control[32], data[2048];
    SOCKADDR_STORAGE from;
    DWORD segment = 1000, sent = 0;
    ULONG used = 0;
    WSAMSG msg;
    int i, len, sizes[5] = { 0 };

    /* UDP_SEND_MSG_SIZE: one buffer leaves as datagrams of that size (the last one shorter). */
    memset(payload, 'u', sizeof(payload));
    cmsg_put(control, &used, IPPROTO_UDP, UDP_SEND_MSG_SIZE, &segment, sizeof(segment));
    ok(!send_msg(s, &receiver_addr, payload, sizeof(payload), control, used, &sent) && sent == sizeof(payload),
       "UDP_SEND_MSG_SIZE send: %d, sent %lu", WSAGetLastError(), sent);
    for (i = 0; i < 5; i++)
        if ((len = recv_datagram(receiver, data, sizeof(data), &from, &msg, NULL, 0)) < 0) break;
        else sizes[i] = len;
    ok(i == 4 && sizes[0] == 1000 && sizes[1] == 1000 && sizes[2] == 1000 && sizes[3] == 500,
       "got %d datagrams: %d %d %d %d", i, sizes[0], sizes[1], sizes[2], sizes[3]);
}

static void test_ipv6(void)
{
    SOCKADDR_STORAGE recv6_addr, from;
    SOCKET r6, s6 = INVALID_SOCKET;
    char control[64], rcontrol[128], data[32];
    LPFN_WSARECVMSG fn;
    DWORD on = 1, sent = 0, received = 0;
    INT tclass = 0x28 | 2, *got;
    IN6_PKTINFO *info;
    ULONG used = 0;
    WSABUF buf;
    WSAMSG msg;

    r6 = udp_bound(AF_INET6, "::1", WSA_FLAG_OVERLAPPED, &recv6_addr);
    s6 = udp_bound(AF_INET6, "::1", WSA_FLAG_OVERLAPPED, &from);
    fn = get_recvmsg(r6);
    setsockopt(r6, IPPROTO_IPV6, IPV6_PKTINFO, (char *)&on, sizeof(on));
    setsockopt(r6, IPPROTO_IPV6, IPV6_RECVTCLASS, (char *)&on, sizeof(on));
    /* IPV6_TCLASS per datagram. */
    cmsg_put(control, &used, IPPROTO_IPV6, IPV6_TCLASS, &tclass, sizeof(tclass));
    ok(!send_msg(s6, &recv6_addr, "six", 3, control, used, &sent), "IPv6 send: %d", WSAGetLastError());
    ok(wait_readable(r6, 2000), "nothing arrived on ::1");
    recv_msg_init(&msg, &buf, data, sizeof(data), &from, rcontrol, sizeof(rcontrol));
    ok(!fn(r6, &msg, &received, NULL, NULL) && received == 3, "IPv6 receive: %d", WSAGetLastError());
    /* "...in6_pktinfo structure ... to store the received IPv6 packet address information." */
    info = cmsg_find(&msg, IPPROTO_IPV6, IPV6_PKTINFO);
    ok(info && IN6_IS_ADDR_LOOPBACK(&info->ipi6_addr), "no IPV6_PKTINFO with ::1");
    got = cmsg_find(&msg, IPPROTO_IPV6, IPV6_TCLASS);
    ok(got && *got == tclass, "sent TCLASS %#x, received %#x", tclass, got ? *got : -1);
    closesocket(r6);
    closesocket(s6);
}

void run_tests(void)
{
    SOCKADDR_STORAGE sender_addr;
    WSADATA wsa;
    SOCKET sender;

    if (WSAStartup(MAKEWORD(2, 2), &wsa)) fatal("WSAStartup failed");
    receiver = udp_bound(AF_INET, "127.0.0.1", WSA_FLAG_OVERLAPPED, &receiver_addr);
    sender = udp_bound(AF_INET, "0.0.0.0", WSA_FLAG_OVERLAPPED, &sender_addr);

    test_extension_lookup(sender);
    test_errors(sender);
    wait_readable(receiver, 500);
    while (wait_readable(receiver, 50)) { char b[8]; recv(receiver, b, sizeof(b), 0); }
    test_message_size(sender);
    test_implicit_bind();
    while (wait_readable(receiver, 50)) { char b[8]; recv(receiver, b, sizeof(b), 0); }
    test_source_address(sender);
    test_ecn_and_tos(sender);
    test_bad_control(sender);
    test_send_msg_size(sender);
    test_ipv6();

    closesocket(sender);
    closesocket(receiver);
    WSACleanup();
    /* WSANOTINITIALISED: "A successful WSAStartup call must occur before using this function." */
    {
        WSAMSG msg = { 0 };
        DWORD sent;
        ok(WSASendMsg(sender, &msg, 0, &sent, NULL, NULL) == SOCKET_ERROR &&
           WSAGetLastError() == WSANOTINITIALISED, "after WSACleanup: %d", WSAGetLastError());
    }
}

/*
 * Dual-stack datagram sockets on the message path (seeds 001 and 002): the
 * source address chosen by in_pktinfo for IPv4 / IPv4-mapped destinations and
 * by in6_pktinfo for IPv6 ones, packet information for datagrams arriving over
 * IPv4 (IP_PKTINFO) and over IPv6 (IPV6_PKTINFO), IPv6 hop limit and ECN, and
 * MSG_BCAST / MSG_MCAST on a broadcast and a multicast kept on the loopback interface.
 */
#include <string.h>

#include "msg_util.h"

/* An AF_INET6 socket with IPV6_V6ONLY off, bound to [::]:0. */
static SOCKET dual_stack(SOCKADDR_STORAGE *bound)
{
    SOCKET s = WSASocketW(AF_INET6, SOCK_DGRAM, IPPROTO_UDP, NULL, 0, WSA_FLAG_OVERLAPPED);
    SOCKADDR_IN6 any = { AF_INET6 };
    DWORD off = 0;
    int len = sizeof(*bound);

    ok(!setsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, (char *)&off, sizeof(off)), "IPV6_V6ONLY: %d", WSAGetLastError());
    ok(!bind(s, (SOCKADDR *)&any, sizeof(any)), "bind [::]: %d", WSAGetLastError());
    getsockname(s, (SOCKADDR *)bound, &len);
    return s;
}

static void test_receive_both_families(void)
{
    SOCKADDR_STORAGE bound, to, from, src;
    SOCKET dual = dual_stack(&bound);
    SOCKET v4 = udp_bound(AF_INET, "127.0.0.1", 0, &src);
    SOCKET v6 = udp_bound(AF_INET6, "::1", 0, &src);
    char data[32], control[256];
    DWORD on = 1;
    IN_PKTINFO *info4;
    IN6_PKTINFO *info6;
    WSAMSG msg;

    /* "...if an application wants WSARecvMsg to return packet information ... for datagrams received over
     * IPv4, then the IP_PKTINFO socket option must be set to true on the socket." */
    ok(!setsockopt(dual, IPPROTO_IP, IP_PKTINFO, (char *)&on, sizeof(on)), "IP_PKTINFO: %d", WSAGetLastError());
    ok(!setsockopt(dual, IPPROTO_IPV6, IPV6_PKTINFO, (char *)&on, sizeof(on)), "IPV6_PKTINFO: %d",
       WSAGetLastError());
    make_addr(&to, AF_INET, "127.0.0.1", addr_port(&bound));
    ok(sendto(v4, "over v4", 7, 0, (SOCKADDR *)&to, sizeof(SOCKADDR_IN)) == 7, "v4 send: %d", WSAGetLastError());
    ok(recv_datagram(dual, data, sizeof(data), &from, &msg, control, sizeof(control)) == 7, "v4 datagram not received");
    ok(from.ss_family == AF_INET6 && IN6_IS_ADDR_V4MAPPED(&((SOCKADDR_IN6 *)&from)->sin6_addr),
       "IPv4 sender reported as %s (family %d), not v4-mapped", addr_text(&from), from.ss_family);
    info4 = cmsg_find(&msg, IPPROTO_IP, IP_PKTINFO);
    ok(info4 && info4->ipi_addr.s_addr == htonl(INADDR_LOOPBACK), "no in_pktinfo for the IPv4 datagram");

    /* "For datagrams received over IPv6, the Control member ... IPV6_PKTINFO ... in6_pktinfo" */
    make_addr(&to, AF_INET6, "::1", addr_port(&bound));
    ok(sendto(v6, "over v6", 7, 0, (SOCKADDR *)&to, sizeof(SOCKADDR_IN6)) == 7, "v6 send: %d", WSAGetLastError());
    ok(recv_datagram(dual, data, sizeof(data), &from, &msg, control, sizeof(control)) == 7, "v6 datagram not received");
    info6 = cmsg_find(&msg, IPPROTO_IPV6, IPV6_PKTINFO);
    ok(info6 && IN6_IS_ADDR_LOOPBACK(&info6->ipi6_addr), "no in6_pktinfo for the IPv6 datagram");
    ok(!cmsg_find(&msg, IPPROTO_IP, IP_PKTINFO), "in_pktinfo for an IPv6 datagram");
    closesocket(dual);
    closesocket(v4);
    closesocket(v6);
}

static void test_send_source(void)
{
    SOCKADDR_STORAGE bound, to, receiver_addr, from;
    SOCKET dual = dual_stack(&bound);
    SOCKET receiver = udp_bound(AF_INET, "0.0.0.0", 0, &receiver_addr);
    IN_PKTINFO info4 = { 0 };
    char control[64], data[32], rcontrol[64];
    ULONG used = 0;
    DWORD sent = 0;
    WSAMSG msg;

    /* "When sending to an IPv4 destination address or an IPv4-mapped IPv6 destination address, one of the
     * control data objects ... should contain an in_pktinfo structure containing the local IPv4 source
     * address to use for sending." */
    info4.ipi_addr.s_addr = htonl(0x7f000002);      /* 127.0.0.2 */
    cmsg_put(control, &used, IPPROTO_IP, IP_PKTINFO, &info4, sizeof(info4));
    make_addr(&to, AF_INET6, "::ffff:127.0.0.1", addr_port(&receiver_addr));
    ok(!send_msg(dual, &to, "mapped", 6, control, used, &sent) && sent == 6, "send to v4-mapped: %d",
       WSAGetLastError());
    ok(recv_datagram(receiver, data, sizeof(data), &from, &msg, rcontrol, sizeof(rcontrol)) == 6, "not received");
    ok(!strcmp(addr_text(&from), "127.0.0.2"), "came from %s, not 127.0.0.2", addr_text(&from));
    closesocket(receiver);

    /* "When sending to an IPv6 destination address that is not an IPv4-mapped IPv6 address, one of the control
     * data objects ... should contain an in6_pktinfo structure containing the local IPv6 source address" */
    {
        IN6_PKTINFO info6 = { IN6ADDR_LOOPBACK_INIT, 0 };

        receiver = udp_bound(AF_INET6, "::1", 0, &receiver_addr);
        used = 0;
        cmsg_put(control, &used, IPPROTO_IPV6, IPV6_PKTINFO, &info6, sizeof(info6));
        ok(!send_msg(dual, &receiver_addr, "six", 3, control, used, &sent) && sent == 3, "send to ::1: %d",
           WSAGetLastError());
        ok(recv_datagram(receiver, data, sizeof(data), &from, &msg, rcontrol, sizeof(rcontrol)) == 3, "not received");
        ok(!strcmp(addr_text(&from), "::1"), "came from %s", addr_text(&from));
        closesocket(receiver);
    }
    closesocket(dual);
}

static void test_hop_limit_and_ecn(void)
{
    SOCKADDR_STORAGE receiver_addr, src, from;
    SOCKET receiver = udp_bound(AF_INET6, "::1", 0, &receiver_addr);
    SOCKET sender = udp_bound(AF_INET6, "::1", 0, &src);
    char control[64], data[32], rcontrol[256];
    INT ecn = 1, *got_ecn, *hops;       /* ECT(1) */
    DWORD on = 1, sent = 0;
    ULONG used = 0;
    WSAMSG msg;

    /* IPV6_HOPLIMIT and IPV6_RECVECN: the hop limit and the ECN bits of each IPv6 datagram. */
    ok(!setsockopt(receiver, IPPROTO_IPV6, IPV6_HOPLIMIT, (char *)&on, sizeof(on)), "IPV6_HOPLIMIT: %d",
       WSAGetLastError());
    ok(!setsockopt(receiver, IPPROTO_IPV6, IPV6_RECVECN, (char *)&on, sizeof(on)), "IPV6_RECVECN: %d",
       WSAGetLastError());
    cmsg_put(control, &used, IPPROTO_IPV6, IPV6_ECN, &ecn, sizeof(ecn));
    ok(!send_msg(sender, &receiver_addr, "ecn6", 4, control, used, &sent), "send: %d", WSAGetLastError());
    ok(recv_datagram(receiver, data, sizeof(data), &from, &msg, rcontrol, sizeof(rcontrol)) == 4, "not received");
    hops = cmsg_find(&msg, IPPROTO_IPV6, IPV6_HOPLIMIT);
    ok(hops && *hops > 0 && *hops <= 255, "IPV6_HOPLIMIT: %d", hops ? *hops : -1);
    got_ecn = cmsg_find(&msg, IPPROTO_IPV6, IPV6_ECN);
    ok(got_ecn && *got_ecn == 1, "IPV6_ECN: %d", got_ecn ? *got_ecn : -1);
    closesocket(receiver);
    closesocket(sender);
}

/*
 * ECN to an IPv4-mapped destination from a dual-stack socket, as quinn-udp sends (Deno's QUIC client):
 * IPV6_V6ONLY 0 "can be set only before the socket is bound", is kept and reported, and the ECN codepoint of
 * an IP_ECN or IPV6_ECN control message ("an ECN codepoint ... to be set in the IP header of the outgoing
 * datagram", Microsoft's WSASendMsg / IP_ECN pages) reaches the IPv4 receiver.
 */
static void test_ecn_to_mapped(void)
{
    static const struct { int level, type, ecn; const char *what; } cases[] =
    {
        { IPPROTO_IP, IP_ECN, 2, "IP_ECN" },
        { IPPROTO_IPV6, IPV6_ECN, 1, "IPV6_ECN" },
    };
    SOCKADDR_STORAGE bound, to, receiver_addr, from;
    SOCKET dual = dual_stack(&bound), receiver;
    char control[64], data[32], rcontrol[64];
    DWORD on = 1, sent = 0, v6only = 2;
    int len = sizeof(v6only), *got, i, ret;
    ULONG used;
    WSAMSG msg;

    ret = getsockopt(dual, IPPROTO_IPV6, IPV6_V6ONLY, (char *)&v6only, &len);
    ok(!ret && v6only == 0, "IPV6_V6ONLY after bind: ret %d value %lu", ret, v6only);
    if (harness_on_builtin)
    {
        skip("Wine's builtin sends no ECN and has no IP_RECVECN");
        closesocket(dual);
        return;
    }
    receiver = udp_bound(AF_INET, "127.0.0.1", 0, &receiver_addr);
    ok(!setsockopt(receiver, IPPROTO_IP, IP_RECVECN, (char *)&on, sizeof(on)), "IP_RECVECN: %d", WSAGetLastError());
    make_addr(&to, AF_INET6, "::ffff:127.0.0.1", addr_port(&receiver_addr));
    for (i = 0; i < (int)ARRAYSIZE(cases); i++)
    {
        used = 0;
        cmsg_put(control, &used, cases[i].level, cases[i].type, &cases[i].ecn, sizeof(int));
        ret = send_msg(dual, &to, "ecn4", 4, control, used, &sent);
        ok(!ret && sent == 4, "%s to v4-mapped: %d", cases[i].what, ret ? WSAGetLastError() : 0);
        ok(recv_datagram(receiver, data, sizeof(data), &from, &msg, rcontrol, sizeof(rcontrol)) == 4,
           "%s: not received", cases[i].what);
        got = cmsg_find(&msg, IPPROTO_IP, IP_ECN);
        ok(got && *got == cases[i].ecn, "%s: received ECN %d", cases[i].what, got ? *got : -1);
    }
    closesocket(receiver);
    closesocket(dual);
}

static void test_broadcast_flag(void)
{
    SOCKADDR_STORAGE receiver_addr, src, to, from;
    SOCKET receiver = udp_bound(AF_INET, "0.0.0.0", 0, &receiver_addr);
    SOCKET sender = udp_bound(AF_INET, "0.0.0.0", 0, &src);
    char control[64], data[32], rcontrol[64];
    IN_PKTINFO out = { 0 };
    BOOL on = TRUE;
    ULONG used = 0;
    DWORD sent = 0;
    WSAMSG msg;
    int ret;

    /* MSG_BCAST: "The datagram was received as a link-layer broadcast or with a destination IP address that is
     * a broadcast address."  in_pktinfo's interface index keeps the broadcast on the loopback interface. */
    setsockopt(sender, SOL_SOCKET, SO_BROADCAST, (char *)&on, sizeof(on));
    out.ipi_ifindex = 1;        /* the loopback interface, on Windows as on Linux */
    cmsg_put(control, &used, IPPROTO_IP, IP_PKTINFO, &out, sizeof(out));
    make_addr(&to, AF_INET, "255.255.255.255", addr_port(&receiver_addr));
    ret = send_msg(sender, &to, "bcast", 5, control, used, &sent);
    if (ret && WSAGetLastError() == WSAENETUNREACH)
        skip("no broadcast on the loopback interface here");
    else
    {
        ok(!ret, "broadcast send: %d", WSAGetLastError());
        ok(recv_datagram(receiver, data, sizeof(data), &from, &msg, rcontrol, sizeof(rcontrol)) == 5, "not received");
        ok(msg.dwFlags & MSG_BCAST, "no MSG_BCAST: %#lx", msg.dwFlags);
    }
    closesocket(receiver);
    closesocket(sender);
}

/*
 * MSG_BCAST for a subnet-directed broadcast: "a destination IP address that is a broadcast address" is also the
 * interface's address with all host bits set, here 127.255.255.255 on loopback's 127.0.0.0/8.
 */
static void test_subnet_broadcast_flag(void)
{
    SOCKADDR_STORAGE receiver_addr, src, to, from;
    SOCKET receiver, sender;
    char data[32], rcontrol[64];
    BOOL on = TRUE;
    WSAMSG msg;
    int ret;

    if (harness_on_builtin)
    {
        skip("Wine's builtin never reports MSG_BCAST");
        return;
    }
    receiver = udp_bound(AF_INET, "0.0.0.0", 0, &receiver_addr);
    sender = udp_bound(AF_INET, "127.0.0.1", 0, &src);
    setsockopt(sender, SOL_SOCKET, SO_BROADCAST, (char *)&on, sizeof(on));
    make_addr(&to, AF_INET, "127.255.255.255", addr_port(&receiver_addr));
    ret = sendto(sender, "subnet", 6, 0, (SOCKADDR *)&to, sizeof(SOCKADDR_IN));
    ok(ret == 6, "send to 127.255.255.255: %d", WSAGetLastError());
    ok(recv_datagram(receiver, data, sizeof(data), &from, &msg, rcontrol, sizeof(rcontrol)) == 6, "not received");
    ok(msg.dwFlags & MSG_BCAST, "no MSG_BCAST: %#lx", msg.dwFlags);
    /* A unicast to the same interface is no broadcast. */
    make_addr(&to, AF_INET, "127.0.0.1", addr_port(&receiver_addr));
    ok(sendto(sender, "unicast", 7, 0, (SOCKADDR *)&to, sizeof(SOCKADDR_IN)) == 7, "send: %d", WSAGetLastError());
    ok(recv_datagram(receiver, data, sizeof(data), &from, &msg, rcontrol, sizeof(rcontrol)) == 7, "not received");
    ok(!(msg.dwFlags & MSG_BCAST), "MSG_BCAST on a unicast: %#lx", msg.dwFlags);
    closesocket(receiver);
    closesocket(sender);
}

static void test_multicast_flag(void)
{
    SOCKADDR_STORAGE receiver_addr, src, to, from;
    SOCKET receiver = udp_bound(AF_INET, "0.0.0.0", 0, &receiver_addr);
    SOCKET sender = udp_bound(AF_INET, "127.0.0.1", 0, &src);
    struct ip_mreq mreq = { 0 };
    IN_ADDR loopback;
    char data[32], rcontrol[64];
    WSAMSG msg;

    /* MSG_MCAST: "The datagram was received as a link-layer multicast or with a destination IP address that
     * is a multicast address."  Group and interface both on loopback. */
    inet_pton(AF_INET, "239.255.42.1", &mreq.imr_multiaddr);
    inet_pton(AF_INET, "127.0.0.1", &mreq.imr_interface);
    loopback = mreq.imr_interface;
    if (setsockopt(receiver, IPPROTO_IP, IP_ADD_MEMBERSHIP, (char *)&mreq, sizeof(mreq)) ||
        setsockopt(sender, IPPROTO_IP, IP_MULTICAST_IF, (char *)&loopback, sizeof(loopback)))
    {
        skip("no multicast on the loopback interface here: %d", WSAGetLastError());
    }
    else
    {
        make_addr(&to, AF_INET, "239.255.42.1", addr_port(&receiver_addr));
        ok(sendto(sender, "mcast", 5, 0, (SOCKADDR *)&to, sizeof(SOCKADDR_IN)) == 5, "send: %d", WSAGetLastError());
        ok(recv_datagram(receiver, data, sizeof(data), &from, &msg, rcontrol, sizeof(rcontrol)) == 5, "not received");
        ok(msg.dwFlags & MSG_MCAST, "no MSG_MCAST: %#lx", msg.dwFlags);
        ok(!(msg.dwFlags & MSG_BCAST), "MSG_BCAST on multicast: %#lx", msg.dwFlags);
    }
    closesocket(receiver);
    closesocket(sender);
}

void run_tests(void)
{
    msg_startup(NULL, NULL);
    test_receive_both_families();
    test_send_source();
    test_hop_limit_and_ecn();
    test_ecn_to_mapped();
    test_broadcast_flag();
    test_subnet_broadcast_flag();
    test_multicast_flag();
    WSACleanup();
}

/*
 * Win32 socket option (level, name) -> host (level, name), for the options
 * whose value is a plain int on both sides.  Part of the codec: no Windows
 * header, unit-tested natively.
 */
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <sys/socket.h>

#include "msgsock/wscodec.h"

#ifndef UDP_GRO
#define UDP_GRO 104
#endif

#define WS_SOL_SOCKET        0xffff
#define WS_IPPROTO_TCP       6
#define WS_SO_DEBUG          0x0001
#define WS_SO_KEEPALIVE      0x0008
#define WS_SO_DONTROUTE      0x0010
#define WS_SO_BROADCAST      0x0020
#define WS_SO_OOBINLINE      0x0100
#define WS_SO_SNDBUF         0x1001
#define WS_SO_RCVBUF         0x1002
#define WS_IP_MULTICAST_TTL  10
#define WS_IP_MULTICAST_LOOP 11
#define WS_IP_DONTFRAGMENT   14
#define WS_IPV6_UNICAST_HOPS 4
#define WS_IPV6_MULTICAST_HOPS 10
#define WS_IPV6_MULTICAST_LOOP 11
#define WS_IPV6_V6ONLY       27
#define WS_TCP_NODELAY       1

struct sockopt_map { int ws_level, ws_name, level, name; };

static const struct sockopt_map int_options[] =
{
    { WS_SOL_SOCKET, WS_SO_DEBUG, SOL_SOCKET, SO_DEBUG },
    { WS_SOL_SOCKET, WS_SO_KEEPALIVE, SOL_SOCKET, SO_KEEPALIVE },
    { WS_SOL_SOCKET, WS_SO_DONTROUTE, SOL_SOCKET, SO_DONTROUTE },
    { WS_SOL_SOCKET, WS_SO_BROADCAST, SOL_SOCKET, SO_BROADCAST },
    { WS_SOL_SOCKET, WS_SO_OOBINLINE, SOL_SOCKET, SO_OOBINLINE },
    { WS_SOL_SOCKET, WS_SO_SNDBUF, SOL_SOCKET, SO_SNDBUF },
    { WS_SOL_SOCKET, WS_SO_RCVBUF, SOL_SOCKET, SO_RCVBUF },
    { WS_IPPROTO_IP, WS_IP_TOS, IPPROTO_IP, IP_TOS },
    { WS_IPPROTO_IP, WS_IP_TTL, IPPROTO_IP, IP_TTL },
    { WS_IPPROTO_IP, WS_IP_MULTICAST_TTL, IPPROTO_IP, IP_MULTICAST_TTL },
    { WS_IPPROTO_IP, WS_IP_MULTICAST_LOOP, IPPROTO_IP, IP_MULTICAST_LOOP },
    { WS_IPPROTO_IPV6, WS_IPV6_UNICAST_HOPS, IPPROTO_IPV6, IPV6_UNICAST_HOPS },
    { WS_IPPROTO_IPV6, WS_IPV6_MULTICAST_HOPS, IPPROTO_IPV6, IPV6_MULTICAST_HOPS },
    { WS_IPPROTO_IPV6, WS_IPV6_MULTICAST_LOOP, IPPROTO_IPV6, IPV6_MULTICAST_LOOP },
    { WS_IPPROTO_IPV6, WS_IPV6_V6ONLY, IPPROTO_IPV6, IPV6_V6ONLY },
    { WS_IPPROTO_IPV6, WS_IPV6_TCLASS, IPPROTO_IPV6, IPV6_TCLASS },
    { WS_IPPROTO_TCP, WS_TCP_NODELAY, IPPROTO_TCP, TCP_NODELAY },
    /* Receive coalescing: Windows' maximum size maps onto the host's on/off GRO switch. */
    { WS_IPPROTO_UDP, WS_UDP_RECV_MAX_COALESCED_SIZE, IPPROTO_UDP, UDP_GRO },
};

int ws_sockopt_to_host(int ws_level, int ws_name, int *level, int *name)
{
    size_t i;

    for (i = 0; i < sizeof(int_options) / sizeof(int_options[0]); i++)
    {
        if (int_options[i].ws_level != ws_level || int_options[i].ws_name != ws_name) continue;
        *level = int_options[i].level;
        *name = int_options[i].name;
        return 0;
    }
    return WS_WSAENOPROTOOPT;
}

/*
 * The one place where Win32 and host (Linux) layouts meet on the message
 * path: socket addresses, control messages (WSACMSGHDR <-> cmsghdr), flags
 * and error codes.  Portable C: no Windows header, so it is unit-tested and
 * fuzzed natively; the unix helper links it for the real thing.
 *
 * The Win32 side is described by numbers, not by <winsock2.h>:
 *   WSACMSGHDR = { SIZE_T cmsg_len; INT cmsg_level; INT cmsg_type; }
 *   header alignment  = TYPE_ALIGNMENT(WSACMSGHDR) = pointer size
 *   data alignment    = MAX_NATURAL_ALIGNMENT = 8 on 64-bit, 4 on 32-bit
 *   WSA_CMSG_LEN(n)   = align_data(sizeof hdr) + n
 *   WSA_CMSG_SPACE(n) = align_data(sizeof hdr + align_hdr(n))
 *   next header       = this + align_hdr(cmsg_len)
 */
#ifndef MSGSOCK_WSCODEC_H
#define MSGSOCK_WSCODEC_H

#include <stddef.h>
#include <stdint.h>

/* --- Win32 constants (values from Microsoft's headers) --------------------- */
#define WS_AF_UNSPEC 0
#define WS_AF_INET   2
#define WS_AF_INET6  23

#define WS_IPPROTO_IP   0
#define WS_IPPROTO_IPV6 41
#define WS_IPPROTO_UDP  17

#define WS_IP_TOS          3
#define WS_IP_TTL          4
#define WS_IP_DONTFRAGMENT 14
#define WS_IP_PKTINFO      19
#define WS_IP_RECVTTL      21
#define WS_IP_RECVTOS      40
#define WS_IP_ECN          50     /* control message type */
#define WS_IP_RECVECN      50     /* socket option */
#define WS_IPV6_DONTFRAG   14
#define WS_IPV6_PKTINFO    19
#define WS_IPV6_HOPLIMIT   21
#define WS_IPV6_TCLASS     39
#define WS_IPV6_RECVTCLASS 40
#define WS_IPV6_ECN        50
#define WS_IPV6_RECVECN    50
#define WS_UDP_SEND_MSG_SIZE           2
#define WS_UDP_RECV_MAX_COALESCED_SIZE 3
#define WS_UDP_COALESCED_INFO          3

#define WS_MSG_OOB       0x0001
#define WS_MSG_PEEK      0x0002
#define WS_MSG_DONTROUTE 0x0004
#define WS_MSG_WAITALL   0x0008
#define WS_MSG_PARTIAL   0x8000
#define WS_MSG_TRUNC     0x0100
#define WS_MSG_CTRUNC    0x0200
#define WS_MSG_BCAST     0x0400
#define WS_MSG_MCAST     0x0800

/* WSA error codes the codec and the host calls return (0 = success). */
#define WS_WSAEINTR          10004
#define WS_WSAEACCES         10013
#define WS_WSAEFAULT         10014
#define WS_WSAEINVAL         10022
#define WS_WSAEMFILE         10024
#define WS_WSAEWOULDBLOCK    10035
#define WS_WSAEINPROGRESS    10036
#define WS_WSAEALREADY       10037
#define WS_WSAENOTSOCK       10038
#define WS_WSAEDESTADDRREQ   10039
#define WS_WSAEMSGSIZE       10040
#define WS_WSAEPROTOTYPE     10041
#define WS_WSAENOPROTOOPT    10042
#define WS_WSAEPROTONOSUPPORT 10043
#define WS_WSAEOPNOTSUPP     10045
#define WS_WSAEAFNOSUPPORT   10047
#define WS_WSAEADDRINUSE     10048
#define WS_WSAEADDRNOTAVAIL  10049
#define WS_WSAENETDOWN       10050
#define WS_WSAENETUNREACH    10051
#define WS_WSAENETRESET      10052
#define WS_WSAECONNABORTED   10053
#define WS_WSAECONNRESET     10054
#define WS_WSAENOBUFS        10055
#define WS_WSAEISCONN        10056
#define WS_WSAENOTCONN       10057
#define WS_WSAESHUTDOWN      10058
#define WS_WSAETIMEDOUT      10060
#define WS_WSAECONNREFUSED   10061
#define WS_WSAEHOSTUNREACH   10065

/* --- Win32 ABI of the calling process ------------------------------------- */
struct ws_abi
{
    uint32_t ptr_size;   /* 8 for x86_64 programs, 4 for i686 */
};

/* The ABI of the code this is compiled into (what the unix helper uses). */
#define WS_ABI_NATIVE ((struct ws_abi){ sizeof(void *) })

size_t ws_cmsg_hdr_size(struct ws_abi abi);          /* sizeof(WSACMSGHDR) */
size_t ws_cmsg_len(struct ws_abi abi, size_t n);     /* WSA_CMSG_LEN(n) */
size_t ws_cmsg_space(struct ws_abi abi, size_t n);   /* WSA_CMSG_SPACE(n) */

/* --- socket addresses ------------------------------------------------------ */
/*
 * Win32 SOCKADDR_IN / SOCKADDR_IN6 -> host sockaddr.  Families other than
 * AF_INET / AF_INET6 give WSAEAFNOSUPPORT; a length too short for the family
 * gives WSAEFAULT.  `host` must hold a struct sockaddr_storage.
 */
int ws_sockaddr_to_host(const void *win, int win_len, void *host, uint32_t *host_len);
/*
 * Host sockaddr -> Win32.  *win_len is the room in, the size written out; too
 * little room gives WSAEFAULT with *win_len set to the size needed.  A host
 * family other than AF_INET / AF_INET6 gives WSAEAFNOSUPPORT, a host_len too
 * short for its family WSAEINVAL.
 */
int ws_sockaddr_from_host(const void *host, uint32_t host_len, void *win, int *win_len);

/* --- control messages: send ------------------------------------------------- */
/* socket_tos / socket_tclass not read yet: the codec says if it needs them. */
#define WS_TOS_UNKNOWN (-1)

/* ws_send_control.need: socket state the caller must read and pass back in. */
#define WS_NEED_SOCKET_TOS    0x0001  /* getsockopt(IP_TOS) */
#define WS_NEED_SOCKET_TCLASS 0x0002  /* getsockopt(IPV6_TCLASS) */

/* What a Win32 control buffer asks of one send, beyond host cmsgs. */
struct ws_send_control
{
    uint32_t segment_size;  /* UDP_SEND_MSG_SIZE, 0 = none */
    uint32_t need;          /* WS_NEED_*: call again with those values known */
};

/*
 * Translates a Win32 control buffer for sendmsg into host cmsgs.
 *  - IP_PKTINFO (IN_PKTINFO{addr, ifindex}) -> IP_PKTINFO with ipi_spec_dst
 *  - IPV6_PKTINFO (IN6_PKTINFO{addr, ifindex}) -> IPV6_PKTINFO
 *  - IP_TOS (INT or 1 byte), IP_ECN (INT 0..3) -> one IP_TOS (ECN in the low
 *    two bits, DSCP from IP_TOS or from `socket_tos` when only ECN is given)
 *  - IPV6_TCLASS (INT), IPV6_ECN (INT 0..3) -> one IPV6_TCLASS, same rule
 *  - UDP_SEND_MSG_SIZE (DWORD > 0) -> out->segment_size (no host cmsg)
 *  - IPV6_DONTFRAG (INT) -> IPV6_DONTFRAG; IP_DONTFRAGMENT (INT) is accepted
 *    and dropped (Linux has no per-datagram DF for IPv4; the socket's
 *    IP_MTU_DISCOVER applies)
 * When ECN comes without its TOS/TCLASS and the matching socket_* argument
 * is WS_TOS_UNKNOWN, the call returns 0 with out->need set and nothing
 * usable in `host`: read that socket option and call again.
 * A cmsg_len smaller than WSACMSGHDR, a cmsg_len running past the buffer, a
 * payload of the wrong size, a TOS/TCLASS outside 0..255, an ECN value > 3,
 * a zero UDP_SEND_MSG_SIZE or an unknown level/type gives WSAEINVAL.  Fewer
 * trailing bytes than a WSACMSGHDR are ignored, as WSA_CMSG_NXTHDR does.
 * Room too small in `host` gives WSAENOBUFS.
 */
int ws_control_to_host(struct ws_abi abi, const void *win, size_t win_len,
                       int socket_tos, int socket_tclass,
                       void *host, size_t host_cap, size_t *host_len,
                       struct ws_send_control *out);

/* --- control messages: receive ---------------------------------------------- */
/* Which control messages the program enabled by socket option. */
#define WS_WANT_PKTINFO   0x0001  /* IP_PKTINFO */
#define WS_WANT_PKTINFO6  0x0002  /* IPV6_PKTINFO */
#define WS_WANT_TOS       0x0004  /* IP_RECVTOS */
#define WS_WANT_TCLASS    0x0008  /* IPV6_RECVTCLASS */
#define WS_WANT_ECN       0x0010  /* IP_RECVECN */
#define WS_WANT_ECN6      0x0020  /* IPV6_RECVECN */
#define WS_WANT_TTL       0x0040  /* IP_RECVTTL */
#define WS_WANT_HOPLIMIT  0x0080  /* IPV6_HOPLIMIT */
#define WS_WANT_COALESCED 0x0100  /* UDP_RECV_MAX_COALESCED_SIZE > 0 */

/* What the received datagram's host cmsgs said, whatever the program wanted. */
struct ws_recv_info
{
    int      have_dst;        /* destination address known (from PKTINFO) */
    int      dst_family;      /* WS_AF_INET or WS_AF_INET6 */
    uint8_t  dst_addr[16];    /* 4 or 16 bytes, network order */
};

/*
 * Translates host cmsgs of one received datagram into a Win32 control buffer,
 * keeping only those enabled in `want`:
 *  - host IP_PKTINFO  -> IP_PKTINFO  IN_PKTINFO{ipi_addr = packet's destination, ifindex}
 *  - host IPV6_PKTINFO-> IPV6_PKTINFO IN6_PKTINFO{addr, ifindex}
 *  - host IP_TOS      -> IP_TOS (INT: the whole TOS, as Windows) and/or IP_ECN (INT: tos & 3)
 *  - host IPV6_TCLASS -> IPV6_TCLASS (INT) and/or IPV6_ECN (INT: tclass & 3)
 *  - host IP_TTL      -> IP_TTL (INT);  host IPV6_HOPLIMIT -> IPV6_HOPLIMIT (INT)
 *  - host UDP_GRO     -> UDP_COALESCED_INFO (DWORD segment size)
 * Messages are laid out with WSA_CMSG_SPACE spacing.  Those that do not fit
 * are dropped, the ones that fit are kept, and WS_MSG_CTRUNC is or-ed into
 * *flags.  *win_len is the size written.  `info` (may be NULL) receives the
 * destination address whenever a PKTINFO was present, wanted or not.
 * Malformed host cmsgs are skipped, never read past host_len.  Returns 0.
 */
int ws_control_from_host(struct ws_abi abi, const void *host, size_t host_len,
                         uint32_t want, void *win, size_t win_cap, size_t *win_len,
                         uint32_t *flags, struct ws_recv_info *info);

/* MSG_BCAST / MSG_MCAST for a datagram received at `info`'s destination. */
uint32_t ws_recv_cast_flags(const struct ws_recv_info *info);

/* --- errors and flags ---------------------------------------------------------- */
/* errno -> WSA error code (unknown values map to WSAEINVAL... never 0). */
int ws_errno_to_wsa(int err);
/* Win32 MSG_OOB | MSG_PEEK | MSG_DONTROUTE | MSG_WAITALL -> host MSG_*. */
int ws_flags_to_host(uint32_t win_flags);

/* --- socket options ----------------------------------------------------------- */
/*
 * Win32 (level, name) of an int-valued option -> host (level, name);
 * WSAENOPROTOOPT for options the host does not carry as a plain int.
 */
int ws_sockopt_to_host(int ws_level, int ws_name, int *level, int *name);

/* How an option's value crosses: a plain int, a structure of the same layout on both sides, or translated. */
enum ws_optval
{
    WS_OPTVAL_INT,
    WS_OPTVAL_STRUCT,   /* ip_mreq / ipv6_mreq: copied as is, `size` bytes */
    WS_OPTVAL_PMTU,     /* IP_DONTFRAGMENT (BOOL) <-> IP_MTU_DISCOVER (IP_PMTUDISC_DO / _DONT) */
};

struct ws_sockopt_host
{
    int level, name;
    enum ws_optval kind;
    int size;           /* WS_OPTVAL_STRUCT */
};

/* Win32 (level, name) -> the host option and how its value crosses; WSAENOPROTOOPT if none. */
int ws_sockopt_lookup(int ws_level, int ws_name, struct ws_sockopt_host *host);

#endif /* MSGSOCK_WSCODEC_H */

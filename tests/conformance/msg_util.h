/* Helpers for the message-path tests: loopback sockets, control-message building and reading. */
#ifndef MSGSOCK_MSG_UTIL_H
#define MSGSOCK_MSG_UTIL_H

#include "harness.h"
#include "msgsock/ws_extra.h"

/* A UDP socket bound to `addr` (port 0), flags as WSASocketW's; its bound address in *bound. */
SOCKET udp_bound(int family, const char *addr, DWORD flags, SOCKADDR_STORAGE *bound);
int addr_len(const SOCKADDR_STORAGE *addr);
/* The address part as text ("127.0.0.2"). */
const char *addr_text(const SOCKADDR_STORAGE *addr);

LPFN_WSARECVMSG get_recvmsg(SOCKET s);
LPFN_WSASENDMSG get_sendmsg(SOCKET s);

/* Appends one control message to `buf` at *used (WSA_CMSG_SPACE spacing). */
void cmsg_put(char *buf, ULONG *used, int level, int type, const void *data, size_t len);
/* The data of the first control message (level, type) in msg's Control, or NULL. */
void *cmsg_find(const WSAMSG *msg, int level, int type);

/* Sends `len` bytes of `data` from s to `to` with a control buffer; returns WSASendMsg's result. */
int send_msg(SOCKET s, const SOCKADDR_STORAGE *to, const char *data, ULONG len, char *control,
             ULONG control_len, DWORD *sent);

/* A WSAMSG ready for receiving into the given buffers. */
void recv_msg_init(WSAMSG *msg, WSABUF *buf, char *data, ULONG len, SOCKADDR_STORAGE *from,
                   char *control, ULONG control_len);

/*
 * The loopback fixture most message tests share: an overlapped receiver and a
 * sender (flags as given) bound on 127.0.0.1, and the receiver's WSARecvMsg.
 */
struct loopback_pair
{
    SOCKET receiver, sender;
    SOCKADDR_STORAGE receiver_addr, sender_addr;
    LPFN_WSARECVMSG recvmsg;
};
extern struct loopback_pair pair;
void pair_open(DWORD sender_flags);    /* WSAStartup included; fatal on failure */
void pair_close(void);                 /* WSACleanup included */
/* sendto from the pair's sender to its receiver, asserted. */
void pair_send_text(const char *text);

/* An address of `family` from its text form and a host-order port. */
void make_addr(SOCKADDR_STORAGE *addr, int family, const char *text, USHORT port);
/* addr's port (host order). */
USHORT addr_port(const SOCKADDR_STORAGE *addr);

/* WSAStartup, then the two extension functions (looked up on a scratch socket; NULL: not wanted). */
void msg_startup(LPFN_WSASENDMSG *send_fn, LPFN_WSARECVMSG *recv_fn);

/* One datagram from s within 2 s through WSARecvMsg: its length or -1; sender, control, flags in msg. */
int recv_datagram(SOCKET s, char *data, ULONG len, SOCKADDR_STORAGE *from, WSAMSG *msg, char *control,
                  ULONG control_len);

/* TRUE if a datagram is waiting on s within `ms` milliseconds. */
BOOL wait_readable(SOCKET s, DWORD ms);

#endif

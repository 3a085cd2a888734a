/*
 * msgdemo: an ordinary Windows program using the Winsock message path.
 * It gets WSARecvMsg through WSAIoctl(SIO_GET_EXTENSION_FUNCTION_POINTER),
 * then sends UDP datagrams on loopback with WSASendMsg, choosing each one's
 * source address (IN_PKTINFO) and ECN codepoint (IP_ECN), and receives them
 * with their control data (IP_PKTINFO, IP_ECN, IP_TOS).  It prints what it
 * sent and what arrived, and exits non-zero if they differ.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <mswsock.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ws2ipdef.h values that mingw-w64's headers lack */
#ifndef IP_ECN
#define IP_ECN 50
#endif
#ifndef IP_RECVECN
#define IP_RECVECN 50
#endif

static const char *const ecn_names[] = { "Not-ECT", "ECT(1)", "ECT(0)", "CE" };

struct datagram
{
    const char *text;
    const char *source;     /* chosen with IN_PKTINFO */
    int ecn;                /* chosen with IP_ECN */
};

static LPFN_WSARECVMSG get_wsarecvmsg(SOCKET s)
{
    GUID guid = WSAID_WSARECVMSG;
    LPFN_WSARECVMSG fn = NULL;
    DWORD bytes;

    if (WSAIoctl(s, SIO_GET_EXTENSION_FUNCTION_POINTER, &guid, sizeof(guid), &fn, sizeof(fn), &bytes,
                 NULL, NULL))
        printf("WSAIoctl(WSAID_WSARECVMSG) failed: %d\n", WSAGetLastError());
    return fn;
}

static SOCKET udp_socket(const char *addr, SOCKADDR_IN *bound)
{
    SOCKET s = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    int len = sizeof(*bound);

    memset(bound, 0, sizeof(*bound));
    bound->sin_family = AF_INET;
    inet_pton(AF_INET, addr, &bound->sin_addr);
    if (s == INVALID_SOCKET || bind(s, (SOCKADDR *)bound, sizeof(*bound)) ||
        getsockname(s, (SOCKADDR *)bound, &len))
    {
        printf("socket set-up failed: %d\n", WSAGetLastError());
        exit(1);
    }
    return s;
}

static void put_cmsg(char **p, int level, int type, const void *data, size_t len)
{
    WSACMSGHDR *cmsg = (WSACMSGHDR *)*p;

    cmsg->cmsg_len = WSA_CMSG_LEN(len);
    cmsg->cmsg_level = level;
    cmsg->cmsg_type = type;
    memcpy(WSA_CMSG_DATA(cmsg), data, len);
    *p += WSA_CMSG_SPACE(len);
}

static int send_one(SOCKET s, const SOCKADDR_IN *to, const struct datagram *d)
{
    char control[WSA_CMSG_SPACE(sizeof(IN_PKTINFO)) + WSA_CMSG_SPACE(sizeof(INT))] = { 0 };
    IN_PKTINFO pktinfo = { 0 };
    WSABUF buf = { (ULONG)strlen(d->text), (char *)d->text };
    WSAMSG msg = { 0 };
    char *p = control;
    DWORD sent = 0;

    inet_pton(AF_INET, d->source, &pktinfo.ipi_addr);
    put_cmsg(&p, IPPROTO_IP, IP_PKTINFO, &pktinfo, sizeof(pktinfo));
    put_cmsg(&p, IPPROTO_IP, IP_ECN, &d->ecn, sizeof(INT));
    msg.name = (SOCKADDR *)to;
    msg.namelen = sizeof(*to);
    msg.lpBuffers = &buf;
    msg.dwBufferCount = 1;
    msg.Control.buf = control;
    msg.Control.len = (ULONG)(p - control);
    if (WSASendMsg(s, &msg, 0, &sent, NULL, NULL))
    {
        printf("WSASendMsg failed: %d\n", WSAGetLastError());
        return 0;
    }
    printf("sent     %lu bytes \"%s\" with source %s (IN_PKTINFO), ECN %s (IP_ECN)\n", sent, d->text,
           d->source, ecn_names[d->ecn]);
    return 1;
}

/* Receives one datagram and checks it against what was sent. */
static int receive_one(SOCKET s, LPFN_WSARECVMSG recvmsg_fn, const struct datagram *d)
{
    char data[256], control[256], from_text[64], to_text[64] = "?";
    SOCKADDR_IN from = { 0 };
    WSABUF buf = { sizeof(data) - 1, data };
    WSAMSG msg = { 0 };
    WSACMSGHDR *cmsg;
    DWORD received = 0;
    int ecn = -1, tos = -1;

    msg.name = (SOCKADDR *)&from;
    msg.namelen = sizeof(from);
    msg.lpBuffers = &buf;
    msg.dwBufferCount = 1;
    msg.Control.buf = control;
    msg.Control.len = sizeof(control);
    if (recvmsg_fn(s, &msg, &received, NULL, NULL))
    {
        printf("WSARecvMsg failed: %d\n", WSAGetLastError());
        return 0;
    }
    data[received] = 0;
    for (cmsg = WSA_CMSG_FIRSTHDR(&msg); cmsg; cmsg = WSA_CMSG_NXTHDR(&msg, cmsg))
    {
        if (cmsg->cmsg_level != IPPROTO_IP) continue;
        if (cmsg->cmsg_type == IP_PKTINFO)
            inet_ntop(AF_INET, &((IN_PKTINFO *)WSA_CMSG_DATA(cmsg))->ipi_addr, to_text, sizeof(to_text));
        else if (cmsg->cmsg_type == IP_ECN) ecn = *(INT *)WSA_CMSG_DATA(cmsg);
        else if (cmsg->cmsg_type == IP_TOS) tos = *(unsigned char *)WSA_CMSG_DATA(cmsg);
    }
    inet_ntop(AF_INET, &from.sin_addr, from_text, sizeof(from_text));
    printf("received %lu bytes \"%s\" from %s:%u to %s, ECN %s, TOS 0x%02x, flags 0x%lx\n", received, data,
           from_text, ntohs(from.sin_port), to_text, ecn >= 0 && ecn < 4 ? ecn_names[ecn] : "none",
           tos, msg.dwFlags);
    return !strcmp(data, d->text) && !strcmp(from_text, d->source) && ecn == d->ecn;
}

int main(void)
{
    static const struct datagram datagrams[] =
    {
        { "hello from 127.0.0.2", "127.0.0.2", 2 },
        { "congestion, from 127.0.0.3", "127.0.0.3", 3 },
        { "plain, from 127.0.0.1", "127.0.0.1", 0 },
    };
    SOCKADDR_IN receiver_addr, sender_addr;
    LPFN_WSARECVMSG recvmsg_fn;
    SOCKET receiver, sender;
    DWORD on = 1;
    WSADATA wsa;
    int i, good = 0;

    setvbuf(stdout, NULL, _IONBF, 0);
    if (WSAStartup(MAKEWORD(2, 2), &wsa)) return 1;
    receiver = udp_socket("127.0.0.1", &receiver_addr);
    sender = udp_socket("0.0.0.0", &sender_addr);   /* wildcard: each datagram picks its source */
    setsockopt(receiver, IPPROTO_IP, IP_PKTINFO, (char *)&on, sizeof(on));
    setsockopt(receiver, IPPROTO_IP, IP_RECVECN, (char *)&on, sizeof(on));
    setsockopt(receiver, IPPROTO_IP, IP_RECVTOS, (char *)&on, sizeof(on));
    if (!(recvmsg_fn = get_wsarecvmsg(receiver))) return 1;
    printf("receiver on 127.0.0.1:%u, WSARecvMsg at %p\n", ntohs(receiver_addr.sin_port), (void *)recvmsg_fn);

    for (i = 0; i < (int)(sizeof(datagrams) / sizeof(datagrams[0])); i++)
        if (send_one(sender, &receiver_addr, &datagrams[i]))
            good += receive_one(receiver, recvmsg_fn, &datagrams[i]);

    closesocket(sender);
    closesocket(receiver);
    WSACleanup();
    printf("%s: %d of %d datagrams arrived with the source address and ECN they were sent with\n",
           good == i ? "OK" : "MISMATCH", good, i);
    return good == i ? 0 : 1;
}

/*
 * WSARecvMsg (seed 002): the error table, input and output dwFlags, control
 * data, truncation, timeouts, ICMP port-unreachable, and overlapped completion
 * through an event, a completion routine and WSAGetOverlappedResult.
 */
#include <string.h>

#include "msg_util.h"

static void test_errors(void)
{
    char data[16];
    SOCKADDR_STORAGE from;
    WSAOVERLAPPED ovl = { 0 };
    SOCKET unbound, tcp;
    DWORD received;
    WSABUF buf;
    WSAMSG msg;

    recv_msg_init(&msg, &buf, data, sizeof(data), &from, NULL, 0);
    /* WSAENOTSOCK for something that is not a socket. */
    expect_wsa_error(pair.recvmsg((SOCKET)0xdead0, &msg, &received, NULL, NULL), WSAENOTSOCK, "not a socket");
    /* WSAEFAULT: lpMsg not in the user address space. */
    expect_wsa_error(pair.recvmsg(pair.receiver, NULL, &received, NULL, NULL), WSAEFAULT, "NULL lpMsg");
    /* "...name member ... NULL pointer and the namelen member ... not set to zero." */
    msg.name = NULL;
    expect_wsa_error(pair.recvmsg(pair.receiver, &msg, &received, NULL, NULL), WSAEFAULT, "name NULL, namelen set");
    msg.name = (SOCKADDR *)&from;
    /* "...Control.buf member ... NULL pointer and the Control.len member ... not set to zero." */
    msg.Control.len = 8;
    expect_wsa_error(pair.recvmsg(pair.receiver, &msg, &received, NULL, NULL), WSAEFAULT, "Control.buf NULL, len set");
    msg.Control.len = 0;
    /* "lpdwNumberOfBytesRecvd ... can be NULL only if lpOverlapped is not NULL." */
    expect_wsa_error(pair.recvmsg(pair.receiver, &msg, NULL, NULL, NULL), WSAEFAULT, "NULL byte count");
    /* "The only possible input value for the dwFlags member ... is MSG_PEEK." */
    msg.dwFlags = MSG_OOB;
    expect_wsa_error(pair.recvmsg(pair.receiver, &msg, &received, NULL, NULL), WSAEOPNOTSUPP, "MSG_OOB in dwFlags");
    /* MSG_PEEK: "This flag is valid only for nonoverlapped sockets." */
    msg.dwFlags = MSG_PEEK;
    expect_wsa_error(pair.recvmsg(pair.receiver, &msg, NULL, &ovl, NULL), WSAEOPNOTSUPP, "MSG_PEEK overlapped");
    msg.dwFlags = 0;
    /* WSAEINVAL: "The socket has not been bound (with bind, for example)." */
    unbound = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    expect_wsa_error(pair.recvmsg(unbound, &msg, &received, NULL, NULL), WSAEINVAL, "unbound");
    closesocket(unbound);
    /* "The WSARecvMsg function can only be used with datagrams and raw sockets." */
    tcp = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    expect_wsa_error(pair.recvmsg(tcp, &msg, &received, NULL, NULL), WSAEINVAL, "stream socket");
    closesocket(tcp);
}

static void test_control_and_flags(void)
{
    char data[64], control[256], small_control[32];
    SOCKADDR_STORAGE from;
    DWORD on = 1, off = 0, received = 0;
    IN_PKTINFO *info;
    INT *ttl;
    WSABUF buf;
    WSAMSG msg;

    setsockopt(pair.receiver, IPPROTO_IP, IP_PKTINFO, (char *)&on, sizeof(on));
    setsockopt(pair.receiver, IPPROTO_IP, IP_RECVTTL, (char *)&on, sizeof(on));
    pair_send_text("control");
    recv_msg_init(&msg, &buf, data, sizeof(data), &from, control, sizeof(control));
    ok(!pair.recvmsg(pair.receiver, &msg, &received, NULL, NULL) && received == 7, "receive: %d", WSAGetLastError());
    /* IP_PKTINFO: "...in_pktinfo structure used to store received IPv4 packet address information." */
    info = cmsg_find(&msg, IPPROTO_IP, IP_PKTINFO);
    ok(info && info->ipi_addr.s_addr == htonl(INADDR_LOOPBACK), "IP_PKTINFO missing or wrong");
    ok(info && info->ipi_ifindex != 0, "IP_PKTINFO without interface index");
    ttl = cmsg_find(&msg, IPPROTO_IP, IP_TTL);
    ok(ttl && *ttl > 0 && *ttl <= 255, "IP_TTL missing or wrong: %d", ttl ? *ttl : -1);
    ok(!strcmp(addr_text(&from), "127.0.0.1"), "from %s", addr_text(&from));
    ok(msg.dwFlags == 0, "dwFlags %#lx", msg.dwFlags);
    /* MSG_CTRUNC: "The control (ancillary) data was truncated"; what fits is kept, and Windows fails
     * the receive with WSAEMSGSIZE (Wine's ws2_32 test_ip_pktinfo records it on Windows). */
    pair_send_text("ctrunc");
    recv_msg_init(&msg, &buf, data, sizeof(data), &from, small_control, WSA_CMSG_SPACE(sizeof(IN_PKTINFO)));
    received = 0;
    ok(pair.recvmsg(pair.receiver, &msg, &received, NULL, NULL) == SOCKET_ERROR && WSAGetLastError() == WSAEMSGSIZE &&
       received == 6, "receive: %d, %lu bytes", WSAGetLastError(), received);
    ok(msg.dwFlags & MSG_CTRUNC, "no MSG_CTRUNC: %#lx", msg.dwFlags);
    ok(cmsg_find(&msg, IPPROTO_IP, IP_PKTINFO) != NULL, "the control message that fits was dropped");
    ok(msg.Control.len == WSA_CMSG_SPACE(sizeof(IN_PKTINFO)), "Control.len %lu", msg.Control.len);
    /* Options off again: no control data at all. */
    setsockopt(pair.receiver, IPPROTO_IP, IP_PKTINFO, (char *)&off, sizeof(off));
    setsockopt(pair.receiver, IPPROTO_IP, IP_RECVTTL, (char *)&off, sizeof(off));
    pair_send_text("plain");
    recv_msg_init(&msg, &buf, data, sizeof(data), &from, control, sizeof(control));
    ok(!pair.recvmsg(pair.receiver, &msg, &received, NULL, NULL) && msg.Control.len == 0,
       "control data without options: %lu", msg.Control.len);
}

static void test_truncation_and_peek(void)
{
    char data[64], small[4];
    SOCKADDR_STORAGE from;
    DWORD received = 0;
    WSABUF buf;
    WSAMSG msg;

    pair_send_text("truncated datagram");
    /* MSG_PEEK: "The data is copied into the buffer but is not removed from the input queue." */
    recv_msg_init(&msg, &buf, data, sizeof(data), &from, NULL, 0);
    msg.dwFlags = MSG_PEEK;
    ok(!pair.recvmsg(pair.receiver, &msg, &received, NULL, NULL) && received == 18, "peek: %d", WSAGetLastError());
    /* "If the datagram ... is larger than the buffers supplied, the buffers are filled with the first
     * part of the message, the excess data is lost, and WSARecvMsg generates the error WSAEMSGSIZE." */
    recv_msg_init(&msg, &buf, small, sizeof(small), &from, NULL, 0);
    expect_wsa_error(pair.recvmsg(pair.receiver, &msg, &received, NULL, NULL), WSAEMSGSIZE, "short buffer");
    ok(!memcmp(small, "trun", 4), "buffer holds %.4s", small);
    /* MSG_TRUNC: "The datagram was truncated. More data was present than the process allocated room for." */
    ok(msg.dwFlags & MSG_TRUNC, "no MSG_TRUNC: %#lx", msg.dwFlags);
    ok(!wait_readable(pair.receiver, 100), "the rest of the truncated datagram is still queued");
}

static void test_timeout_and_nonblocking(void)
{
    char data[16];
    SOCKADDR_STORAGE from;
    DWORD timeout = 200, received, start;
    u_long on = 1, off = 0;
    WSABUF buf;
    WSAMSG msg;

    /* WSAETIMEDOUT: "...wait timeout specified using the SO_RCVTIMEO socket option and the timeout was exceeded." */
    setsockopt(pair.receiver, SOL_SOCKET, SO_RCVTIMEO, (char *)&timeout, sizeof(timeout));
    recv_msg_init(&msg, &buf, data, sizeof(data), &from, NULL, 0);
    start = GetTickCount();
    expect_wsa_error(pair.recvmsg(pair.receiver, &msg, &received, NULL, NULL), WSAETIMEDOUT, "SO_RCVTIMEO");
    ok(GetTickCount() - start >= 150, "timed out after only %lu ms", GetTickCount() - start);
    timeout = 0;
    setsockopt(pair.receiver, SOL_SOCKET, SO_RCVTIMEO, (char *)&timeout, sizeof(timeout));
    /* WSAEWOULDBLOCK: "The socket is marked as nonblocking and the receive operation cannot be completed immediately." */
    ioctlsocket(pair.receiver, FIONBIO, &on);
    expect_wsa_error(pair.recvmsg(pair.receiver, &msg, &received, NULL, NULL), WSAEWOULDBLOCK, "non-blocking");
    ioctlsocket(pair.receiver, FIONBIO, &off);
}

static void test_connreset(void)
{
    SOCKADDR_STORAGE closed_addr, from;
    SOCKET closed, s;
    char data[16];
    DWORD received, timeout = 300;
    BOOL off = FALSE;
    WSABUF buf;
    WSAMSG msg;

    closed = udp_bound(AF_INET, "127.0.0.1", WSA_FLAG_OVERLAPPED, &closed_addr);
    closesocket(closed);
    s = udp_bound(AF_INET, "127.0.0.1", WSA_FLAG_OVERLAPPED, &from);
    connect(s, (SOCKADDR *)&closed_addr, addr_len(&closed_addr));
    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, (char *)&timeout, sizeof(timeout));
    /* WSAECONNRESET: "...a previous send operation resulted in an ICMP Port Unreachable message." */
    send(s, "x", 1, 0);
    Sleep(50);
    recv_msg_init(&msg, &buf, data, sizeof(data), NULL, NULL, 0);
    expect_wsa_error(pair.recvmsg(s, &msg, &received, NULL, NULL), WSAECONNRESET, "port unreachable");
    /* SIO_UDP_CONNRESET FALSE: the ICMP error is not reported; the receive just waits. */
    WSAIoctl(s, SIO_UDP_CONNRESET, &off, sizeof(off), NULL, 0, &received, NULL, NULL);
    send(s, "x", 1, 0);
    Sleep(50);
    expect_wsa_error(pair.recvmsg(s, &msg, &received, NULL, NULL), WSAETIMEDOUT, "SIO_UDP_CONNRESET off");
    closesocket(s);
}

static DWORD routine_error, routine_bytes, routine_flags;
static int routine_calls;

static void CALLBACK completion_routine(DWORD error, DWORD bytes, WSAOVERLAPPED *ovl, DWORD flags)
{
    routine_error = error;
    routine_bytes = bytes;
    routine_flags = flags;
    routine_calls++;
}

static void test_overlapped(void)
{
    char data[64], small[4];
    SOCKADDR_STORAGE from;
    WSAOVERLAPPED ovl = { 0 };
    DWORD received = 0xdead, bytes, flags;
    WSABUF buf;
    WSAMSG msg;
    int ret;

    /* Pending: "WSARecvMsg returns SOCKET_ERROR and indicates error code WSA_IO_PENDING." */
    ovl.hEvent = WSACreateEvent();
    recv_msg_init(&msg, &buf, data, sizeof(data), &from, NULL, 0);
    ret = pair.recvmsg(pair.receiver, &msg, NULL, &ovl, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSA_IO_PENDING, "pending: %d %d", ret, WSAGetLastError());
    ok(!HasOverlappedIoCompleted(&ovl), "completed before any data");
    ok(!WSAGetOverlappedResult(pair.receiver, &ovl, &bytes, FALSE, &flags) && WSAGetLastError() == WSA_IO_INCOMPLETE,
       "WSAGetOverlappedResult while pending: %d", WSAGetLastError());
    pair_send_text("overlapped");
    /* "...the hEvent parameter of lpOverlapped is signaled when the overlapped operation completes" */
    ok(WaitForSingleObject(ovl.hEvent, 2000) == WAIT_OBJECT_0, "event not signalled");
    ok(HasOverlappedIoCompleted(&ovl), "not completed");
    ok(WSAGetOverlappedResult(pair.receiver, &ovl, &bytes, FALSE, &flags) && bytes == 10 && flags == 0,
       "result: %lu bytes flags %#lx error %d", bytes, flags, WSAGetLastError());
    ok(!strcmp(addr_text(&from), "127.0.0.1"), "from %s", addr_text(&from));

    /* Immediate completion: "returns a value of zero and the lpNumberOfBytesRecvd parameter is updated". */
    pair_send_text("immediate");
    wait_readable(pair.receiver, 2000);
    ResetEvent(ovl.hEvent);
    recv_msg_init(&msg, &buf, data, sizeof(data), &from, NULL, 0);
    ok(!pair.recvmsg(pair.receiver, &msg, &received, &ovl, NULL) && received == 9, "immediate: %d, %lu",
       WSAGetLastError(), received);
    ok(WaitForSingleObject(ovl.hEvent, 0) == WAIT_OBJECT_0, "event not signalled on immediate completion");

    /* Completion routine: runs in an alertable wait, with the output flags in dwFlags. */
    recv_msg_init(&msg, &buf, small, sizeof(small), &from, NULL, 0);
    routine_calls = 0;
    ret = pair.recvmsg(pair.receiver, &msg, NULL, &ovl, completion_routine);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSA_IO_PENDING, "routine pending: %d", WSAGetLastError());
    pair_send_text("truncated by routine");
    Sleep(200);
    /* "The completion routine will not be invoked until the thread is in an alertable wait state" */
    ok(routine_calls == 0, "routine ran outside an alertable wait");
    ok(SleepEx(2000, TRUE) == WAIT_IO_COMPLETION, "SleepEx not woken by the routine");
    ok(routine_calls == 1 && routine_error == WSAEMSGSIZE && routine_bytes == 4 && (routine_flags & MSG_TRUNC),
       "routine: calls %d error %lu bytes %lu flags %#lx", routine_calls, routine_error, routine_bytes,
       routine_flags);

    /* "WSA_OPERATION_ABORTED: The overlapped operation has been canceled due to the closure of the socket." */
    {
        SOCKADDR_STORAGE addr;
        SOCKET s = udp_bound(AF_INET, "127.0.0.1", WSA_FLAG_OVERLAPPED, &addr);
        LPFN_WSARECVMSG fn = get_recvmsg(s);

        ResetEvent(ovl.hEvent);
        recv_msg_init(&msg, &buf, data, sizeof(data), NULL, NULL, 0);
        fn(s, &msg, NULL, &ovl, NULL);
        closesocket(s);
        ok(WaitForSingleObject(ovl.hEvent, 2000) == WAIT_OBJECT_0, "no completion on close");
        ok((ovl.Internal & 0xffff) == WSA_OPERATION_ABORTED || ovl.Internal == 0xc0000120,
           "status after close %#Ix", ovl.Internal);
    }
    WSACloseEvent(ovl.hEvent);
}

static int apc_ran;

static void CALLBACK user_apc(ULONG_PTR param)
{
    apc_ran++;
}

static DWORD WINAPI late_sender(void *param)
{
    Sleep(300);
    pair_send_text("late");
    return 0;
}

static void test_blocking_is_alertable(void)
{
    char data[16];
    SOCKADDR_STORAGE from;
    DWORD received = 0;
    HANDLE thread;
    WSABUF buf;
    WSAMSG msg;

    /* "Winsock performs an alertable wait in this situation, which can be interrupted by an asynchronous
     * procedure call (APC) scheduled on the same thread." */
    apc_ran = 0;
    QueueUserAPC(user_apc, GetCurrentThread(), 0);
    thread = CreateThread(NULL, 0, late_sender, NULL, 0, NULL);
    recv_msg_init(&msg, &buf, data, sizeof(data), &from, NULL, 0);
    ok(!pair.recvmsg(pair.receiver, &msg, &received, NULL, NULL) && received == 4, "blocking receive: %d",
       WSAGetLastError());
    ok(apc_ran == 1, "the APC did not run inside the blocking call");
    WaitForSingleObject(thread, INFINITE);
    CloseHandle(thread);
}

/* UDP_RECV_MAX_COALESCED_SIZE on, UDP_SEND_MSG_SIZE datagrams arrive in one read with UDP_COALESCED_INFO. */
static void test_coalesced(void)
{
    SOCKADDR_STORAGE addr, from;
    SOCKET r = udp_bound(AF_INET, "127.0.0.1", 0, &addr);
    LPFN_WSARECVMSG fn = get_recvmsg(r);
    char payload[4000], data[8192], control[64], rcontrol[64];
    DWORD max = sizeof(data), got_max = 0, segment = 1000, sent = 0, received = 0, *info;
    int len = sizeof(got_max);
    ULONG used = 0;
    WSABUF buf;
    WSAMSG msg;

    /* "UDP_RECV_MAX_COALESCED_SIZE ... the maximum message size in bytes that can be coalesced" (get = set). */
    ok(!setsockopt(r, IPPROTO_UDP, UDP_RECV_MAX_COALESCED_SIZE, (char *)&max, sizeof(max)), "set: %d",
       WSAGetLastError());
    ok(!getsockopt(r, IPPROTO_UDP, UDP_RECV_MAX_COALESCED_SIZE, (char *)&got_max, &len) && got_max == max,
       "get: %lu (%d)", got_max, WSAGetLastError());
    memset(payload, 'c', sizeof(payload));
    cmsg_put(control, &used, IPPROTO_UDP, UDP_SEND_MSG_SIZE, &segment, sizeof(segment));
    ok(!send_msg(pair.sender, &addr, payload, sizeof(payload), control, used, &sent) && sent == sizeof(payload),
       "segmented send: %d", WSAGetLastError());
    ok(wait_readable(r, 2000), "nothing arrived");
    recv_msg_init(&msg, &buf, data, sizeof(data), &from, rcontrol, sizeof(rcontrol));
    ok(!fn(r, &msg, &received, NULL, NULL), "receive: %d", WSAGetLastError());
    info = cmsg_find(&msg, IPPROTO_UDP, UDP_COALESCED_INFO);
    if (received == segment && !info)
        skip("host did not coalesce the segments (no UDP GRO on loopback here)");
    else
    {
        /* UDP_COALESCED_INFO: "the size of each message (except possibly the last) in a coalesced receive" */
        ok(received == sizeof(payload), "coalesced read: %lu bytes", received);
        ok(info && *info == segment, "UDP_COALESCED_INFO: %lu", info ? *info : 0);
        ok(!(msg.dwFlags & MSG_TRUNC), "flags %#lx", msg.dwFlags);
    }
    closesocket(r);
}

void run_tests(void)
{
    pair_open(WSA_FLAG_OVERLAPPED);

    test_errors();
    test_control_and_flags();
    test_truncation_and_peek();
    test_timeout_and_nonblocking();
    test_connreset();
    test_overlapped();
    test_blocking_is_alertable();
    test_coalesced();

    pair_close();
}

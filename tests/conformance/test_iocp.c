/*
 * I/O completion ports on msgsock's own transfers: WSARecvMsg, WSASendMsg,
 * WSARecvFrom and WSASendTo on a socket associated with a port report through
 * GetQueuedCompletionStatus with the byte count, the key and the OVERLAPPED,
 * whether they complete at once or later, as Windows does.
 */
#include <string.h>

#include "msg_util.h"

static HANDLE port;

#define RECEIVER_KEY 0x1234
#define SENDER_KEY   0x5678

/* One packet from the port within `ms`: its result, bytes, key and OVERLAPPED. */
static BOOL dequeue(DWORD ms, DWORD *bytes, ULONG_PTR *key, OVERLAPPED **ovl, DWORD *error)
{
    BOOL ret;

    *bytes = 0xdead;
    *key = 0;
    *ovl = NULL;
    SetLastError(0xdeadbeef);
    ret = GetQueuedCompletionStatus(port, bytes, key, ovl, ms);
    *error = ret ? 0 : GetLastError();
    return ret;
}

static void expect_no_packet(const char *what)
{
    DWORD bytes, error;
    ULONG_PTR key;
    OVERLAPPED *ovl;

    BOOL got = dequeue(200, &bytes, &key, &ovl, &error);

    ok(!got && !ovl && error == WAIT_TIMEOUT,
       "%s: unexpected packet (ovl %p bytes %lu error %lu)", what, ovl, bytes, error);
}

static void test_pending_recvmsg(void)
{
    WSAOVERLAPPED ovl = { 0 };
    SOCKADDR_STORAGE from;
    char data[64];
    DWORD bytes, error;
    ULONG_PTR key;
    OVERLAPPED *got;
    WSABUF buf;
    WSAMSG msg;
    int ret;

    recv_msg_init(&msg, &buf, data, sizeof(data), &from, NULL, 0);
    ret = pair.recvmsg(pair.receiver, &msg, NULL, &ovl, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSA_IO_PENDING, "pending: %d %d", ret, WSAGetLastError());
    expect_no_packet("before any data");
    pair_send_text("to the port");
    /* The port reports the completed request: bytes, the socket's key, the OVERLAPPED. */
    ret = dequeue(2000, &bytes, &key, &got, &error);
    ok(ret, "no packet: error %lu", error);
    ok(got == &ovl && key == RECEIVER_KEY && bytes == 11, "packet: ovl %p key %#Ix bytes %lu", got, key, bytes);
    ok(!memcmp(data, "to the port", 11), "data %.11s", data);
    ok(!strcmp(addr_text(&from), "127.0.0.1"), "from %s", addr_text(&from));
    ok(HasOverlappedIoCompleted(&ovl) && ovl.InternalHigh == 11, "OVERLAPPED: %#Ix %Iu", ovl.Internal,
       ovl.InternalHigh);
}

static void test_immediate(void)
{
    LPFN_WSASENDMSG sendmsg_fn = get_sendmsg(pair.sender);
    WSAOVERLAPPED ovl = { 0 };
    DWORD bytes, error, sent = 0, received = 0, flags = 0;
    char data[64] = "immediately sent";
    ULONG_PTR key;
    OVERLAPPED *got;
    BOOL ret;
    WSABUF buf = { 16, data };
    WSAMSG msg = { 0 };

    /* "If no error occurs and the send operation has completed immediately, WSASendMsg returns zero"; the
     * completion is still queued to the port (no FILE_SKIP_COMPLETION_PORT_ON_SUCCESS). */
    msg.name = (SOCKADDR *)&pair.receiver_addr;
    msg.namelen = addr_len(&pair.receiver_addr);
    msg.lpBuffers = &buf;
    msg.dwBufferCount = 1;
    ok(!sendmsg_fn(pair.sender, &msg, 0, &sent, &ovl, NULL) && sent == 16, "send: %d sent %lu", WSAGetLastError(),
       sent);
    ret = dequeue(2000, &bytes, &key, &got, &error);
    ok(ret, "no send packet: error %lu", error);
    ok(got == &ovl && key == SENDER_KEY && bytes == 16, "send packet: ovl %p key %#Ix bytes %lu", got, key, bytes);

    /* An immediate WSARecvFrom reports to the port too. */
    wait_readable(pair.receiver, 2000);
    memset(&ovl, 0, sizeof(ovl));
    buf.len = sizeof(data);
    ok(!WSARecvFrom(pair.receiver, &buf, 1, &received, &flags, NULL, NULL, &ovl, NULL) && received == 16,
       "recv: %d received %lu", WSAGetLastError(), received);
    ret = dequeue(2000, &bytes, &key, &got, &error);
    ok(ret, "no recv packet: error %lu", error);
    ok(got == &ovl && key == RECEIVER_KEY && bytes == 16, "recv packet: ovl %p key %#Ix bytes %lu", got, key,
       bytes);
}

static void test_event_low_bit(void)
{
    WSAOVERLAPPED ovl = { 0 };
    DWORD sent = 0, bytes, flags;
    char data[8] = "lowbit";
    WSABUF buf = { 6, data };
    HANDLE event = CreateEventW(NULL, TRUE, FALSE, NULL);

    /* GetQueuedCompletionStatus: "...setting the low-order bit of hEvent ... prevents the I/O completion from
     * being queued to a completion port." */
    ovl.hEvent = (HANDLE)((ULONG_PTR)event | 1);
    ok(!WSASendTo(pair.sender, &buf, 1, &sent, 0, (SOCKADDR *)&pair.receiver_addr, addr_len(&pair.receiver_addr), &ovl, NULL),
       "send: %d", WSAGetLastError());
    expect_no_packet("hEvent low bit");
    ok(WSAGetOverlappedResult(pair.sender, &ovl, &bytes, FALSE, &flags) && bytes == 6, "result %lu", bytes);
    CloseHandle(event);
    wait_readable(pair.receiver, 2000);
    buf.len = sizeof(data);
    flags = 0;
    WSARecv(pair.receiver, &buf, 1, &bytes, &flags, NULL, NULL);
}

static void test_truncated(void)
{
    WSAOVERLAPPED ovl = { 0 };
    char small[4];
    DWORD bytes, error, flags;
    BOOL ret;
    ULONG_PTR key;
    OVERLAPPED *got;
    WSABUF buf;
    WSAMSG msg;

    recv_msg_init(&msg, &buf, small, sizeof(small), NULL, NULL, 0);
    ok(pair.recvmsg(pair.receiver, &msg, NULL, &ovl, NULL) == SOCKET_ERROR && WSAGetLastError() == WSA_IO_PENDING,
       "pending: %d", WSAGetLastError());
    pair_send_text("longer than four");
    /* A datagram larger than the buffer: the port reports failure with ERROR_MORE_DATA (STATUS_BUFFER_OVERFLOW),
     * the buffer holds its start, and WSAGetOverlappedResult says WSAEMSGSIZE with MSG_TRUNC. */
    ret = dequeue(2000, &bytes, &key, &got, &error);
    ok(!ret && got == &ovl, "truncated: ok or no packet (%lu)", error);
    ok(error == ERROR_MORE_DATA && bytes == 4 && key == RECEIVER_KEY, "truncated: error %lu bytes %lu key %#Ix",
       error, bytes, key);
    ok(!memcmp(small, "long", 4), "start of the datagram: %.4s", small);
    ok(!WSAGetOverlappedResult(pair.receiver, &ovl, &bytes, FALSE, &flags) && WSAGetLastError() == WSAEMSGSIZE &&
       (flags & MSG_TRUNC), "result: error %d flags %#lx", WSAGetLastError(), flags);
}

/*
 * Go's net reads datagrams with an overlapped WSARecvFrom on a port.  WSARecvFrom: "If the datagram or message
 * is larger than the buffers specified, the buffers are filled with the first part of the datagram, and
 * WSARecvFrom generates the error WSAEMSGSIZE"; the port reports the bytes that were filled.
 */
static void expect_truncated_packet(WSAOVERLAPPED *ovl, const char *what)
{
    DWORD bytes, error;
    ULONG_PTR key;
    OVERLAPPED *got;
    BOOL ret = dequeue(2000, &bytes, &key, &got, &error);

    ok(!ret && got == ovl && error == ERROR_MORE_DATA && bytes == 19,
       "%s: ret %d ovl %p error %lu bytes %lu", what, ret, got, error, bytes);
}

static void test_truncated_recvfrom(void)
{
    static const char twenty[] = "twenty bytes exactly";
    SOCKADDR_STORAGE from;
    WSAOVERLAPPED ovl = { 0 };
    char small[19];
    WSABUF buf = { sizeof(small), small };
    DWORD flags = 0, received = 0;
    int fromlen = sizeof(from), ret;

    ret = WSARecvFrom(pair.receiver, &buf, 1, &received, &flags, (SOCKADDR *)&from, &fromlen, &ovl, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSA_IO_PENDING, "pending: %d %d", ret, WSAGetLastError());
    ok(sendto(pair.sender, twenty, 20, 0, (SOCKADDR *)&pair.receiver_addr, addr_len(&pair.receiver_addr)) == 20,
       "sendto: %d", WSAGetLastError());
    expect_truncated_packet(&ovl, "pending");
    ok(!memcmp(small, twenty, 19), "start of the datagram: %.19s", small);

    /* The datagram already there: WSAEMSGSIZE at once, and the packet all the same. */
    ok(sendto(pair.sender, twenty, 20, 0, (SOCKADDR *)&pair.receiver_addr, addr_len(&pair.receiver_addr)) == 20,
       "sendto: %d", WSAGetLastError());
    wait_readable(pair.receiver, 2000);
    fromlen = sizeof(from);
    flags = 0;
    ret = WSARecvFrom(pair.receiver, &buf, 1, &received, &flags, (SOCKADDR *)&from, &fromlen, &ovl, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEMSGSIZE, "immediate: %d %d", ret, WSAGetLastError());
    expect_truncated_packet(&ovl, "immediate");

    /* Through GetQueuedCompletionStatusEx, then WSAGetOverlappedResult on the OVERLAPPED (Go's netpoll). */
    ret = WSARecvFrom(pair.receiver, &buf, 1, &received, &flags, (SOCKADDR *)&from, &fromlen, &ovl, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSA_IO_PENDING, "pending: %d %d", ret, WSAGetLastError());
    ok(sendto(pair.sender, twenty, 20, 0, (SOCKADDR *)&pair.receiver_addr, addr_len(&pair.receiver_addr)) == 20,
       "sendto: %d", WSAGetLastError());
    {
        OVERLAPPED_ENTRY entry = { 0 };
        ULONG count = 0;
        DWORD bytes = 0;

        ok(GetQueuedCompletionStatusEx(port, &entry, 1, &count, 2000, FALSE) && count == 1 &&
           entry.lpOverlapped == (OVERLAPPED *)&ovl && entry.dwNumberOfBytesTransferred == 19,
           "GetQueuedCompletionStatusEx: count %lu ovl %p bytes %lu", count, entry.lpOverlapped,
           entry.dwNumberOfBytesTransferred);
        ok(!WSAGetOverlappedResult(pair.receiver, &ovl, &bytes, FALSE, &flags) && WSAGetLastError() == WSAEMSGSIZE &&
           bytes == 19, "WSAGetOverlappedResult: error %d bytes %lu", WSAGetLastError(), bytes);
    }
}

static void test_skip_on_success(void)
{
    SOCKADDR_STORAGE addr;
    SOCKET s = udp_bound(AF_INET, "127.0.0.1", WSA_FLAG_OVERLAPPED, &addr);
    WSAOVERLAPPED ovl = { 0 };
    DWORD sent = 0, bytes, error;
    BOOL ret;
    char data[4] = "skip";
    WSABUF buf = { 4, data };
    ULONG_PTR key;
    OVERLAPPED *got;

    ok(CreateIoCompletionPort((HANDLE)s, port, 0x99, 0) == port, "associate: %lu", GetLastError());
    ok(SetFileCompletionNotificationModes((HANDLE)s, FILE_SKIP_COMPLETION_PORT_ON_SUCCESS),
       "SetFileCompletionNotificationModes: %lu", GetLastError());
    /* FILE_SKIP_COMPLETION_PORT_ON_SUCCESS: "If the following three conditions are true, the I/O Manager does
     * not queue a completion entry to the port ... the operation returns immediately with success". */
    ok(!WSASendTo(s, &buf, 1, &sent, 0, (SOCKADDR *)&pair.receiver_addr, addr_len(&pair.receiver_addr), &ovl, NULL) &&
       sent == 4, "send: %d", WSAGetLastError());
    expect_no_packet("skip on success, immediate");
    wait_readable(pair.receiver, 2000);
    {
        char sink[8];
        recv(pair.receiver, sink, sizeof(sink), 0);
    }

    /* A request that pends still reports to the port. */
    {
        SOCKADDR_STORAGE from;
        int fromlen = sizeof(from);
        DWORD flags = 0, received = 0;
        char in[16];
        WSABUF inbuf = { sizeof(in), in };

        memset(&ovl, 0, sizeof(ovl));
        ok(WSARecvFrom(s, &inbuf, 1, &received, &flags, (SOCKADDR *)&from, &fromlen, &ovl, NULL) == SOCKET_ERROR &&
           WSAGetLastError() == WSA_IO_PENDING, "pending: %d", WSAGetLastError());
        ok(sendto(pair.sender, "late", 4, 0, (SOCKADDR *)&addr, addr_len(&addr)) == 4, "sendto: %d", WSAGetLastError());
        ret = dequeue(2000, &bytes, &key, &got, &error);
        ok(ret && got == &ovl && key == 0x99 && bytes == 4,
           "pended packet: ovl %p key %#Ix bytes %lu error %lu", got, key, bytes, error);
    }
    closesocket(s);
}

static void test_abort_on_close(void)
{
    SOCKADDR_STORAGE addr;
    SOCKET s = udp_bound(AF_INET, "127.0.0.1", WSA_FLAG_OVERLAPPED, &addr);
    WSAOVERLAPPED ovl = { 0 };
    DWORD bytes, error, flags = 0;
    BOOL ret;
    char data[16];
    WSABUF buf = { sizeof(data), data };
    ULONG_PTR key;
    OVERLAPPED *got;

    ok(CreateIoCompletionPort((HANDLE)s, port, 0x77, 0) == port, "associate: %lu", GetLastError());
    ok(WSARecv(s, &buf, 1, NULL, &flags, &ovl, NULL) == SOCKET_ERROR && WSAGetLastError() == WSA_IO_PENDING,
       "pending: %d", WSAGetLastError());
    closesocket(s);
    /* Closing the socket cancels the request: its packet carries ERROR_OPERATION_ABORTED. */
    ret = dequeue(2000, &bytes, &key, &got, &error);
    ok(!ret && got == &ovl, "abort packet: ovl %p error %lu", got, error);
    ok(error == ERROR_OPERATION_ABORTED && key == 0x77 && bytes == 0, "abort: error %lu key %#Ix bytes %lu", error,
       key, bytes);
}

static void test_port_outlives_handle(void)
{
    SOCKADDR_STORAGE addr;
    HANDLE own, kept;
    WSAOVERLAPPED ovl = { 0 };
    OVERLAPPED *got = NULL;
    char data[16];
    WSABUF buf = { sizeof(data), data };
    DWORD bytes = 0, flags = 0;
    ULONG_PTR key = 0;
    SOCKET s;
    BOOL ret;

    /* CreateIoCompletionPort: "The I/O completion port handle and every file handle associated with that
     * particular I/O completion port are known as references to the I/O completion port. The I/O completion
     * port is released when there are no more references to it." */
    s = udp_bound(AF_INET, "127.0.0.1", WSA_FLAG_OVERLAPPED, &addr);
    own = CreateIoCompletionPort((HANDLE)s, NULL, 99, 0);
    ok(own && DuplicateHandle(GetCurrentProcess(), own, GetCurrentProcess(), &kept, 0, FALSE,
                              DUPLICATE_SAME_ACCESS), "port: %lu", GetLastError());
    CloseHandle(own);
    ok(WSARecvFrom(s, &buf, 1, NULL, &flags, NULL, NULL, &ovl, NULL) == SOCKET_ERROR &&
       WSAGetLastError() == WSA_IO_PENDING, "not pending: %d", WSAGetLastError());
    ok(sendto(pair.sender, "still there", 11, 0, (struct sockaddr *)&addr, addr_len(&addr)) == 11, "sendto: %d",
       WSAGetLastError());
    ret = GetQueuedCompletionStatus(kept, &bytes, &key, &got, 5000);
    ok(ret && got == &ovl && key == 99 && bytes == 11, "packet after the creating handle closed: ret %d ovl %p "
       "key %Iu bytes %lu error %lu", ret, got, key, bytes, ret ? 0 : GetLastError());
    closesocket(s);
    CloseHandle(kept);
}

void run_tests(void)
{
    pair_open(WSA_FLAG_OVERLAPPED);
    port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    if (!port) fatal("CreateIoCompletionPort: %lu", GetLastError());
    /* CreateIoCompletionPort: "associates an input/output (I/O) completion port with one or more file handles" */
    ok(CreateIoCompletionPort((HANDLE)pair.receiver, port, RECEIVER_KEY, 0) == port, "associate receiver: %lu",
       GetLastError());
    ok(CreateIoCompletionPort((HANDLE)pair.sender, port, SENDER_KEY, 0) == port, "associate sender: %lu",
       GetLastError());

    test_pending_recvmsg();
    test_immediate();
    test_event_low_bit();
    test_truncated();
    test_truncated_recvfrom();
    test_skip_on_success();
    test_abort_on_close();
    test_port_outlives_handle();

    CloseHandle(port);
    pair_close();
}

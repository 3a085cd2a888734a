/*
 * Cancelling msgsock's pending requests: CancelIoEx (one OVERLAPPED or all),
 * CancelIo (the calling thread's), SIO_FLUSH, and a thread's exit, each
 * completing with WSA_OPERATION_ABORTED through the request's own notification.
 */
#include <string.h>

#include "msg_util.h"
#include "tcp_util.h"

/* A pending WSARecvMsg on the receiver into `data`, notified by ovl's event or `routine`. */
static void post_recv(WSAOVERLAPPED *ovl, WSAMSG *msg, WSABUF *buf, char *data, ULONG len,
                      LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    int ret;

    recv_msg_init(msg, buf, data, len, NULL, NULL, 0);
    ret = pair.recvmsg(pair.receiver, msg, NULL, ovl, routine);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSA_IO_PENDING, "not pending: %d %d", ret, WSAGetLastError());
}

/* The result WSAGetOverlappedResult reports for a finished request: 0 or the error. */
static int result_of(WSAOVERLAPPED *ovl, DWORD *bytes)
{
    DWORD flags;

    return WSAGetOverlappedResult(pair.receiver, ovl, bytes, FALSE, &flags) ? 0 : WSAGetLastError();
}

static void test_cancel_one(void)
{
    WSAOVERLAPPED first = { 0 }, second = { 0 }, unknown = { 0 };
    char data1[32], data2[32];
    WSABUF buf1, buf2;
    WSAMSG msg1, msg2;
    DWORD bytes;
    BOOL ret;
    int error;

    first.hEvent = WSACreateEvent();
    second.hEvent = WSACreateEvent();
    post_recv(&first, &msg1, &buf1, data1, sizeof(data1), NULL);
    post_recv(&second, &msg2, &buf2, data2, sizeof(data2), NULL);

    /* CancelIoEx: "If this parameter is NULL, all I/O requests for the hFile parameter are canceled" —
     * otherwise only the request issued with lpOverlapped. */
    ret = CancelIoEx((HANDLE)pair.receiver, (OVERLAPPED *)&unknown);
    ok(!ret && GetLastError() == ERROR_NOT_FOUND, "unknown OVERLAPPED: %d %lu", ret, GetLastError());
    ret = CancelIoEx((HANDLE)pair.receiver, (OVERLAPPED *)&second);
    ok(ret, "CancelIoEx(second): %lu", GetLastError());
    ok(WaitForSingleObject(second.hEvent, 2000) == WAIT_OBJECT_0, "cancelled request's event not signalled");
    error = result_of(&second, &bytes);
    ok(error == WSA_OPERATION_ABORTED && bytes == 0, "cancelled: error %d bytes %lu", error, bytes);
    ok(!HasOverlappedIoCompleted(&first), "the other request was cancelled too");

    /* The request left pending still gets the next datagram. */
    pair_send_text("still here");
    ok(WaitForSingleObject(first.hEvent, 2000) == WAIT_OBJECT_0, "first request not completed");
    error = result_of(&first, &bytes);
    ok(!error && bytes == 10 && !memcmp(data1, "still here", 10), "first: error %d bytes %lu", error, bytes);

    /* Cancelling a finished request finds nothing. */
    ret = CancelIoEx((HANDLE)pair.receiver, (OVERLAPPED *)&first);
    ok(!ret && GetLastError() == ERROR_NOT_FOUND, "finished request: %d %lu", ret, GetLastError());
    WSACloseEvent(first.hEvent);
    WSACloseEvent(second.hEvent);
}

static void test_cancel_all(void)
{
    WSAOVERLAPPED ovl[3] = { { 0 } };
    char data[3][16];
    WSABUF buf[3];
    WSAMSG msg[3];
    DWORD bytes;
    int i, error;

    for (i = 0; i < 3; i++)
    {
        ovl[i].hEvent = WSACreateEvent();
        post_recv(&ovl[i], &msg[i], &buf[i], data[i], sizeof(data[i]), NULL);
    }
    ok(CancelIoEx((HANDLE)pair.receiver, NULL), "CancelIoEx(NULL): %lu", GetLastError());
    for (i = 0; i < 3; i++)
    {
        ok(WaitForSingleObject(ovl[i].hEvent, 2000) == WAIT_OBJECT_0, "request %d not completed", i);
        error = result_of(&ovl[i], &bytes);
        ok(error == WSA_OPERATION_ABORTED, "request %d: error %d", i, error);
        WSACloseEvent(ovl[i].hEvent);
    }
}

struct cancel_io_args
{
    BOOL ret;
    DWORD error;
};

static DWORD WINAPI cancel_io_thread(void *arg)
{
    struct cancel_io_args *args = arg;

    args->ret = CancelIo((HANDLE)pair.receiver);
    args->error = GetLastError();
    return 0;
}

static void test_cancel_io(void)
{
    struct cancel_io_args args = { 0 };
    WSAOVERLAPPED ovl = { 0 };
    char data[16];
    HANDLE thread;
    WSABUF buf;
    WSAMSG msg;
    DWORD bytes;
    int error;

    ovl.hEvent = WSACreateEvent();
    post_recv(&ovl, &msg, &buf, data, sizeof(data), NULL);
    /* CancelIo: "cancels all pending input and output (I/O) operations that are issued by the calling thread". */
    thread = CreateThread(NULL, 0, cancel_io_thread, &args, 0, NULL);
    WaitForSingleObject(thread, INFINITE);
    CloseHandle(thread);
    ok(!HasOverlappedIoCompleted(&ovl), "another thread's CancelIo cancelled this thread's request");
    ok(CancelIo((HANDLE)pair.receiver), "CancelIo: %lu", GetLastError());
    ok(WaitForSingleObject(ovl.hEvent, 2000) == WAIT_OBJECT_0, "not completed");
    error = result_of(&ovl, &bytes);
    ok(error == WSA_OPERATION_ABORTED, "CancelIo: error %d", error);
    WSACloseEvent(ovl.hEvent);
}

static int routine_calls;
static DWORD routine_error, routine_bytes;

static void CALLBACK routine(DWORD error, DWORD bytes, WSAOVERLAPPED *ovl, DWORD flags)
{
    routine_calls++;
    routine_error = error;
    routine_bytes = bytes;
}

static void test_cancel_routine_and_port(void)
{
    WSAOVERLAPPED ovl = { 0 }, port_ovl = { 0 };
    SOCKADDR_STORAGE addr;
    OVERLAPPED *got = NULL;
    ULONG_PTR key = 0;
    DWORD bytes = 0xdead, flags = 0;
    char data[16];
    WSABUF buf;
    WSAMSG msg;
    HANDLE port;
    SOCKET s;
    BOOL ret;

    /* A cancelled request's completion routine runs in the next alertable wait with WSA_OPERATION_ABORTED. */
    routine_calls = 0;
    post_recv(&ovl, &msg, &buf, data, sizeof(data), routine);
    ok(CancelIoEx((HANDLE)pair.receiver, (OVERLAPPED *)&ovl), "CancelIoEx: %lu", GetLastError());
    ok(SleepEx(2000, TRUE) == WAIT_IO_COMPLETION, "routine did not run");
    ok(routine_calls == 1 && routine_error == WSA_OPERATION_ABORTED && routine_bytes == 0,
       "routine: calls %d error %lu bytes %lu", routine_calls, routine_error, routine_bytes);

    /* On a socket associated with a port, the cancelled request's packet carries ERROR_OPERATION_ABORTED. */
    s = udp_bound(AF_INET, "127.0.0.1", WSA_FLAG_OVERLAPPED, &addr);
    port = CreateIoCompletionPort((HANDLE)s, NULL, 0x42, 0);
    ok(port != NULL, "CreateIoCompletionPort: %lu", GetLastError());
    buf.len = sizeof(data);
    buf.buf = data;
    ok(WSARecv(s, &buf, 1, NULL, &flags, &port_ovl, NULL) == SOCKET_ERROR && WSAGetLastError() == WSA_IO_PENDING,
       "pending: %d", WSAGetLastError());
    ok(CancelIoEx((HANDLE)s, (OVERLAPPED *)&port_ovl), "CancelIoEx: %lu", GetLastError());
    SetLastError(0xdeadbeef);
    ret = GetQueuedCompletionStatus(port, &bytes, &key, &got, 2000);
    ok(!ret && GetLastError() == ERROR_OPERATION_ABORTED && got == (OVERLAPPED *)&port_ovl && key == 0x42 &&
       bytes == 0, "packet: ret %d error %lu ovl %p key %#Ix bytes %lu", ret, GetLastError(), got, key, bytes);
    closesocket(s);
    CloseHandle(port);
}

static void test_sio_flush(void)
{
    WSAOVERLAPPED ovl = { 0 };
    DWORD returned = 0xdead, bytes;
    char data[16];
    WSABUF buf;
    WSAMSG msg;
    int error;

    /* SIO_FLUSH "Discards current contents of the sending queue": succeeds, and leaves receives alone. */
    ovl.hEvent = WSACreateEvent();
    post_recv(&ovl, &msg, &buf, data, sizeof(data), NULL);
    ok(!WSAIoctl(pair.receiver, SIO_FLUSH, NULL, 0, NULL, 0, &returned, NULL, NULL), "SIO_FLUSH: %d",
       WSAGetLastError());
    ok(!HasOverlappedIoCompleted(&ovl), "SIO_FLUSH cancelled a receive");
    pair_send_text("after flush");
    ok(WaitForSingleObject(ovl.hEvent, 2000) == WAIT_OBJECT_0, "receive not completed");
    error = result_of(&ovl, &bytes);
    ok(!error && bytes == 11, "after flush: error %d bytes %lu", error, bytes);
    WSACloseEvent(ovl.hEvent);
}

/* SIO_FLUSH on a stream whose peer doesn't read: the sends left pending end with WSA_OPERATION_ABORTED. */
static void test_sio_flush_sends(void)
{
    static char block[65536];
    WSAOVERLAPPED ovl[64];
    SOCKET client, server;
    DWORD returned, bytes, flags;
    int i, pending, small = 4096, error;

    if (!tcp_pair(AF_INET, WSA_FLAG_OVERLAPPED, &client, &server))
    {
        skip("no TCP pair: %d", WSAGetLastError());
        return;
    }
    setsockopt(client, SOL_SOCKET, SO_SNDBUF, (char *)&small, sizeof(small));
    setsockopt(server, SOL_SOCKET, SO_RCVBUF, (char *)&small, sizeof(small));
    pending = send_until_pending(client, ovl, 64, block, sizeof(block));
    ok(pending >= 0, "no send ever pended");
    /* The last of more pending sends surely still waits when SIO_FLUSH comes (tcp_util.h). */
    pending = send_more_pending(client, ovl, 64, pending, block, sizeof(block));
    if (pending >= 0)
    {
        ok(!WSAIoctl(client, SIO_FLUSH, NULL, 0, NULL, 0, &returned, NULL, NULL), "SIO_FLUSH: %d", WSAGetLastError());
        ok(WaitForSingleObject(ovl[pending].hEvent, 2000) == WAIT_OBJECT_0, "pending send not completed");
        error = WSAGetOverlappedResult(client, &ovl[pending], &bytes, FALSE, &flags) ? 0 : WSAGetLastError();
        /* "The overlapped operation has been canceled due to ... the execution of the SIO_FLUSH command" */
        ok(error == WSA_OPERATION_ABORTED, "pending send after SIO_FLUSH: error %d", error);
    }
    for (i = 0; i < 64 && ovl[i].hEvent; i++) WSACloseEvent(ovl[i].hEvent);
    closesocket(client);
    closesocket(server);
}

struct exiting_args
{
    WSAOVERLAPPED ovl;
    WSAMSG msg;
    WSABUF buf;
    char data[16];
    LPWSAOVERLAPPED_COMPLETION_ROUTINE routine;
};

static DWORD WINAPI exiting_thread(void *arg)
{
    struct exiting_args *args = arg;

    post_recv(&args->ovl, &args->msg, &args->buf, args->data, sizeof(args->data), args->routine);
    return 0;
}

/*
 * WSARecv: "All I/O initiated by a given thread is canceled when that thread exits." The request ends
 * with WSA_OPERATION_ABORTED (its event set; its completion routine can no longer run) and takes no
 * later datagram.
 */
static void test_thread_exit(BOOL with_routine)
{
    struct exiting_args args;
    char data[16];
    HANDLE thread;
    DWORD bytes;
    int error;

    memset(&args, 0, sizeof(args));
    if (with_routine) args.routine = routine;
    else args.ovl.hEvent = WSACreateEvent();
    routine_calls = 0;
    thread = CreateThread(NULL, 0, exiting_thread, &args, 0, NULL);
    WaitForSingleObject(thread, INFINITE);
    CloseHandle(thread);
    if (!with_routine)
        ok(WaitForSingleObject(args.ovl.hEvent, 2000) == WAIT_OBJECT_0, "event of an exited thread's request not set");
    ok(HasOverlappedIoCompleted(&args.ovl), "request of an exited thread still pending (routine %d)", with_routine);
    error = result_of(&args.ovl, &bytes);
    ok(error == WSA_OPERATION_ABORTED, "exited thread's request (routine %d): error %d", with_routine, error);
    pair_send_text("for the living");
    ok(wait_readable(pair.receiver, 2000), "datagram not readable");
    ok(recv(pair.receiver, data, sizeof(data), 0) == 14 && !memcmp(data, "for the living", 14),
       "the datagram went to the dead thread's request: %d", WSAGetLastError());
    SleepEx(0, TRUE);
    ok(routine_calls == 0, "routine of an exited thread ran here");
    if (args.ovl.hEvent) WSACloseEvent(args.ovl.hEvent);
}

struct port_exit_args
{
    SOCKET s;
    WSAOVERLAPPED ovl;
    WSABUF buf;
    char data[16];
};

static DWORD WINAPI exiting_port_thread(void *arg)
{
    struct port_exit_args *args = arg;
    DWORD flags = 0;
    int ret;

    args->buf.buf = args->data;
    args->buf.len = sizeof(args->data);
    ret = WSARecvFrom(args->s, &args->buf, 1, NULL, &flags, NULL, NULL, &args->ovl, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSA_IO_PENDING, "not pending: %d %d", ret, WSAGetLastError());
    return 0;
}

/* Binds args->s to a new port with `key`, lets a thread start the receive and exit; the port. */
static HANDLE receive_from_exiting_thread(struct port_exit_args *args, ULONG_PTR key, const char *what)
{
    HANDLE thread, port = CreateIoCompletionPort((HANDLE)args->s, NULL, key, 0);

    ok(port != NULL, "%s: CreateIoCompletionPort: %lu", what, GetLastError());
    thread = CreateThread(NULL, 0, exiting_port_thread, args, 0, NULL);
    WaitForSingleObject(thread, INFINITE);
    CloseHandle(thread);
    ok(!HasOverlappedIoCompleted(&args->ovl), "%s: request on a port cancelled by its thread's exit: %#Ix", what,
       args->ovl.Internal);
    return port;
}

static void test_thread_exit_port(void)
{
    struct port_exit_args args;
    SOCKADDR_STORAGE addr;
    OVERLAPPED *got = NULL;
    ULONG_PTR key = 0;
    HANDLE port;
    DWORD bytes = 0;
    BOOL ret;

    /* Since Windows Vista the I/O of a file associated with a completion port is not cancelled when the thread
     * that started it exits: a thread pool's worker may end while its request lives on. */
    memset(&args, 0, sizeof(args));
    args.s = udp_bound(AF_INET, "127.0.0.1", WSA_FLAG_OVERLAPPED, &addr);
    port = receive_from_exiting_thread(&args, 77, "datagram");
    ok(sendto(pair.sender, "to the port", 11, 0, (struct sockaddr *)&addr, addr_len(&addr)) == 11, "sendto: %d",
       WSAGetLastError());
    ret = GetQueuedCompletionStatus(port, &bytes, &key, &got, 5000);
    ok(ret && got == &args.ovl && key == 77 && bytes == 11 && !memcmp(args.data, "to the port", 11),
       "packet: ret %d ovl %p key %Iu bytes %lu error %lu", ret, got, key, bytes, ret ? 0 : GetLastError());
    closesocket(args.s);
    CloseHandle(port);
}

/* The same on a connected stream: the request outlives its thread and gets the peer's bytes. */
static void test_thread_exit_port_stream(void)
{
    struct port_exit_args args;
    OVERLAPPED *got = NULL;
    ULONG_PTR key = 0;
    HANDLE port;
    SOCKET peer;
    DWORD bytes = 0;
    BOOL ret;

    memset(&args, 0, sizeof(args));
    if (!tcp_pair(AF_INET, WSA_FLAG_OVERLAPPED, &peer, &args.s))
    {
        ok(0, "no connected pair");
        return;
    }
    port = receive_from_exiting_thread(&args, 78, "stream");
    ok(send(peer, "to the port", 11, 0) == 11, "send: %d", WSAGetLastError());
    ret = GetQueuedCompletionStatus(port, &bytes, &key, &got, 5000);
    ok(ret && got == &args.ovl && key == 78 && bytes == 11 && !memcmp(args.data, "to the port", 11),
       "stream packet: ret %d ovl %p key %Iu bytes %lu error %lu", ret, got, key, bytes, ret ? 0 : GetLastError());
    closesocket(args.s);
    closesocket(peer);
    CloseHandle(port);
}

/* --- cancel after a deadline, under load ------------------------------------------------ */

#define FLOOD_SIZE  32
#define DEADLINES   3000

static volatile LONG flood_stop;

static DWORD WINAPI flood_thread(void *arg)
{
    const SOCKADDR_STORAGE *to = arg;
    char data[FLOOD_SIZE];
    SOCKET s = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    unsigned int n = 0;

    memset(data, 'f', sizeof(data));
    while (!flood_stop)
    {
        sendto(s, data, sizeof(data), 0, (const SOCKADDR *)to, addr_len(to));
        /* slower than the reads, in bursts: reads both find data and wait for it */
        if (!(++n % 2)) Sleep(3);
    }
    closesocket(s);
    return 0;
}

struct deadline_stats { int done, aborted, bad; };

/* One finished read: a whole flood datagram, or aborted with nothing. */
static void check_deadline_result(struct deadline_stats *st, BOOL ret, DWORD error, DWORD bytes, const char *data,
                                  int i)
{
    if (ret && bytes == FLOOD_SIZE && data[0] == 'f' && data[FLOOD_SIZE - 1] == 'f') st->done++;
    else if (!ret && error == ERROR_OPERATION_ABORTED && !bytes) st->aborted++;
    else if (st->bad++ < 5) ok(FALSE, "read %d after CancelIoEx: ret %d error %lu bytes %lu", i, ret, error, bytes);
}

/*
 * Go's read deadline: an overlapped WSARecvFrom on a port, CancelIoEx on its OVERLAPPED when the deadline
 * passes, the port's packet awaited, and the OVERLAPPED reused for the next read.  CancelIoEx: "The
 * operation being canceled is completed with one of three statuses ... STATUS_CANCELLED (ERROR_OPERATION_ABORTED)"
 * or it completed normally before; a request's result is its own, never another's.
 */
static void test_cancel_deadline_under_load(void)
{
    struct deadline_stats st = { 0 };
    SOCKADDR_STORAGE addr, from;
    WSAOVERLAPPED ovl;
    OVERLAPPED *got;
    ULONG_PTR key;
    DWORD bytes, flags, error, received;
    char data[256];
    WSABUF buf = { sizeof(data), data };
    SOCKET s = udp_bound(AF_INET, "127.0.0.1", WSA_FLAG_OVERLAPPED, &addr);
    HANDLE port = CreateIoCompletionPort((HANDLE)s, NULL, 0x51, 0), flood;
    int i, fromlen, ret;
    BOOL done;

    flood_stop = 0;
    flood = CreateThread(NULL, 0, flood_thread, &addr, 0, NULL);
    for (i = 0; i < DEADLINES && st.bad < 5; i++)
    {
        memset(&ovl, 0, sizeof(ovl));
        memset(data, 0, sizeof(data));
        flags = 0;
        fromlen = sizeof(from);
        ret = WSARecvFrom(s, &buf, 1, &received, &flags, (SOCKADDR *)&from, &fromlen, &ovl, NULL);
        if (ret && WSAGetLastError() != WSA_IO_PENDING)
        {
            ok(FALSE, "read %d: WSARecvFrom failed: %d", i, WSAGetLastError());
            break;
        }
        /* the deadline: at once, after a yield, or a tick later */
        if (i % 5 == 4) Sleep(1); else if (i % 2) Sleep(0);
        if (!CancelIoEx((HANDLE)s, (OVERLAPPED *)&ovl) && GetLastError() != ERROR_NOT_FOUND)
            ok(FALSE, "read %d: CancelIoEx: %lu", i, GetLastError());
        SetLastError(0);
        done = GetQueuedCompletionStatus(port, &bytes, &key, &got, 5000);
        error = done ? 0 : GetLastError();
        if (got != (OVERLAPPED *)&ovl)
        {
            ok(FALSE, "read %d: packet for %p, not this read (error %lu)", i, got, error);
            break;
        }
        check_deadline_result(&st, done, error, bytes, data, i);
    }
    flood_stop = 1;
    WaitForSingleObject(flood, INFINITE);
    CloseHandle(flood);
    ok(!st.bad, "%d reads: %d whole, %d aborted, %d wrong", i, st.done, st.aborted, st.bad);
    trace("deadline reads: %d whole, %d aborted\n", st.done, st.aborted);
    ok(!GetQueuedCompletionStatus(port, &bytes, &key, &got, 200) && !got, "a stray packet: %p", got);
    closesocket(s);
    CloseHandle(port);
}

/*
 * The same with an event as well as the port: the program wakes on the event and reuses the OVERLAPPED at once
 * for its next read, while the packet of the read that ended is still on its way.  The packet must carry that
 * read's own result: GetQueuedCompletionStatus "dequeue[s] an I/O completion packet" for the operation that
 * completed, whatever the OVERLAPPED holds by then.
 */
static void test_event_and_port_reuse_under_load(void)
{
    struct deadline_stats st = { 0 };
    SOCKADDR_STORAGE addr, from;
    WSAOVERLAPPED ovl = { 0 };
    OVERLAPPED *got;
    ULONG_PTR key;
    DWORD bytes, flags, error, received;
    char data[2][256];
    WSABUF buf;
    SOCKET s = udp_bound(AF_INET, "127.0.0.1", WSA_FLAG_OVERLAPPED, &addr);
    HANDLE port = CreateIoCompletionPort((HANDLE)s, NULL, 0x52, 0), flood, event = CreateEventW(NULL, TRUE, FALSE, NULL);
    int i, fromlen, ret;
    BOOL done;

    flood_stop = 0;
    flood = CreateThread(NULL, 0, flood_thread, &addr, 0, NULL);
    for (i = 0; i <= DEADLINES && st.bad < 5; i++)
    {
        /* The next read goes out on the same OVERLAPPED as soon as the event says the last one ended. */
        if (i)
        {
            WaitForSingleObject(event, 5000);
            memset(&ovl, 0, sizeof(ovl));
        }
        ovl.hEvent = event;
        if (i < DEADLINES)
        {
            buf.buf = data[i % 2];
            buf.len = sizeof(data[0]);
            memset(buf.buf, 0, buf.len);
            flags = 0;
            fromlen = sizeof(from);
            ret = WSARecvFrom(s, &buf, 1, &received, &flags, (SOCKADDR *)&from, &fromlen, &ovl, NULL);
            if (ret && WSAGetLastError() != WSA_IO_PENDING) ok(FALSE, "read %d: WSARecvFrom: %d", i, WSAGetLastError());
        }
        if (i)
        {
            SetLastError(0);
            done = GetQueuedCompletionStatus(port, &bytes, &key, &got, 5000);
            error = done ? 0 : GetLastError();
            check_deadline_result(&st, done, error, bytes, data[(i - 1) % 2], i - 1);
        }
        if (i < DEADLINES && (i % 2) && !CancelIoEx((HANDLE)s, (OVERLAPPED *)&ovl) && GetLastError() != ERROR_NOT_FOUND)
            ok(FALSE, "read %d: CancelIoEx: %lu", i, GetLastError());
    }
    flood_stop = 1;
    WaitForSingleObject(flood, INFINITE);
    CloseHandle(flood);
    ok(!st.bad, "%d reads: %d whole, %d aborted, %d wrong", i - 1, st.done, st.aborted, st.bad);
    trace("event and port reads: %d whole, %d aborted\n", st.done, st.aborted);
    closesocket(s);
    CloseHandle(port);
    CloseHandle(event);
}

/*
 * Go's netpoll, modelled: sockets on one port with FILE_SKIP_COMPLETION_PORT_ON_SUCCESS, a poller thread
 * dequeuing packets and reading each request's result with WSAGetOverlappedResult, and reader threads whose
 * reads have deadlines (CancelIoEx, then wait for the packet, then the same OVERLAPPED again).
 */
#define GO_READERS 4
#define GO_READS   1500

struct go_op
{
    WSAOVERLAPPED ovl;          /* first: the packet's OVERLAPPED is the op */
    SOCKET s;
    HANDLE done;
    DWORD error, qty;
    char data[256];
    struct deadline_stats st;
    SOCKADDR_STORAGE addr;
};

static HANDLE go_port;

static DWORD WINAPI go_poller(void *arg)
{
    OVERLAPPED_ENTRY entries[8];
    struct go_op *op;
    DWORD flags;
    ULONG count, i;

    while (GetQueuedCompletionStatusEx(go_port, entries, 8, &count, INFINITE, FALSE))
    {
        for (i = 0; i < count; i++)
        {
            if (!(op = (struct go_op *)entries[i].lpOverlapped)) return 0;   /* the stop packet */
            op->error = WSAGetOverlappedResult(op->s, &op->ovl, &op->qty, FALSE, &flags) ? 0 : WSAGetLastError();
            SetEvent(op->done);
        }
    }
    return 0;
}

static DWORD WINAPI go_reader(void *arg)
{
    struct go_op *op = arg;
    SOCKADDR_STORAGE from;
    DWORD flags, received;
    WSABUF buf = { sizeof(op->data), op->data };
    int i, fromlen, ret;

    for (i = 0; i < GO_READS && op->st.bad < 5; i++)
    {
        memset(&op->ovl, 0, sizeof(op->ovl));
        memset(op->data, 0, sizeof(op->data));
        flags = received = 0;
        fromlen = sizeof(from);
        ret = WSARecvFrom(op->s, &buf, 1, &received, &flags, (SOCKADDR *)&from, &fromlen, &op->ovl, NULL);
        if (!ret)
        {
            /* completed at once: no packet follows */
            check_deadline_result(&op->st, TRUE, 0, received, op->data, i);
            continue;
        }
        if (WSAGetLastError() != WSA_IO_PENDING)
        {
            check_deadline_result(&op->st, FALSE, WSAGetLastError(), 0, op->data, i);
            continue;
        }
        if (WaitForSingleObject(op->done, i % 3) == WAIT_TIMEOUT)
        {
            if (!CancelIoEx((HANDLE)op->s, (OVERLAPPED *)&op->ovl) && GetLastError() != ERROR_NOT_FOUND)
                check_deadline_result(&op->st, FALSE, GetLastError(), 0, op->data, i);
            if (WaitForSingleObject(op->done, 5000))
            {
                check_deadline_result(&op->st, FALSE, WAIT_TIMEOUT, 0, op->data, i);
                break;
            }
        }
        check_deadline_result(&op->st, !op->error, op->error == WSA_OPERATION_ABORTED ? ERROR_OPERATION_ABORTED :
                              op->error, op->qty, op->data, i);
    }
    return 0;
}

static DWORD WINAPI go_flood(void *arg)
{
    struct go_op *ops = arg;
    SOCKET s = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    char data[FLOOD_SIZE];
    unsigned int n = 0;

    memset(data, 'f', sizeof(data));
    while (!flood_stop)
    {
        const SOCKADDR_STORAGE *to = &ops[n % GO_READERS].addr;

        sendto(s, data, sizeof(data), 0, (const SOCKADDR *)to, addr_len(to));
        if (!(++n % 4)) Sleep(1);
    }
    closesocket(s);
    return 0;
}

static void test_go_netpoll_under_load(void)
{
    static struct go_op ops[GO_READERS];
    HANDLE readers[GO_READERS], poller, flood;
    int i, done = 0, aborted = 0, bad = 0;

    go_port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    for (i = 0; i < GO_READERS; i++)
    {
        memset(&ops[i], 0, sizeof(ops[i]));
        ops[i].s = udp_bound(AF_INET, "127.0.0.1", WSA_FLAG_OVERLAPPED, &ops[i].addr);
        ops[i].done = CreateEventW(NULL, FALSE, FALSE, NULL);
        CreateIoCompletionPort((HANDLE)ops[i].s, go_port, (ULONG_PTR)&ops[i], 0);
        ok(SetFileCompletionNotificationModes((HANDLE)ops[i].s, FILE_SKIP_COMPLETION_PORT_ON_SUCCESS |
                                              FILE_SKIP_SET_EVENT_ON_HANDLE), "skip modes: %lu", GetLastError());
    }
    poller = CreateThread(NULL, 0, go_poller, NULL, 0, NULL);
    flood_stop = 0;
    flood = CreateThread(NULL, 0, go_flood, ops, 0, NULL);
    for (i = 0; i < GO_READERS; i++) readers[i] = CreateThread(NULL, 0, go_reader, &ops[i], 0, NULL);
    WaitForMultipleObjects(GO_READERS, readers, TRUE, INFINITE);
    flood_stop = 1;
    WaitForSingleObject(flood, INFINITE);
    PostQueuedCompletionStatus(go_port, 0, 0, NULL);
    WaitForSingleObject(poller, INFINITE);
    for (i = 0; i < GO_READERS; i++)
    {
        done += ops[i].st.done;
        aborted += ops[i].st.aborted;
        bad += ops[i].st.bad;
        CloseHandle(readers[i]);
        CloseHandle(ops[i].done);
        closesocket(ops[i].s);
    }
    ok(!bad, "%d reads wrong (%d whole, %d aborted)", bad, done, aborted);
    trace("netpoll model: %d whole, %d aborted\n", done, aborted);
    CloseHandle(poller);
    CloseHandle(flood);
    CloseHandle(go_port);
}

void run_tests(void)
{
    pair_open(0);

    test_cancel_one();
    test_cancel_all();
    test_cancel_io();
    test_cancel_routine_and_port();
    test_sio_flush();
    test_sio_flush_sends();
    test_thread_exit(TRUE);
    test_thread_exit(FALSE);
    test_thread_exit_port();
    test_thread_exit_port_stream();
    test_cancel_deadline_under_load();
    test_event_and_port_reuse_under_load();
    test_go_netpoll_under_load();

    pair_close();
}

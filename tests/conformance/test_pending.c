/*
 * Many overlapped requests pending at once: on many sockets, in both
 * directions of one socket, several on one queue, across a close, and from
 * several threads together.  Each must complete once, with its own data,
 * through its own notification (WSARecv: "The error code WSA_IO_PENDING
 * indicates that the overlapped operation has been successfully initiated
 * and that completion will be indicated at a later time").
 */
#include <stdio.h>
#include <string.h>

#include "msg_util.h"
#include "tcp_util.h"

#define MANY 64

/* An overlapped UDP socket bound to 127.0.0.1 (port chosen by the system). */
static SOCKET loopback_udp(SOCKADDR_STORAGE *addr)
{
    return udp_bound(AF_INET, "127.0.0.1", WSA_FLAG_OVERLAPPED, addr);
}

/* One receive request and the buffer it fills. */
struct pending_recv
{
    SOCKET s;
    SOCKADDR_STORAGE addr;
    WSAOVERLAPPED ovl;
    WSABUF buf;
    char data[32];
    DWORD flags;
};

/* WSARecv on r: 0 when it completed at once, else its error (WSA_IO_PENDING: posted). */
static int start_recv(struct pending_recv *r, HANDLE event)
{
    DWORD got;

    memset(&r->ovl, 0, sizeof(r->ovl));
    memset(r->data, 0, sizeof(r->data));
    r->ovl.hEvent = event;
    r->buf.len = sizeof(r->data);
    r->buf.buf = r->data;
    r->flags = 0;
    return WSARecv(r->s, &r->buf, 1, &got, &r->flags, &r->ovl, NULL) ? WSAGetLastError() : 0;
}

static BOOL post_recv(struct pending_recv *r, HANDLE event)
{
    return start_recv(r, event) == WSA_IO_PENDING;
}

/* 0 or the request's error, and its byte count. */
static int result_of(struct pending_recv *r, DWORD *bytes)
{
    DWORD flags;

    return WSAGetOverlappedResult(r->s, &r->ovl, bytes, FALSE, &flags) ? 0 : WSAGetLastError();
}

static void send_text(SOCKET from, const SOCKADDR_STORAGE *to, const char *text)
{
    if (sendto(from, text, (int)strlen(text), 0, (const struct sockaddr *)to, addr_len(to)) != (int)strlen(text))
        fatal("sendto: %d", WSAGetLastError());
}

/* MANY sockets each with a pending receive; one datagram to each completes each with its own. */
static void test_many_sockets(BOOL use_port)
{
    static struct pending_recv r[MANY];
    SOCKADDR_STORAGE sender_addr;
    SOCKET sender = loopback_udp(&sender_addr);
    HANDLE port = NULL, events[MANY] = { 0 };
    int i, posted = 0, right = 0, signalled = 0, packets = 0;
    char text[32];
    OVERLAPPED *ovl;
    ULONG_PTR key;
    DWORD bytes;

    if (use_port && !(port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0)))
        fatal("CreateIoCompletionPort: %lu", GetLastError());
    for (i = 0; i < MANY; i++)
    {
        r[i].s = loopback_udp(&r[i].addr);
        if (use_port && !CreateIoCompletionPort((HANDLE)r[i].s, port, i, 0)) fatal("associate: %lu", GetLastError());
        events[i] = use_port ? NULL : WSACreateEvent();
        posted += post_recv(&r[i], events[i]);
    }
    ok(posted == MANY, "%s: %d of %d receives pending", use_port ? "port" : "event", posted, MANY);
    for (i = MANY - 1; i >= 0; i--)
    {
        sprintf(text, "datagram %d", i);
        send_text(sender, &r[i].addr, text);
    }
    for (i = 0; i < MANY && use_port; i++)
    {
        if (!GetQueuedCompletionStatus(port, &bytes, &key, &ovl, 5000)) break;
        packets++;
        sprintf(text, "datagram %d", (int)key);
        right += key < MANY && ovl == &r[key].ovl && bytes == strlen(text) && !strcmp(r[key].data, text);
    }
    for (i = 0; i < MANY && !use_port; i++)
    {
        if (WaitForSingleObject(events[i], 5000) != WAIT_OBJECT_0) continue;
        signalled++;
        sprintf(text, "datagram %d", i);
        right += !result_of(&r[i], &bytes) && bytes == strlen(text) && !strcmp(r[i].data, text);
    }
    if (use_port) ok(packets == MANY, "port: %d of %d packets", packets, MANY);
    else ok(signalled == MANY, "event: %d of %d events signalled", signalled, MANY);
    ok(right == MANY, "%s: %d of %d receives got their own datagram", use_port ? "port" : "event", right, MANY);
    for (i = 0; i < MANY; i++)
    {
        closesocket(r[i].s);
        if (events[i]) WSACloseEvent(events[i]);
    }
    if (port) CloseHandle(port);
    closesocket(sender);
}

/* "the posted buffers are guaranteed to be filled in the same order in which they are specified" */
static void test_one_queue(void)
{
    struct pending_recv r[4];
    HANDLE events[4];
    SOCKADDR_STORAGE addr, sender_addr;
    SOCKET receiver = loopback_udp(&addr), sender = loopback_udp(&sender_addr);
    char text[32];
    DWORD bytes;
    int i, error;

    for (i = 0; i < 4; i++)
    {
        r[i].s = receiver;
        events[i] = WSACreateEvent();
        ok(post_recv(&r[i], events[i]), "receive %d not pending: %d", i, WSAGetLastError());
    }
    /* Back to back: they may all be queued on the host before the provider looks. */
    for (i = 0; i < 4; i++)
    {
        sprintf(text, "in order %d", i);
        send_text(sender, &addr, text);
    }
    ok(WaitForMultipleObjects(4, events, TRUE, 5000) == WAIT_OBJECT_0, "not all four receives completed");
    for (i = 0; i < 4; i++)
    {
        sprintf(text, "in order %d", i);
        error = result_of(&r[i], &bytes);
        ok(!error && bytes == strlen(text) && !strcmp(r[i].data, text), "receive %d: error %d, \"%s\"", i, error,
           r[i].data);
        WSACloseEvent(events[i]);
    }
    closesocket(receiver);
    closesocket(sender);
}

/* A stream socket with a send and a receive pending: each direction completes on its own. */
static void test_both_directions(void)
{
    static char block[65536], sink[65536];
    WSAOVERLAPPED send_ovl[64];
    struct pending_recv r;
    SOCKET client, server;
    int small = 4096, pending, i, got, error;
    DWORD bytes, flags, drained = 0, start;
    u_long nonblocking = 1;

    if (!tcp_pair(AF_INET, WSA_FLAG_OVERLAPPED, &client, &server))
    {
        skip("no TCP pair: %d", WSAGetLastError());
        return;
    }
    setsockopt(client, SOL_SOCKET, SO_SNDBUF, (char *)&small, sizeof(small));
    setsockopt(server, SOL_SOCKET, SO_RCVBUF, (char *)&small, sizeof(small));
    pending = send_until_pending(client, send_ovl, 64, block, sizeof(block));
    ok(pending >= 0, "no send ever pended");
    /* Judge the last of more pending sends (1 MiB more), not the first: tcp_util.h says why. */
    pending = send_more_pending(client, send_ovl, 64, pending, block, sizeof(block));
    r.s = client;
    ok(post_recv(&r, WSACreateEvent()), "receive not pending: %d", WSAGetLastError());
    if (pending >= 0)
    {
        ok(send(server, "reply", 5, 0) == 5, "server send: %d", WSAGetLastError());
        ok(WaitForSingleObject(r.ovl.hEvent, 5000) == WAIT_OBJECT_0, "receive not completed beside a pending send");
        error = result_of(&r, &bytes);
        ok(!error && bytes == 5 && !memcmp(r.data, "reply", 5), "receive: error %d bytes %lu", error, bytes);
        ok(WaitForSingleObject(send_ovl[pending].hEvent, 0) == WAIT_TIMEOUT, "send completed while the peer read nothing");
        /* Now the peer reads: the pending send goes through, whole. */
        ioctlsocket(server, FIONBIO, &nonblocking);
        for (start = GetTickCount(); GetTickCount() - start < 30000 &&
             WaitForSingleObject(send_ovl[pending].hEvent, 0) != WAIT_OBJECT_0;)
        {
            if ((got = recv(server, sink, sizeof(sink), 0)) > 0) drained += got;
            else Sleep(1);
        }
        error = WSAGetOverlappedResult(client, &send_ovl[pending], &bytes, FALSE, &flags) ? 0 : WSAGetLastError();
        ok(!error && bytes == sizeof(block), "pending send after draining %lu: error %d bytes %lu", drained, error, bytes);
    }
    closesocket(client);
    closesocket(server);
    WSACloseEvent(r.ovl.hEvent);
    for (i = 0; i < 64 && send_ovl[i].hEvent; i++) WSACloseEvent(send_ovl[i].hEvent);
}

/*
 * Overlapped Operations: "The system sets the state of the event object to
 * not-signaled when a call to the I/O function returns before the operation
 * has been completed. The system sets the state of the event object to
 * signaled when the operation has been completed."
 */
static void test_event_reset(void)
{
    SOCKADDR_STORAGE sender_addr;
    SOCKET sender = loopback_udp(&sender_addr);
    HANDLE event = WSACreateEvent();
    struct pending_recv r;
    DWORD bytes;
    int error;

    r.s = loopback_udp(&r.addr);
    WSASetEvent(event);
    ok(post_recv(&r, event), "receive not pending: %d", WSAGetLastError());
    ok(WaitForSingleObject(event, 0) == WAIT_TIMEOUT, "a pending receive left its event signalled");
    send_text(sender, &r.addr, "now");
    ok(WaitForSingleObject(event, 5000) == WAIT_OBJECT_0, "completed receive did not signal its event");
    ok(!result_of(&r, &bytes) && bytes == 3, "receive: %lu bytes", bytes);
    /* A receive that completes at once leaves it signalled. */
    send_text(sender, &r.addr, "queued");
    Sleep(50);
    WSAResetEvent(event);
    error = start_recv(&r, event);
    ok(!error, "queued datagram: receive did not complete at once: %d", error);
    ok(WaitForSingleObject(event, 0) == WAIT_OBJECT_0, "a receive completed at once left its event unsignalled");
    closesocket(r.s);
    closesocket(sender);
    WSACloseEvent(event);
}

/*
 * A pending WSARecv leaves its lpFlags alone (libuv passes a local of a function that has returned
 * by then): the flags come through WSAGetOverlappedResult, whose lpdwFlags "will contain the
 * results value for lpFlags parameter" of an operation started by WSARecv.
 */
static void test_flags_after_return(void)
{
    SOCKADDR_STORAGE sender_addr;
    SOCKET sender = loopback_udp(&sender_addr);
    HANDLE event = WSACreateEvent();
    struct pending_recv r;
    DWORD bytes, flags = 0xdead;

    r.s = loopback_udp(&r.addr);
    ok(post_recv(&r, event), "receive not pending: %d", WSAGetLastError());
    r.flags = 0xbeef;
    send_text(sender, &r.addr, "late");
    ok(WaitForSingleObject(event, 5000) == WAIT_OBJECT_0, "completed receive did not signal its event");
    ok(r.flags == 0xbeef, "a pending receive wrote %#lx to its lpFlags after returning", r.flags);
    ok(WSAGetOverlappedResult(r.s, &r.ovl, &bytes, FALSE, &flags) && bytes == 4 && !flags,
       "WSAGetOverlappedResult: %lu bytes, flags %#lx", bytes, flags);
    closesocket(r.s);
    closesocket(sender);
    WSACloseEvent(event);
}

/*
 * libuv's UDP "zero read": a zero-byte WSARecv with MSG_PEEK waits for a datagram ("incoming data
 * will be placed as it becomes available"), reports it as too large for the buffer (WSAEMSGSIZE:
 * "the message was too large to fit into the specified buffer") and, peeked, leaves it queued.
 */
static void test_zero_byte_peek(void)
{
    SOCKADDR_STORAGE sender_addr;
    SOCKET sender = loopback_udp(&sender_addr);
    WSABUF empty = { 0, NULL };
    struct pending_recv r;
    DWORD bytes, flags = MSG_PEEK;
    char data[16];
    int ret, error;

    r.s = loopback_udp(&r.addr);
    memset(&r.ovl, 0, sizeof(r.ovl));
    r.ovl.hEvent = WSACreateEvent();
    ret = WSARecv(r.s, &empty, 1, &bytes, &flags, &r.ovl, NULL);
    error = ret ? WSAGetLastError() : 0;
    ok(ret == SOCKET_ERROR && error == WSA_IO_PENDING, "zero-byte peek with nothing queued: ret %d error %d", ret,
       error);
    send_text(sender, &r.addr, "peeked");
    ok(WaitForSingleObject(r.ovl.hEvent, 5000) == WAIT_OBJECT_0, "zero-byte peek not completed by a datagram");
    error = WSAGetOverlappedResult(r.s, &r.ovl, &bytes, FALSE, &flags) ? 0 : WSAGetLastError();
    ok(error == WSAEMSGSIZE && bytes == 0, "zero-byte peek: error %d bytes %lu", error, bytes);
    ok(recv(r.s, data, sizeof(data), 0) == 6 && !memcmp(data, "peeked", 6), "the datagram is still queued");
    closesocket(r.s);
    closesocket(sender);
    WSACloseEvent(r.ovl.hEvent);
}

/* A socket closed with a receive pending, then new sockets (handles may be reused) still complete. */
static void test_after_close(void)
{
    struct pending_recv old, fresh[4];
    SOCKADDR_STORAGE sender_addr;
    SOCKET sender = loopback_udp(&sender_addr);
    DWORD bytes;
    int i, error;

    old.s = loopback_udp(&old.addr);
    ok(post_recv(&old, WSACreateEvent()), "receive not pending: %d", WSAGetLastError());
    closesocket(old.s);
    ok(WaitForSingleObject(old.ovl.hEvent, 2000) == WAIT_OBJECT_0, "closesocket did not complete the receive");
    /* The handle is gone; the OVERLAPPED tells it ended in failure (Wine's builtin: STATUS_HANDLES_CLOSED). */
    ok(old.ovl.Internal != 0 && old.ovl.Internal != STATUS_PENDING, "aborted receive's status %#Ix",
       old.ovl.Internal);
    for (i = 0; i < 4; i++)
    {
        fresh[i].s = loopback_udp(&fresh[i].addr);
        ok(post_recv(&fresh[i], WSACreateEvent()), "new receive %d not pending: %d", i, WSAGetLastError());
        send_text(sender, &fresh[i].addr, "fresh");
        ok(WaitForSingleObject(fresh[i].ovl.hEvent, 5000) == WAIT_OBJECT_0, "new receive %d not completed", i);
        error = result_of(&fresh[i], &bytes);
        ok(!error && bytes == 5, "new receive %d: error %d bytes %lu", i, error, bytes);
        closesocket(fresh[i].s);
        WSACloseEvent(fresh[i].ovl.hEvent);
    }
    WSACloseEvent(old.ovl.hEvent);
    closesocket(sender);
}

#define THREADS 4
#define ROUNDS 300

/* One thread's ping-pong on its own pair of sockets: receive pending first, then send. */
static DWORD WINAPI round_trips(void *arg)
{
    struct pending_recv r;
    SOCKADDR_STORAGE peer_addr;
    SOCKET peer = loopback_udp(&peer_addr);
    HANDLE event = WSACreateEvent();
    char text[32], echo[32];
    int i, len, good = 0;
    DWORD bytes;

    r.s = loopback_udp(&r.addr);
    for (i = 0; i < ROUNDS; i++)
    {
        /* One manual-reset event for every round: posting resets it. */
        if (!post_recv(&r, event)) break;
        len = sprintf(text, "thread %lu round %d", GetCurrentThreadId(), i);
        send_text(peer, &r.addr, text);
        if (WaitForSingleObject(event, 5000) != WAIT_OBJECT_0) break;
        if (result_of(&r, &bytes) || bytes != (DWORD)len || memcmp(r.data, text, len)) break;
        /* And back the other way: the peer's blocking receive. */
        send_text(r.s, &peer_addr, text);
        if (recv(peer, echo, sizeof(echo), 0) != len || memcmp(echo, text, len)) break;
        good++;
    }
    closesocket(r.s);
    closesocket(peer);
    WSACloseEvent(event);
    return good;
}

static void test_threads_together(void)
{
    HANDLE threads[THREADS];
    DWORD good;
    int i;

    for (i = 0; i < THREADS; i++)
        if (!(threads[i] = CreateThread(NULL, 0, round_trips, NULL, 0, NULL))) fatal("CreateThread: %lu", GetLastError());
    ok(WaitForMultipleObjects(THREADS, threads, TRUE, 60000) == WAIT_OBJECT_0, "threads did not finish");
    for (i = 0; i < THREADS; i++)
    {
        good = 0;
        GetExitCodeThread(threads[i], &good);
        ok(good == ROUNDS, "thread %d: %lu of %d overlapped round trips", i, good, ROUNDS);
        CloseHandle(threads[i]);
    }
}

static void WINAPI never_called(DWORD error, DWORD bytes, WSAOVERLAPPED *ovl, DWORD flags)
{
    ok(0, "completion routine ran for a refused request");
}

/*
 * A socket bound to a completion port takes no completion routine: its completion would have to go
 * to both (Windows: WSAEINVAL, Wine's sock test_WSARecv); and a transfer that succeeds leaves
 * WSAGetLastError() 0 ("If no error occurs ... WSARecv returns zero").
 */
static void test_port_and_routine(void)
{
    SOCKET client, server;
    WSAOVERLAPPED ovl = { 0 };
    char buf[8];
    WSABUF wsabuf = { sizeof(buf), buf };
    DWORD flags = 0, bytes = 0;
    HANDLE port;
    int ret;

    if (!tcp_pair(AF_INET, WSA_FLAG_OVERLAPPED, &client, &server)) fatal("tcp_pair");
    WSASetLastError(0xdead);
    ok(send(client, "ab", 2, 0) == 2 && WSAGetLastError() == 0, "send: last error %d", WSAGetLastError());
    WSASetLastError(0xdead);
    ret = WSARecv(server, &wsabuf, 1, &bytes, &flags, NULL, NULL);
    ok(!ret && bytes == 2 && WSAGetLastError() == 0, "WSARecv: %d, %lu bytes, last error %d", ret, bytes,
       WSAGetLastError());
    /* recv: WSAEFAULT "The buf parameter is not completely contained in a valid part of the user address
     * space": a negative len reaches past it. */
    ret = recv(server, buf, -1, 0);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT, "recv, len -1: %d, error %d", ret, WSAGetLastError());
    port = CreateIoCompletionPort((HANDLE)server, NULL, 0, 0);
    ok(port != NULL, "CreateIoCompletionPort: %lu", GetLastError());
    ret = WSARecv(server, &wsabuf, 1, NULL, &flags, &ovl, never_called);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL, "WSARecv with a routine on a port: %d, error %d",
       ret, WSAGetLastError());
    SleepEx(0, TRUE);
    closesocket(client);
    closesocket(server);
    CloseHandle(port);
}

struct sync_recv
{
    SOCKET s;
    WSAOVERLAPPED ovl;
    char buf[8];
    int ret;
};

static DWORD WINAPI sync_recv_thread(void *arg)
{
    struct sync_recv *r = arg;
    WSABUF wsabuf = { sizeof(r->buf), r->buf };
    DWORD flags = 0;

    r->ret = WSARecv(r->s, &wsabuf, 1, NULL, &flags, &r->ovl, NULL);
    return 0;
}

/*
 * WSARecv's lpOverlapped is "ignored for nonoverlapped sockets": on a socket made without
 * WSA_FLAG_OVERLAPPED the call blocks until data comes (even after FIONBIO, as Windows does),
 * and the OVERLAPPED gets the result too.
 */
static void test_non_overlapped_socket(void)
{
    struct sync_recv r = { 0 };
    SOCKET client, server;
    u_long on = 1;
    DWORD bytes = 0;

    if (!tcp_pair(AF_INET, 0, &client, &server)) fatal("tcp_pair");
    ok(!ioctlsocket(server, FIONBIO, &on), "FIONBIO: %d", WSAGetLastError());
    r.s = server;
    r.ovl.hEvent = WSACreateEvent();
    HANDLE thread = CreateThread(NULL, 0, sync_recv_thread, &r, 0, NULL);
    ok(WaitForSingleObject(thread, 200) == WAIT_TIMEOUT, "WSARecv did not wait for data");
    ok(send(client, "data", 4, 0) == 4, "send: %d", WSAGetLastError());
    ok(WaitForSingleObject(thread, 5000) == WAIT_OBJECT_0, "WSARecv still waits");
    CloseHandle(thread);
    ok(r.ret == 0, "WSARecv: %d", r.ret);
    ok(GetOverlappedResult((HANDLE)server, &r.ovl, &bytes, FALSE) && bytes == 4, "OVERLAPPED: error %lu, %lu bytes",
       GetLastError(), bytes);
    WSACloseEvent(r.ovl.hEvent);
    closesocket(client);
    closesocket(server);
}

/* "If the hEvent member of the OVERLAPPED structure is NULL, the system uses the state of the hFile
 * handle to signal when the operation has been completed" (GetOverlappedResult). */
static void test_null_event_signals_handle(void)
{
    WSAOVERLAPPED ovl = { 0 };
    SOCKET client, server;
    char buf[8];
    WSABUF wsabuf = { sizeof(buf), buf };
    DWORD flags = 0, bytes = 0;
    int ret;

    if (!tcp_pair(AF_INET, WSA_FLAG_OVERLAPPED, &client, &server)) fatal("tcp_pair");
    ret = WSARecv(server, &wsabuf, 1, NULL, &flags, &ovl, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSA_IO_PENDING, "WSARecv: %d, error %d", ret, WSAGetLastError());
    ok(send(client, "data", 4, 0) == 4, "send: %d", WSAGetLastError());
    ok(WaitForSingleObject((HANDLE)server, 5000) == WAIT_OBJECT_0, "the socket handle was not signalled");
    ok(GetOverlappedResult((HANDLE)server, &ovl, &bytes, FALSE) && bytes == 4, "result: error %lu, %lu bytes",
       GetLastError(), bytes);
    closesocket(client);
    closesocket(server);
}

void run_tests(void)
{
    WSADATA wsa;

    if (WSAStartup(MAKEWORD(2, 2), &wsa)) fatal("WSAStartup failed");
    test_many_sockets(FALSE);
    test_many_sockets(TRUE);
    test_one_queue();
    test_both_directions();
    test_event_reset();
    test_flags_after_return();
    test_zero_byte_peek();
    test_after_close();
    test_threads_together();
    test_port_and_routine();
    test_non_overlapped_socket();
    test_null_event_signals_handle();
    WSACleanup();
}

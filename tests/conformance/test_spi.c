/*
 * The SPI contract of the base provider, called the way ws2_32 (or a layered
 * provider) calls it: LoadLibrary("mswsock.dll"), WSPStartup with this test's
 * own upcall table and the catalog's WSAPROTOCOL_INFOW, then WSPSocket /
 * WSPBind / WSPSend / WSPSendTo / WSPRecvFrom / WSPCloseSocket straight
 * through the returned WSPPROC_TABLE.  Seed 003 (LPWSPSend) is the reference.
 * No WSAStartup here: the provider must not need ws2_32's state.
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include <ws2spi.h>

static WSPPROC_TABLE table;
static WSAPROTOCOL_INFOW udp_info, tcp_info;

/* What the provider did through our upcalls. */
static struct
{
    LONG queue_apc_calls;
    WSATHREADID thread;          /* the structure WPUQueueApc was given */
    LPWSAUSERAPC apc;
} seen;

/* The client's completion routine, as the provider's APC function called it. */
static struct
{
    LONG calls;
    DWORD error, bytes, flags, thread;
    WSAOVERLAPPED *ovl;
} done;

static int WSPAPI test_queue_apc(WSATHREADID *thread_id, LPWSAUSERAPC apc, DWORD_PTR context, int *err)
{
    InterlockedIncrement(&seen.queue_apc_calls);
    seen.thread = *thread_id;
    seen.apc = apc;
    if (QueueUserAPC((PAPCFUNC)apc, thread_id->ThreadHandle, context)) return 0;
    *err = WSAEINVAL;
    return SOCKET_ERROR;
}

static int WSPAPI test_open_current_thread(WSATHREADID *thread_id, int *err)
{
    thread_id->Reserved = 0;
    if (DuplicateHandle(GetCurrentProcess(), GetCurrentThread(), GetCurrentProcess(), &thread_id->ThreadHandle, 0,
                        FALSE, DUPLICATE_SAME_ACCESS))
        return 0;
    *err = WSAENOBUFS;
    return SOCKET_ERROR;
}

static int WSPAPI test_close_thread(WSATHREADID *thread_id, int *err)
{
    CloseHandle(thread_id->ThreadHandle);
    return 0;
}

static WSAEVENT WSPAPI test_create_event(int *err)
{
    return CreateEventW(NULL, TRUE, FALSE, NULL);
}

static BOOL WSPAPI test_event_call(WSAEVENT event, int *err)
{
    return TRUE;
}

static SOCKET WSPAPI test_modify_ifs_handle(DWORD id, SOCKET proposed, int *err)
{
    return proposed;
}

static void test_upcalls(WSPUPCALLTABLE *upcalls)
{
    memset(upcalls, 0, sizeof(*upcalls));
    upcalls->lpWPUQueueApc = test_queue_apc;
    upcalls->lpWPUOpenCurrentThread = test_open_current_thread;
    upcalls->lpWPUCloseThread = test_close_thread;
    upcalls->lpWPUCreateEvent = test_create_event;
    upcalls->lpWPUCloseEvent = test_event_call;
    upcalls->lpWPUSetEvent = test_event_call;
    upcalls->lpWPUResetEvent = test_event_call;
    upcalls->lpWPUModifyIFSHandle = test_modify_ifs_handle;
    upcalls->lpWPUFDIsSet = __WSAFDIsSet;
}

static void CALLBACK completion(DWORD error, DWORD bytes, WSAOVERLAPPED *ovl, DWORD flags)
{
    done.calls++;
    done.error = error;
    done.bytes = bytes;
    done.ovl = ovl;
    done.flags = flags;
    done.thread = GetCurrentThreadId();
}

/* The catalog's base entries for UDP and TCP over IPv4 (WSCEnumProtocols needs no WSAStartup). */
static BOOL catalog_infos(void)
{
    WSAPROTOCOL_INFOW *infos;
    DWORD len = 0;
    int count, err, i;

    WSCEnumProtocols(NULL, NULL, &len, &err);
    if (!(infos = malloc(len))) return FALSE;
    count = WSCEnumProtocols(NULL, infos, &len, &err);
    for (i = 0; i < count; i++)
    {
        if (infos[i].ProtocolChain.ChainLen != BASE_PROTOCOL || infos[i].iAddressFamily != AF_INET) continue;
        if (infos[i].iSocketType == SOCK_DGRAM) udp_info = infos[i];
        if (infos[i].iSocketType == SOCK_STREAM) tcp_info = infos[i];
    }
    free(infos);
    return udp_info.iSocketType && tcp_info.iSocketType;
}

static void test_startup(void)
{
    LPWSPSTARTUP startup;
    WSPUPCALLTABLE upcalls;
    HMODULE module;
    WSPDATA data;
    int ret;

    if (!(module = LoadLibraryA("mswsock.dll"))) fatal("mswsock.dll: %lu", GetLastError());
    if (!(startup = (LPWSPSTARTUP)(void *)GetProcAddress(module, "WSPStartup"))) fatal("no WSPStartup");
    if (!catalog_infos()) fatal("no UDP/TCP catalog entries");
    test_upcalls(&upcalls);
    /* "WSAVERNOTSUPPORTED: The version of Windows Sockets SPI support requested is not provided" */
    ok(startup(MAKEWORD(1, 1), &data, &udp_info, upcalls, &table) == WSAVERNOTSUPPORTED, "version 1.1 accepted");
    ok(startup(MAKEWORD(2, 2), &data, &udp_info, upcalls, NULL) == WSAEFAULT, "NULL lpProcTable accepted");
    memset(&table, 0, sizeof(table));
    ret = startup(MAKEWORD(2, 2), &data, &udp_info, upcalls, &table);
    if (ret) fatal("WSPStartup: %d", ret);
    ok(data.wVersion == MAKEWORD(2, 2), "wVersion %#x", data.wVersion);
    ok(table.lpWSPSocket && table.lpWSPBind && table.lpWSPSend && table.lpWSPSendTo && table.lpWSPRecv &&
       table.lpWSPRecvFrom && table.lpWSPCloseSocket && table.lpWSPIoctl && table.lpWSPCleanup &&
       table.lpWSPGetOverlappedResult && table.lpWSPAccept && table.lpWSPSelect && table.lpWSPEventSelect,
       "WSPPROC_TABLE has holes");
}

static SOCKET spi_socket(const WSAPROTOCOL_INFOW *info, DWORD flags)
{
    int err = 0;
    SOCKET s = table.lpWSPSocket(FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, (WSAPROTOCOL_INFOW *)info,
                                 0, flags, &err);

    if (s == INVALID_SOCKET) fatal("WSPSocket: %d", err);
    return s;
}

static SOCKET spi_bound(const WSAPROTOCOL_INFOW *info, DWORD flags, struct sockaddr_in *addr)
{
    SOCKET s = spi_socket(info, flags);
    int err = 0, len = sizeof(*addr);

    memset(addr, 0, sizeof(*addr));
    addr->sin_family = AF_INET;
    addr->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (table.lpWSPBind(s, (struct sockaddr *)addr, sizeof(*addr), &err)) fatal("WSPBind: %d", err);
    if (table.lpWSPGetSockName(s, (struct sockaddr *)addr, &len, &err)) fatal("WSPGetSockName: %d", err);
    return s;
}

/* For `expect(table.lpWSPSend(..., &err), &err, WSAEFAULT, "...")`: SOCKET_ERROR with *lpErrno set. */
static void expect(int ret, const int *err, int expected, const char *what)
{
    ok(ret == SOCKET_ERROR && *err == expected, "%s: ret %d, *lpErrno %d, expected %d", what, ret, *err, expected);
}

static int send_one(SOCKET s, char *data, ULONG len, DWORD flags, int *err)
{
    WSABUF buf = { len, data };
    DWORD sent = 0;

    *err = 0;
    return table.lpWSPSend(s, &buf, 1, &sent, flags, NULL, NULL, NULL, err);
}

/* Waits alertably until the completion routine ran (the provider queued it through our WPUQueueApc). */
static BOOL wait_completion(LONG before)
{
    int i;

    for (i = 0; i < 100 && done.calls == before; i++) SleepEx(50, TRUE);
    return done.calls != before;
}

static int receive(SOCKET s, char *data, ULONG len, struct sockaddr_in *from);

static void test_bind_errors(SOCKET bound_socket, const struct sockaddr_in *addr)
{
    SOCKET s = spi_socket(&udp_info, 0);
    WSABUF buf = { 0, NULL };
    DWORD received, flags = 0;
    int err = 0;

    /* LPWSPBind: "WSAEFAULT: The name or the namelen parameter is not a valid part of the user address space" */
    expect(table.lpWSPBind(s, NULL, sizeof(*addr), &err), &err, WSAEFAULT, "WSPBind NULL name");
    err = 0;
    expect(table.lpWSPBind(s, (const struct sockaddr *)addr, 4, &err), &err, WSAEFAULT, "WSPBind short namelen");
    /* "WSAEINVAL: The socket is already bound to an address." */
    err = 0;
    expect(table.lpWSPBind(bound_socket, (const struct sockaddr *)addr, sizeof(*addr), &err), &err, WSAEINVAL,
           "WSPBind twice");
    err = 0;
    expect(table.lpWSPBind((SOCKET)0xdead0, (const struct sockaddr *)addr, sizeof(*addr), &err), &err, WSAENOTSOCK,
           "WSPBind not a socket");
    /* LPWSPRecvFrom: "WSAEINVAL: The socket has not been bound (with LPWSPBind, for example)." */
    err = 0;
    expect(table.lpWSPRecvFrom(s, &buf, 1, &received, &flags, NULL, NULL, NULL, NULL, NULL, &err), &err, WSAEINVAL,
           "WSPRecvFrom unbound");
    err = 0;
    expect(table.lpWSPRecvFrom((SOCKET)0xdead0, &buf, 1, &received, &flags, NULL, NULL, NULL, NULL, NULL, &err), &err,
           WSAENOTSOCK, "WSPRecvFrom not a socket");
    table.lpWSPCloseSocket(s, &err);
}

static void test_send_errors(SOCKET udp, SOCKET receiver, const struct sockaddr_in *peer)
{
    char data[] = "seed 003";
    WSABUF buf = { sizeof(data), data };
    DWORD sent;
    int err, ret;
    SOCKET other;
    struct sockaddr_in addr;

    /* "WSAENOTSOCK: The descriptor is not a socket." */
    expect(send_one((SOCKET)0xdead0, data, 4, 0, &err), &err, WSAENOTSOCK, "not a socket");
    /* "WSAEFAULT: The lpBuffers parameter is not totally contained in a valid part of the user address space." */
    err = 0;
    expect(table.lpWSPSend(udp, NULL, 1, &sent, 0, NULL, NULL, NULL, &err), &err, WSAEFAULT, "NULL lpBuffers");
    err = 0;
    expect(table.lpWSPSend(udp, (WSABUF *)16, 1, &sent, 0, NULL, NULL, NULL, &err), &err, WSAEFAULT, "bad lpBuffers");
    /* "WSAENOTCONN: The socket is not connected." */
    ret = send_one(udp, data, 4, 0, &err);
    ok(ret == SOCKET_ERROR && err == WSAENOTCONN, "unconnected UDP: %d (%d)", ret, err);

    other = spi_bound(&udp_info, WSA_FLAG_OVERLAPPED, &addr);
    err = 0;
    if (table.lpWSPConnect(other, (const struct sockaddr *)peer, sizeof(*peer), NULL, NULL, NULL, NULL, &err))
        fatal("WSPConnect: %d", err);
    buf.buf = (char *)16;
    err = 0;
    expect(table.lpWSPSend(other, &buf, 1, &sent, 0, NULL, NULL, NULL, &err), &err, WSAEFAULT, "bad buffer");
    /* "WSAEOPNOTSUPP: MSG_OOB was specified, but the socket is not stream style such as type SOCK_STREAM" */
    expect(send_one(other, data, 4, MSG_OOB, &err), &err, WSAEOPNOTSUPP, "MSG_OOB on UDP");
    /* "...MSG_PARTIAL is not supported" */
    expect(send_one(other, data, 4, MSG_PARTIAL, &err), &err, WSAEOPNOTSUPP, "MSG_PARTIAL");
    /* "WSAEMSGSIZE: The socket is message oriented, and the message is larger than the maximum supported" */
    {
        char *big = calloc(1, udp_info.dwMessageSize + 1);
        expect(send_one(other, big, udp_info.dwMessageSize + 1, 0, &err), &err, WSAEMSGSIZE, "too big");
        free(big);
    }
    ret = send_one(other, data, sizeof(data), MSG_DONTROUTE, &err);
    /* "MSG_DONTROUTE ... A Windows Sockets service provider can choose to ignore this flag." */
    ok(ret == 0, "MSG_DONTROUTE: %d (%d)", ret, err);
    ok(receive(receiver, data, sizeof(data), &addr) == sizeof(data), "MSG_DONTROUTE datagram lost");
    /* "WSAESHUTDOWN: ... LPWSPSend cannot be called on a socket after LPWSPShutdown has been invoked with how set to SD_SEND" */
    err = 0;
    ok(!table.lpWSPShutdown(other, SD_SEND, &err), "WSPShutdown: %d", err);
    expect(send_one(other, data, 4, 0, &err), &err, WSAESHUTDOWN, "after SD_SEND");
    table.lpWSPCloseSocket(other, &err);

    /* "WSAEINVAL: ... the socket was not created with the overlapped flag" (for an overlapped request) */
    other = spi_bound(&udp_info, 0, &addr);
    table.lpWSPConnect(other, (const struct sockaddr *)peer, sizeof(*peer), NULL, NULL, NULL, NULL, &err);
    {
        WSAOVERLAPPED ovl = { 0 };
        buf.buf = data;
        err = 0;
        expect(table.lpWSPSend(other, &buf, 1, &sent, 0, &ovl, completion, NULL, &err), &err, WSAEINVAL,
               "overlapped send on a non-overlapped socket");
    }
    table.lpWSPCloseSocket(other, &err);
}

/* Receives one datagram on `s`; returns its length or -1. */
static int receive(SOCKET s, char *data, ULONG len, struct sockaddr_in *from)
{
    WSABUF buf = { len, data };
    DWORD received = 0, flags = 0;
    int err = 0, fromlen = sizeof(*from), i;

    for (i = 0; i < 40; i++)
    {
        if (!table.lpWSPRecvFrom(s, &buf, 1, &received, &flags, (struct sockaddr *)from, &fromlen, NULL, NULL, NULL,
                                 &err))
            return received;
        if (err != WSAEWOULDBLOCK) return -1;
        Sleep(50);
    }
    return -1;
}

static void set_nonblocking(SOCKET s)
{
    u_long on = 1;
    DWORD bytes;
    int err = 0;

    if (table.lpWSPIoctl(s, FIONBIO, &on, sizeof(on), NULL, 0, &bytes, NULL, NULL, NULL, &err))
        fatal("FIONBIO: %d", err);
}

static void test_sendto_completion(SOCKET sender, SOCKET receiver, const struct sockaddr_in *to)
{
    char data[] = "completion routine", got[64];
    WSABUF *bufs = malloc(2 * sizeof(*bufs));
    WSATHREADID *thread = malloc(sizeof(*thread));
    WSAOVERLAPPED ovl = { 0 };
    struct sockaddr_in from;
    LONG before = done.calls, apcs = seen.queue_apc_calls;
    DWORD sent = 0;
    int err = 0, ret, len;

    test_open_current_thread(thread, &err);
    bufs[0].buf = data;
    bufs[0].len = 10;
    bufs[1].buf = data + 10;
    bufs[1].len = sizeof(data) - 10;
    ret = table.lpWSPSendTo(sender, bufs, 2, &sent, 0, (const struct sockaddr *)to, sizeof(*to), &ovl, completion,
                            thread, &err);
    ok(ret == 0 || (ret == SOCKET_ERROR && err == WSA_IO_PENDING), "overlapped WSPSendTo: %d (%d)", ret, err);
    /* "...it is the service provider's responsibility to capture these WSABUF structures before returning" */
    memset(bufs, 0xcc, 2 * sizeof(*bufs));
    free(bufs);
    /* "The provider should store the referenced WSATHREADID structure (not the pointer to same)" */
    {
        HANDLE handle = thread->ThreadHandle;
        memset(thread, 0xcc, sizeof(*thread));
        free(thread);
        ok(wait_completion(before), "completion routine never ran");
        ok(seen.queue_apc_calls == apcs + 1, "WPUQueueApc called %ld times", seen.queue_apc_calls - apcs);
        ok(seen.thread.ThreadHandle == handle, "WPUQueueApc got thread handle %p, expected %p",
           seen.thread.ThreadHandle, handle);
        CloseHandle(handle);
    }
    /* "...the APC function itself cannot be the client-specified completion routine" */
    ok(seen.apc != (LPWSAUSERAPC)(void *)completion, "the provider queued the client's routine itself");
    /* "...dwFlags value will be zero" (sends) */
    ok(done.error == 0 && done.bytes == sizeof(data) && done.ovl == &ovl && done.flags == 0,
       "completion: error %lu bytes %lu ovl %p flags %#lx", done.error, done.bytes, done.ovl, done.flags);
    len = receive(receiver, got, sizeof(got), &from);
    ok(len == sizeof(data) && !memcmp(got, data, sizeof(data)), "received %d bytes '%.*s'", len, len > 0 ? len : 0,
       got);
}

/* lpThreadId names the thread the routine runs on, whichever thread started the I/O. */
static DWORD WINAPI alertable_worker(void *stop)
{
    while (WaitForSingleObjectEx(stop, INFINITE, TRUE) == WAIT_IO_COMPLETION) {}
    return 0;
}

static void test_thread_id_honoured(SOCKET sender, SOCKET receiver, const struct sockaddr_in *to)
{
    char data[] = "to the worker", got[64];
    WSABUF buf = { sizeof(data), data };
    WSAOVERLAPPED ovl = { 0 };
    WSATHREADID worker = { 0 };
    struct sockaddr_in from;
    HANDLE stop = CreateEventW(NULL, TRUE, FALSE, NULL);
    DWORD sent, worker_id;
    LONG before = done.calls;
    int err = 0, ret, i;

    worker.ThreadHandle = CreateThread(NULL, 0, alertable_worker, stop, 0, &worker_id);
    ret = table.lpWSPSendTo(sender, &buf, 1, &sent, 0, (const struct sockaddr *)to, sizeof(*to), &ovl, completion,
                            &worker, &err);
    ok(ret == 0 || err == WSA_IO_PENDING, "WSPSendTo: %d (%d)", ret, err);
    for (i = 0; i < 100 && done.calls == before; i++) Sleep(20);   /* not alertable: only the worker may run it */
    ok(done.calls == before + 1 && done.thread == worker_id, "routine ran on thread %#lx, worker %#lx",
       done.thread, worker_id);
    SetEvent(stop);
    WaitForSingleObject(worker.ThreadHandle, 5000);
    CloseHandle(worker.ThreadHandle);
    CloseHandle(stop);
    receive(receiver, got, sizeof(got), &from);
}

static void test_recvfrom(SOCKET sender, SOCKET receiver, const struct sockaddr_in *sender_addr,
                          const struct sockaddr_in *to)
{
    char data[] = "overlapped receive", got[64];
    WSABUF buf = { sizeof(got), got }, out = { sizeof(data), data };
    WSAOVERLAPPED ovl = { 0 };
    WSATHREADID thread;
    struct sockaddr_in from;
    DWORD received = 0, flags = 0, sent;
    int err = 0, fromlen = sizeof(from), ret;
    LONG before = done.calls;

    set_nonblocking(receiver);
    /* A non-overlapped call on a non-blocking socket with nothing to read: WSAEWOULDBLOCK. */
    expect(table.lpWSPRecvFrom(receiver, &buf, 1, &received, &flags, (struct sockaddr *)&from, &fromlen, NULL, NULL,
                               NULL, &err), &err, WSAEWOULDBLOCK, "non-blocking WSPRecvFrom, no data");
    test_open_current_thread(&thread, &err);
    err = 0;
    ret = table.lpWSPRecvFrom(receiver, &buf, 1, &received, &flags, (struct sockaddr *)&from, &fromlen, &ovl,
                              completion, &thread, &err);
    /* "The error code WSA_IO_PENDING indicates that the overlapped operation has been successfully initiated" */
    ok(ret == SOCKET_ERROR && err == WSA_IO_PENDING, "overlapped WSPRecvFrom: %d (%d)", ret, err);
    ok(!table.lpWSPSendTo(sender, &out, 1, &sent, 0, (const struct sockaddr *)to, sizeof(*to), NULL, NULL, NULL,
                          &err), "WSPSendTo: %d", err);
    ok(wait_completion(before), "receive completion never ran");
    ok(done.error == 0 && done.bytes == sizeof(data) && !memcmp(got, data, sizeof(data)), "received %lu (%lu)",
       done.bytes, done.error);
    ok(from.sin_port == sender_addr->sin_port, "from port %u, expected %u", ntohs(from.sin_port),
       ntohs(sender_addr->sin_port));
    test_close_thread(&thread, &err);
}

/* TCP: fill the connection until WSAEWOULDBLOCK, then a send pends and closing aborts it. */
static void test_stream_pending(void)
{
    struct sockaddr_in listen_addr;
    SOCKET listener = spi_bound(&tcp_info, WSA_FLAG_OVERLAPPED, &listen_addr);
    SOCKET client = spi_socket(&tcp_info, WSA_FLAG_OVERLAPPED);
    WSAOVERLAPPED ovl = { 0 };
    WSATHREADID thread;
    WSABUF *bufs;
    static char chunk[65536];
    DWORD sent;
    LONG before;
    int err = 0, ret = 0, i;

    if (table.lpWSPListen(listener, 5, &err)) fatal("WSPListen: %d", err);
    if (table.lpWSPConnect(client, (struct sockaddr *)&listen_addr, sizeof(listen_addr), NULL, NULL, NULL, NULL, &err))
        fatal("WSPConnect: %d", err);
    set_nonblocking(client);
    /* "Nonoverlapped sockets: The socket is marked as nonblocking and the send operation cannot be completed immediately." */
    for (i = 0; i < 4096 && !(ret = send_one(client, chunk, sizeof(chunk), 0, &err)); i++) {}
    expect(ret, &err, WSAEWOULDBLOCK, "non-blocking send into a full connection");

    bufs = malloc(sizeof(*bufs));
    bufs->buf = chunk;
    bufs->len = sizeof(chunk);
    test_open_current_thread(&thread, &err);
    before = done.calls;
    err = 0;
    ret = table.lpWSPSend(client, bufs, 1, &sent, 0, &ovl, completion, &thread, &err);
    ok(ret == SOCKET_ERROR && err == WSA_IO_PENDING, "overlapped send into a full connection: %d (%d)", ret, err);
    memset(bufs, 0xcc, sizeof(*bufs));
    free(bufs);
    SleepEx(0, TRUE);
    ok(done.calls == before, "completion ran while the send was pending");
    /* "WSA_OPERATION_ABORTED: The overlapped operation has been canceled due to the closure of the socket";
     * Windows aborts a connected stream's requests with STATUS_CONNECTION_ABORTED (WSAECONNABORTED) instead
     * (Wine's suite, sock.c test_iocp; README's table of such departures). */
    ok(!table.lpWSPCloseSocket(client, &err), "WSPCloseSocket: %d", err);
    ok(wait_completion(before), "aborted send: no completion (calls %ld)", done.calls - before);
    ok(done.error == WSAECONNABORTED && done.ovl == &ovl, "aborted send: error %lu", done.error);
    test_close_thread(&thread, &err);
    table.lpWSPCloseSocket(listener, &err);
}

void run_tests(void)
{
    struct sockaddr_in sender_addr, receiver_addr;
    SOCKET sender, receiver;
    int err = 0;

    test_startup();
    sender = spi_bound(&udp_info, WSA_FLAG_OVERLAPPED, &sender_addr);
    receiver = spi_bound(&udp_info, WSA_FLAG_OVERLAPPED, &receiver_addr);
    test_bind_errors(sender, &sender_addr);
    test_send_errors(sender, receiver, &receiver_addr);
    test_sendto_completion(sender, receiver, &receiver_addr);
    test_thread_id_honoured(sender, receiver, &receiver_addr);
    test_recvfrom(sender, receiver, &sender_addr, &receiver_addr);
    test_stream_pending();
    ok(!table.lpWSPCloseSocket(sender, &err), "WSPCloseSocket: %d", err);
    /* Closed: the handle is no socket any more. */
    err = 0;
    expect(table.lpWSPCloseSocket(sender, &err), &err, WSAENOTSOCK, "closing twice");
    table.lpWSPCloseSocket(receiver, &err);
    ok(!table.lpWSPCleanup(&err), "WSPCleanup: %d", err);
}

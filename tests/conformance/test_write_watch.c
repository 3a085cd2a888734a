/*
 * Receives into MEM_WRITE_WATCH memory ("causes the system to track pages that
 * are written to in the allocated region", VirtualAlloc).  Such a buffer is an
 * ordinary valid buffer: WSARecv fails with WSAEFAULT only when "the lpBuffers
 * parameter is not completely contained in a valid part of the user address
 * space", so a pending receive into it completes with the data, also after the
 * program reset the watch meanwhile (ResetWriteWatch / WRITE_WATCH_FLAG_RESET).
 */
#include <string.h>

#include "tcp_util.h"

#define REGION 0x10000

struct watched
{
    char *base;
    ULONG_PTR count;
    void *pages[REGION / 0x1000];
    ULONG page_size;
};

static BOOL watch_reset(struct watched *w)
{
    w->count = REGION / 0x1000;
    return !GetWriteWatch(WRITE_WATCH_FLAG_RESET, w->base, REGION, w->pages, &w->count, &w->page_size);
}

/* An overlapped WSARecv over two buffers of the region, posted before the data comes. */
static void test_pending_recv(SOCKET client, SOCKET server, struct watched *w)
{
    static const char text[] = "test message";
    WSAOVERLAPPED ovl = { 0 };
    DWORD flags = 0, bytes = 0;
    WSABUF bufs[2] = { { 5, w->base }, { 0x8000, w->base + 0x4000 } };
    int ret;

    memset(w->base, 0, REGION);
    ok(watch_reset(w), "GetWriteWatch: %lu", GetLastError());
    ovl.hEvent = WSACreateEvent();
    ret = WSARecv(server, bufs, 2, NULL, &flags, &ovl, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSA_IO_PENDING, "WSARecv: %d, error %d", ret,
       WSAGetLastError());
    /* The program resets the watch while the receive waits: the pages are write-protected again. */
    ok(watch_reset(w), "GetWriteWatch: %lu", GetLastError());
    ok(send(client, text, sizeof(text), 0) == sizeof(text), "send: %d", WSAGetLastError());
    ok(WSAGetOverlappedResult(server, &ovl, &bytes, TRUE, &flags), "completion: error %d", WSAGetLastError());
    ok(bytes == sizeof(text), "%lu bytes", bytes);
    ok(!memcmp(w->base, "test ", 5) && !memcmp(w->base + 0x4000, "message", 8), "data: %.5s / %.8s", w->base,
       w->base + 0x4000);
    WSACloseEvent(ovl.hEvent);
}

struct blocking_recv
{
    SOCKET s;
    char *buf;
    int ret;
};

static DWORD WINAPI blocking_recv_thread(void *arg)
{
    struct blocking_recv *r = arg;

    r->ret = recv(r->s, r->buf, 0x7002, 0);
    return 0;
}

/* A blocking recv that waits while the watch is reset under it. */
static void test_blocking_recv(SOCKET client, SOCKET server, struct watched *w)
{
    static const char text[] = "blocking";
    struct blocking_recv r = { server, w->base, -2 };
    HANDLE thread;

    memset(w->base, 0, REGION);
    ok(watch_reset(w), "GetWriteWatch: %lu", GetLastError());
    thread = CreateThread(NULL, 0, blocking_recv_thread, &r, 0, NULL);
    Sleep(200);
    ok(watch_reset(w), "GetWriteWatch: %lu", GetLastError());
    ok(send(client, text, sizeof(text), 0) == sizeof(text), "send: %d", WSAGetLastError());
    ok(WaitForSingleObject(thread, 10000) == WAIT_OBJECT_0, "recv thread did not end");
    CloseHandle(thread);
    ok(r.ret == sizeof(text), "recv: %d, error %d", r.ret, WSAGetLastError());
    ok(!strcmp(w->base, text), "data: %.9s", w->base);
}

/* WSARecvFrom: "lpFrom and lpFromlen are ignored for connection-oriented sockets" (even a bad length). */
static void test_stream_from_ignored(SOCKET client, SOCKET server)
{
    static const char text[] = "from";
    char buf[16] = { 0 };
    WSABUF wsabuf = { sizeof(buf), buf };
    struct sockaddr from;
    int fromlen = 0x7fffffff, ret;
    DWORD flags = 0, bytes = 0;

    ok(send(client, text, sizeof(text), 0) == sizeof(text), "send: %d", WSAGetLastError());
    ret = WSARecvFrom(server, &wsabuf, 1, &bytes, &flags, &from, &fromlen, NULL, NULL);
    ok(!ret && bytes == sizeof(text), "WSARecvFrom: %d, error %d, %lu bytes", ret, WSAGetLastError(), bytes);
}

void run_tests(void)
{
    struct watched w = { 0 };
    SOCKET client, server;
    WSADATA data;

    if (WSAStartup(MAKEWORD(2, 2), &data)) fatal("WSAStartup");
    if (!tcp_pair(AF_INET, WSA_FLAG_OVERLAPPED, &client, &server)) fatal("tcp_pair");
    w.base = VirtualAlloc(NULL, REGION, MEM_RESERVE | MEM_COMMIT | MEM_WRITE_WATCH, PAGE_READWRITE);
    if (!w.base) fatal("VirtualAlloc: %lu", GetLastError());
    test_pending_recv(client, server, &w);
    test_blocking_recv(client, server, &w);
    test_stream_from_ignored(client, server);
    VirtualFree(w.base, 0, MEM_RELEASE);
    closesocket(client);
    closesocket(server);
    WSACleanup();
}

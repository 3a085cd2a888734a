/*
 * Transfers with more WSABUFs than the host takes in one call (Linux's IOV_MAX is 1,024).  WSASend:
 * "lpBuffers: A pointer to an array of WSABUF structures ... dwBufferCount: The number of WSABUF structures in
 * the lpBuffers array", with no limit given; Windows sends them all, in array order, on streams and
 * datagrams alike, and WSARecv / WSARecvFrom scatter into as many.
 */
#include <stdlib.h>
#include <string.h>

#include "msg_util.h"
#include "tcp_util.h"

#define MANY 1025
#define LOTS 5000

/* count buffers of `each` bytes over one block whose byte i is (i * 7) & 0xff. */
static WSABUF *make_buffers(DWORD count, ULONG each, char **block)
{
    WSABUF *bufs = calloc(count, sizeof(*bufs));
    DWORD i;

    *block = malloc((size_t)count * each);
    for (i = 0; i < count * each; i++) (*block)[i] = (char)(i * 7);
    for (i = 0; i < count; i++)
    {
        bufs[i].buf = *block + (size_t)i * each;
        bufs[i].len = each;
    }
    return bufs;
}

static BOOL pattern_ok(const char *data, DWORD len)
{
    DWORD i;

    for (i = 0; i < len; i++) if (data[i] != (char)(i * 7)) return FALSE;
    return TRUE;
}

static void stream_send(SOCKET client, SOCKET server, DWORD count, ULONG each)
{
    char *block, *in = calloc(count, each);
    WSABUF *bufs = make_buffers(count, each, &block);
    DWORD sent = 0;
    int ret = WSASend(client, bufs, count, &sent, 0, NULL, NULL);

    ok(!ret && sent == count * each, "WSASend of %lu buffers: ret %d error %d sent %lu", count, ret,
       ret ? WSAGetLastError() : 0, sent);
    if (!ret) ok(recv_all(server, in, count * each) && pattern_ok(in, count * each), "%lu buffers: data", count);
    free(bufs);
    free(block);
    free(in);
}

static void stream_recv(SOCKET client, SOCKET server, DWORD count)
{
    char *block, *out = malloc(count);
    WSABUF *bufs = make_buffers(count, 1, &block);
    DWORD got = 0, bytes, flags, i;
    int ret = 0;

    for (i = 0; i < count; i++) out[i] = (char)(i * 7);
    memset(block, 0, count);
    ok(send(client, out, count, 0) == (int)count, "send: %d", WSAGetLastError());
    /* A stream receive may end early; the rest goes into the buffers after. */
    while (got < count && !ret)
    {
        flags = 0;
        bytes = 0;
        for (i = 0; i < count && bufs[i].buf < block + got; i++) {}
        ret = WSARecv(server, bufs + i, count - i, &bytes, &flags, NULL, NULL);
        if (!bytes) break;
        got += bytes;
    }
    ok(!ret && got == count && pattern_ok(block, count), "WSARecv into %lu buffers: ret %d error %d got %lu",
       count, ret, ret ? WSAGetLastError() : 0, got);
    free(bufs);
    free(block);
    free(out);
}

static void test_stream(void)
{
    SOCKET client, server;
    WSAOVERLAPPED ovl = { 0 };
    WSABUF *bufs;
    char *block, *in;
    DWORD sent = 0, flags = 0;
    int ret;

    if (!tcp_pair(AF_INET, WSA_FLAG_OVERLAPPED, &client, &server)) fatal("no TCP pair: %d", WSAGetLastError());
    stream_send(client, server, MANY, 3);
    stream_send(client, server, LOTS, 17);
    stream_recv(client, server, MANY);
    stream_recv(client, server, LOTS);

    /* Overlapped, with an event. */
    bufs = make_buffers(MANY, 5, &block);
    in = malloc(MANY * 5);
    ovl.hEvent = WSACreateEvent();
    ret = WSASend(client, bufs, MANY, &sent, 0, &ovl, NULL);
    ok(!ret || WSAGetLastError() == WSA_IO_PENDING, "overlapped WSASend: %d", WSAGetLastError());
    ok(recv_all(server, in, MANY * 5) && pattern_ok(in, MANY * 5), "overlapped: data");
    ok(WSAGetOverlappedResult(client, &ovl, &sent, TRUE, &flags) && sent == MANY * 5, "overlapped: sent %lu", sent);
    WSACloseEvent(ovl.hEvent);
    free(bufs);
    free(block);
    free(in);
    closesocket(client);
    closesocket(server);
}

static void datagram_send(DWORD count)
{
    char *block, *in = calloc(1, count + 1);
    WSABUF *bufs = make_buffers(count, 1, &block);
    DWORD sent = 0;
    int ret = WSASendTo(pair.sender, bufs, count, &sent, 0, (SOCKADDR *)&pair.receiver_addr,
                        addr_len(&pair.receiver_addr), NULL, NULL);

    ok(!ret && sent == count, "WSASendTo of %lu buffers: ret %d error %d sent %lu", count, ret,
       ret ? WSAGetLastError() : 0, sent);
    if (!ret)
    {
        ok(wait_readable(pair.receiver, 2000), "%lu buffers: nothing arrived", count);
        ret = recv(pair.receiver, in, count + 1, 0);
        ok(ret == (int)count && pattern_ok(in, count), "%lu buffers: one datagram of %d bytes", count, ret);
    }
    free(bufs);
    free(block);
    free(in);
}

static void datagram_recv(DWORD count)
{
    char *block, *out = malloc(count);
    WSABUF *bufs = make_buffers(count, 1, &block);
    SOCKADDR_STORAGE from;
    DWORD got = 0, flags = 0, i;
    int fromlen = sizeof(from), ret;

    for (i = 0; i < count; i++) out[i] = (char)(i * 7);
    memset(block, 0, count);
    ok(sendto(pair.sender, out, count, 0, (SOCKADDR *)&pair.receiver_addr, addr_len(&pair.receiver_addr)) ==
       (int)count, "sendto: %d", WSAGetLastError());
    wait_readable(pair.receiver, 2000);
    ret = WSARecvFrom(pair.receiver, bufs, count, &got, &flags, (SOCKADDR *)&from, &fromlen, NULL, NULL);
    ok(!ret && got == count && pattern_ok(block, count), "WSARecvFrom into %lu buffers: ret %d error %d got %lu",
       count, ret, ret ? WSAGetLastError() : 0, got);
    free(bufs);
    free(block);
    free(out);
}

static void test_datagram(void)
{
    pair_open(0);
    datagram_send(MANY);
    datagram_send(LOTS);
    datagram_recv(MANY);
    datagram_recv(LOTS);
    pair_close();
}

void run_tests(void)
{
    WSADATA wsa;

    if (harness_on_builtin)
    {
        /* Wine 8.0's builtin hands the buffers to one host call and fails past IOV_MAX with WSAEMSGSIZE. */
        skip("Wine's builtin fails more than 1,024 buffers");
        return;
    }
    if (WSAStartup(MAKEWORD(2, 2), &wsa)) fatal("WSAStartup failed");
    test_stream();
    WSACleanup();
    test_datagram();
}

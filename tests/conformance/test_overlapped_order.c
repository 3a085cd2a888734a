/*
 * Overlapped WSARecvMsg beyond the single request (seed 002 and WSARecv's
 * remarks): requests are filled in posting order, the WSABUF array is
 * captured before the call returns, completion routines run in every kind of
 * alertable wait, may start new I/O, and never nest for one socket.
 */
#include <string.h>

#include "msg_util.h"

static int post_recv(WSAOVERLAPPED *ovl, WSAMSG *msg, WSABUF *buf, char *data, ULONG len,
                     LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    DWORD received;

    recv_msg_init(msg, buf, data, len, NULL, NULL, 0);
    return pair.recvmsg(pair.receiver, msg, routine ? &received : NULL, ovl, routine);
}

static void test_posting_order(void)
{
    static const char *const texts[3] = { "first", "second", "third" };
    WSAOVERLAPPED ovl[3] = { { 0 } };
    char data[3][16];
    WSABUF buf[3];
    WSAMSG msg[3];
    DWORD bytes, flags;
    int i;

    /* Requests are filled in the order they were posted, as on Windows (issue 4: "buffers are sent and filled
     * in posting order"). */
    for (i = 0; i < 3; i++)
    {
        ovl[i].hEvent = WSACreateEvent();
        memset(data[i], 0, sizeof(data[i]));
        ok(post_recv(&ovl[i], &msg[i], &buf[i], data[i], sizeof(data[i]), NULL) == SOCKET_ERROR &&
           WSAGetLastError() == WSA_IO_PENDING, "request %d not pending", i);
    }
    for (i = 0; i < 3; i++) pair_send_text(texts[i]);
    for (i = 0; i < 3; i++)
    {
        ok(WaitForSingleObject(ovl[i].hEvent, 2000) == WAIT_OBJECT_0, "request %d not completed", i);
        ok(WSAGetOverlappedResult(pair.receiver, &ovl[i], &bytes, FALSE, &flags) && bytes == strlen(texts[i]) &&
           !strcmp(data[i], texts[i]), "request %d got \"%s\" (%lu bytes)", i, data[i], bytes);
        WSACloseEvent(ovl[i].hEvent);
    }
}

static void test_wsabuf_captured(void)
{
    WSAOVERLAPPED ovl = { 0 };
    char data[16] = { 0 }, decoy[16] = { 0 };
    DWORD bytes, flags;
    WSABUF buf;
    WSAMSG msg;

    /* "it is the Winsock service provider's responsibility to capture the WSABUF structures before returning
     * from this call. This enables applications to build stack-based WSABUF arrays" */
    ovl.hEvent = WSACreateEvent();
    ok(post_recv(&ovl, &msg, &buf, data, sizeof(data), NULL) == SOCKET_ERROR && WSAGetLastError() == WSA_IO_PENDING,
       "not pending: %d", WSAGetLastError());
    buf.buf = decoy;        /* the caller reuses its WSABUF after the call */
    buf.len = 1;
    pair_send_text("captured");
    ok(WaitForSingleObject(ovl.hEvent, 2000) == WAIT_OBJECT_0, "not completed");
    ok(WSAGetOverlappedResult(pair.receiver, &ovl, &bytes, FALSE, &flags) && bytes == 8, "bytes %lu", bytes);
    ok(!strcmp(data, "captured") && !decoy[0], "data went to \"%s\", decoy \"%s\"", data, decoy);
    WSACloseEvent(ovl.hEvent);
}

static int depth, max_depth, routine_calls, chained;
static WSAOVERLAPPED chain_ovl[2];
static WSAMSG chain_msg[2];
static WSABUF chain_buf[2];
static char chain_data[2][16];

static void CALLBACK chained_routine(DWORD error, DWORD bytes, WSAOVERLAPPED *ovl, DWORD flags);

static void CALLBACK counting_routine(DWORD error, DWORD bytes, WSAOVERLAPPED *ovl, DWORD flags)
{
    routine_calls++;
}

/* The first completion posts the next receive from inside its routine. */
static void CALLBACK chained_routine(DWORD error, DWORD bytes, WSAOVERLAPPED *ovl, DWORD flags)
{
    int ret;

    if (++depth > max_depth) max_depth = depth;
    routine_calls++;
    if (ovl == &chain_ovl[0])
    {
        /* Data for the next request is already waiting: it completes at once, yet its routine must wait. */
        pair_send_text("chained");
        wait_readable(pair.receiver, 2000);
        ret = post_recv(&chain_ovl[1], &chain_msg[1], &chain_buf[1], chain_data[1], sizeof(chain_data[1]),
                        chained_routine);
        chained = ret == 0 || WSAGetLastError() == WSA_IO_PENDING;
    }
    depth--;
}

static void test_routines(void)
{
    WSAOVERLAPPED ovl = { 0 };
    WSAEVENT never = WSACreateEvent();
    char data[16];
    WSABUF buf;
    WSAMSG msg;
    DWORD ret;
    int i;

    /* "The completion routine will be invoked when the thread is in an alertable wait state": WaitForSingleObjectEx
     * and WSAWaitForMultipleEvents with fAlertable TRUE both return for it. */
    routine_calls = 0;
    post_recv(&ovl, &msg, &buf, data, sizeof(data), counting_routine);
    pair_send_text("wfsoex");
    ret = WaitForSingleObjectEx(never, 2000, TRUE);
    ok(ret == WAIT_IO_COMPLETION && routine_calls == 1, "WaitForSingleObjectEx: %lu, calls %d", ret, routine_calls);
    post_recv(&ovl, &msg, &buf, data, sizeof(data), counting_routine);
    pair_send_text("wsawait");
    ret = WSAWaitForMultipleEvents(1, &never, FALSE, 2000, TRUE);
    ok(ret == WSA_WAIT_IO_COMPLETION && routine_calls == 2, "WSAWaitForMultipleEvents: %lu, calls %d", ret,
       routine_calls);

    /* Immediate completion still runs the routine, in the next alertable wait. */
    pair_send_text("ready");
    wait_readable(pair.receiver, 2000);
    ok(!post_recv(&ovl, &msg, &buf, data, sizeof(data), counting_routine), "immediate: %d", WSAGetLastError());
    ok(routine_calls == 2, "routine ran inside the call");
    ok(SleepEx(2000, TRUE) == WAIT_IO_COMPLETION && routine_calls == 3, "immediate routine: calls %d",
       routine_calls);

    /* "The completion routine ... can be called from within the completion routine of a previous" request;
     * "the completion routines for a given socket will not be nested". */
    routine_calls = depth = max_depth = chained = 0;
    post_recv(&chain_ovl[0], &chain_msg[0], &chain_buf[0], chain_data[0], sizeof(chain_data[0]), chained_routine);
    pair_send_text("start");
    for (i = 0; i < 10 && routine_calls < 2; i++) SleepEx(200, TRUE);
    ok(chained, "no new I/O from inside the routine: %d", WSAGetLastError());
    ok(routine_calls == 2 && max_depth == 1, "routines: calls %d, nesting depth %d", routine_calls, max_depth);
    ok(!strcmp(chain_data[1], "chained"), "chained request got \"%s\"", chain_data[1]);
    WSACloseEvent(never);
}

void run_tests(void)
{
    pair_open(0);

    test_posting_order();
    test_wsabuf_captured();
    test_routines();

    pair_close();
}

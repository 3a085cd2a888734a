/*
 * The Winsock 1 asynchronous database calls: WSAAsyncGetServByPort,
 * WSAAsyncGetServByName, WSAAsyncGetProtoByName, WSAAsyncGetProtoByNumber and
 * WSACancelAsyncRequest.  Every request must end in the caller's window
 * message (a program waiting for it must never hang).  Each check cites the
 * documentation sentence it tests.
 */
#include <string.h>

#include "harness.h"

#define WM_ASYNC_DONE (WM_USER + 1)

/* user32, loaded here so the program links like the others. */
static HWND (WINAPI *p_CreateWindowExA)(DWORD, const char *, const char *, DWORD, int, int, int, int, HWND,
                                        HMENU, HINSTANCE, void *);
static BOOL (WINAPI *p_DestroyWindow)(HWND);
static BOOL (WINAPI *p_PeekMessageA)(MSG *, HWND, UINT, UINT, UINT);

static BOOL load_user32(void)
{
    HMODULE user32 = LoadLibraryA("user32.dll");

    if (!user32) return FALSE;
    p_CreateWindowExA = (void *)GetProcAddress(user32, "CreateWindowExA");
    p_DestroyWindow = (void *)GetProcAddress(user32, "DestroyWindow");
    p_PeekMessageA = (void *)GetProcAddress(user32, "PeekMessageA");
    return p_CreateWindowExA && p_DestroyWindow && p_PeekMessageA;
}

/* The completion message for `task`, within 5 s; FALSE if none came. */
static BOOL wait_reply(HWND hwnd, HANDLE task, LPARAM *lparam)
{
    DWORD start = GetTickCount();
    MSG msg;

    while (GetTickCount() - start < 5000)
    {
        if (p_PeekMessageA(&msg, hwnd, WM_ASYNC_DONE, WM_ASYNC_DONE, PM_REMOVE))
        {
            ok(msg.wParam == (WPARAM)task, "message for task %p, expected %p", (void *)msg.wParam, task);
            *lparam = msg.lParam;
            return TRUE;
        }
        Sleep(10);
    }
    return FALSE;
}

static void test_serv_by_port(HWND hwnd)
{
    char buf[MAXGETHOSTSTRUCT];
    struct servent *se = (struct servent *)buf;
    LPARAM reply = 0;
    HANDLE task;

    /* "If no error occurs, WSAAsyncGetServByPort returns a nonzero value of type HANDLE that is the
     * asynchronous task handle for the request." */
    task = WSAAsyncGetServByPort(hwnd, WM_ASYNC_DONE, htons(22), "tcp", buf, sizeof(buf));
    ok(task != NULL, "WSAAsyncGetServByPort: task %p, error %d", task, WSAGetLastError());
    /* "The wParam parameter contains the asynchronous task handle as returned by the original function
     * call. The high 16 bits of lParam contain any error code." "An error code of zero indicates
     * successful completion" "the buffer specified to the original function call contains a servent
     * structure." */
    if (!ok(wait_reply(hwnd, task, &reply), "WSAAsyncGetServByPort: no completion message")) return;
    ok(WSAGETASYNCERROR(reply) == 0, "WSAAsyncGetServByPort 22/tcp: error %d", WSAGETASYNCERROR(reply));
    ok(se->s_port == htons(22) && se->s_name && !strcmp(se->s_name, "ssh"),
       "WSAAsyncGetServByPort 22/tcp: port %u name %s", ntohs(se->s_port), se->s_name ? se->s_name : "(null)");
    ok((char *)se->s_name >= buf && (char *)se->s_name < buf + sizeof(buf),
       "the servent's data lives in the caller's buffer");

    /* "If the error code is WSAENOBUFS, the size of the buffer specified by buflen in the original call
     * was too small to contain all the resulting information. In this case, the low 16 bits of lParam
     * contain the size of buffer required to supply all the requisite information." */
    task = WSAAsyncGetServByPort(hwnd, WM_ASYNC_DONE, htons(22), "tcp", buf, 4);
    if (!ok(task && wait_reply(hwnd, task, &reply), "WSAAsyncGetServByPort, short buffer: no message")) return;
    ok(WSAGETASYNCERROR(reply) == WSAENOBUFS && WSAGETASYNCBUFLEN(reply) > sizeof(struct servent),
       "short buffer: error %d, size %d", WSAGETASYNCERROR(reply), WSAGETASYNCBUFLEN(reply));
}

static void test_serv_by_name(HWND hwnd)
{
    char buf[MAXGETHOSTSTRUCT];
    LPARAM reply = 0;
    HANDLE task;

    /* An unknown service still completes: "WSANO_DATA Valid name, no data record of requested type." is
     * one of the errors "set when an application window receives a message". */
    task = WSAAsyncGetServByName(hwnd, WM_ASYNC_DONE, "no-such-service-msgsock", "tcp", buf, sizeof(buf));
    if (!ok(task && wait_reply(hwnd, task, &reply), "WSAAsyncGetServByName, unknown: no message")) return;
    ok(WSAGETASYNCERROR(reply) != 0, "unknown service: error %d", WSAGETASYNCERROR(reply));
}

static void test_proto(HWND hwnd)
{
    char buf[MAXGETHOSTSTRUCT];
    struct protoent *pe = (struct protoent *)buf;
    LPARAM reply = 0;
    HANDLE task;

    /* "On successful completion, the buffer specified to the original function call contains a
     * protoent structure." */
    task = WSAAsyncGetProtoByName(hwnd, WM_ASYNC_DONE, "udp", buf, sizeof(buf));
    if (!ok(task && wait_reply(hwnd, task, &reply), "WSAAsyncGetProtoByName: no message")) return;
    ok(!WSAGETASYNCERROR(reply) && pe->p_proto == IPPROTO_UDP, "WSAAsyncGetProtoByName udp: error %d proto %d",
       WSAGETASYNCERROR(reply), pe->p_proto);

    task = WSAAsyncGetProtoByNumber(hwnd, WM_ASYNC_DONE, IPPROTO_TCP, buf, sizeof(buf));
    if (!ok(task && wait_reply(hwnd, task, &reply), "WSAAsyncGetProtoByNumber: no message")) return;
    ok(!WSAGETASYNCERROR(reply) && pe->p_name && !strcmp(pe->p_name, "tcp"),
       "WSAAsyncGetProtoByNumber 6: error %d name %s", WSAGETASYNCERROR(reply), pe->p_name ? pe->p_name : "(null)");

    /* WSACancelAsyncRequest: "WSAEALREADY The asynchronous routine being canceled has already
     * completed." */
    if (harness_on_builtin) skip("WSACancelAsyncRequest: Wine's builtin does not report WSAEALREADY");
    else expect_wsa_error(WSACancelAsyncRequest(task), WSAEALREADY, "WSACancelAsyncRequest after completion");
}

void run_tests(void)
{
    WSADATA data;
    HWND hwnd;

    if (!load_user32()) fatal("user32 is not available");
    WSAStartup(MAKEWORD(2, 2), &data);
    /* A message-only window: no display needed. */
    hwnd = p_CreateWindowExA(0, "static", NULL, 0, 0, 0, 0, 0, HWND_MESSAGE, NULL, NULL, NULL);
    if (!hwnd)
    {
        skip("no window (no display driver): the asynchronous database calls need one");
        WSACleanup();
        return;
    }
    test_serv_by_port(hwnd);
    test_serv_by_name(hwnd);
    test_proto(hwnd);
    p_DestroyWindow(hwnd);
    WSACleanup();
}

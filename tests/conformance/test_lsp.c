/*
 * Layered providers: installs tests/lsp's msgsock_lsp_test.dll with
 * WSCInstallProvider (a layered entry plus UDP and TCP chains over the base
 * entries, ordered first with WSCWriteProviderOrder), runs an unmodified
 * program (lsp_traffic.exe) and this process's own traffic through it,
 * checks the layer's counters, then deinstalls it and checks traffic no
 * longer passes.  While installed, the upcall table ws2_32 gave the layer is
 * exercised directly (WPUCreateSocketHandle, WPUCompleteOverlappedRequest,
 * events, WPUPostMessage, WPUQueryBlockingCallback, ...).
 */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "harness.h"
#include <ws2spi.h>
#include <sporder.h>
#include "../lsp/lsp_counters.h"

static GUID layer_guid = { 0x3b0e7c52, 0x8d4f, 0x4a21, { 0xb2, 0x6c, 0x51, 0x0d, 0x9e, 0x44, 0x21, 0x01 } };
static GUID chain_guid = { 0x3b0e7c52, 0x8d4f, 0x4a21, { 0xb2, 0x6c, 0x51, 0x0d, 0x9e, 0x44, 0x21, 0x02 } };
static struct lsp_counters *counters;
static WCHAR lsp_dir[MAX_PATH];
static DWORD layer_id;

static WSAPROTOCOL_INFOW *all_entries(int *count)
{
    WSAPROTOCOL_INFOW *buf;
    DWORD len = 0;
    int err;

    WSCEnumProtocols(NULL, NULL, &len, &err);
    if (!(buf = malloc(len))) return NULL;
    *count = WSCEnumProtocols(NULL, buf, &len, &err);
    return buf;
}

static const WSAPROTOCOL_INFOW *find_base(const WSAPROTOCOL_INFOW *infos, int count, int type)
{
    int i;

    for (i = 0; i < count; i++)
        if (infos[i].iAddressFamily == AF_INET && infos[i].iSocketType == type && infos[i].ProtocolChain.ChainLen == 1)
            return &infos[i];
    return NULL;
}

/* The chain entries go first in the catalog, as LSP installers order them. */
static void order_chains_first(void)
{
    WSAPROTOCOL_INFOW *infos;
    DWORD *order, n = 0;
    int count = 0, i, pass;

    infos = all_entries(&count);
    order = malloc(count * sizeof(*order));
    for (pass = 0; pass < 2; pass++)
        for (i = 0; i < count; i++)
            if (IsEqualGUID(&infos[i].ProviderId, &chain_guid) == !pass) order[n++] = infos[i].dwCatalogEntryId;
    ok(WSCWriteProviderOrder(order, n) == 0, "WSCWriteProviderOrder failed");
    free(order);
    free(infos);
}

static BOOL install(void)
{
    WSAPROTOCOL_INFOW *infos, layer, chains[2];
    const WSAPROTOCOL_INFOW *udp, *tcp;
    int count = 0, err = 0, i;
    /* "...can contain embedded environment strings ... expanded whenever the Ws2_32.dll needs to ... load the provider DLL" */
    const WCHAR *path = L"%MSGSOCK_LSP_DIR%\\msgsock_lsp_test.dll";

    infos = all_entries(&count);
    if (!(udp = find_base(infos, count, SOCK_DGRAM)) || !(tcp = find_base(infos, count, SOCK_STREAM))) return FALSE;
    layer = *udp;
    layer.ProtocolChain.ChainLen = LAYERED_PROTOCOL;
    wcscpy(layer.szProtocol, L"msgsock test LSP");
    if (!ok(!WSCInstallProvider(&layer_guid, path, &layer, 1, &err), "install layer: %d", err)) return FALSE;
    free(infos);
    infos = all_entries(&count);
    for (i = 0; i < count; i++) if (IsEqualGUID(&infos[i].ProviderId, &layer_guid)) layer_id = infos[i].dwCatalogEntryId;
    udp = find_base(infos, count, SOCK_DGRAM);
    tcp = find_base(infos, count, SOCK_STREAM);
    chains[0] = *udp;
    chains[1] = *tcp;
    for (i = 0; i < 2; i++)
    {
        chains[i].ProtocolChain.ChainLen = 2;
        chains[i].ProtocolChain.ChainEntries[0] = layer_id;
        chains[i].ProtocolChain.ChainEntries[1] = i ? tcp->dwCatalogEntryId : udp->dwCatalogEntryId;
        swprintf(chains[i].szProtocol, WSAPROTOCOL_LEN + 1, L"msgsock test LSP over %ls", i ? L"TCP" : L"UDP");
    }
    free(infos);
    if (!ok(!WSCInstallProvider(&chain_guid, path, chains, 2, &err), "install chains: %d", err)) return FALSE;
    order_chains_first();
    return TRUE;
}

static void deinstall(void)
{
    int err;

    WSCDeinstallProvider(&chain_guid, &err);
    WSCDeinstallProvider(&layer_guid, &err);
}

/* Runs lsp_traffic.exe (beside the layer) and returns its exit code, or -1. */
static DWORD run_traffic(void)
{
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    WCHAR cmd[MAX_PATH + 32];
    DWORD code = (DWORD)-1;

    swprintf(cmd, ARRAYSIZE(cmd), L"\"%ls\\lsp_traffic.exe\"", lsp_dir);
    if (!CreateProcessW(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) return code;
    if (WaitForSingleObject(pi.hProcess, 60000) == WAIT_OBJECT_0) GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    return code;
}

static void test_child_traffic(void)
{
    DWORD code;

    memset(counters, 0, sizeof(*counters));
    code = run_traffic();
    ok(code == 0, "lsp_traffic.exe exit code %lu", code);
    ok(counters->startups >= 1, "the layer was not started (%ld)", counters->startups);
    ok(counters->sockets >= 4 && counters->ifs_handles == counters->sockets, "%ld sockets, %ld IFS handles",
       counters->sockets, counters->ifs_handles);
    /* ws2_32's sendto/recvfrom/send reach the layer's WSPSendTo/WSPRecvFrom. */
    ok(counters->sendto >= 2, "WSPSendTo calls %ld", counters->sendto);
    ok(counters->recvfrom >= 1, "WSPRecvFrom calls %ld", counters->recvfrom);
    ok(counters->sendmsg == 1 && counters->recvmsg == 1, "WSASendMsg %ld, WSARecvMsg %ld through the layer",
       counters->sendmsg, counters->recvmsg);
}

static void test_own_traffic(void)
{
    struct sockaddr_in addr = { AF_INET };
    char data[] = "own", got[8];
    WSABUF buf = { sizeof(data), data };
    LONG sockets = counters->sockets, sends, recvs;
    int len = sizeof(addr);
    SOCKET a, b;
    DWORD sent;

    a = socket(AF_INET, SOCK_DGRAM, 0);
    b = socket(AF_INET, SOCK_DGRAM, 0);
    ok(a != INVALID_SOCKET && b != INVALID_SOCKET, "socket: %d", WSAGetLastError());
    ok(counters->sockets == sockets + 2, "this process's sockets did not go through the layer");
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(b, (struct sockaddr *)&addr, sizeof(addr));
    getsockname(b, (struct sockaddr *)&addr, &len);
    sends = counters->send + counters->sendto;
    recvs = counters->recv + counters->recvfrom;
    ok(!WSASendTo(a, &buf, 1, &sent, 0, (struct sockaddr *)&addr, sizeof(addr), NULL, NULL) && sent == sizeof(data),
       "WSASendTo: %d", WSAGetLastError());
    ok(recv(b, got, sizeof(got), 0) == sizeof(data), "recv: %d", WSAGetLastError());
    ok(counters->send + counters->sendto == sends + 1 && counters->recv + counters->recvfrom == recvs + 1,
       "sends %ld -> %ld, receives %ld -> %ld", sends, counters->send + counters->sendto, recvs,
       counters->recv + counters->recvfrom);
    /* A layered socket's getsockname, bind, closesocket go to the layer, which passes them on. */
    ok(!closesocket(a) && !closesocket(b), "closesocket: %d", WSAGetLastError());
    ok(closesocket(a) == SOCKET_ERROR && WSAGetLastError() == WSAENOTSOCK, "closed twice: %d", WSAGetLastError());
}

static void WINAPI user_apc(DWORD_PTR context)
{
    *(LONG *)context += 1;
}

static void test_event_upcalls(const WSPUPCALLTABLE *up)
{
    WSAEVENT event;
    int err = 0;

    /* WPUCreateEvent: "...a manual-reset event object with an initial state of nonsignaled" (as WSACreateEvent) */
    event = up->lpWPUCreateEvent(&err);
    ok(event != WSA_INVALID_EVENT && WaitForSingleObject(event, 0) == WAIT_TIMEOUT, "WPUCreateEvent: %d", err);
    ok(up->lpWPUSetEvent(event, &err) && WaitForSingleObject(event, 0) == WAIT_OBJECT_0 &&
       WaitForSingleObject(event, 0) == WAIT_OBJECT_0, "WPUSetEvent (manual reset)");
    ok(up->lpWPUResetEvent(event, &err) && WaitForSingleObject(event, 0) == WAIT_TIMEOUT, "WPUResetEvent");
    ok(up->lpWPUCloseEvent(event, &err), "WPUCloseEvent: %d", err);
    err = 0;
    /* "WSA_INVALID_HANDLE: hEvent is not a valid event object handle." */
    ok(!up->lpWPUCloseEvent(event, &err) && err == WSA_INVALID_HANDLE, "closing twice: %d", err);
    err = 0;
    ok(!up->lpWPUSetEvent(NULL, &err) && err == WSA_INVALID_HANDLE, "WPUSetEvent(NULL): %d", err);
}

static void test_thread_upcalls(const WSPUPCALLTABLE *up)
{
    WSATHREADID thread;
    LONG runs = 0;
    fd_set set;
    int err = 0;

    ok(!up->lpWPUOpenCurrentThread(&thread, &err), "WPUOpenCurrentThread: %d", err);
    /* "WPUQueueApc ... queues a user mode-APC to the specified thread" */
    ok(!up->lpWPUQueueApc(&thread, user_apc, (DWORD_PTR)&runs, &err), "WPUQueueApc: %d", err);
    ok(runs == 0, "APC ran before an alertable wait");
    SleepEx(0, TRUE);
    ok(runs == 1, "APC ran %ld times", runs);
    ok(!up->lpWPUCloseThread(&thread, &err), "WPUCloseThread: %d", err);
    FD_ZERO(&set);
    FD_SET((SOCKET)42, &set);
    ok(up->lpWPUFDIsSet((SOCKET)42, &set) && !up->lpWPUFDIsSet((SOCKET)43, &set), "WPUFDIsSet");
}

static void test_misc_upcalls(const WSPUPCALLTABLE *up)
{
    LPBLOCKINGCALLBACK callback = (LPBLOCKINGCALLBACK)1;
    DWORD_PTR context = 1;
    WCHAR path[MAX_PATH];
    MSG msg;
    int err = 0, len = MAX_PATH;

    /* Winsock 2 has no blocking hooks: no callback to call. */
    ok(!up->lpWPUQueryBlockingCallback(layer_id, &callback, &context, &err) && !callback,
       "WPUQueryBlockingCallback: %d, callback %p", err, callback);
    ok(up->lpWPUQueryBlockingCallback(layer_id, NULL, &context, &err) == SOCKET_ERROR && err == WSAEFAULT,
       "WPUQueryBlockingCallback(NULL): %d", err);
    /* "WPUPostMessage ... performs the standard PostMessage function" (a thread message for hWnd NULL) */
    ok(up->lpWPUPostMessage(NULL, WM_USER + 7, 11, 22), "WPUPostMessage failed");
    ok(PeekMessageW(&msg, NULL, WM_USER + 7, WM_USER + 7, PM_REMOVE) && msg.wParam == 11 && msg.lParam == 22,
       "posted message not received");
    ok(up->lpWPUModifyIFSHandle(layer_id, (SOCKET)0x1234, &err) == (SOCKET)0x1234, "WPUModifyIFSHandle");
    ok(!up->lpWPUGetProviderPath(&layer_guid, path, &len, &err) && wcsstr(path, L"%MSGSOCK_LSP_DIR%"),
       "WPUGetProviderPath: %d", err);
}

static void test_socket_handle_upcalls(const WSPUPCALLTABLE *up)
{
    WSAOVERLAPPED ovl = { 0 };
    DWORD_PTR context = 0;
    SOCKET s, base;
    int err = 0;

    s = up->lpWPUCreateSocketHandle(layer_id, 0xc0ffee, &err);
    ok(s != INVALID_SOCKET, "WPUCreateSocketHandle: %d", err);
    /* "WPUQuerySocketHandleContext ... queries the context value associated with the specified socket handle" */
    ok(!up->lpWPUQuerySocketHandleContext(s, &context, &err) && context == 0xc0ffee, "context %#Ix (%d)", context,
       err);
    ovl.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    /* "...signals an event found in the WSAOVERLAPPED structure referenced by lpOverlapped" */
    ok(!WPUCompleteOverlappedRequest(s, &ovl, 0, 42, &err) && WaitForSingleObject(ovl.hEvent, 0) == WAIT_OBJECT_0,
       "WPUCompleteOverlappedRequest: %d", err);
    ok(ovl.InternalHigh == 42 && ovl.Internal == 0, "Internal %#Ix InternalHigh %Iu", ovl.Internal, ovl.InternalHigh);
    /* "WSAEINVAL: The socket passed in the s parameter is not a socket created by WPUCreateSocketHandle." */
    base = socket(AF_INET, SOCK_DGRAM, 0);
    err = 0;
    ok(WPUCompleteOverlappedRequest(base, &ovl, 0, 1, &err) == SOCKET_ERROR && err == WSAEINVAL,
       "provider's own socket: %d", err);
    closesocket(base);
    ok(!up->lpWPUCloseSocketHandle(s, &err), "WPUCloseSocketHandle: %d", err);
    err = 0;
    ok(up->lpWPUCloseSocketHandle(s, &err) == SOCKET_ERROR && err == WSAENOTSOCK, "closing twice: %d", err);
    err = 0;
    ok(up->lpWPUQuerySocketHandleContext(s, &context, &err) == SOCKET_ERROR && err == WSAENOTSOCK,
       "context of a closed handle: %d", err);
    err = 0;
    ok(WPUCompleteOverlappedRequest(s, &ovl, 0, 1, &err) == SOCKET_ERROR && err == WSAEINVAL,
       "completing on a closed handle: %d", err);
    CloseHandle(ovl.hEvent);
}

static void test_upcalls(void)
{
    HMODULE layer = GetModuleHandleA("msgsock_lsp_test.dll");
    const WSPUPCALLTABLE *(WINAPI *get)(void);
    const WSPUPCALLTABLE *up;

    get = layer ? (void *)GetProcAddress(layer, "msgsock_lsp_test_upcalls") : NULL;
    if (!ok(get != NULL, "the layer is not loaded in this process")) return;
    up = get();
    test_event_upcalls(up);
    test_thread_upcalls(up);
    test_misc_upcalls(up);
    test_socket_handle_upcalls(up);
}

static void test_deinstalled(void)
{
    LONG sockets = counters->sockets;
    SOCKET s;
    DWORD code;

    deinstall();
    s = socket(AF_INET, SOCK_DGRAM, 0);
    ok(s != INVALID_SOCKET && counters->sockets == sockets, "a socket after deinstall went through the layer");
    closesocket(s);
    memset(counters, 0, sizeof(*counters));
    code = run_traffic();
    ok(code == 0, "lsp_traffic.exe after deinstall: exit code %lu", code);
    ok(!counters->startups && !counters->sockets && !counters->sendto && !counters->recvfrom,
       "traffic still passes the layer: %ld startups, %ld sockets", counters->startups, counters->sockets);
}

/* build/<arch>/tests/test_lsp.exe -> build/<arch>/lsp */
static BOOL find_lsp_dir(void)
{
    WCHAR *slash;

    GetModuleFileNameW(NULL, lsp_dir, MAX_PATH);
    if (!(slash = wcsrchr(lsp_dir, '\\'))) return FALSE;
    wcscpy(slash, L"\\..\\lsp");
    return GetFileAttributesW(lsp_dir) != INVALID_FILE_ATTRIBUTES;
}

void run_tests(void)
{
    WSADATA data;

    if (!find_lsp_dir()) fatal("no build/<arch>/lsp beside the tests");
    if (!(counters = lsp_counters_open())) fatal("shared counters: %lu", GetLastError());
    SetEnvironmentVariableW(L"MSGSOCK_LSP_DIR", lsp_dir);
    deinstall();   /* what a run that died half-way left behind */
    if (WSAStartup(MAKEWORD(2, 2), &data)) fatal("WSAStartup failed");
    if (install())
    {
        test_child_traffic();
        test_own_traffic();
        test_upcalls();
    }
    test_deinstalled();
    WSACleanup();
}

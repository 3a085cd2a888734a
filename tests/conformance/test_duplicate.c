/*
 * WSADuplicateSocketA/W and WSASocket from a WSAPROTOCOL_INFO (Microsoft's
 * pages "WSADuplicateSocketW" and "WSASocketW"): the structure describes the
 * socket, WSASocket with it gives "a socket descriptor ... referencing the
 * same underlying socket", in this process and in another one (this program
 * started again with the argument "child").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tcp_util.h"

/* The child: adopt the socket whose structure arrives on stdin, talk on it, exit 0 on success. */
static void child(void)
{
    WSAPROTOCOL_INFOW info;
    DWORD got, total = 0;
    SOCKET s;
    char buf[4];

    while (total < sizeof(info) &&
           ReadFile(GetStdHandle(STD_INPUT_HANDLE), (char *)&info + total, sizeof(info) - total, &got, NULL) && got)
        total += got;
    if (total != sizeof(info)) ExitProcess(2);
    s = WSASocketW(FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, &info, 0, WSA_FLAG_OVERLAPPED);
    if (s == INVALID_SOCKET) ExitProcess(3);
    if (send(s, "child", 5, 0) != 5) ExitProcess(4);
    if (!recv_all(s, buf, 4) || memcmp(buf, "ping", 4)) ExitProcess(5);
    closesocket(s);
    WSACleanup();
    ExitProcess(0);
}

static void test_errors(SOCKET s)
{
    WSAPROTOCOL_INFOW info;

    expect_failure(WSADuplicateSocketW((SOCKET)0xdead0, GetCurrentProcessId(), &info) == SOCKET_ERROR,
                     WSAENOTSOCK, "not a socket");
    /* WSAEFAULT: "The lpProtocolInfo parameter is not a valid part of the user address space." */
    expect_failure(WSADuplicateSocketW(s, GetCurrentProcessId(), NULL) == SOCKET_ERROR, WSAEFAULT, "NULL info");
    expect_failure(WSADuplicateSocketA(s, GetCurrentProcessId(), NULL) == SOCKET_ERROR, WSAEFAULT, "NULL info (A)");
    /* WSAEINVAL for a process that does not exist comes first (Wine's suite found it so on Windows). */
    expect_failure(WSADuplicateSocketW(s, 0, NULL) == SOCKET_ERROR, WSAEINVAL, "no process, NULL info");
    expect_failure(WSADuplicateSocketW(s, GetCurrentProcessId(), (WSAPROTOCOL_INFOW *)0x1) == SOCKET_ERROR, WSAEFAULT,
                   "info not writable");
    /* WSAEINVAL: "one of the specified parameters was invalid" - no such process. */
    expect_failure(WSADuplicateSocketW(s, 0xfffffff0, &info) == SOCKET_ERROR, WSAEINVAL, "no such process");
}

static void test_same_process(void)
{
    SOCKET client, server, copy;
    WSAPROTOCOL_INFOA infoa;
    WSAPROTOCOL_INFOW info;
    char buf[8];
    int type = 0, len = sizeof(type);

    if (!tcp_pair(AF_INET, WSA_FLAG_OVERLAPPED, &client, &server)) fatal("no TCP pair");
    test_errors(server);
    ok(!WSADuplicateSocketW(server, GetCurrentProcessId(), &info), "WSADuplicateSocketW: %d", WSAGetLastError());
    ok(info.iAddressFamily == AF_INET && info.iSocketType == SOCK_STREAM && info.iProtocol == IPPROTO_TCP,
       "describes the socket: %d %d %d", info.iAddressFamily, info.iSocketType, info.iProtocol);
    /* dwProviderReserved is "reserved for use by service providers": msgsock carries the handle there. */
    ok(info.dwProviderReserved != 0, "carries the duplicated handle");
    ok(!WSADuplicateSocketA(server, GetCurrentProcessId(), &infoa) && infoa.szProtocol[0] &&
       infoa.iSocketType == SOCK_STREAM, "WSADuplicateSocketA: %d", WSAGetLastError());

    /* "WSASocket ... FROM_PROTOCOL_INFO ... the values from the WSAPROTOCOL_INFO structure". */
    copy = WSASocketW(FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, &info, 0, WSA_FLAG_OVERLAPPED);
    ok(copy != INVALID_SOCKET && copy != server, "WSASocket from the structure: %d", WSAGetLastError());
    ok(!getsockopt(copy, SOL_SOCKET, SO_TYPE, (char *)&type, &len) && type == SOCK_STREAM, "the copy is a socket");
    /* The same underlying socket: the connection outlives closing the original descriptor. */
    closesocket(server);
    ok(send(client, "shared", 6, 0) == 6 && recv_all(copy, buf, 6) && !memcmp(buf, "shared", 6),
       "the copy receives on the connection");
    ok(send(copy, "back", 4, 0) == 4 && recv_all(client, buf, 4), "the copy sends on the connection");
    closesocket(copy);
    closesocket(client);
}

static void test_other_process(void)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    STARTUPINFOA si = { sizeof(si) };
    char exe[MAX_PATH], cmd[MAX_PATH + 16], buf[8];
    PROCESS_INFORMATION pi;
    WSAPROTOCOL_INFOW info;
    SOCKET client, server;
    HANDLE rd, wr, null_out;
    DWORD code = 99, written;

    if (!tcp_pair(AF_INET, WSA_FLAG_OVERLAPPED, &client, &server)) fatal("no TCP pair");
    GetModuleFileNameA(NULL, exe, sizeof(exe));
    snprintf(cmd, sizeof(cmd), "\"%s\" child", exe);
    CreatePipe(&rd, &wr, &sa, 0);
    SetHandleInformation(wr, HANDLE_FLAG_INHERIT, 0);
    /* The child's own harness report goes nowhere: only its exit code counts. */
    null_out = CreateFileA("NUL", GENERIC_WRITE, FILE_SHARE_WRITE, &sa, OPEN_EXISTING, 0, NULL);
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = rd;
    si.hStdOutput = si.hStdError = null_out;
    if (!CreateProcessA(exe, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi))
    {
        skip("cannot start the child: %lu", GetLastError());
        return;
    }
    CloseHandle(rd);
    CloseHandle(null_out);
    /* dwProcessId: "the process identifier of the target process in which the duplicated socket will be used". */
    ok(!WSADuplicateSocketW(server, pi.dwProcessId, &info), "duplicate for the child: %d", WSAGetLastError());
    ok(WriteFile(wr, &info, sizeof(info), &written, NULL) && written == sizeof(info), "structure sent to the child");
    CloseHandle(wr);
    ok(recv_all(client, buf, 5) && !memcmp(buf, "child", 5), "the child sent on the shared socket");
    ok(send(client, "ping", 4, 0) == 4, "send to the child");
    ok(WaitForSingleObject(pi.hProcess, 20000) == WAIT_OBJECT_0, "the child ended");
    ok(GetExitCodeProcess(pi.hProcess, &code) && code == 0, "the child's exit code %lu", code);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    closesocket(server);
    closesocket(client);
}

void run_tests(void)
{
    WSADATA wsa;

    if (WSAStartup(MAKEWORD(2, 2), &wsa)) fatal("WSAStartup failed");
    if (__argc >= 2 && !strcmp(__argv[1], "child")) child();
    test_same_process();
    test_other_process();
    WSACleanup();
}

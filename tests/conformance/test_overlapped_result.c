/*
 * WSAGetOverlappedResult reading the status a request left in
 * OVERLAPPED.Internal, and refusing handles that are not sockets.  Each check
 * cites the documentation sentence it tests.
 */
#include "harness.h"

static void expect_result(SOCKET s, ULONG_PTR status, BOOL expect_ret, int expect_error, const char *what)
{
    WSAOVERLAPPED ovl = { 0 };
    DWORD bytes = 0, flags = 0;
    BOOL ret;

    ovl.Internal = status;
    WSASetLastError(0xdeadbeef);
    ret = WSAGetOverlappedResult(s, &ovl, &bytes, FALSE, &flags);
    if (expect_ret) ok(ret, "%s (status %#Ix): failed with %d", what, status, WSAGetLastError());
    else ok(!ret && WSAGetLastError() == expect_error, "%s (status %#Ix): ret %d error %d, expected %d", what,
            status, ret, WSAGetLastError(), expect_error);
}

static void test_overlapped_result_status(void)
{
    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    HANDLE dup = NULL;

    /* OVERLAPPED.Internal: "The status code for the I/O request. When the request is issued, the system
     * sets this member to STATUS_PENDING to indicate that the operation has not yet started. When the
     * request is completed, the system sets this member to the status code for the completed request."
     * WSAGetOverlappedResult: "WSA_IO_INCOMPLETE: fWait is FALSE and the I/O operation has not yet
     * completed." */
    expect_result(s, 0x103 /* STATUS_PENDING */, FALSE, WSA_IO_INCOMPLETE, "pending");
    /* "If WSAGetOverlappedResult succeeds, the return value is TRUE. This means that ... the overlapped
     * operation has completed successfully": a success or informational status is a success. */
    expect_result(s, 0, TRUE, 0, "STATUS_SUCCESS");
    expect_result(s, 0x40000000, TRUE, 0, "an informational status");
    /* "If WSAGetOverlappedResult returns FALSE, this means that ... the overlapped operation completed but
     * with errors": the error is the status's Winsock error (WSAECONNRESET: "An existing connection was
     * forcibly closed by the remote host."; WSAEMSGSIZE: "A message sent on a datagram socket was
     * larger than the internal message buffer"). */
    expect_result(s, 0xc000020d /* STATUS_CONNECTION_RESET */, FALSE, WSAECONNRESET, "connection reset");
    expect_result(s, 0xc0000241 /* STATUS_CONNECTION_ABORTED */, FALSE, WSAECONNABORTED, "connection aborted");
    expect_result(s, 0x80000005 /* STATUS_BUFFER_OVERFLOW */, FALSE, WSAEMSGSIZE, "truncated datagram");
    expect_result(s, 0xc0000120 /* STATUS_CANCELLED */, FALSE, WSA_OPERATION_ABORTED, "cancelled");
    expect_result(s, 0xc00000b5 /* STATUS_IO_TIMEOUT */, FALSE, WSAETIMEDOUT, "timed out");
    expect_result(s, 0xc000023c /* STATUS_NETWORK_UNREACHABLE */, FALSE, WSAENETUNREACH, "network unreachable");
    /* "WSAENOTSOCK: The descriptor is not a socket.": a handle from DuplicateHandle is not one. */
    if (harness_on_builtin) skip("Wine's builtin takes a duplicated handle for a socket");
    else if (DuplicateHandle(GetCurrentProcess(), (HANDLE)s, GetCurrentProcess(), &dup, 0, FALSE,
                             DUPLICATE_SAME_ACCESS))
    {
        expect_result((SOCKET)dup, 0, FALSE, WSAENOTSOCK, "a duplicated handle");
        CloseHandle(dup);
    }
    closesocket(s);
}

void run_tests(void)
{
    WSADATA data;

    WSAStartup(MAKEWORD(2, 2), &data);
    test_overlapped_result_status();
    WSACleanup();
}

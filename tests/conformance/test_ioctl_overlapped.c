/*
 * Overlapped WSAIoctl: how a control code that ends at once, and one the socket
 * does not support, reach the OVERLAPPED, the event, the completion routine and
 * the completion port; lpcbBytesReturned; SIO_IDEAL_SEND_BACKLOG_QUERY,
 * SIO_GET_INTERFACE_LIST, SIO_ROUTING_INTERFACE_QUERY, SIO_ADDRESS_LIST_CHANGE.  Quotes
 * are from Microsoft's WSAIoctl, LPWSAOVERLAPPED_COMPLETION_ROUTINE,
 * GetQueuedCompletionStatus and SIO_IDEAL_SEND_BACKLOG_QUERY pages.
 */
#include "sock_util.h"
#include "msgsock/ws_extra.h"

#define STATUS_NOT_SUPPORTED_ 0xc00000bb

static unsigned int apc_calls;
static DWORD apc_error, apc_bytes;
static WSAOVERLAPPED *apc_ovl;

static void WINAPI on_complete(DWORD error, DWORD bytes, WSAOVERLAPPED *ovl, DWORD flags)
{
    apc_calls++;
    apc_error = error;
    apc_bytes = bytes;
    apc_ovl = ovl;
}

static SOCKET tcp_on_port(HANDLE *port)
{
    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);

    *port = CreateIoCompletionPort((HANDLE)s, NULL, 123, 0);
    ok(*port != NULL, "CreateIoCompletionPort: %lu", GetLastError());
    return s;
}

/* The port holds exactly one packet for ovl: its GetQueuedCompletionStatus result and last error. */
static void check_packet(HANDLE port, WSAOVERLAPPED *ovl, BOOL success, DWORD error, const char *what)
{
    OVERLAPPED *got = NULL;
    ULONG_PTR key = 0;
    DWORD bytes = 0xdead;
    BOOL ret;

    SetLastError(0xdeadbeef);
    ret = GetQueuedCompletionStatus(port, &bytes, &key, &got, 0);
    ok(ret == success && (success || GetLastError() == error), "%s: packet %d, error %lu", what, ret, GetLastError());
    ok(got == ovl && key == 123 && !bytes, "%s: packet ovl %p key %Iu bytes %lu", what, got, key, bytes);
    ok(!GetQueuedCompletionStatus(port, &bytes, &key, &got, 0) && GetLastError() == WAIT_TIMEOUT,
       "%s: a second packet (%lu)", what, GetLastError());
}

/* A code that ends at once: the overlapped call "returns zero", and its completion is announced like any other. */
static void test_immediate(void)
{
    WSAOVERLAPPED ovl = { 0 };
    u_long one = 1, value = 0xdead;
    HANDLE port;
    DWORD size;
    SOCKET s = tcp_on_port(&port);
    int ret;

    ovl.hEvent = WSACreateEvent();
    ovl.Internal = ovl.InternalHigh = 0xdeadbeef;
    size = 0xdeadbeef;
    WSASetLastError(0xdeadbeef);
    ret = WSAIoctl(s, FIONBIO, &one, sizeof(one), NULL, 0, &size, &ovl, NULL);
    /* "Upon successful completion, the WSAIoctl returns zero." (and the thread's error is cleared, as Windows) */
    ok(!ret && !WSAGetLastError() && !size, "overlapped FIONBIO: %d, error %d, size %lu", ret, WSAGetLastError(), size);
    ok(!ovl.Internal && !ovl.InternalHigh, "OVERLAPPED: status %#Ix bytes %Iu", ovl.Internal, ovl.InternalHigh);
    /* "If lpCompletionRoutine is NULL, the hEvent parameter of lpOverlapped is signaled when the overlapped
     * operation completes if it contains a valid event object handle." */
    ok(WaitForSingleObject(ovl.hEvent, 0) == WAIT_OBJECT_0, "event not set");
    /* GetQueuedCompletionStatus: "attempts to dequeue an I/O completion packet from the specified I/O completion port" */
    check_packet(port, &ovl, TRUE, 0, "FIONBIO");

    size = 0xdeadbeef;
    ret = WSAIoctl(s, FIONREAD, NULL, 0, &value, sizeof(value), &size, &ovl, NULL);
    /* lpcbBytesReturned: "A pointer to actual number of bytes of output." */
    ok(!ret && !value && size == sizeof(value), "overlapped FIONREAD: %d, value %lu, size %lu", ret, value, size);
    check_packet(port, &ovl, TRUE, 0, "FIONREAD");

    /* WSAEFAULT: "The lpvInBuffer, lpvOutBuffer, lpcbBytesReturned, lpOverlapped, or lpCompletionRoutine parameter
     * is not totally contained in a valid part of the user address space" */
    ret = WSAIoctl(s, FIONBIO, &one, sizeof(one), NULL, 0, NULL, &ovl, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT, "overlapped, lpcbBytesReturned NULL: %d, error %d",
       ret, WSAGetLastError());
    ok(!GetQueuedCompletionStatus(port, &size, &(ULONG_PTR){ 0 }, &(OVERLAPPED *){ NULL }, 0),
       "a failed call posted a packet");
    WSACloseEvent(ovl.hEvent);
    CloseHandle(port);
    closesocket(s);
}

/* The routine: "The system calls your callback function when the asynchronous input and output (I/O) operation
 * is completed or canceled, and the calling thread is in an alertable state" */
static void test_immediate_routine(void)
{
    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    GUID guid = WSAID_ACCEPTEX;
    WSAOVERLAPPED ovl = { 0 };
    void *function = NULL;
    DWORD size = 0xdeadbeef;
    int ret;

    apc_calls = 0;
    ret = WSAIoctl(s, SIO_GET_EXTENSION_FUNCTION_POINTER, &guid, sizeof(guid), &function, sizeof(function), &size,
                   &ovl, on_complete);
    ok(!ret && function && size == sizeof(function), "extension pointer with a routine: %d, %p, size %lu", ret,
       function, size);
    ok(!apc_calls, "the routine ran before an alertable wait");
    ok(SleepEx(0, TRUE) == WAIT_IO_COMPLETION, "no routine in an alertable wait");
    ok(apc_calls == 1 && !apc_error && !apc_bytes && apc_ovl == &ovl, "routine: %u calls, error %lu, %lu bytes, %p",
       apc_calls, apc_error, apc_bytes, apc_ovl);
    closesocket(s);
}

/* "WSAEOPNOTSUPP: The specified IOCTL command cannot be realized."  Overlapped, Windows reports it as the
 * request's result (WSA_IO_PENDING: "completion will be indicated at a later time"). */
static void test_not_supported(void)
{
    WSAOVERLAPPED ovl = { 0 };
    DWORD size, flags;
    SOCKET s, base;
    HANDLE port;
    int ret;

    s = tcp_on_port(&port);
    size = 0xdeadbeef;
    ret = WSAIoctl(s, 0xdeadbeef, NULL, 0, NULL, 0, &size, NULL, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEOPNOTSUPP && !size, "unknown code: %d, error %d, size %lu",
       ret, WSAGetLastError(), size);

    ovl.hEvent = WSACreateEvent();
    size = 0xdeadbeef;
    ret = WSAIoctl(s, 0xdeadbeef, NULL, 0, NULL, 0, &size, &ovl, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSA_IO_PENDING && size == 0xdeadbeef,
       "overlapped unknown code: %d, error %d, size %lu", ret, WSAGetLastError(), size);
    /* "If lpCompletionRoutine is NULL, the hEvent parameter of lpOverlapped is signaled when the overlapped
     * operation completes" (Wine's builtin leaves it unset for a failure) */
    if (!harness_on_builtin) ok(WaitForSingleObject(ovl.hEvent, 1000) == WAIT_OBJECT_0, "event not set");
    ok(ovl.Internal == STATUS_NOT_SUPPORTED_ && !ovl.InternalHigh, "OVERLAPPED: status %#Ix", ovl.Internal);
    /* WSAGetOverlappedResult: "If WSAGetOverlappedResult returns FALSE, ... the operation has completed, but with errors" */
    ok(!WSAGetOverlappedResult(s, &ovl, &size, FALSE, &flags) && WSAGetLastError() == WSAEOPNOTSUPP,
       "result: error %d", WSAGetLastError());
    check_packet(port, &ovl, FALSE, ERROR_NOT_SUPPORTED, "unknown code");

    /* SIO_BASE_HANDLE, which Windows answers only synchronously. */
    base = 0xdead;
    ret = WSAIoctl(s, SIO_BASE_HANDLE, NULL, 0, &base, sizeof(base), &size, &ovl, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSA_IO_PENDING && base == 0xdead,
       "overlapped SIO_BASE_HANDLE: %d, error %d", ret, WSAGetLastError());
    check_packet(port, &ovl, FALSE, ERROR_NOT_SUPPORTED, "SIO_BASE_HANDLE");
    WSACloseEvent(ovl.hEvent);
    CloseHandle(port);
    closesocket(s);

    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    apc_calls = 0;
    ret = WSAIoctl(s, 0xdeadbeef, NULL, 0, NULL, 0, &size, &ovl, on_complete);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSA_IO_PENDING, "unknown code with a routine: %d, error %d", ret,
       WSAGetLastError());
    ok(SleepEx(0, TRUE) == WAIT_IO_COMPLETION, "no routine in an alertable wait");
    /* dwError: "The I/O completion status." */
    ok(apc_calls == 1 && apc_error == WSAEOPNOTSUPP && !apc_bytes && apc_ovl == &ovl,
       "routine: %u calls, error %lu, %lu bytes", apc_calls, apc_error, apc_bytes);
    closesocket(s);
}

/* SIO_IDEAL_SEND_BACKLOG_QUERY "retrieves the ideal send backlog (ISB) value for the underlying connection". */
static void test_send_backlog(void)
{
    SOCKET s = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP), client, server;
    ULONG backlog = 0;
    DWORD size = 0;
    int ret;

    ret = WSAIoctl(s, SIO_IDEAL_SEND_BACKLOG_QUERY, NULL, 0, &backlog, sizeof(backlog), &size, NULL, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEOPNOTSUPP, "datagram socket: %d, error %d", ret,
       WSAGetLastError());
    closesocket(s);
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ret = WSAIoctl(s, SIO_IDEAL_SEND_BACKLOG_QUERY, NULL, 0, &backlog, sizeof(backlog), &size, NULL, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAENOTCONN, "no connection: %d, error %d", ret, WSAGetLastError());
    closesocket(s);

    connected_pair(&client, &server);
    ret = WSAIoctl(client, SIO_IDEAL_SEND_BACKLOG_QUERY, NULL, 0, &backlog, sizeof(backlog), &size, NULL, NULL);
    ok(!ret && size == sizeof(backlog) && backlog, "connected: %d, size %lu, backlog %lu", ret, size, backlog);
    ret = WSAIoctl(client, SIO_IDEAL_SEND_BACKLOG_QUERY, NULL, 0, &backlog, 2, &size, NULL, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT, "short output: %d, error %d", ret, WSAGetLastError());
    closesocket(client);
    closesocket(server);
}

/* SIO_GET_INTERFACE_LIST overlapped: the list's size reaches the OVERLAPPED and the port. */
static void test_interface_list(void)
{
    WSAOVERLAPPED ovl = { 0 }, *got = NULL;
    INTERFACE_INFO info[64];
    DWORD size = 0, bytes = 0, expect;
    ULONG_PTR key = 0;
    HANDLE port;
    SOCKET s = tcp_on_port(&port);
    int ret;

    ret = WSAIoctl(s, SIO_GET_INTERFACE_LIST, NULL, 0, info, sizeof(info), &size, NULL, NULL);
    ok(!ret && size, "SIO_GET_INTERFACE_LIST: %d, error %d, size %lu", ret, WSAGetLastError(), size);
    expect = size;
    ret = WSAIoctl(s, SIO_GET_INTERFACE_LIST, NULL, 0, info, sizeof(info), &size, &ovl, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSA_IO_PENDING, "overlapped: %d, error %d", ret,
       WSAGetLastError());
    /* lpcbTransfer: "receives the number of bytes that were actually transferred by a send or receive operation,
     * or by WSAIoctl" */
    ret = GetQueuedCompletionStatus(port, &bytes, &key, (OVERLAPPED **)&got, 1000);
    ok(ret && got == &ovl && bytes == expect && ovl.InternalHigh == expect, "packet %d: %p, %lu bytes of %lu", ret,
       got, bytes, expect);
    ret = WSAIoctl(s, SIO_GET_INTERFACE_LIST, NULL, 0, info, sizeof(INTERFACE_INFO) - 1, &size, &ovl, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSA_IO_PENDING, "overlapped, short: %d, error %d", ret,
       WSAGetLastError());
    ret = GetQueuedCompletionStatus(port, &bytes, &key, (OVERLAPPED **)&got, 1000);
    ok(!ret && GetLastError() == ERROR_INSUFFICIENT_BUFFER && got == &ovl, "short: packet %d, error %lu", ret,
       GetLastError());
    CloseHandle(port);
    closesocket(s);
}

/* SIO_ROUTING_INTERFACE_QUERY: "To obtain the address of the local interface ... which should be used to send
 * to the remote address specified in the input buffer" */
static void test_routing_query(void)
{
    SOCKET s = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    SOCKADDR_IN to = { AF_INET }, from;
    DWORD size = 0xdead;
    int ret;

    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ret = WSAIoctl(s, SIO_ROUTING_INTERFACE_QUERY, &to, sizeof(to), &from, sizeof(from), &size, NULL, NULL);
    /* (Wine's builtin answers with the address of the interface of its default route) */
    ok(!ret && size == sizeof(from) && from.sin_family == AF_INET &&
       (harness_on_builtin || from.sin_addr.s_addr == htonl(INADDR_LOOPBACK)),
       "to loopback: %d, error %d, size %lu, from %#lx", ret, WSAGetLastError(), size, from.sin_addr.s_addr);
    /* "WSAEFAULT ... or the cbInBuffer or cbOutBuffer parameter is too small"; the size it needs comes back */
    size = 0xdead;
    ret = WSAIoctl(s, SIO_ROUTING_INTERFACE_QUERY, &to, sizeof(to), &from, sizeof(from) - 1, &size, NULL, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT, "short output: %d, error %d", ret, WSAGetLastError());
    if (!harness_on_builtin) ok(size == sizeof(from), "needed size %lu", size);
    to.sin_family = AF_INET6;
    ret = WSAIoctl(s, SIO_ROUTING_INTERFACE_QUERY, &to, sizeof(to), &from, sizeof(from), &size, NULL, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEAFNOSUPPORT, "another family: %d, error %d", ret,
       WSAGetLastError());
    closesocket(s);
}

/* A 0 type picks the catalog entry of the protocol (as Windows, in Wine's test_sioAddressListChange); WSPSocket:
 * "The values for af, type and protocol are those supplied by the application" */
static SOCKET socket_type_zero(int protocol, int expect_type)
{
    SOCKET s = socket(AF_INET, 0, protocol);
    int type = 0, len = sizeof(type);

    ok(s != INVALID_SOCKET, "socket(AF_INET, 0, %d): %d", protocol, WSAGetLastError());
    ok(!getsockopt(s, SOL_SOCKET, SO_TYPE, (char *)&type, &len) && type == expect_type, "protocol %d: type %d",
       protocol, type);
    return s;
}

/* SIO_ADDRESS_LIST_CHANGE: "To receive notification of changes in the list of local transport addresses"; it
 * pends, and closesocket ends it: "The pending overlapped operations fail with the error status
 * WSA_OPERATION_ABORTED" */
static void test_address_list_change(void)
{
    SOCKET s = socket_type_zero(IPPROTO_TCP, SOCK_STREAM);
    WSAOVERLAPPED ovl = { 0 }, *got = NULL;
    DWORD size = 0, bytes;
    ULONG_PTR key;
    u_long one = 1;
    HANDLE port = CreateIoCompletionPort((HANDLE)s, NULL, 7, 0);
    int ret;

    ioctlsocket(s, FIONBIO, &one);
    /* A non-blocking socket cannot wait for the change. */
    ret = WSAIoctl(s, SIO_ADDRESS_LIST_CHANGE, NULL, 0, NULL, 0, &size, NULL, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEWOULDBLOCK, "non-blocking: %d, error %d", ret,
       WSAGetLastError());
    ret = WSAIoctl(s, SIO_ADDRESS_LIST_CHANGE, NULL, 0, NULL, 0, &size, &ovl, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSA_IO_PENDING, "overlapped: %d, error %d", ret,
       WSAGetLastError());
    ok(!GetQueuedCompletionStatus(port, &bytes, &key, (OVERLAPPED **)&got, 0) && GetLastError() == WAIT_TIMEOUT,
       "completed without a change: %lu", GetLastError());
    closesocket(s);
    ret = GetQueuedCompletionStatus(port, &bytes, &key, (OVERLAPPED **)&got, 1000);
    ok(!ret && GetLastError() == ERROR_OPERATION_ABORTED && got == &ovl && key == 7, "after closesocket: %d, %lu, %p",
       ret, GetLastError(), got);
    CloseHandle(port);
    closesocket(socket_type_zero(IPPROTO_UDP, SOCK_DGRAM));
}

/* SIO_ENABLE_CIRCULAR_QUEUEING: "this IOCTL is only valid for sockets associated with unreliable,
 * message-oriented protocols" */
static void test_circular_queueing(void)
{
    SOCKET s = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    DWORD size = 0xdead;
    int ret;

    ret = WSAIoctl(s, SIO_ENABLE_CIRCULAR_QUEUEING, NULL, 0, NULL, 0, &size, NULL, NULL);
    ok(!ret && !size, "datagram socket: %d, error %d, size %lu", ret, WSAGetLastError(), size);
    closesocket(s);
}

void run_tests(void)
{
    sock_startup();
    test_immediate();
    test_immediate_routine();
    test_not_supported();
    test_send_backlog();
    test_interface_list();
    test_routing_query();
    test_address_list_change();
    test_circular_queueing();
    WSACleanup();
}

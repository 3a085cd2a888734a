/*
 * TransmitFile and TransmitPackets (Microsoft's pages of the same names),
 * through mswsock's TransmitFile export and WSAIoctl's extension lookup: the
 * head buffer, the file's bytes and the tail in order, the file offset, the
 * OVERLAPPED / event / completion port, TF_DISCONNECT, memory and file
 * elements, datagrams, and the documented errors.
 */
#include <string.h>

#include "tcp_util.h"

#define FILE_SIZE 100000    /* more than one internal chunk */

static LPFN_TRANSMITFILE transmit_file;
static LPFN_TRANSMITPACKETS transmit_packets;
static HANDLE file;
static char content[FILE_SIZE];

static BOOL make_file(void)
{
    WCHAR dir[MAX_PATH], path[MAX_PATH];
    DWORD written, i;

    for (i = 0; i < FILE_SIZE; i++) content[i] = (char)(i * 7 + i / 251);
    GetTempPathW(MAX_PATH, dir);
    GetTempFileNameW(dir, L"tf", 0, path);
    file = CreateFileW(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                       FILE_ATTRIBUTE_TEMPORARY | FILE_FLAG_DELETE_ON_CLOSE, NULL);
    return file != INVALID_HANDLE_VALUE && WriteFile(file, content, FILE_SIZE, &written, NULL) &&
           written == FILE_SIZE;
}

static void seek(DWORD offset)
{
    SetFilePointer(file, offset, NULL, FILE_BEGIN);
}

/* The receiver gets exactly the `len` bytes `expect`. */
static void expect_data(SOCKET server, const char *expect, int len, const char *what)
{
    static char buf[FILE_SIZE + 64];

    ok(recv_all(server, buf, len) && !memcmp(buf, expect, len), "%s: %d bytes received as sent", what, len);
}

static void test_sync(SOCKET client, SOCKET server)
{
    static char expect[FILE_SIZE + 16];
    TRANSMIT_FILE_BUFFERS bufs = { "HEAD", 4, "TAILtail", 8 };

    seek(0);
    /* "Set this parameter to zero in order to transmit the entire file." */
    ok(TransmitFile(client, file, 0, 0, NULL, &bufs, 0), "TransmitFile, whole file: %d", WSAGetLastError());
    memcpy(expect, "HEAD", 4);
    memcpy(expect + 4, content, FILE_SIZE);
    memcpy(expect + 4 + FILE_SIZE, "TAILtail", 8);
    expect_data(server, expect, FILE_SIZE + 12, "head, whole file, tail");

    /* "If lpOverlapped is a NULL pointer, the transmission of data always starts at the current byte
     * offset in the file." */
    seek(1000);
    ok(transmit_file(client, file, 500, 0, NULL, NULL, 0), "TransmitFile from the current offset: %d",
       WSAGetLastError());
    expect_data(server, content + 1000, 500, "500 bytes from the current offset");

    /* nNumberOfBytesPerSend: "the size, in bytes, of each block of data sent in each send operation" */
    seek(0);
    ok(transmit_file(client, file, 3000, 7, NULL, NULL, TF_USE_KERNEL_APC | TF_WRITE_BEHIND),
       "TransmitFile with a small send size and hint flags: %d", WSAGetLastError());
    expect_data(server, content, 3000, "3000 bytes in 7-byte sends");

    /* "If the hFile parameter is NULL, only data in the header and/or the tail buffer is transmitted." */
    ok(transmit_file(client, NULL, 0, 0, NULL, &bufs, 0), "TransmitFile without a file: %d", WSAGetLastError());
    expect_data(server, "HEADTAILtail", 12, "buffers only");
}

/* Waits for the OVERLAPPED's result (TRUE at once or FALSE with ERROR_IO_PENDING are both completions). */
static void expect_completion(SOCKET client, BOOL ret, OVERLAPPED *ovl, DWORD bytes, const char *what)
{
    DWORD got = 0, flags;

    ok(ret || WSAGetLastError() == ERROR_IO_PENDING, "%s: started: %d", what, WSAGetLastError());
    if (ovl->hEvent) ok(WaitForSingleObject(ovl->hEvent, 5000) == WAIT_OBJECT_0, "%s: event signalled", what);
    ok(WSAGetOverlappedResult(client, (WSAOVERLAPPED *)ovl, &got, TRUE, &flags) && got == bytes,
       "%s: WSAGetOverlappedResult %lu bytes, expected %lu (error %d)", what, got, bytes, WSAGetLastError());
}

static void test_overlapped(SOCKET client, SOCKET server)
{
    TRANSMIT_FILE_BUFFERS bufs = { "<<", 2, ">>", 2 };
    OVERLAPPED ovl = { 0 };
    char expect[3004];
    BOOL ret;

    /* "set the Offset and OffsetHigh member of the OVERLAPPED structure" to "specify a 64-bit offset within the
     * file at which to start the file data transfer" */
    seek(0);
    ovl.Offset = 2000;
    ovl.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    ret = transmit_file(client, file, 3000, 0, &ovl, &bufs, 0);
    /* As Windows (Wine's sock test_TransmitFile): an overlapped TransmitFile says ERROR_IO_PENDING, and its
     * OVERLAPPED keeps the file offset it was given. */
    ok(!ret && WSAGetLastError() == ERROR_IO_PENDING, "overlapped TransmitFile: %d, error %d", ret,
       WSAGetLastError());
    expect_completion(client, ret, &ovl, 3004, "overlapped TransmitFile");
    ok(ovl.Offset == 2000, "Offset after completion: %lu", ovl.Offset);
    memcpy(expect, "<<", 2);
    memcpy(expect + 2, content + 2000, 3000);
    memcpy(expect + 3002, ">>", 2);
    expect_data(server, expect, 3004, "overlapped: head, file from Offset, tail");
    CloseHandle(ovl.hEvent);
}

static void test_port(SOCKET client, SOCKET server)
{
    HANDLE port = CreateIoCompletionPort((HANDLE)client, NULL, 0x1234, 0);
    OVERLAPPED ovl = { 0 }, *got_ovl = NULL;
    ULONG_PTR key = 0;
    DWORD bytes = 0;
    BOOL ret;

    ovl.Offset = 10;
    ret = transmit_file(client, file, 90, 0, &ovl, NULL, 0);
    ok(ret || WSAGetLastError() == ERROR_IO_PENDING, "TransmitFile on a port: %d", WSAGetLastError());
    ok(GetQueuedCompletionStatus(port, &bytes, &key, &got_ovl, 5000) && got_ovl == &ovl && key == 0x1234 &&
       bytes == 90, "completion packet: key %#Ix, %lu bytes", key, bytes);
    expect_data(server, content + 10, 90, "TransmitFile on a port");
    CloseHandle(port);
}

static DWORD WINAPI read_file_twice(void *arg)
{
    static char buf[FILE_SIZE];
    SOCKET server = (SOCKET)arg;
    BOOL same = recv_all(server, buf, FILE_SIZE) && !memcmp(buf, content, FILE_SIZE);

    return same && recv_all(server, buf, FILE_SIZE) && !memcmp(buf, content, FILE_SIZE);
}

/* A non-blocking socket: TransmitFile still sends everything (it waits for room, not WSAEWOULDBLOCK). */
static void test_nonblocking(void)
{
    TRANSMIT_PACKETS_ELEMENT el = { TP_ELEMENT_FILE, 0 };
    SOCKET client, server;
    u_long on = 1;
    int small = 2048;
    HANDLE reader;
    DWORD same = 0;

    if (!tcp_pair(AF_INET, WSA_FLAG_OVERLAPPED, &client, &server)) return;
    setsockopt(client, SOL_SOCKET, SO_SNDBUF, (char *)&small, sizeof(small));
    ioctlsocket(client, FIONBIO, &on);
    reader = CreateThread(NULL, 0, read_file_twice, (void *)server, 0, NULL);
    seek(0);
    ok(TransmitFile(client, file, 0, 0, NULL, NULL, 0), "TransmitFile on a non-blocking socket: %d",
       WSAGetLastError());
    if (transmit_packets)
    {
        el.hFile = file;
        ok(transmit_packets(client, &el, 1, 0, NULL, 0), "TransmitPackets on a non-blocking socket: %d",
           WSAGetLastError());
    }
    else
    {
        seek(0);
        ok(TransmitFile(client, file, 0, 0, NULL, NULL, 0), "TransmitFile again: %d", WSAGetLastError());
    }
    ok(WaitForSingleObject(reader, 30000) == WAIT_OBJECT_0 && GetExitCodeThread(reader, &same) && same,
       "the receiver got the whole file twice");
    CloseHandle(reader);
    closesocket(client);
    closesocket(server);
}

static void test_disconnect(void)
{
    TRANSMIT_FILE_BUFFERS bufs = { "bye", 3, NULL, 0 };
    SOCKET client, server;
    char buf[8];

    if (!tcp_pair(AF_INET, WSA_FLAG_OVERLAPPED, &client, &server)) return;
    /* TF_DISCONNECT: "Start a transport-level disconnect after all the file data has been queued for transmission." */
    ok(transmit_file(client, NULL, 0, 0, NULL, &bufs, TF_DISCONNECT), "TransmitFile, TF_DISCONNECT: %d",
       WSAGetLastError());
    expect_data(server, "bye", 3, "before the disconnect");
    ok(recv(server, buf, sizeof(buf), 0) == 0, "the receiver sees the end of the stream");
    closesocket(client);
    closesocket(server);
}

static void test_packets(SOCKET client, SOCKET server)
{
    static char expect[4 + 100 + 2 + 10 + 20];
    TRANSMIT_PACKETS_ELEMENT el[5] = { 0 };
    OVERLAPPED ovl = { 0 };
    BOOL ret;

    /* nFileOffset "-1 ... transmission begins at the current byte offset" */
    el[0].dwElFlags = TP_ELEMENT_FILE;
    el[0].hFile = file;
    el[0].nFileOffset.QuadPart = -1;
    el[0].cLength = 20;
    el[1].dwElFlags = TP_ELEMENT_MEMORY;
    el[1].pBuffer = "pkt:";
    el[1].cLength = 4;
    el[2].dwElFlags = TP_ELEMENT_FILE;
    el[2].hFile = file;
    el[2].nFileOffset.QuadPart = 50;
    el[2].cLength = 100;
    el[3].dwElFlags = TP_ELEMENT_MEMORY | TP_ELEMENT_EOP;
    el[3].pBuffer = "--";
    el[3].cLength = 2;
    /* cLength: "If zero, the entire file is transmitted" (from nFileOffset) */
    el[4].dwElFlags = TP_ELEMENT_FILE;
    el[4].hFile = file;
    el[4].nFileOffset.QuadPart = FILE_SIZE - 10;
    seek(300);
    ovl.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    ret = transmit_packets(client, el, 5, 0, &ovl, 0);
    expect_completion(client, ret, &ovl, sizeof(expect), "TransmitPackets, memory and file elements");
    memcpy(expect, content + 300, 20);
    memcpy(expect + 20, "pkt:", 4);
    memcpy(expect + 24, content + 50, 100);
    memcpy(expect + 124, "--", 2);
    memcpy(expect + 126, content + FILE_SIZE - 10, 10);
    expect_data(server, expect, sizeof(expect), "TransmitPackets elements in order");
    CloseHandle(ovl.hEvent);
}

/* "TP_ELEMENT_EOP: ... this element should conclude a send" : one datagram per memory element. */
static void test_packets_datagram(void)
{
    SOCKET a = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP), b = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    SOCKADDR_IN addr = { AF_INET };
    TRANSMIT_PACKETS_ELEMENT el[2] = { 0 };
    int len = sizeof(addr);
    char buf[32];

    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(b, (SOCKADDR *)&addr, sizeof(addr));
    getsockname(b, (SOCKADDR *)&addr, &len);
    ok(!connect(a, (SOCKADDR *)&addr, sizeof(addr)), "connect the datagram socket: %d", WSAGetLastError());
    el[0].dwElFlags = TP_ELEMENT_MEMORY | TP_ELEMENT_EOP;
    el[0].pBuffer = "first";
    el[0].cLength = 5;
    el[1].dwElFlags = TP_ELEMENT_MEMORY | TP_ELEMENT_EOP;
    el[1].pBuffer = "second!";
    el[1].cLength = 7;
    ok(transmit_packets(a, el, 2, 0, NULL, 0), "TransmitPackets on a connected datagram socket: %d",
       WSAGetLastError());
    ok(recv(b, buf, sizeof(buf), 0) == 5 && !memcmp(buf, "first", 5), "first element, one datagram");
    ok(recv(b, buf, sizeof(buf), 0) == 7 && !memcmp(buf, "second!", 7), "second element, one datagram");
    closesocket(a);
    closesocket(b);
}

static void test_errors(SOCKET client)
{
    SOCKET idle = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP), udp = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    TRANSMIT_FILE_BUFFERS bad = { (void *)1, 10, NULL, 0 };

    expect_failure(!TransmitFile((SOCKET)0xdead0, NULL, 0, 0, NULL, NULL, 0), WSAENOTSOCK,
                   "TransmitFile on a non-socket");
    /* hSocket: "A handle to a connected socket." */
    expect_failure(!TransmitFile(idle, file, 0, 0, NULL, NULL, 0), WSAENOTCONN, "TransmitFile, not connected");
    expect_failure(!TransmitFile(udp, NULL, 0, 0, NULL, NULL, 0), WSAENOTCONN, "TransmitFile, datagram, not connected");
    /* "must be a connection-oriented socket of type SOCK_STREAM, SOCK_SEQPACKET, or SOCK_RDM" */
    {
        SOCKADDR_IN to = { AF_INET, htons(9), { .s_addr = htonl(INADDR_LOOPBACK) } };

        ok(!connect(udp, (SOCKADDR *)&to, sizeof(to)), "UDP connect: %d", WSAGetLastError());
    }
    expect_failure(!TransmitFile(udp, NULL, 0, 0, NULL, NULL, 0), WSAEINVAL, "TransmitFile on a datagram socket");
    expect_failure(!transmit_file(client, NULL, 0, 0, NULL, NULL, 0x80000000), WSAEINVAL,
                   "TransmitFile, unknown flag");
    expect_failure(!transmit_file(client, NULL, 0, 0, NULL, &bad, 0), WSAEFAULT, "TransmitFile, bad head buffer");
    expect_failure(!transmit_file(client, NULL, 0, 0, NULL, (void *)1, 0), WSAEFAULT,
                   "TransmitFile, bad lpTransmitBuffers");
    expect_failure(!transmit_file(client, NULL, 0, 0, (void *)1, NULL, 0), WSAEFAULT,
                   "TransmitFile, bad lpOverlapped");
    closesocket(idle);
    closesocket(udp);
}

static void test_packets_errors(SOCKET client)
{
    SOCKET idle = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    TRANSMIT_PACKETS_ELEMENT el = { 0 };

    expect_failure(!transmit_packets((SOCKET)0xdead0, &el, 1, 0, NULL, 0), WSAENOTSOCK,
                   "TransmitPackets on a non-socket");
    expect_failure(!transmit_packets(client, (void *)1, 2, 0, NULL, 0), WSAEFAULT,
                   "TransmitPackets, bad element array");
    el.dwElFlags = TP_ELEMENT_MEMORY;
    el.pBuffer = (void *)1;
    el.cLength = 5;
    expect_failure(!transmit_packets(client, &el, 1, 0, NULL, 0), WSAEFAULT, "TransmitPackets, bad buffer");
    el.dwElFlags = TP_ELEMENT_MEMORY | TP_ELEMENT_FILE;
    expect_failure(!transmit_packets(client, &el, 1, 0, NULL, 0), WSAEINVAL,
                   "TransmitPackets, element both memory and file");
    el.dwElFlags = TP_ELEMENT_MEMORY;
    el.pBuffer = "x";
    el.cLength = 1;
    expect_failure(!transmit_packets(idle, &el, 1, 0, NULL, 0), WSAENOTCONN, "TransmitPackets, not connected");
    closesocket(idle);
}

void run_tests(void)
{
    SOCKET client, server;
    WSADATA data;

    WSAStartup(MAKEWORD(2, 2), &data);
    if (!make_file()) fatal("temp file: %lu", GetLastError());
    if (!tcp_pair(AF_INET, WSA_FLAG_OVERLAPPED, &client, &server)) fatal("tcp pair");
    transmit_file = tcp_extension(client, (GUID)WSAID_TRANSMITFILE);
    if (!transmit_file) fatal("extension functions");
    test_sync(client, server);
    test_overlapped(client, server);
    test_errors(client);
    test_port(client, server);
    test_disconnect();
    /* Wine 8.0's builtin mswsock has no TransmitPackets. */
    if (harness_on_builtin) skip("TransmitPackets: not in Wine's builtin");
    else if ((transmit_packets = tcp_extension(client, (GUID)WSAID_TRANSMITPACKETS)))
    {
        test_packets(client, server);
        test_packets_errors(client);
        test_packets_datagram();
    }
    test_nonblocking();
    closesocket(client);
    closesocket(server);
    CloseHandle(file);
    WSACleanup();
}

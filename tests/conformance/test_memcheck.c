/*
 * The "valid part of the user address space" checks behind WSAEFAULT, with
 * real memory rather than NULL: pointers into the caller's stack (msgsock
 * accepts them without asking the kernel), a range that runs into a
 * PAGE_NOACCESS page, an output in a read-only page.
 */
#include <string.h>

#include "msg_util.h"

static SOCKET receiver, sender;
static SOCKADDR_STORAGE receiver_addr;
static LPFN_WSARECVMSG recvmsg_fn;
static LPFN_WSASENDMSG sendmsg_fn;
static char *pages;     /* page 0 read-write, page 1 no access, page 2 read-only */
static SIZE_T page_size;

static void expect_fault(int ret, const char *what)
{
    int error = WSAGetLastError();

    ok(ret == SOCKET_ERROR && error == WSAEFAULT, "%s: ret %d error %d, expected WSAEFAULT", what, ret, error);
}

/* The last `len` bytes of the read-write page: a longer range runs into the no-access page. */
static char *before_hole(SIZE_T len)
{
    return pages + page_size - len;
}

/* A copy of `len` bytes of `src` at the start of the read-only page. */
static void *readonly_copy(const void *src, SIZE_T len)
{
    DWORD old;

    VirtualProtect(pages + 2 * page_size, page_size, PAGE_READWRITE, &old);
    memcpy(pages + 2 * page_size, src, len);
    VirtualProtect(pages + 2 * page_size, page_size, PAGE_READONLY, &old);
    return pages + 2 * page_size;
}

static void send_text(const char *text)
{
    ok(sendto(sender, text, strlen(text), 0, (SOCKADDR *)&receiver_addr, addr_len(&receiver_addr)) ==
       (int)strlen(text), "sendto: %d", WSAGetLastError());
}

/* Everything on this thread's stack: accepted, and the datagram arrives. */
static void test_stack_pointers(void)
{
    char data[16] = { 0 }, control[64];
    SOCKADDR_STORAGE from;
    DWORD received = 0;
    WSABUF buf;
    WSAMSG msg;

    send_text("stack");
    ok(wait_readable(receiver, 2000), "datagram waiting");
    recv_msg_init(&msg, &buf, data, sizeof(data), &from, control, sizeof(control));
    ok(!recvmsg_fn(receiver, &msg, &received, NULL, NULL), "WSARecvMsg, all on the stack: %d", WSAGetLastError());
    ok(received == 5 && !memcmp(data, "stack", 5), "received %lu bytes", received);
}

/* WSARecvMsg: "lpFrom ... lpNumberOfBytesRecvd ... not totally contained in a valid part of the user address space". */
static void test_recv_faults(void)
{
    char data[16], control[64];
    SOCKADDR_STORAGE from;
    DWORD received;
    WSABUF buf;
    WSAMSG msg;

    recv_msg_init(&msg, &buf, data, sizeof(data), &from, control, sizeof(control));
    msg.name = (SOCKADDR *)before_hole(8);
    msg.namelen = sizeof(SOCKADDR_IN6);
    expect_fault(recvmsg_fn(receiver, &msg, &received, NULL, NULL), "name runs into a no-access page");
    /* Again with the WSABUF array in the same page: the page found good first must not hide the hole. */
    memcpy(pages, &buf, sizeof(buf));
    msg.lpBuffers = (WSABUF *)pages;
    expect_fault(recvmsg_fn(receiver, &msg, &received, NULL, NULL), "name runs into a no-access page, WSABUF before");
    recv_msg_init(&msg, &buf, data, sizeof(data), &from, before_hole(16), 64);
    expect_fault(recvmsg_fn(receiver, &msg, &received, NULL, NULL), "Control runs into a no-access page");
    recv_msg_init(&msg, &buf, data, sizeof(data), &from, control, sizeof(control));
    expect_fault(recvmsg_fn(receiver, &msg, (DWORD *)(pages + 2 * page_size), NULL, NULL),
                 "byte count in a read-only page");
    expect_fault(recvmsg_fn(receiver, readonly_copy(&msg, sizeof(msg)), &received, NULL, NULL),
                 "WSAMSG in a read-only page");
}

/* WSASendMsg: "The lpMsg, lpNumberOfBytesSent ... parameter is not totally contained in a valid part of the user address space." */
static void test_send_faults(void)
{
    char data[4] = "abc";
    WSABUF buf = { sizeof(data), data };
    WSAMSG msg = { 0 };
    DWORD sent;

    msg.name = (SOCKADDR *)&receiver_addr;
    msg.namelen = addr_len(&receiver_addr);
    msg.lpBuffers = &buf;
    msg.dwBufferCount = 1;
    memcpy(before_hole(sizeof(msg) / 2), &msg, sizeof(msg) / 2);
    expect_fault(sendmsg_fn(sender, (WSAMSG *)before_hole(sizeof(msg) / 2), 0, &sent, NULL, NULL),
                 "WSAMSG runs into a no-access page");
    expect_fault(sendmsg_fn(sender, &msg, 0, (DWORD *)(pages + 2 * page_size), NULL, NULL),
                 "byte count in a read-only page");
    /* Sending only reads the WSAMSG: a read-only one, or one ending just before the hole, is fine. */
    ok(!sendmsg_fn(sender, readonly_copy(&msg, sizeof(msg)), 0, &sent, NULL, NULL),
       "read-only WSAMSG: %d", WSAGetLastError());
    memcpy(before_hole(sizeof(msg)), &msg, sizeof(msg));
    ok(!sendmsg_fn(sender, (WSAMSG *)before_hole(sizeof(msg)), 0, &sent, NULL, NULL),
       "WSAMSG just before the hole: %d", WSAGetLastError());
}

static void setup(void)
{
    SYSTEM_INFO info;
    SOCKADDR_STORAGE sender_addr;
    DWORD old;

    GetSystemInfo(&info);
    page_size = info.dwPageSize;
    if (!(pages = VirtualAlloc(NULL, 3 * page_size, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE)))
        fatal("VirtualAlloc failed: %lu", GetLastError());
    if (!VirtualProtect(pages + page_size, page_size, PAGE_NOACCESS, &old) ||
        !VirtualProtect(pages + 2 * page_size, page_size, PAGE_READONLY, &old))
        fatal("VirtualProtect failed: %lu", GetLastError());
    receiver = udp_bound(AF_INET, "127.0.0.1", 0, &receiver_addr);
    sender = udp_bound(AF_INET, "127.0.0.1", 0, &sender_addr);
    recvmsg_fn = get_recvmsg(receiver);
    sendmsg_fn = get_sendmsg(sender);
}

void run_tests(void)
{
    WSADATA wsa;

    if (WSAStartup(MAKEWORD(2, 2), &wsa)) fatal("WSAStartup failed");
    setup();
    test_stack_pointers();
    test_recv_faults();
    test_send_faults();
    closesocket(receiver);
    closesocket(sender);
    VirtualFree(pages, 0, MEM_RELEASE);
    WSACleanup();
}

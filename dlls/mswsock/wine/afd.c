/*
 * The one module that knows Wine's private socket interface: socket objects
 * opened on \Device\Afd, the IOCTL_AFD_* / IOCTL_AFD_WINE_* codes and their
 * structures (facts from Wine's include/wine/afd.h, the same from 8.0 to 11.x:
 * include/msgsock/wine_facts.h) and ntdll's wine_server_handle_to_fd.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <winsock2.h>
#include <ws2tcpip.h>
#include <winternl.h>
#include <winioctl.h>

#include "msgsock/debug.h"
#include "afd.h"
#include "../status_map.h"

#define STATUS_PENDING_         ((NTSTATUS)0x00000103)

#define AFD_CODE(fn, method)  CTL_CODE(FILE_DEVICE_BEEP, fn, method, FILE_ANY_ACCESS)
#define WINE_CODE(fn)         CTL_CODE(FILE_DEVICE_NETWORK, fn, METHOD_BUFFERED, FILE_ANY_ACCESS)

#define IOCTL_AFD_BIND                 AFD_CODE(0x800, METHOD_NEITHER)
#define IOCTL_AFD_LISTEN               AFD_CODE(0x802, METHOD_NEITHER)
#define IOCTL_AFD_POLL                 AFD_CODE(0x809, METHOD_BUFFERED)
#define IOCTL_AFD_GETSOCKNAME          AFD_CODE(0x80b, METHOD_NEITHER)
#define IOCTL_AFD_WINE_CREATE          WINE_CODE(200)
#define IOCTL_AFD_WINE_CONNECT         WINE_CODE(203)
#define IOCTL_AFD_WINE_SHUTDOWN        WINE_CODE(204)
#define IOCTL_AFD_WINE_FIONBIO         WINE_CODE(209)
#define IOCTL_AFD_WINE_FIONREAD        WINE_CODE(211)
#define IOCTL_AFD_WINE_GETPEERNAME     WINE_CODE(216)
#define IOCTL_AFD_WINE_GET_INFO        WINE_CODE(218)

struct afd_create_params { int family, type, protocol; unsigned int flags; };
struct afd_info_params { int family, type, protocol; };
struct afd_listen_params { int unknown1, backlog, unknown2; };
struct afd_connect_params { int addr_len; int synchronous; /* then the address */ };

#pragma pack(push, 4)
struct afd_poll_params
{
    LONGLONG timeout;
    unsigned int count;
    BOOLEAN unknown;
    BOOLEAN padding[3];
    struct { SOCKET socket; int flags; NTSTATUS status; } sockets[1];
};
#pragma pack(pop)

typedef NTSTATUS (WINAPI *open_file_fn)(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, IO_STATUS_BLOCK *,
                                        ULONG, ULONG);
typedef NTSTATUS (WINAPI *ioctl_fn)(HANDLE, HANDLE, PIO_APC_ROUTINE, void *, IO_STATUS_BLOCK *, ULONG,
                                    void *, ULONG, void *, ULONG);
typedef NTSTATUS (__cdecl *handle_to_fd_fn)(HANDLE, unsigned int, int *, unsigned int *);
typedef NTSTATUS (WINAPI *cancel_ex_fn)(HANDLE, IO_STATUS_BLOCK *, IO_STATUS_BLOCK *);

static struct
{
    open_file_fn open_file;
    ioctl_fn ioctl;
    handle_to_fd_fn handle_to_fd;
    cancel_ex_fn cancel_ex;
} nt;
static INIT_ONCE nt_once = INIT_ONCE_STATIC_INIT;

static BOOL CALLBACK find_nt_functions(INIT_ONCE *once, void *param, void **context)
{
    HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");

    nt.open_file = (open_file_fn)(void *)GetProcAddress(ntdll, "NtOpenFile");
    nt.ioctl = (ioctl_fn)(void *)GetProcAddress(ntdll, "NtDeviceIoControlFile");
    nt.handle_to_fd = (handle_to_fd_fn)(void *)GetProcAddress(ntdll, "wine_server_handle_to_fd");
    nt.cancel_ex = (cancel_ex_fn)(void *)GetProcAddress(ntdll, "NtCancelIoFileEx");
    return nt.open_file && nt.ioctl && nt.handle_to_fd && nt.cancel_ex;
}

static BOOL nt_ready(void)
{
    return InitOnceExecuteOnce(&nt_once, find_nt_functions, NULL, NULL);
}

BOOL afd_available(void)
{
    return nt_ready();
}

int afd_status_to_wsa(LONG status)
{
    /* Wine's server reports Winsock errors as 0xc001xxxx (FACILITY_WIN32 style). */
    if ((status & 0xffff0000) == 0xc0010000) return status & 0xffff;
    switch ((ULONG)status)
    {
    case 0x00000000: return 0;
    case 0x00000103: return WSA_IO_PENDING;
    case 0xc0000120: return WSA_OPERATION_ABORTED;
    case 0xc0000008: return WSAENOTSOCK;            /* STATUS_INVALID_HANDLE */
    case 0xc0000024: return WSAENOTSOCK;            /* STATUS_OBJECT_TYPE_MISMATCH */
    case 0xc000000d: return WSAEINVAL;              /* STATUS_INVALID_PARAMETER */
    case 0xc0000010: return WSAEOPNOTSUPP;          /* STATUS_INVALID_DEVICE_REQUEST */
    case 0xc00000bb: return WSAEOPNOTSUPP;          /* STATUS_NOT_SUPPORTED */
    case 0xc0000005: return WSAEFAULT;              /* STATUS_ACCESS_VIOLATION */
    case 0xc0000023: return WSAEFAULT;              /* STATUS_BUFFER_TOO_SMALL */
    case 0xc0000017: return WSAENOBUFS;             /* STATUS_NO_MEMORY */
    case 0xc000011f: return WSAEMFILE;              /* STATUS_TOO_MANY_OPENED_FILES */
    case 0xc0000022: return WSAEACCES;              /* STATUS_ACCESS_DENIED */
    case 0x00000102: return WSAETIMEDOUT;           /* STATUS_TIMEOUT */
    case 0xc00000b5: return WSAETIMEDOUT;           /* STATUS_IO_TIMEOUT */
    case 0xc0000043: return WSAEADDRINUSE;          /* STATUS_SHARING_VIOLATION */
    case 0xc0000236: return WSAECONNREFUSED;        /* STATUS_CONNECTION_REFUSED */
    case 0xc000020d: return WSAECONNRESET;          /* STATUS_CONNECTION_RESET */
    case 0xc0000241: return WSAECONNABORTED;        /* STATUS_CONNECTION_ABORTED */
    case 0xc0000184: return WSAEINVAL;              /* STATUS_INVALID_DEVICE_STATE */
    case 0x80000005: return WSAEMSGSIZE;            /* STATUS_BUFFER_OVERFLOW */
    case 0xc0000140: return WSAENOTCONN;            /* STATUS_INVALID_CONNECTION */
    case 0xc000023b: return WSAEISCONN;             /* STATUS_CONNECTION_ACTIVE */
    case 0xc00000a3: return WSAEWOULDBLOCK;         /* STATUS_DEVICE_NOT_READY: Wine's EWOULDBLOCK */
    default:
        /* The rest as Windows maps them (STATUS_INVALID_ADDRESS_COMPONENT: WSAEADDRNOTAVAIL, ...). */
        if (status_map_to_wsa(status) == WSAEINVAL) WARN("unmapped status %#lx\n", (unsigned long)status);
        return status_map_to_wsa(status);
    }
}

/* One ioctl, waited for (not alertably) if Wine returns pending; its final status (nt_ready() checked
 * by the caller). */
static NTSTATUS afd_ioctl_status(HANDLE handle, ULONG code, void *in, ULONG in_len, void *out, ULONG out_len,
                                 ULONG_PTR *information)
{
    IO_STATUS_BLOCK io = { 0 };
    HANDLE event;
    NTSTATUS status;

    if (!(event = CreateEventW(NULL, TRUE, FALSE, NULL))) return 0xc000009a;   /* STATUS_INSUFFICIENT_RESOURCES */
    status = nt.ioctl(handle, event, NULL, NULL, &io, code, in, in_len, out, out_len);
    if (status == STATUS_PENDING_)
    {
        WaitForSingleObject(event, INFINITE);
        status = io.Status;
    }
    CloseHandle(event);
    if (information) *information = io.Information;
    return status;
}

static int afd_ioctl(HANDLE handle, ULONG code, void *in, ULONG in_len, void *out, ULONG out_len,
                     ULONG_PTR *information)
{
    if (!nt_ready()) return WSASYSCALLFAILURE;
    return afd_status_to_wsa(afd_ioctl_status(handle, code, in, in_len, out, out_len, information));
}

int afd_create_socket(int family, int type, int protocol, DWORD flags, HANDLE *handle)
{
    static const WCHAR device[] = L"\\Device\\Afd";
    struct afd_create_params params = { family, type, protocol, 0 };
    UNICODE_STRING name = { sizeof(device) - sizeof(WCHAR), sizeof(device), (WCHAR *)device };
    OBJECT_ATTRIBUTES attr;
    IO_STATUS_BLOCK io;
    NTSTATUS status;
    int error;

    if (!nt_ready()) return WSASYSCALLFAILURE;
    InitializeObjectAttributes(&attr, &name, (flags & WSA_FLAG_NO_HANDLE_INHERIT) ? 0 : OBJ_INHERIT,
                               NULL, NULL);
    /* Overlapped sockets get an asynchronous handle, the others a synchronous one, as on Windows. */
    /* The access Windows' sockets are granted: FILE_GENERIC_READ | FILE_GENERIC_WRITE | WRITE_DAC (afd test_open_device). */
    status = nt.open_file(handle, GENERIC_READ | GENERIC_WRITE | WRITE_DAC | SYNCHRONIZE, &attr, &io, 0,
                          (flags & WSA_FLAG_OVERLAPPED) ? 0 : FILE_SYNCHRONOUS_IO_NONALERT);
    if (status) return afd_status_to_wsa(status);
    params.flags = flags & ~(WSA_FLAG_NO_HANDLE_INHERIT | WSA_FLAG_OVERLAPPED);
    if ((error = afd_ioctl(*handle, IOCTL_AFD_WINE_CREATE, &params, sizeof(params), NULL, 0, NULL)))
    {
        CloseHandle(*handle);
        *handle = NULL;
    }
    return error;
}

int afd_get_info(HANDLE handle, int *family, int *type, int *protocol)
{
    struct afd_info_params info;
    int error = afd_ioctl(handle, IOCTL_AFD_WINE_GET_INFO, NULL, 0, &info, sizeof(info), NULL);

    if (error) return error == WSAEOPNOTSUPP || error == WSAEINVAL ? WSAENOTSOCK : error;
    *family = info.family;
    *type = info.type;
    *protocol = info.protocol;
    return 0;
}

int afd_bind(HANDLE handle, const struct sockaddr *addr, int len)
{
    char buffer[sizeof(int) + sizeof(SOCKADDR_STORAGE)];
    char bound[sizeof(SOCKADDR_STORAGE)];

    if (len < 0 || len > (int)sizeof(SOCKADDR_STORAGE)) return WSAEFAULT;
    *(int *)buffer = 0;
    memcpy(buffer + sizeof(int), addr, len);
    return afd_ioctl(handle, IOCTL_AFD_BIND, buffer, sizeof(int) + len, bound, len, NULL);
}

int afd_connect(HANDLE handle, const struct sockaddr *addr, int len)
{
    char buffer[sizeof(struct afd_connect_params) + sizeof(SOCKADDR_STORAGE)];
    struct afd_connect_params *params = (struct afd_connect_params *)buffer;
    NTSTATUS status;

    if (len < 0 || len > (int)sizeof(SOCKADDR_STORAGE)) return WSAEFAULT;
    params->addr_len = len;
    params->synchronous = TRUE;
    memcpy(params + 1, addr, len);
    if (!nt_ready()) return WSASYSCALLFAILURE;
    status = afd_ioctl_status(handle, IOCTL_AFD_WINE_CONNECT, buffer, sizeof(*params) + len, NULL, 0, NULL);
    /* A connect still in progress: WSAEALREADY, "A nonblocking connect call is in progress on the
     * specified socket" (the status has no Winsock error of its own in Windows' map). */
    if (status == (NTSTATUS)0xc0000238) return WSAEALREADY;   /* STATUS_ADDRESS_ALREADY_ASSOCIATED */
    return afd_status_to_wsa(status);
}

static int afd_get_address(HANDLE handle, ULONG code, struct sockaddr *addr, int *len)
{
    SOCKADDR_STORAGE storage;
    ULONG_PTR size = 0;
    int error = afd_ioctl(handle, code, NULL, 0, &storage, sizeof(storage), &size);

    if (error) return error;
    if ((ULONG_PTR)*len < size) return WSAEFAULT;
    memcpy(addr, &storage, size);
    *len = size;
    return 0;
}

int afd_getsockname(HANDLE handle, struct sockaddr *addr, int *len)
{
    return afd_get_address(handle, IOCTL_AFD_GETSOCKNAME, addr, len);
}

int afd_getpeername(HANDLE handle, struct sockaddr *addr, int *len)
{
    return afd_get_address(handle, IOCTL_AFD_WINE_GETPEERNAME, addr, len);
}

int afd_listen(HANDLE handle, int backlog)
{
    struct afd_listen_params params = { 0, backlog, 0 };

    return afd_ioctl(handle, IOCTL_AFD_LISTEN, &params, sizeof(params), NULL, 0, NULL);
}

int afd_shutdown(HANDLE handle, int how)
{
    return afd_ioctl(handle, IOCTL_AFD_WINE_SHUTDOWN, &how, sizeof(how), NULL, 0, NULL);
}

int afd_set_nonblocking(HANDLE handle, BOOL enable)
{
    ULONG value = !!enable;

    return afd_ioctl(handle, IOCTL_AFD_WINE_FIONBIO, &value, sizeof(value), NULL, 0, NULL);
}

int afd_bytes_readable(HANDLE handle, ULONG *bytes)
{
    int value = 0, error = afd_ioctl(handle, IOCTL_AFD_WINE_FIONREAD, NULL, 0, &value, sizeof(value), NULL);

    *bytes = value;
    return error;
}

int afd_host_fd(HANDLE handle, int *fd)
{
    unsigned int options;
    NTSTATUS status;

    if (!nt_ready()) return WSASYSCALLFAILURE;
    status = nt.handle_to_fd(handle, 0, fd, &options);
    return status ? afd_status_to_wsa(status) : 0;
}

struct afd_poll_block
{
    IO_STATUS_BLOCK io;
    HANDLE handle;
    struct afd_poll_params params;
};

/* One AFD poll of socket `handle` for exactly `flags`, issued on `via`, signalling `event`. */
static struct afd_poll_block *poll_start(HANDLE via, HANDLE handle, int flags, HANDLE event)
{
    struct afd_poll_block *block;
    NTSTATUS status;

    if (!nt_ready() || !(block = calloc(1, sizeof(*block)))) return NULL;
    block->handle = via;
    block->params.timeout = MAXLONGLONG;   /* Wine: no timeout; our wait has its own */
    block->params.count = 1;
    block->params.sockets[0].socket = (SOCKET)handle;
    block->params.sockets[0].flags = flags;
    block->io.Status = STATUS_PENDING_;
    ResetEvent(event);
    status = nt.ioctl(via, event, NULL, NULL, &block->io, IOCTL_AFD_POLL, &block->params,
                      sizeof(block->params), &block->params, sizeof(block->params));
    if (status != STATUS_PENDING_)
    {
        block->io.Status = status;
        SetEvent(event);
    }
    return block;
}

/* A readiness poll: the events asked for, and the hang-up and reset that end any wait. */
static struct afd_poll_block *ready_poll_start(HANDLE via, HANDLE handle, int events, HANDLE event)
{
    return poll_start(via, handle, events | MSGSOCK_POLL_HUP | MSGSOCK_POLL_RESET, event);
}

struct afd_poll_block *afd_poll_start(HANDLE handle, int events, HANDLE event)
{
    return ready_poll_start(handle, handle, events, event);
}

/* Wine's server reports AFD_POLL_CLOSE to the polls on a socket when its last handle closes. */
struct afd_poll_block *afd_close_poll_start(HANDLE handle, HANDLE event)
{
    return poll_start(handle, handle, MSGSOCK_POLL_CLOSE, event);
}

/* Wine makes an ioctl on a synchronous handle (a socket made without WSA_FLAG_OVERLAPPED) wait until
 * it ends, so a poll there would block past any timeout: such polls go through msgsock's own
 * asynchronous socket, made once (an AFD poll may name sockets other than the one it is issued on). */
static INIT_ONCE poll_via_once = INIT_ONCE_STATIC_INIT;
static HANDLE poll_via;

static BOOL WINAPI open_poll_via(INIT_ONCE *once, void *param, void **context)
{
    HANDLE handle;

    if (!afd_create_socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP, WSA_FLAG_OVERLAPPED | WSA_FLAG_NO_HANDLE_INHERIT,
                           &handle))
        poll_via = handle;
    else WARN("no asynchronous socket for the polls of synchronous ones\n");
    return TRUE;
}

static HANDLE poll_handle_for(HANDLE handle, BOOL synchronous)
{
    if (!synchronous) return handle;
    InitOnceExecuteOnce(&poll_via_once, open_poll_via, NULL, NULL);
    return poll_via ? poll_via : handle;
}

enum afd_close_result afd_close_poll_result(const struct afd_poll_block *block)
{
    if (!block->io.Status && (block->params.sockets[0].flags & MSGSOCK_POLL_CLOSE)) return AFD_CLOSE_REPORTED;
    return block->io.Status == (NTSTATUS)0xc0000120 ? AFD_CLOSE_CANCELLED : AFD_CLOSE_FAILED;
}

void afd_poll_finish(struct afd_poll_block *block)
{
    if (!block) return;
    if (block->io.Status == STATUS_PENDING_)
    {
        CancelIoEx(block->handle, (OVERLAPPED *)&block->io);  /* Wine matches the IOSB */
        /* The block must outlive the async: wait for Wine to finish with it. */
        while (*(volatile NTSTATUS *)&block->io.Status == STATUS_PENDING_) SleepEx(1, FALSE);
    }
    free(block);
}

void afd_signal_handle(HANDLE handle)
{
    struct afd_poll_block *block;
    NTSTATUS status;

    if (!nt_ready() || !(block = calloc(1, sizeof(*block)))) return;
    block->params.timeout = 0;   /* just look */
    block->params.count = 1;
    block->params.sockets[0].socket = (SOCKET)handle;
    block->params.sockets[0].flags = MSGSOCK_POLL_READ;
    block->io.Status = STATUS_PENDING_;
    /* No event, no completion context: Wine's server signals the handle itself when it ends, posting nothing. */
    status = nt.ioctl(handle, NULL, NULL, NULL, &block->io, IOCTL_AFD_POLL, &block->params, sizeof(block->params),
                      &block->params, sizeof(block->params));
    if (status == STATUS_PENDING_)
        while (*(volatile NTSTATUS *)&block->io.Status == STATUS_PENDING_) SleepEx(0, FALSE);
    free(block);
}

int afd_wait_ready(HANDLE handle, BOOL synchronous, int events, DWORD timeout_ms)
{
    HANDLE event = CreateEventW(NULL, TRUE, FALSE, NULL);
    struct afd_poll_block *block;
    DWORD start = GetTickCount(), elapsed, result;
    int error = 0;

    if (!event) return WSAENOBUFS;
    if (!(block = ready_poll_start(poll_handle_for(handle, synchronous), handle, events, event)))
    {
        CloseHandle(event);
        return WSAENOBUFS;
    }
    for (;;)
    {
        elapsed = GetTickCount() - start;
        if (timeout_ms != INFINITE && elapsed >= timeout_ms) { error = WSAETIMEDOUT; break; }
        /* Alertable, as Windows' blocking Winsock calls: a queued APC may run here (seed 002). */
        result = WaitForSingleObjectEx(event, timeout_ms == INFINITE ? INFINITE : timeout_ms - elapsed, TRUE);
        if (result == WAIT_OBJECT_0)
        {
            error = afd_status_to_wsa(block->io.Status);
            break;
        }
        if (result == WAIT_FAILED) { error = WSASYSCALLFAILURE; break; }
    }
    afd_poll_finish(block);
    CloseHandle(event);
    return error;
}

/* --- readiness: multi-socket poll, server-side event/message select --- */

#define IOCTL_AFD_EVENT_SELECT         AFD_CODE(0x821, METHOD_NEITHER)
#define IOCTL_AFD_GET_EVENTS           AFD_CODE(0x822, METHOD_NEITHER)
#define IOCTL_AFD_WINE_RECVMSG         WINE_CODE(205)
#define IOCTL_AFD_WINE_SENDMSG         WINE_CODE(206)
#define IOCTL_AFD_WINE_GET_INTERFACE_LIST WINE_CODE(213)
#define IOCTL_AFD_WINE_KEEPALIVE_VALS  WINE_CODE(214)
#define IOCTL_AFD_WINE_MESSAGE_SELECT  WINE_CODE(215)
#define WINE_TIMEOUT_INFINITE          MAXLONGLONG

struct afd_event_select_params { HANDLE event; int mask; };
struct afd_get_events_params { int flags; NTSTATUS status[MSGSOCK_EVENT_SLOTS]; };
struct afd_message_select_params { unsigned int handle, window, message; int mask; };
/* Wine keeps these pointers in 64-bit fields for every ABI (include/wine/afd.h). */
struct afd_recvmsg_params
{
    ULONGLONG control_ptr;      /* WSABUF */
    ULONGLONG addr_ptr;         /* struct sockaddr */
    ULONGLONG addr_len_ptr;     /* int */
    ULONGLONG ws_flags_ptr;     /* unsigned int: MSG_* in, MSG_CTRUNC added */
    int force_async;
    unsigned int count;
    ULONGLONG buffers_ptr;      /* WSABUF[] */
};
_Static_assert(sizeof(struct afd_recvmsg_params) == 48, "afd_recvmsg_params");
_Static_assert(offsetof(struct afd_recvmsg_params, force_async) == 32, "afd_recvmsg_params.force_async");
_Static_assert(offsetof(struct afd_recvmsg_params, buffers_ptr) == 40, "afd_recvmsg_params.buffers_ptr");

/* FD_* bit -> the AFD_POLL_* bits the server records for it (FD_CONNECT: both outcomes, FD_CLOSE: FIN or RST). */
static const int fd_to_afd[] =
{
    MSGSOCK_POLL_READ, MSGSOCK_POLL_WRITE, MSGSOCK_POLL_OOB, MSGSOCK_POLL_ACCEPT,
    MSGSOCK_POLL_CONNECT | MSGSOCK_POLL_CONNECT_ERR, MSGSOCK_POLL_HUP | MSGSOCK_POLL_RESET,
};

static int afd_mask_of(LONG fd_mask)
{
    int i, mask = 0;

    for (i = 0; i < (int)(sizeof(fd_to_afd) / sizeof(fd_to_afd[0])); i++)
        if (fd_mask & (1 << i)) mask |= fd_to_afd[i];
    return mask;
}

/* Waits for the poll's IOSB without giving up on an APC: the server enforces the timeout. */
static NTSTATUS wait_poll(HANDLE event, IO_STATUS_BLOCK *io, NTSTATUS status)
{
    if (status != STATUS_PENDING_) return status;
    while (WaitForSingleObjectEx(event, INFINITE, TRUE) == WAIT_IO_COMPLETION) {}
    return io->Status;
}

static void copy_poll_results(const struct afd_poll_params *out, struct afd_poll_entry *entries, unsigned int count)
{
    unsigned int i, j;

    for (i = 0; i < count; i++) entries[i].events = entries[i].error = 0;
    /* The server lists only the sockets that reported something. */
    for (j = 0; j < out->count && j < count; j++)
        for (i = 0; i < count; i++)
            if (entries[i].socket == out->sockets[j].socket)
            {
                entries[i].events = out->sockets[j].flags;
                entries[i].error = out->sockets[j].status ? afd_status_to_wsa(out->sockets[j].status) : 0;
            }
}

int afd_poll_sockets(HANDLE via, struct afd_poll_entry *entries, unsigned int count, DWORD timeout_ms)
{
    size_t size = offsetof(struct afd_poll_params, sockets[count]);
    struct afd_poll_params *params;
    IO_STATUS_BLOCK io = { 0 };
    HANDLE event;
    NTSTATUS status;
    unsigned int i;

    if (!nt_ready()) return WSASYSCALLFAILURE;
    if (!count) return WSAEINVAL;
    if (!(params = calloc(1, size))) return WSAENOBUFS;
    if (!(event = CreateEventW(NULL, TRUE, FALSE, NULL)))
    {
        free(params);
        return WSAENOBUFS;
    }
    /* Wine's timeout: 100 ns units, negative = relative, 0 = report at once. */
    params->timeout = timeout_ms == INFINITE ? WINE_TIMEOUT_INFINITE : -(LONGLONG)timeout_ms * 10000;
    params->count = count;
    for (i = 0; i < count; i++)
    {
        params->sockets[i].socket = entries[i].socket;
        params->sockets[i].flags = entries[i].events;
    }
    status = nt.ioctl(via, event, NULL, NULL, &io, IOCTL_AFD_POLL, params, size, params, size);
    status = wait_poll(event, &io, status);
    if (status == 0x00000102) params->count = status = 0;    /* STATUS_TIMEOUT: nothing reported */
    if (!status) copy_poll_results(params, entries, count);
    CloseHandle(event);
    free(params);
    return afd_status_to_wsa(status);
}

int afd_event_select(HANDLE handle, HANDLE event, LONG mask)
{
    struct afd_event_select_params params = { event, afd_mask_of(mask) };

    return afd_ioctl(handle, IOCTL_AFD_EVENT_SELECT, &params, sizeof(params), NULL, 0, NULL);
}

int afd_get_events(HANDLE handle, LONG *events, int errors[MSGSOCK_EVENT_SLOTS])
{
    struct afd_get_events_params params = { 0 };
    int i, bit, error = afd_ioctl(handle, IOCTL_AFD_GET_EVENTS, NULL, 0, &params, sizeof(params), NULL);

    *events = 0;
    for (i = 0; i < MSGSOCK_EVENT_SLOTS; i++) errors[i] = 0;
    if (error) return error;
    for (i = 0; i < (int)(sizeof(fd_to_afd) / sizeof(fd_to_afd[0])); i++)
    {
        if (!(params.flags & fd_to_afd[i])) continue;
        *events |= 1 << i;
        /* The error of the first AFD bit of this FD_* event that has one. */
        for (bit = 0; bit < MSGSOCK_EVENT_SLOTS && !errors[i]; bit++)
            if ((params.flags & fd_to_afd[i] & (1 << bit)) && params.status[bit])
                errors[i] = afd_status_to_wsa(params.status[bit]);
    }
    return 0;
}

int afd_message_select(HANDLE handle, HWND window, UINT message, LONG mask)
{
    struct afd_message_select_params params;

    params.handle = (unsigned int)(ULONG_PTR)handle;
    params.window = (unsigned int)(ULONG_PTR)window;
    params.message = message;
    params.mask = afd_mask_of(mask);
    return afd_ioctl(handle, IOCTL_AFD_WINE_MESSAGE_SELECT, &params, sizeof(params), NULL, 0, NULL);
}

int afd_rearm_read(HANDLE handle, BOOL oob)
{
    unsigned int flags = MSG_PEEK | (oob ? MSG_OOB : 0);
    char byte;
    WSABUF buf = { 1, &byte };
    struct afd_recvmsg_params params = { 0 };

    params.ws_flags_ptr = (ULONG_PTR)&flags;
    params.count = 1;
    params.buffers_ptr = (ULONG_PTR)&buf;
    /* Wine's recv_socket request clears the "reported" mark whatever the outcome. */
    return afd_ioctl(handle, IOCTL_AFD_WINE_RECVMSG, &params, sizeof(params), NULL, 0, NULL);
}

NTSTATUS afd_recv_start(HANDLE handle, const WSABUF *bufs, DWORD count, unsigned int *flags, HANDLE event,
                        IO_STATUS_BLOCK *io)
{
    struct afd_recvmsg_params params = { 0 };

    if (!nt_ready()) return 0xc0000002;   /* STATUS_NOT_IMPLEMENTED */
    params.ws_flags_ptr = (ULONG_PTR)flags;
    params.force_async = 1;   /* pend even on a non-blocking socket */
    params.count = count;
    params.buffers_ptr = (ULONG_PTR)bufs;
    io->Status = STATUS_PENDING_;
    io->Information = 0;
    /* No APC context: the end goes to the event only, never to a port the program associated. */
    return nt.ioctl(handle, event, NULL, NULL, io, IOCTL_AFD_WINE_RECVMSG, &params, sizeof(params), NULL, 0);
}

void afd_cancel_request(HANDLE handle, IO_STATUS_BLOCK *io)
{
    /* ntdll's own entry: kernelbase's import of it is msgsock's cancel hook. */
    if (nt_ready()) nt.cancel_ex(handle, io, &(IO_STATUS_BLOCK){ 0 });
}

struct afd_sendmsg_params
{
    ULONGLONG addr_ptr;         /* const struct sockaddr */
    unsigned int addr_len;
    unsigned int ws_flags;
    int force_async;
    unsigned int count;
    ULONGLONG buffers_ptr;      /* const WSABUF[] */
};
_Static_assert(sizeof(struct afd_sendmsg_params) == 32, "afd_sendmsg_params");
_Static_assert(offsetof(struct afd_sendmsg_params, buffers_ptr) == 24, "afd_sendmsg_params.buffers_ptr");

int afd_rearm_write(HANDLE handle)
{
    /* The host's sendmsg faults on the address before queuing a byte (EFAULT, or EAGAIN when full). */
    WSABUF buf = { 1, NULL };
    struct afd_sendmsg_params params = { 0 };

    params.count = 1;
    params.buffers_ptr = (ULONG_PTR)&buf;

    /* Wine's send_socket request clears "FD_WRITE reported" when the send fails. */
    return afd_ioctl(handle, IOCTL_AFD_WINE_SENDMSG, &params, sizeof(params), NULL, 0, NULL);
}

/* ---- connections and options ---- */

#define IOCTL_AFD_WINE_ACCEPT          WINE_CODE(201)
#define IOCTL_AFD_WINE_ACCEPT_INTO     WINE_CODE(202)
#define IOCTL_AFD_WINE_DEFER           WINE_CODE(217)

/* Wine's server protocol names objects with 32-bit handles (obj_handle_t). */
struct afd_accept_into_params { unsigned int accept_handle, recv_len, local_len; };

int afd_accept(HANDLE listener, HANDLE *accepted)
{
    IO_STATUS_BLOCK io = { 0 };
    unsigned int handle = 0;
    NTSTATUS status;
    HANDLE event;

    *accepted = NULL;
    if (!nt_ready()) return WSASYSCALLFAILURE;
    if (!(event = CreateEventW(NULL, TRUE, FALSE, NULL))) return WSAENOBUFS;
    /* Wine queues the accept on a blocking listener (and offers a deferred connection first). */
    status = nt.ioctl(listener, event, NULL, NULL, &io, IOCTL_AFD_WINE_ACCEPT, NULL, 0, &handle, sizeof(handle));
    if (status == STATUS_PENDING_)
    {
        /* Alertable, as Windows' blocking calls: queued APCs run while we wait. */
        while (WaitForSingleObjectEx(event, INFINITE, TRUE) != WAIT_OBJECT_0) {}
        status = io.Status;
    }
    CloseHandle(event);
    if (!status) *accepted = ULongToHandle(handle);
    return afd_status_to_wsa(status);
}

int afd_defer_accept(HANDLE listener, HANDLE accepted)
{
    unsigned int handle = HandleToULong(accepted);

    return afd_ioctl(listener, IOCTL_AFD_WINE_DEFER, &handle, sizeof(handle), NULL, 0, NULL);
}

/* A Winsock completion routine, run as the APC Wine queues to the thread that started the ioctl. */
static void WINAPI routine_apc(void *context, IO_STATUS_BLOCK *io, ULONG reserved)
{
    LPWSAOVERLAPPED_COMPLETION_ROUTINE routine = (LPWSAOVERLAPPED_COMPLETION_ROUTINE)context;

    routine(io->Status ? afd_status_to_wsa(io->Status) : 0, (DWORD)io->Information, (WSAOVERLAPPED *)io, 0);
}

/*
 * Starts an ioctl whose IO_STATUS_BLOCK is the caller's OVERLAPPED, as Wine's own ws2_32 does:
 * Wine then signals the event or queues `routine`, and posts to the port.
 */
static int afd_overlapped_ioctl(HANDLE handle, OVERLAPPED *ovl, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine,
                                ULONG code, void *in, ULONG in_len, void *out, ULONG out_len)
{
    /* An hEvent with its low bit set keeps the completion off the port (no APC context). */
    void *context = ((ULONG_PTR)ovl->hEvent & 1) ? NULL : ovl;
    HANDLE event = (HANDLE)((ULONG_PTR)ovl->hEvent & ~(ULONG_PTR)1);
    PIO_APC_ROUTINE apc = NULL;
    NTSTATUS status;

    if (!nt_ready()) return WSASYSCALLFAILURE;
    if (routine)
    {
        /* "If lpCompletionRoutine is NULL, the hEvent parameter of lpOverlapped is signaled" */
        event = NULL;
        apc = routine_apc;
        context = (void *)routine;
    }
    ovl->Internal = STATUS_PENDING_;
    ovl->InternalHigh = 0;
    status = nt.ioctl(handle, event, apc, context, (IO_STATUS_BLOCK *)ovl, code, in, in_len, out, out_len);
    if (status == STATUS_PENDING_) return WSA_IO_PENDING;
    return afd_status_to_wsa(status);
}

int afd_accept_into_async(HANDLE listener, HANDLE acceptor, void *buffer, DWORD recv_len, DWORD local_len,
                          DWORD remote_len, OVERLAPPED *ovl)
{
    struct afd_accept_into_params params = { HandleToULong(acceptor), recv_len, local_len };

    return afd_overlapped_ioctl(listener, ovl, NULL, IOCTL_AFD_WINE_ACCEPT_INTO, &params, sizeof(params), buffer,
                                recv_len + local_len + remote_len);
}

int afd_connect_async(HANDLE handle, const struct sockaddr *addr, int len, const void *data, DWORD data_len,
                      OVERLAPPED *ovl)
{
    struct afd_connect_params *params;
    int error;

    if (len < 0 || len > (int)sizeof(SOCKADDR_STORAGE)) return WSAEFAULT;
    /* Wine copies the input of a buffered ioctl when the request starts: a heap block is enough. */
    if (!(params = malloc(sizeof(*params) + len + data_len))) return WSAENOBUFS;
    params->addr_len = len;
    params->synchronous = FALSE;
    memcpy(params + 1, addr, len);
    if (data_len) memcpy((char *)(params + 1) + len, data, data_len);
    error = afd_overlapped_ioctl(handle, ovl, NULL, IOCTL_AFD_WINE_CONNECT, params, sizeof(*params) + len + data_len,
                                 NULL, 0);
    free(params);
    return error;
}

#define IOCTL_AFD_WINE_ADDRESS_LIST_CHANGE WINE_CODE(208)

int afd_address_list_change(HANDLE handle, OVERLAPPED *ovl, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    /* Wine's server: without it, a non-blocking socket fails at once with STATUS_DEVICE_NOT_READY. */
    int force_async = ovl != NULL;

    if (!ovl) return afd_ioctl(handle, IOCTL_AFD_WINE_ADDRESS_LIST_CHANGE, &force_async, sizeof(force_async),
                               NULL, 0, NULL);
    return afd_overlapped_ioctl(handle, ovl, routine, IOCTL_AFD_WINE_ADDRESS_LIST_CHANGE, &force_async,
                                sizeof(force_async), NULL, 0);
}

int afd_interface_list(HANDLE handle, void *out, DWORD out_len, DWORD *returned, OVERLAPPED *ovl,
                       LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    ULONG_PTR size = 0;
    int error;

    if (ovl) return afd_overlapped_ioctl(handle, ovl, routine, IOCTL_AFD_WINE_GET_INTERFACE_LIST, NULL, 0, out,
                                         out_len);
    if (!(error = afd_ioctl(handle, IOCTL_AFD_WINE_GET_INTERFACE_LIST, NULL, 0, out, out_len, &size)))
        *returned = size;
    return error;
}

/* IOCTL_AFD_WINE_GET_SO_* / SET_SO_* function numbers of Wine 8.0 (0 = no such direction). */
static const struct { unsigned short get, set; } afd_option_codes[] =
{
    [AFD_OPT_ACCEPTCONN]       = { 219, 0 },
    [AFD_OPT_BROADCAST]        = { 220, 221 },
    [AFD_OPT_ERROR]            = { 222, 0 },
    [AFD_OPT_KEEPALIVE]        = { 223, 224 },
    [AFD_OPT_LINGER]           = { 225, 226 },
    [AFD_OPT_OOBINLINE]        = { 227, 228 },
    [AFD_OPT_RCVBUF]           = { 230, 229 },
    [AFD_OPT_REUSEADDR]        = { 233, 234 },
    [AFD_OPT_SNDBUF]           = { 236, 235 },
    [AFD_OPT_CONNECT_TIME]     = { 292, 0 },
    [AFD_OPT_EXCLUSIVEADDRUSE] = { 297, 298 },
};

int afd_get_option(HANDLE handle, enum afd_option option, void *value, ULONG len)
{
    if ((unsigned int)option >= ARRAYSIZE(afd_option_codes) || !afd_option_codes[option].get)
        return WSAENOPROTOOPT;
    return afd_ioctl(handle, WINE_CODE(afd_option_codes[option].get), NULL, 0, value, len, NULL);
}

int afd_set_option(HANDLE handle, enum afd_option option, const void *value, ULONG len)
{
    if ((unsigned int)option >= ARRAYSIZE(afd_option_codes) || !afd_option_codes[option].set)
        return WSAENOPROTOOPT;
    return afd_ioctl(handle, WINE_CODE(afd_option_codes[option].set), (void *)value, len, NULL, 0, NULL);
}

int afd_poll_now(HANDLE handle, int events, int *reported)
{
    struct afd_poll_params params = { 0 };
    int error;

    params.timeout = 0;
    params.count = 1;
    params.sockets[0].socket = (SOCKET)handle;
    params.sockets[0].flags = events;
    error = afd_ioctl(handle, IOCTL_AFD_POLL, &params, sizeof(params), &params, sizeof(params), NULL);
    /* STATUS_TIMEOUT: nothing to report, and Wine leaves the output as it was. */
    *reported = !error && params.count ? params.sockets[0].flags : 0;
    return error == WSAETIMEDOUT ? 0 : error;
}

int afd_keepalive_vals(HANDLE handle, const void *vals, DWORD len)
{
    return afd_ioctl(handle, IOCTL_AFD_WINE_KEEPALIVE_VALS, (void *)vals, len, NULL, 0, NULL);
}

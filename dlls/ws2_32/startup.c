/*
 * WSAStartup / WSACleanup: version negotiation, the process-wide reference
 * count, and loading the base provider on the first start.
 */
#include "ws2_32_private.h"

/* Guards `started_count`; also serialises provider start and cleanup. */
static CRITICAL_SECTION startup_lock;
static CRITICAL_SECTION_DEBUG startup_lock_debug =
{
    0, 0, &startup_lock, { &startup_lock_debug.ProcessLocksList, &startup_lock_debug.ProcessLocksList },
    0, 0, 0, 0, 0
};
static CRITICAL_SECTION startup_lock = { &startup_lock_debug, -1, 0, 0, 0, 0 };
static LONG started_count;

BOOL ws2_started(void)
{
    return *(volatile LONG *)&started_count > 0;
}

/* The version a program gets for the one it asked: Winsock 1.1 and 2.0-2.2 exist. */
static WORD negotiate(WORD requested)
{
    BYTE major = LOBYTE(requested), minor = HIBYTE(requested);

    if (major > 2 || (major == 2 && minor > 2)) return MAKEWORD(2, 2);
    if (major == 1 && minor > 1) return MAKEWORD(1, 1);
    return requested;
}

static void fill_data(WSADATA *data, WORD version)
{
    /* lpVendorInfo "should be ignored" by Winsock 2 programs; Windows leaves it as it was. */
    char *vendor = data->lpVendorInfo;

    memset(data, 0, sizeof(*data));
    data->lpVendorInfo = vendor;
    data->wVersion = version;
    data->wHighVersion = MAKEWORD(2, 2);
    lstrcpynA(data->szDescription, "WinSock 2.0", sizeof(data->szDescription));
    lstrcpynA(data->szSystemStatus, "Running", sizeof(data->szSystemStatus));
    /* Winsock 2 reports no limits here; 1.1 programs expect the old numbers. */
    if (LOBYTE(version) == 1)
    {
        data->iMaxSockets = 32767;
        data->iMaxUdpDg = 65467;
    }
}

int WINAPI WSAStartup(WORD version, WSADATA *data)
{
    int error = 0;

    TRACE("version %#x\n", version);
    /* "WSAVERNOTSUPPORTED: The version of Windows Sockets support requested is not provided." The
     * structure, if any, still tells the version this DLL would offer (wVersion, wHighVersion). */
    if (LOBYTE(version) < 1)
    {
        if (data && msgsock_writable(data, sizeof(*data))) fill_data(data, MAKEWORD(2, 2));
        return WSAVERNOTSUPPORTED;
    }
    if (!data || !msgsock_writable(data, sizeof(*data))) return WSAEFAULT;

    EnterCriticalSection(&startup_lock);
    if (!started_count) error = ws2_provider_start();
    if (!error) started_count++;
    LeaveCriticalSection(&startup_lock);
    if (error) return error;
    fill_data(data, negotiate(version));
    return 0;
}

int WINAPI WSACleanup(void)
{
    int error = 0;

    EnterCriticalSection(&startup_lock);
    if (!started_count) error = WSANOTINITIALISED;
    else if (!--started_count) ws2_provider_stop();
    LeaveCriticalSection(&startup_lock);
    if (error) return ws2_fail(error);
    SetLastError(0);   /* as Windows: a successful WSACleanup leaves no error behind */
    return 0;
}

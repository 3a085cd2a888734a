/* WSPStartup: the base provider's entry point, filling ws2_32's WSPPROC_TABLE. */
#include "provider_calls.h"
#include "transfer_checks.h"
#include "wine/cancel_hook.h"

/* Written by WSPStartup before any socket exists; read-only afterwards. */
WSPUPCALLTABLE provider_upcalls;
/* WSPStartup calls not yet matched by WSPCleanup (interlocked). */
static LONG startup_count;

BOOL provider_started(void)
{
    return startup_count > 0;
}

int WSPAPI wsp_cleanup(int *err)
{
    if (InterlockedDecrement(&startup_count) < 0)
    {
        InterlockedIncrement(&startup_count);
        return wsp_fail(err, WSANOTINITIALISED);
    }
    return 0;
}

int WSPAPI WSPStartup(WORD version, WSPDATA *data, WSAPROTOCOL_INFOW *info, WSPUPCALLTABLE upcalls,
                      WSPPROC_TABLE *table)
{
    TRACE("version %#x\n", version);
    if (LOBYTE(version) < 2) return WSAVERNOTSUPPORTED;
    if (!data || !table) return WSAEFAULT;

    provider_upcalls = upcalls;
    data->wVersion = MAKEWORD(2, 2);
    data->wHighVersion = MAKEWORD(2, 2);
    lstrcpynW(data->szDescription, L"msgsock base service provider", WSADESCRIPTION_LEN + 1);

    InterlockedIncrement(&startup_count);
    cancel_hook_install();
    wsp_fill_unsupported(table);
    table->lpWSPSocket = wsp_socket;
    table->lpWSPCloseSocket = wsp_close_socket;
    table->lpWSPBind = wsp_bind;
    table->lpWSPConnect = wsp_connect;
    table->lpWSPGetSockName = wsp_getsockname;
    table->lpWSPGetPeerName = wsp_getpeername;
    table->lpWSPListen = wsp_listen;
    table->lpWSPShutdown = wsp_shutdown;
    table->lpWSPCleanup = wsp_cleanup;
    table->lpWSPGetSockOpt = wsp_getsockopt;
    table->lpWSPSetSockOpt = wsp_setsockopt;
    table->lpWSPIoctl = wsp_ioctl;
    table->lpWSPSend = wsp_send;
    table->lpWSPSendTo = wsp_sendto;
    table->lpWSPRecv = wsp_recv;
    table->lpWSPRecvFrom = wsp_recvfrom;
    table->lpWSPGetOverlappedResult = wsp_get_overlapped_result;
    table->lpWSPSelect = wsp_select;
    table->lpWSPAccept = wsp_accept;
    table->lpWSPDuplicateSocket = wsp_duplicate_socket;
    table->lpWSPEventSelect = wsp_event_select;
    table->lpWSPEnumNetworkEvents = wsp_enum_network_events;
    table->lpWSPAsyncSelect = wsp_async_select;
    return 0;
}

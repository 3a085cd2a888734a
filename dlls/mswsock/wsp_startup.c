/* WSPStartup: the base provider's entry point, filling ws2_32's WSPPROC_TABLE. */
#include <stdlib.h>

#include "provider_calls.h"
#include "transfer_checks.h"
#include "wine/support.h"
#include "wine/afd.h"

/* Written by WSPStartup before any socket exists; read-only afterwards. */
WSPUPCALLTABLE provider_upcalls;
/* WSPStartup calls not yet matched by WSPCleanup (interlocked). */
static LONG startup_count;

BOOL provider_started(void)
{
    return startup_count > 0;
}

struct handle_list
{
    SOCKET *handles;
    unsigned int count, size;
};

static void collect_handle(struct socket_ctx *ctx, void *arg)
{
    struct handle_list *list = arg;
    SOCKET *grown;

    if (list->count == list->size)
    {
        if (!(grown = realloc(list->handles, (list->size * 2 + 16) * sizeof(*grown)))) return;
        list->handles = grown;
        list->size = list->size * 2 + 16;
    }
    list->handles[list->count++] = ctx->handle;
}

/* WSACleanup: "Sockets that were open when WSACleanup was called are reset and automatically
 * deallocated as if closesocket were called." */
static void close_all_sockets(void)
{
    struct handle_list list = { NULL, 0, 0 };
    int family, type, protocol, err;
    unsigned int i;

    socket_for_each(collect_handle, &list);
    for (i = 0; i < list.count; i++)
    {
        /* A handle closed without closesocket may name something else by now: only sockets go. */
        if (afd_get_info((HANDLE)list.handles[i], &family, &type, &protocol)) socket_unregister(list.handles[i]);
        else wsp_close_socket(list.handles[i], &err);
    }
    TRACE("%u socket(s) closed\n", list.count);
    free(list.handles);
}

int WSPAPI wsp_cleanup(int *err)
{
    LONG left = InterlockedDecrement(&startup_count);

    if (left < 0)
    {
        InterlockedIncrement(&startup_count);
        return wsp_fail(err, WSANOTINITIALISED);
    }
    if (!left) close_all_sockets();
    return 0;
}

int WSPAPI WSPStartup(WORD version, WSPDATA *data, WSAPROTOCOL_INFOW *info, WSPUPCALLTABLE upcalls,
                      WSPPROC_TABLE *table)
{
    int error;

    TRACE("version %#x\n", version);
    if (LOBYTE(version) < 2) return WSAVERNOTSUPPORTED;
    if (!data || !table) return WSAEFAULT;
    /* Installs the import-slot hooks too; a Wine msgsock cannot serve is said once, loudly. */
    if ((error = wine_support_check())) return error;

    provider_upcalls = upcalls;
    data->wVersion = MAKEWORD(2, 2);
    data->wHighVersion = MAKEWORD(2, 2);
    lstrcpynW(data->szDescription, L"msgsock base service provider", WSADESCRIPTION_LEN + 1);

    InterlockedIncrement(&startup_count);
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

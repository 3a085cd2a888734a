/*
 * msgsock_lsp_test.dll: a small IFS layered service provider for the tests.
 *
 * ws2_32 loads it for sockets of a protocol chain whose first link is its
 * layered entry and calls WSPStartup with the chain's WSAPROTOCOL_INFOW.  As
 * real LSPs do, it finds the chain's next link in the catalog
 * (WSCEnumProtocols), loads that provider's DLL (WSCGetProviderPath, with the
 * environment expanded) and starts it with ws2_32's upcall table.  Sockets
 * are the next provider's own handles (IFS: WPUModifyIFSHandle), so every
 * call this layer does not count goes straight to the next provider; the
 * data transfers and the WSASendMsg / WSARecvMsg extension functions are
 * counted (lsp_counters.h) and forwarded.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <ws2spi.h>
#include <mswsock.h>
#include <stdlib.h>

#include "lsp_counters.h"

/* Written by WSPStartup before ws2_32 hands out sockets of this layer; read-only afterwards. */
static WSPPROC_TABLE next;
static WSAPROTOCOL_INFOW next_info;     /* the chain's next link */
static WSPUPCALLTABLE upcalls;
static HMODULE next_module;
static DWORD chain_id;
static struct lsp_counters *counters;
static LPFN_WSASENDMSG next_sendmsg;
static LPFN_WSARECVMSG next_recvmsg;

/* The test reads the upcall table ws2_32 gave this layer, to call it directly. */
__declspec(dllexport) const WSPUPCALLTABLE *WINAPI msgsock_lsp_test_upcalls(void)
{
    return &upcalls;
}

static void count(LONG *counter)
{
    if (counters) InterlockedIncrement(counter);
}

static SOCKET WSPAPI lsp_socket(int af, int type, int protocol, WSAPROTOCOL_INFOW *info, GROUP g, DWORD flags,
                                int *err)
{
    SOCKET s = next.lpWSPSocket(af, type, protocol, &next_info, g, flags, err);

    if (s == INVALID_SOCKET) return s;
    /* "...an IFS provider ... calls WPUModifyIFSHandle ... to obtain the handle it returns" */
    s = upcalls.lpWPUModifyIFSHandle(chain_id, s, err);
    if (s != INVALID_SOCKET)
    {
        count(&counters->sockets);
        count(&counters->ifs_handles);
    }
    return s;
}

static int WSPAPI lsp_send(SOCKET s, WSABUF *bufs, DWORD count_, DWORD *sent, DWORD flags, WSAOVERLAPPED *ovl,
                           LPWSAOVERLAPPED_COMPLETION_ROUTINE routine, WSATHREADID *thread, int *err)
{
    count(&counters->send);
    return next.lpWSPSend(s, bufs, count_, sent, flags, ovl, routine, thread, err);
}

static int WSPAPI lsp_sendto(SOCKET s, WSABUF *bufs, DWORD count_, DWORD *sent, DWORD flags,
                             const struct sockaddr *to, int tolen, WSAOVERLAPPED *ovl,
                             LPWSAOVERLAPPED_COMPLETION_ROUTINE routine, WSATHREADID *thread, int *err)
{
    count(&counters->sendto);
    return next.lpWSPSendTo(s, bufs, count_, sent, flags, to, tolen, ovl, routine, thread, err);
}

static int WSPAPI lsp_recv(SOCKET s, WSABUF *bufs, DWORD count_, DWORD *received, DWORD *flags,
                           WSAOVERLAPPED *ovl, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine, WSATHREADID *thread,
                           int *err)
{
    count(&counters->recv);
    return next.lpWSPRecv(s, bufs, count_, received, flags, ovl, routine, thread, err);
}

static int WSPAPI lsp_recvfrom(SOCKET s, WSABUF *bufs, DWORD count_, DWORD *received, DWORD *flags,
                               struct sockaddr *from, int *fromlen, WSAOVERLAPPED *ovl,
                               LPWSAOVERLAPPED_COMPLETION_ROUTINE routine, WSATHREADID *thread, int *err)
{
    count(&counters->recvfrom);
    return next.lpWSPRecvFrom(s, bufs, count_, received, flags, from, fromlen, ovl, routine, thread, err);
}

static int WSAAPI lsp_sendmsg(SOCKET s, WSAMSG *msg, DWORD flags, DWORD *sent, WSAOVERLAPPED *ovl,
                              LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    count(&counters->sendmsg);
    return next_sendmsg(s, msg, flags, sent, ovl, routine);
}

static int WSAAPI lsp_recvmsg(SOCKET s, WSAMSG *msg, DWORD *received, WSAOVERLAPPED *ovl,
                              LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    count(&counters->recvmsg);
    return next_recvmsg(s, msg, received, ovl, routine);
}

/* Hands out this layer's WSASendMsg / WSARecvMsg in place of the next provider's. */
static int WSPAPI lsp_ioctl(SOCKET s, DWORD code, void *in, DWORD in_len, void *out, DWORD out_len,
                            DWORD *returned, WSAOVERLAPPED *ovl, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine,
                            WSATHREADID *thread, int *err)
{
    static const GUID sendmsg_id = WSAID_WSASENDMSG, recvmsg_id = WSAID_WSARECVMSG;
    int ret = next.lpWSPIoctl(s, code, in, in_len, out, out_len, returned, ovl, routine, thread, err);

    if (ret || code != SIO_GET_EXTENSION_FUNCTION_POINTER || in_len < sizeof(GUID) || out_len < sizeof(void *))
        return ret;
    if (IsEqualGUID(in, &sendmsg_id))
    {
        next_sendmsg = *(LPFN_WSASENDMSG *)out;
        *(LPFN_WSASENDMSG *)out = lsp_sendmsg;
    }
    else if (IsEqualGUID(in, &recvmsg_id))
    {
        next_recvmsg = *(LPFN_WSARECVMSG *)out;
        *(LPFN_WSARECVMSG *)out = lsp_recvmsg;
    }
    return ret;
}

/* The catalog entry with this id (WSCEnumProtocols), into *found. */
static BOOL find_entry(DWORD id, WSAPROTOCOL_INFOW *found)
{
    WSAPROTOCOL_INFOW *infos;
    DWORD len = 0;
    int err, n, i;
    BOOL ok = FALSE;

    WSCEnumProtocols(NULL, NULL, &len, &err);
    if (!(infos = malloc(len))) return FALSE;
    n = WSCEnumProtocols(NULL, infos, &len, &err);
    for (i = 0; i < n && !ok; i++)
        if (infos[i].dwCatalogEntryId == id) *found = infos[i], ok = TRUE;
    free(infos);
    return ok;
}

/* Loads and starts the chain's next provider, as ws2_32 would. */
static int start_next(WORD version, WSPDATA *data, const WSAPROTOCOL_INFOW *chain)
{
    WCHAR path[MAX_PATH], expanded[MAX_PATH];
    LPWSPSTARTUP startup;
    int len = MAX_PATH, err;

    if (chain->ProtocolChain.ChainLen < 2 || !find_entry(chain->ProtocolChain.ChainEntries[1], &next_info))
        return WSAEPROVIDERFAILEDINIT;
    if (WSCGetProviderPath(&next_info.ProviderId, path, &len, &err) ||
        !ExpandEnvironmentStringsW(path, expanded, MAX_PATH) || !(next_module = LoadLibraryW(expanded)) ||
        !(startup = (LPWSPSTARTUP)(void *)GetProcAddress(next_module, "WSPStartup")))
        return WSAEPROVIDERFAILEDINIT;
    return startup(version, data, &next_info, upcalls, &next);
}

__declspec(dllexport) int WSPAPI WSPStartup(WORD version, WSPDATA *data, WSAPROTOCOL_INFOW *info,
                                            WSPUPCALLTABLE upcall_table, WSPPROC_TABLE *table)
{
    int error;

    if (!data || !info || !table) return WSAEFAULT;
    upcalls = upcall_table;
    chain_id = info->dwCatalogEntryId;
    if (!counters) counters = lsp_counters_open();
    if ((error = start_next(version, data, info))) return error;
    count(&counters->startups);
    /* IFS: the handles are the next provider's, so what is not counted goes straight to it. */
    *table = next;
    table->lpWSPSocket = lsp_socket;
    table->lpWSPSend = lsp_send;
    table->lpWSPSendTo = lsp_sendto;
    table->lpWSPRecv = lsp_recv;
    table->lpWSPRecvFrom = lsp_recvfrom;
    table->lpWSPIoctl = lsp_ioctl;
    return 0;
}

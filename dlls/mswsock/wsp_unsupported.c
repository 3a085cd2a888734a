/*
 * WSPPROC_TABLE entries the base provider does not implement yet: each fails
 * with WSAEOPNOTSUPP through lpErrno (listed in README's "not yet" table).
 */
#include "provider_calls.h"

static INT WSPAPI no_address_to_string(SOCKADDR *addr, DWORD len, WSAPROTOCOL_INFOW *info, WCHAR *str,
                                       DWORD *str_len, int *err)
{
    return wsp_fail(err, WSAEOPNOTSUPP);
}

static int WSPAPI no_cancel_blocking_call(int *err)
{
    /* Winsock 2 removed blocking hooks: WSAEOPNOTSUPP is the documented answer. */
    return wsp_fail(err, WSAEOPNOTSUPP);
}

static BOOL WSPAPI no_get_qos_by_name(SOCKET s, WSABUF *name, QOS *qos, int *err)
{
    *err = WSAEOPNOTSUPP;
    return FALSE;
}

static SOCKET WSPAPI no_join_leaf(SOCKET s, const struct sockaddr *name, int len, WSABUF *caller,
                                  WSABUF *callee, QOS *sqos, QOS *gqos, DWORD flags, int *err)
{
    *err = WSAEOPNOTSUPP;
    return INVALID_SOCKET;
}

static int WSPAPI no_disconnect_data(SOCKET s, WSABUF *data, int *err)
{
    return wsp_fail(err, WSAEOPNOTSUPP);
}

static INT WSPAPI no_string_to_address(WCHAR *str, INT family, WSAPROTOCOL_INFOW *info, SOCKADDR *addr,
                                       int *len, int *err)
{
    return wsp_fail(err, WSAEOPNOTSUPP);
}

void wsp_fill_unsupported(WSPPROC_TABLE *table)
{
    table->lpWSPAddressToString = no_address_to_string;
    table->lpWSPCancelBlockingCall = no_cancel_blocking_call;
    table->lpWSPGetQOSByName = no_get_qos_by_name;
    table->lpWSPJoinLeaf = no_join_leaf;
    table->lpWSPRecvDisconnect = no_disconnect_data;
    table->lpWSPSendDisconnect = no_disconnect_data;
    table->lpWSPStringToAddress = no_string_to_address;
}

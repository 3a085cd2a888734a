/*
 * The SPI seam: ws2_32 loads the base service provider (mswsock.dll), calls
 * its WSPStartup with our upcall table, and dispatches every socket call
 * through the WSPPROC_TABLE it returns.
 */
#include "ws2_32_private.h"

/* Written under the startup lock by ws2_provider_start/stop; read by socket calls while started. */
static HMODULE base_module;
static WSPPROC_TABLE base_table;

int ws2_provider_start(void)
{
    WSAPROTOCOL_INFOW info = { 0 };
    WSPUPCALLTABLE upcalls;
    LPWSPSTARTUP startup;
    WSPDATA data;
    int error;

    if (!base_module && !(base_module = LoadLibraryW(L"mswsock.dll")))
    {
        ERR("cannot load the base provider mswsock.dll: %lu\n", GetLastError());
        return WSASYSNOTREADY;
    }
    if (!(startup = (LPWSPSTARTUP)(void *)GetProcAddress(base_module, "WSPStartup")))
        return WSASYSNOTREADY;
    ws2_fill_upcalls(&upcalls);
    memset(&base_table, 0, sizeof(base_table));
    if ((error = startup(MAKEWORD(2, 2), &data, &info, upcalls, &base_table)))
    {
        ERR("WSPStartup failed: %d\n", error);
        return error;
    }
    return 0;
}

void ws2_provider_stop(void)
{
    int error;

    if (base_table.lpWSPCleanup) base_table.lpWSPCleanup(&error);
}

const WSPPROC_TABLE *ws2_provider_for_socket(SOCKET s)
{
    if (!ws2_check_started()) return NULL;
    return &base_table;
}

const WSPPROC_TABLE *ws2_provider_for_new(int af, int type, int protocol, WSAPROTOCOL_INFOW *info)
{
    if (!ws2_check_started()) return NULL;
    return &base_table;
}

void *ws2_provider_extension(SOCKET s, const GUID *guid)
{
    const WSPPROC_TABLE *table = ws2_provider_for_socket(s);
    void *function = NULL;
    DWORD size;
    int error;

    if (!table) return NULL;
    if (table->lpWSPIoctl(s, SIO_GET_EXTENSION_FUNCTION_POINTER, (void *)guid, sizeof(*guid), &function,
                          sizeof(function), &size, NULL, NULL, NULL, &error))
    {
        SetLastError(error);
        return NULL;
    }
    return function;
}

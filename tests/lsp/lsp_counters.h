/*
 * What the test layered provider (msgsock_lsp_test.dll) counts, in a named
 * shared memory block any process can open: the provider runs in the
 * unmodified program, the test reads the counts from its own process.
 */
#ifndef MSGSOCK_LSP_COUNTERS_H
#define MSGSOCK_LSP_COUNTERS_H

#include <windows.h>

#define LSP_COUNTERS_NAME L"msgsock_lsp_test_counters"

struct lsp_counters
{
    LONG startups;      /* WSPStartup calls that loaded the next provider */
    LONG sockets;       /* WSPSocket calls that made a socket */
    LONG send, sendto, recv, recvfrom;
    LONG sendmsg, recvmsg;              /* extension functions handed out by WSPIoctl */
    LONG ifs_handles;   /* sockets whose handle WPUModifyIFSHandle accepted */
};

/* Opens (creating when needed) the shared counters; NULL on failure.  The view stays mapped. */
static inline struct lsp_counters *lsp_counters_open(void)
{
    HANDLE mapping = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0,
                                        sizeof(struct lsp_counters), LSP_COUNTERS_NAME);

    if (!mapping) return NULL;
    return MapViewOfFile(mapping, FILE_MAP_ALL_ACCESS, 0, 0, sizeof(struct lsp_counters));
}

#endif

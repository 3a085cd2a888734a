/* Each thread's WSATHREADID for completion routines, kept in a TLS slot (thread_handle.h). */
#include <stdlib.h>

#include "thread_handle.h"

/* Set once at process attach, read-only afterwards. */
static DWORD tls_index = TLS_OUT_OF_INDEXES;

BOOL thread_handle_init(void)
{
    return (tls_index = TlsAlloc()) != TLS_OUT_OF_INDEXES;
}

const WSATHREADID *thread_handle_current(void)
{
    WSATHREADID *id;
    int err;

    if (tls_index == TLS_OUT_OF_INDEXES) return NULL;
    if ((id = TlsGetValue(tls_index))) return id;
    if (!(id = calloc(1, sizeof(*id)))) return NULL;
    if (provider_upcalls.lpWPUOpenCurrentThread(id, &err))
    {
        free(id);
        return NULL;
    }
    TlsSetValue(tls_index, id);
    return id;
}

void thread_handle_detach(void)
{
    WSATHREADID *id;
    int err;

    if (tls_index == TLS_OUT_OF_INDEXES || !(id = TlsGetValue(tls_index))) return;
    TlsSetValue(tls_index, NULL);
    provider_upcalls.lpWPUCloseThread(id, &err);
    free(id);
}

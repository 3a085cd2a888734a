/*
 * Each thread's WSATHREADID: a real handle to the thread, made on first use
 * and closed when the thread detaches, so providers can queue completion
 * routines to the thread that started the I/O.
 */
#include <stdlib.h>

#include "ws2_32_private.h"

static DWORD tls_index = TLS_OUT_OF_INDEXES;

BOOL ws2_thread_init(void)
{
    return (tls_index = TlsAlloc()) != TLS_OUT_OF_INDEXES;
}

WSATHREADID *ws2_current_thread_id(void)
{
    WSATHREADID *id = TlsGetValue(tls_index);

    if (id) return id;
    if (!(id = calloc(1, sizeof(*id)))) return NULL;
    if (!DuplicateHandle(GetCurrentProcess(), GetCurrentThread(), GetCurrentProcess(), &id->ThreadHandle,
                         0, FALSE, DUPLICATE_SAME_ACCESS))
    {
        free(id);
        return NULL;
    }
    TlsSetValue(tls_index, id);
    return id;
}

void ws2_thread_detach(void)
{
    WSATHREADID *id;

    if (tls_index == TLS_OUT_OF_INDEXES || !(id = TlsGetValue(tls_index))) return;
    TlsSetValue(tls_index, NULL);
    CloseHandle(id->ThreadHandle);
    free(id);
}

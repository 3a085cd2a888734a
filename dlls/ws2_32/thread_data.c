/*
 * Per-thread storage for the results Windows documents as owned by Winsock
 * and reused by the next call on the same thread (gethostbyname's hostent,
 * getservbyname's servent, inet_ntoa's string, ...).  Freed at thread exit
 * through a fiber-local storage callback; ws2_32 is pinned once it has
 * installed one, so the callback never outlives the module.
 */
#include "resolve.h"

struct thread_data
{
    void  *buffers[WS2_SLOT_COUNT];
    SIZE_T sizes[WS2_SLOT_COUNT];
};

/* Written once under the init-once, read-only afterwards. */
static INIT_ONCE fls_once = INIT_ONCE_STATIC_INIT;
static DWORD fls_index = FLS_OUT_OF_INDEXES;

static void WINAPI free_thread_data(void *ptr)
{
    struct thread_data *data = ptr;
    unsigned int i;

    if (!data) return;
    for (i = 0; i < WS2_SLOT_COUNT; i++) HeapFree(GetProcessHeap(), 0, data->buffers[i]);
    HeapFree(GetProcessHeap(), 0, data);
}

static BOOL WINAPI init_fls(INIT_ONCE *once, void *param, void **context)
{
    HMODULE self;

    if (!GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_PIN,
                            (const WCHAR *)free_thread_data, &self))
        return TRUE;  /* not pinned: no callback that could outlive us */
    fls_index = FlsAlloc(free_thread_data);
    return TRUE;
}

static struct thread_data *get_thread_data(void)
{
    struct thread_data *data;

    InitOnceExecuteOnce(&fls_once, init_fls, NULL, NULL);
    if (fls_index == FLS_OUT_OF_INDEXES) return NULL;
    if ((data = FlsGetValue(fls_index))) return data;
    if (!(data = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*data)))) return NULL;
    if (!FlsSetValue(fls_index, data))
    {
        HeapFree(GetProcessHeap(), 0, data);
        return NULL;
    }
    return data;
}

void *ws2_thread_buffer(enum ws2_thread_slot slot, SIZE_T size)
{
    struct thread_data *data = get_thread_data();
    void *buffer;

    if (!data) return NULL;
    if (data->sizes[slot] >= size) return data->buffers[slot];
    if (!(buffer = HeapAlloc(GetProcessHeap(), 0, size))) return NULL;
    HeapFree(GetProcessHeap(), 0, data->buffers[slot]);
    data->buffers[slot] = buffer;
    data->sizes[slot] = size;
    return buffer;
}

/*
 * The block cache: a lock-free list (Windows' interlocked SLIST) of
 * BLOCK_SIZE blocks, at most MAX_CACHED of them kept; every request up to
 * BLOCK_SIZE bytes takes a whole block.
 */
#include <stdlib.h>

#include "provider.h"
#include "block_cache.h"

#define BLOCK_SIZE 1024     /* a pending request with 8 WSABUFs and 512 bytes of control data */
#define MAX_CACHED 64       /* beyond that many requests in flight, the heap */

/*
 * Process-wide by nature (any thread completes any request); an interlocked
 * list needs no lock, and a zeroed header is an empty list (all that
 * InitializeSListHead does), so it needs no set-up either.
 */
static SLIST_HEADER free_blocks;

void *block_alloc(size_t size)
{
    void *block;

    if (size > BLOCK_SIZE) return malloc(size);
    if ((block = InterlockedPopEntrySList(&free_blocks))) return block;
    TRACE("cache empty: a new block\n");
    /* SLIST entries need MEMORY_ALLOCATION_ALIGNMENT. */
    return _aligned_malloc(BLOCK_SIZE, MEMORY_ALLOCATION_ALIGNMENT);
}

void block_free(void *block, size_t size)
{
    if (!block) return;
    if (size > BLOCK_SIZE)
    {
        free(block);
        return;
    }
    if (QueryDepthSList(&free_blocks) < MAX_CACHED)
        InterlockedPushEntrySList(&free_blocks, block);
    else
        _aligned_free(block);
}

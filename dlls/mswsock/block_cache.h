/*
 * Recycled fixed-size blocks for the transfer engine's per-request memory
 * (pending requests, routine completions), so that a steady stream of
 * overlapped transfers allocates nothing.  Larger requests use the heap.
 */
#ifndef MSGSOCK_BLOCK_CACHE_H
#define MSGSOCK_BLOCK_CACHE_H

#include <stddef.h>

void *block_alloc(size_t size);
/* `size` as given to block_alloc. */
void block_free(void *block, size_t size);

#endif

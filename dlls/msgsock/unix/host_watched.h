/* Stream receives into memory the host may not write now (Wine's write watches). */
#ifndef MSGSOCK_HOST_WATCHED_H
#define MSGSOCK_HOST_WATCHED_H

#include <stdint.h>
#include <sys/types.h>
#include <sys/uio.h>

/*
 * After a stream recvmsg into `iov` failed with EFAULT: the bytes are peeked
 * into a block of our own, written into the buffers through /proc/self/mem
 * and only then taken off the socket (unless `flags` has MSG_PEEK).
 * Returns 0 with *ret bytes received, or -1 (nothing taken: the fault stands).
 */
int host_recv_watched(int fd, const struct iovec *iov, size_t count, uint64_t total, int flags, ssize_t *ret);

#endif

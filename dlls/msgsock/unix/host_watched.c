/*
 * Wine implements MEM_WRITE_WATCH by write-protecting the watched pages until
 * the program writes them; the host kernel's recvmsg then faults (EFAULT) where
 * Windows' kernel writes through its own mapping and leaves the watch untouched.
 * A stream keeps its bytes on such a fault, so they are copied in the way a
 * debugger writes memory (/proc/self/mem ignores the page protection), which
 * sets no write-watch bit, and consumed after that.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/socket.h>

#include "host_watched.h"

#define WATCHED_MAX (1u << 20)   /* bytes taken in one call at most */

static int mem_fd = -1;

static int self_mem(void)
{
    int fd = __atomic_load_n(&mem_fd, __ATOMIC_ACQUIRE), expected = -1;

    if (fd >= 0) return fd;
    if ((fd = open("/proc/self/mem", O_RDWR | O_CLOEXEC)) < 0) return -1;
    if (!__atomic_compare_exchange_n(&mem_fd, &expected, fd, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
    {
        close(fd);
        fd = expected;
    }
    return fd;
}

/* Writes `len` bytes of `data` over the buffers; 0 when every byte went in. */
static int write_over(int mem, const struct iovec *iov, size_t count, const char *data, size_t len)
{
    size_t i, take;
    ssize_t done;

    for (i = 0; i < count && len; i++)
    {
        take = iov[i].iov_len < len ? iov[i].iov_len : len;
        while ((done = pwrite(mem, data, take, (off_t)(uintptr_t)iov[i].iov_base)) < 0 && errno == EINTR) {}
        if (done != (ssize_t)take) return -1;
        data += take;
        len -= take;
    }
    return len ? -1 : 0;
}

int host_recv_watched(int fd, const struct iovec *iov, size_t count, uint64_t total, int flags, ssize_t *ret)
{
    size_t want = total < WATCHED_MAX ? (size_t)total : WATCHED_MAX;
    int mem = self_mem(), result = -1;
    ssize_t got, dropped;
    char *bounce;

    if (mem < 0 || (flags & MSG_OOB) || !want || !(bounce = malloc(want))) return -1;
    while ((got = recv(fd, bounce, want, MSG_PEEK | MSG_DONTWAIT)) < 0 && errno == EINTR) {}
    if (got >= 0 && !write_over(mem, iov, count, bounce, got))
    {
        result = 0;
        /* Linux: MSG_TRUNC on a stream discards the bytes without copying them. */
        if (!(flags & MSG_PEEK) && got)
        {
            while ((dropped = recv(fd, NULL, got, MSG_TRUNC | MSG_DONTWAIT)) < 0 && errno == EINTR) {}
            if (dropped != got) result = -1;
        }
        *ret = got;
    }
    free(bounce);
    return result;
}

/*
 * host_recvmsg on a stream into pages the process may not write (what Wine's
 * MEM_WRITE_WATCH makes of unwritten watched pages): the bytes arrive, the
 * pages keep their protection, and nothing is lost or received twice.
 */
#define _GNU_SOURCE
#include <check.h>
#include "run_suite.h"
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/mman.h>
#include <sys/socket.h>

#include "msgsock/unixlib.h"
#include "msgsock/wscodec.h"
#include "host_socket.h"

static void tcp_pair(int *rx, int *tx)
{
    struct sockaddr_in addr = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    socklen_t len = sizeof(addr);
    int listener = socket(AF_INET, SOCK_STREAM, 0);

    ck_assert_int_eq(bind(listener, (struct sockaddr *)&addr, sizeof(addr)), 0);
    ck_assert_int_eq(listen(listener, 1), 0);
    ck_assert_int_eq(getsockname(listener, (struct sockaddr *)&addr, &len), 0);
    *tx = socket(AF_INET, SOCK_STREAM, 0);
    ck_assert_int_eq(connect(*tx, (struct sockaddr *)&addr, sizeof(addr)), 0);
    *rx = accept(listener, NULL, NULL);
    ck_assert_int_ge(*rx, 0);
    close(listener);
}

static void recv_into(int fd, char *buf, uint32_t len, uint32_t flags, struct host_recvmsg_params *p)
{
    static struct host_buf one;

    one.len = len;
    one.buf = buf;
    memset(p, 0, sizeof(*p));
    p->fd = fd;
    p->flags = flags;
    p->bufs = &one;
    p->buf_count = 1;
    host_recvmsg(p);
}

START_TEST(test_read_only_page)
{
    char *page = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    struct host_recvmsg_params p;
    char rest[8] = { 0 };
    int rx, tx;

    ck_assert_ptr_ne(page, MAP_FAILED);
    tcp_pair(&rx, &tx);
    ck_assert_int_eq(send(tx, "watched!", 8, 0), 8);
    usleep(10000);
    /* MSG_PEEK: the bytes are copied and stay queued. */
    recv_into(rx, page, 4, WS_MSG_PEEK, &p);
    ck_assert_int_eq(p.error, 0);
    ck_assert_uint_eq(p.received, 4);
    ck_assert_mem_eq(page, "watc", 4);
    recv_into(rx, page + 100, 5, 0, &p);
    ck_assert_int_eq(p.error, 0);
    ck_assert_uint_eq(p.received, 5);
    ck_assert_mem_eq(page + 100, "watch", 5);
    /* Taken once: the rest follows. */
    ck_assert_int_eq(recv(rx, rest, sizeof(rest), MSG_DONTWAIT), 3);
    ck_assert_mem_eq(rest, "ed!", 3);
    close(rx);
    close(tx);
    munmap(page, 4096);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("host_watched");
    TCase *tc = tcase_create("recv");

    tcase_add_test(tc, test_read_only_page);
    suite_add_tcase(s, tc);
    return run_suite(s);
}

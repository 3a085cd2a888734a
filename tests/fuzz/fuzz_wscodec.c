/*
 * libFuzzer target for the Win32 <-> host codec.
 *
 * Input: [mode][size][tos][want] then the payload.  Every buffer the codec
 * sees is an exact-size heap copy, so ASan reports any byte read or written
 * past the length given; the results are also checked against the sizes.
 *   mode 0: payload is a Win32 control list -> ws_control_to_host
 *   mode 1: payload is records [level][type][len][data] -> a host cmsg list
 *           -> ws_control_from_host
 *   mode 2: payload is raw host cmsg bytes -> ws_control_from_host
 *   mode 3: payload is a Win32 sockaddr -> ws_sockaddr_to_host
 *   mode 4: payload is a host sockaddr -> ws_sockaddr_from_host
 * Control lists go through both program ABIs (8- and 4-byte pointers).
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include <netinet/udp.h>
#include <sys/socket.h>

#include "msgsock/wscodec.h"

#define FUZZ_MODES 5

static void *dup_exact(const uint8_t *data, size_t len)
{
    void *p = malloc(len ? len : 1);

    if (len) memcpy(p, data, len);
    return p;
}

/* Dies loudly so libFuzzer keeps the input. */
static void expect(int cond)
{
    if (!cond) abort();
}

/* Walks a host cmsg list the codec produced: every header inside len. */
static void check_host_list(const unsigned char *buf, size_t len)
{
    size_t off = 0;

    while (len - off >= sizeof(struct cmsghdr))
    {
        struct cmsghdr hdr;

        memcpy(&hdr, buf + off, sizeof(hdr));
        expect(hdr.cmsg_len >= CMSG_LEN(0) && hdr.cmsg_len <= len - off);
        off += CMSG_SPACE(hdr.cmsg_len - CMSG_LEN(0));
        expect(off <= len);
    }
    expect(off == len);
}

static void fuzz_to_host(struct ws_abi abi, const uint8_t *hdr, const uint8_t *data, size_t len)
{
    size_t cap = hdr[1] * 2, host_len = 0;
    int tos = hdr[2] & 0x80 ? WS_TOS_UNKNOWN : hdr[2] & 0x7f;
    unsigned char *win = dup_exact(data, len);
    unsigned char *host = malloc(cap ? cap : 1);
    struct ws_send_control out;
    int err;

    err = ws_control_to_host(abi, win, len, tos, tos, cap ? host : NULL, cap, &host_len, &out);
    expect(host_len <= cap);
    if (!err && !out.need) check_host_list(host, host_len);
    if (err) expect(err == WS_WSAEINVAL || err == WS_WSAENOBUFS);
    free(win);
    free(host);
}

/* Walks the Win32 list the codec produced with WSA_CMSG_NXTHDR's rule. */
static void check_win_list(struct ws_abi abi, const unsigned char *buf, size_t len)
{
    size_t off = 0, hdr = ws_cmsg_hdr_size(abi);

    while (len - off >= hdr)
    {
        uint64_t cmsg_len = 0;

        memcpy(&cmsg_len, buf + off, abi.ptr_size);
        expect(cmsg_len >= ws_cmsg_len(abi, 0));
        expect(ws_cmsg_space(abi, cmsg_len - ws_cmsg_len(abi, 0)) <= len - off);
        off += ws_cmsg_space(abi, cmsg_len - ws_cmsg_len(abi, 0));
        expect(off <= len);
    }
    expect(off == len);
}

static void run_from_host(struct ws_abi abi, const uint8_t *hdr, const unsigned char *host,
                          size_t host_len)
{
    size_t cap = hdr[1], win_len = 0;
    uint32_t want = hdr[3] | (hdr[2] & 1) << 8, flags = 0;
    unsigned char *win = malloc(cap ? cap : 1);
    struct ws_recv_info info;

    expect(ws_control_from_host(abi, host, host_len, want, cap ? win : NULL, cap,
                                &win_len, &flags, &info) == 0);
    expect(win_len <= cap);
    expect(!(flags & ~WS_MSG_CTRUNC));
    check_win_list(abi, win, win_len);
    ws_recv_cast_flags(&info);
    free(win);
}

/* Host levels and types the codec knows, so records reach its branches. */
static const int host_levels[] = { IPPROTO_IP, IPPROTO_IPV6, IPPROTO_UDP, SOL_SOCKET };
static const int host_types[] = { IP_PKTINFO, IP_TOS, IP_TTL, IPV6_PKTINFO, IPV6_TCLASS,
                                  IPV6_HOPLIMIT, UDP_GRO, 0 };

/* Builds a well-formed host cmsg list from [level][type][len][data] records. */
static size_t build_host_list(const uint8_t *data, size_t len, unsigned char *out, size_t cap)
{
    size_t in = 0, used = 0;

    while (len - in >= 3)
    {
        size_t n = data[in + 2] % 40;
        struct cmsghdr hdr;

        if (n > len - in - 3) n = len - in - 3;
        if (CMSG_SPACE(n) > cap - used) break;
        memset(&hdr, 0, sizeof(hdr));
        hdr.cmsg_len = CMSG_LEN(n);
        hdr.cmsg_level = host_levels[data[in] % 4];
        hdr.cmsg_type = host_types[data[in + 1] % 8];
        memset(out + used, 0, CMSG_SPACE(n));
        memcpy(out + used, &hdr, sizeof(hdr));
        memcpy(out + used + CMSG_LEN(0), data + in + 3, n);
        used += CMSG_SPACE(n);
        in += 3 + n;
    }
    return used;
}

static void fuzz_from_host(int records, const uint8_t *hdr, const uint8_t *data, size_t len)
{
    static const struct ws_abi abis[] = { { 8 }, { 4 } };
    union { struct cmsghdr align; unsigned char buf[4096]; } built;
    size_t host_len = len, i;
    unsigned char *host;

    if (records) host_len = build_host_list(data, len, built.buf, sizeof(built.buf));
    host = dup_exact(records ? built.buf : data, host_len);
    for (i = 0; i < 2; i++) run_from_host(abis[i], hdr, host, host_len);
    free(host);
}

static void fuzz_sockaddr_to_host(const uint8_t *hdr, const uint8_t *data, size_t len)
{
    struct sockaddr_storage ss;
    uint32_t host_len = 0;
    int win_len = hdr[1] < len ? hdr[1] : (int)len;
    unsigned char *win = dup_exact(data, len);

    if (hdr[2] & 1) win_len = -win_len;
    if (!ws_sockaddr_to_host(win, win_len, &ss, &host_len))
        expect(host_len == sizeof(struct sockaddr_in) || host_len == sizeof(struct sockaddr_in6));
    free(win);
}

static void fuzz_sockaddr_from_host(const uint8_t *hdr, const uint8_t *data, size_t len)
{
    int cap = hdr[1] % 40, win_len = cap;
    unsigned char *host = dup_exact(data, len);
    unsigned char *win = malloc(cap ? cap : 1);
    int err = ws_sockaddr_from_host(host, len, cap ? win : NULL, &win_len);

    if (!err) expect(win_len <= cap && (win_len == 16 || win_len == 28));
    free(host);
    free(win);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const struct ws_abi abis[] = { { 8 }, { 4 } };
    const uint8_t *payload = data + 4;
    size_t len = size - 4, i;

    if (size < 4) return 0;
    switch (data[0] % FUZZ_MODES)
    {
    case 0:
        for (i = 0; i < 2; i++) fuzz_to_host(abis[i], data, payload, len);
        break;
    case 1: fuzz_from_host(1, data, payload, len); break;
    case 2: fuzz_from_host(0, data, payload, len); break;
    case 3: fuzz_sockaddr_to_host(data, payload, len); break;
    case 4: fuzz_sockaddr_from_host(data, payload, len); break;
    }
    return 0;
}

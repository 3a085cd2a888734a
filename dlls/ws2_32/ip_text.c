/* IPv4 / IPv6 text <-> bytes by Windows' rules (portable, unit-tested natively). */
#include <stdio.h>
#include <string.h>

#include "ip_text.h"

static int digit_value(char c, unsigned int base)
{
    int v;

    if (c >= '0' && c <= '9') v = c - '0';
    else if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
    else return -1;
    return v < (int)base ? v : -1;
}

/* One inet_addr part: 0x hex, 0 octal or decimal; fails past 32 bits. */
static int parse_loose_part(const char **text, uint32_t *value)
{
    const char *p = *text;
    unsigned int base = 10;
    uint64_t v = 0;
    int d, digits = 0;

    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) { base = 16; p += 2; }
    else if (p[0] == '0') base = 8;
    while ((d = digit_value(*p, base)) >= 0)
    {
        v = v * base + d;
        if (v > 0xffffffffu) return 0;
        p++;
        digits++;
    }
    if (!digits || (*p >= '0' && *p <= '9')) return 0;  /* "0x", or 8/9 in octal */
    *value = v;
    *text = p;
    return 1;
}

static void store_be32(uint8_t addr[4], uint32_t v)
{
    addr[0] = v >> 24;
    addr[1] = v >> 16;
    addr[2] = v >> 8;
    addr[3] = v;
}

int ip4_parse_loose(const char *text, const char **end, uint8_t addr[4])
{
    static const uint32_t last_max[] = { 0xffffffffu, 0xffffff, 0xffff, 0xff };
    uint32_t parts[4], v;
    unsigned int count = 0, i;
    const char *p = text;

    for (;;)
    {
        if (!parse_loose_part(&p, &parts[count])) return 0;
        count++;
        if (*p != '.' || count == 4) break;
        p++;
    }
    if (*p == '.') return 0;
    for (i = 0; i + 1 < count; i++)
        if (parts[i] > 0xff) return 0;
    if (parts[count - 1] > last_max[count - 1]) return 0;
    v = parts[count - 1];
    for (i = 0; i + 1 < count; i++) v |= parts[i] << (24 - 8 * i);
    store_be32(addr, v);
    *end = p;
    return 1;
}

int port_parse(const char *text, const char **end, uint16_t *port)
{
    const char *p = text;
    unsigned int v = 0, digits = 0;

    for (; *p >= '0' && *p <= '9'; p++)
    {
        v = v * 10 + (*p - '0');
        if (++digits > 5 || v > 0xffff) return 0;
    }
    if (!digits) return 0;
    *port = v;
    *end = p;
    return 1;
}

size_t ip4_format(const uint8_t addr[4], char text[IP4_TEXT_MAX])
{
    return snprintf(text, IP4_TEXT_MAX, "%u.%u.%u.%u", addr[0], addr[1], addr[2], addr[3]);
}

/* Windows prints these forms with the last 32 bits as dotted IPv4. */
static int has_ipv4_tail(const uint16_t *g)
{
    if (!g[0] && !g[1] && !g[2] && !g[3] && g[6])
    {
        if (!g[4] && (!g[5] || g[5] == 0xffff)) return 1;  /* compatible, mapped */
        if (g[4] == 0xffff && !g[5]) return 1;              /* SIIT */
    }
    return !g[4] && g[5] == 0x5efe;                         /* ISATAP */
}

/* The longest run of two or more zero groups (first on a tie), or -1. */
static int zero_run(const uint16_t *g, int count, int *run_len)
{
    int best = -1, best_len = 1, i, len;

    for (i = 0; i < count; i += len ? len : 1)
    {
        for (len = 0; i + len < count && !g[i + len]; len++) ;
        if (len > best_len)
        {
            best = i;
            best_len = len;
        }
    }
    *run_len = best_len;
    return best;
}

size_t ip6_format(const uint8_t addr[16], char text[IP6_TEXT_MAX])
{
    uint16_t g[8];
    int i, count, run, run_len;
    size_t len = 0;

    for (i = 0; i < 8; i++) g[i] = addr[2 * i] << 8 | addr[2 * i + 1];
    count = has_ipv4_tail(g) ? 6 : 8;
    run = zero_run(g, count, &run_len);
    for (i = 0; i < count; i++)
    {
        if (i == run)
        {
            len += sprintf(text + len, "::");
            i += run_len - 1;
            continue;
        }
        if (i && i != run + run_len) text[len++] = ':';
        len += sprintf(text + len, "%x", g[i]);
    }
    if (count == 6)
    {
        if (run + run_len != 6) text[len++] = ':';
        len += ip4_format(addr + 12, text + len);
    }
    text[len] = 0;
    return len;
}

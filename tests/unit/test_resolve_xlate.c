/*
 * Unit tests of the portable name-resolution logic: Win32 <-> host AI_* /
 * NI_* flags, families and EAI_* errors (dlls/msgsock/unix/ws_resolve.c),
 * and address text by Windows' rules (dlls/ws2_32/ip_text.c).  Win32 values
 * are written out here from Microsoft's headers, never taken from the code
 * under test.
 */
#define _GNU_SOURCE
#include "ws_resolve.h"
#include "../../dlls/ws2_32/ip_text.h"

#include <check.h>
#include "run_suite.h"
#include <arpa/inet.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

/* --- flags, families, errors ----------------------------------------------------- */

START_TEST(test_ai_flags)
{
    /* AI_PASSIVE 0x1, AI_CANONNAME 0x2, AI_NUMERICHOST 0x4, AI_NUMERICSERV 0x8, AI_ALL 0x100,
       AI_ADDRCONFIG 0x400, AI_V4MAPPED 0x800 (ws2def.h) */
    ck_assert_int_eq(ws_ai_flags_to_host(0x1), AI_PASSIVE);
    ck_assert_int_eq(ws_ai_flags_to_host(0x2), AI_CANONNAME);
    ck_assert_int_eq(ws_ai_flags_to_host(0x4), AI_NUMERICHOST);
    ck_assert_int_eq(ws_ai_flags_to_host(0x8), AI_NUMERICSERV);
    ck_assert_int_eq(ws_ai_flags_to_host(0x100), AI_ALL);
    ck_assert_int_eq(ws_ai_flags_to_host(0x400), AI_ADDRCONFIG);
    ck_assert_int_eq(ws_ai_flags_to_host(0x800), AI_V4MAPPED);
    ck_assert_int_eq(ws_ai_flags_to_host(0x1 | 0x800 | 0x100), AI_PASSIVE | AI_V4MAPPED | AI_ALL);
    /* AI_FQDN 0x20000 asks for the name the host reports as canonical */
    ck_assert_int_eq(ws_ai_flags_to_host(0x20000), AI_CANONNAME);
    /* AI_NON_AUTHORITATIVE, AI_SECURE, AI_RETURN_PREFERRED_NAMES, AI_FILESERVER,
       AI_DISABLE_IDN_ENCODING: nothing on the host */
    ck_assert_int_eq(ws_ai_flags_to_host(0x4000 | 0x8000 | 0x10000 | 0x40000 | 0x80000), 0);
}
END_TEST

START_TEST(test_ni_flags)
{
    /* NI_NOFQDN 0x1, NI_NUMERICHOST 0x2, NI_NAMEREQD 0x4, NI_NUMERICSERV 0x8, NI_DGRAM 0x10 */
    ck_assert_int_eq(ws_ni_flags_to_host(0x1), NI_NOFQDN);
    ck_assert_int_eq(ws_ni_flags_to_host(0x2), NI_NUMERICHOST);
    ck_assert_int_eq(ws_ni_flags_to_host(0x4), NI_NAMEREQD);
    ck_assert_int_eq(ws_ni_flags_to_host(0x8), NI_NUMERICSERV);
    ck_assert_int_eq(ws_ni_flags_to_host(0x10), NI_DGRAM);
    ck_assert_int_eq(ws_ni_flags_to_host(0x1f),
                     NI_NOFQDN | NI_NUMERICHOST | NI_NAMEREQD | NI_NUMERICSERV | NI_DGRAM);
}
END_TEST

START_TEST(test_families)
{
    /* AF_UNSPEC 0, AF_INET 2, AF_INET6 23 on Windows */
    ck_assert_int_eq(ws_family_to_host(0), AF_UNSPEC);
    ck_assert_int_eq(ws_family_to_host(2), AF_INET);
    ck_assert_int_eq(ws_family_to_host(23), AF_INET6);
    /* host AF_INET6 (10) is AF_NS on Windows, AF_IPX is 6, AF_IRDA 26: none resolves */
    ck_assert_int_eq(ws_family_to_host(10), -1);
    ck_assert_int_eq(ws_family_to_host(6), -1);
    ck_assert_int_eq(ws_family_to_host(26), -1);
    ck_assert_int_eq(ws_family_to_host(-1), -1);
}
END_TEST

START_TEST(test_eai_errors)
{
    /* getaddrinfo's table: EAI_AGAIN WSATRY_AGAIN, EAI_BADFLAGS WSAEINVAL, EAI_FAIL WSANO_RECOVERY,
       EAI_FAMILY WSAEAFNOSUPPORT, EAI_MEMORY WSA_NOT_ENOUGH_MEMORY, EAI_NONAME WSAHOST_NOT_FOUND,
       EAI_SERVICE WSATYPE_NOT_FOUND, EAI_SOCKTYPE WSAESOCKTNOSUPPORT */
    ck_assert_int_eq(ws_eai_to_wsa(0), 0);
    ck_assert_int_eq(ws_eai_to_wsa(EAI_AGAIN), 11002);
    ck_assert_int_eq(ws_eai_to_wsa(EAI_BADFLAGS), 10022);
    ck_assert_int_eq(ws_eai_to_wsa(EAI_FAIL), 11003);
    ck_assert_int_eq(ws_eai_to_wsa(EAI_FAMILY), 10047);
    ck_assert_int_eq(ws_eai_to_wsa(EAI_MEMORY), 8);
    ck_assert_int_eq(ws_eai_to_wsa(EAI_NONAME), 11001);
    ck_assert_int_eq(ws_eai_to_wsa(EAI_SERVICE), 10109);
    ck_assert_int_eq(ws_eai_to_wsa(EAI_SOCKTYPE), 10044);
    /* a name with no address of the family asked for: WSANO_DATA ("valid name, no data record") */
    ck_assert_int_eq(ws_eai_to_wsa(EAI_NODATA), 11004);
    ck_assert_int_eq(ws_eai_to_wsa(EAI_ADDRFAMILY), 11004);
    /* anything else is a failure that retrying does not fix */
    ck_assert_int_eq(ws_eai_to_wsa(EAI_SYSTEM), 11003);
    ck_assert_int_eq(ws_eai_to_wsa(-12345), 11003);
}
END_TEST

/* --- address text ----------------------------------------------------------------- */

static void check_loose(const char *text, int expect_ok, uint32_t expected, char expect_end)
{
    uint8_t addr[4];
    const char *end = NULL;
    int ret = ip4_parse_loose(text, &end, addr);

    ck_assert_msg(ret == expect_ok, "%s: parse %d", text, ret);
    if (!ret) return;
    ck_assert_msg(((uint32_t)addr[0] << 24 | addr[1] << 16 | addr[2] << 8 | addr[3]) == expected,
                  "%s: %u.%u.%u.%u", text, addr[0], addr[1], addr[2], addr[3]);
    ck_assert_int_eq(*end, expect_end);
}

START_TEST(test_ip4_loose)
{
    check_loose("1.2.3.4", 1, 0x01020304, 0);
    check_loose("1.2.3", 1, 0x01020003, 0);
    check_loose("1.2.771", 1, 0x01020303, 0);
    check_loose("1.66051", 1, 0x01010203, 0);
    check_loose("4294967295", 1, 0xffffffff, 0);
    check_loose("0x0a.0X0B.014.0", 1, 0x0a0b0c00, 0);
    check_loose("0", 1, 0, 0);
    check_loose("1.2.3.4 rest", 1, 0x01020304, ' ');
    check_loose("1.2.3.4:80", 1, 0x01020304, ':');
    check_loose("4294967296", 0, 0, 0);
    check_loose("256.0.0.0", 0, 0, 0);
    check_loose("1.2.3.256", 0, 0, 0);
    check_loose("1.2.65536", 0, 0, 0);
    check_loose("1.2.3.4.5", 0, 0, 0);
    check_loose("1..2", 0, 0, 0);
    check_loose("1.2.", 0, 0, 0);
    check_loose("08", 0, 0, 0);
    check_loose("0x", 0, 0, 0);
    check_loose("", 0, 0, 0);
    check_loose(".1", 0, 0, 0);
}
END_TEST

static void check_ip6(const char *text, const char *canonical)
{
    uint8_t addr[16], again[16];
    char out[IP6_TEXT_MAX];

    /* the host's parser reads the text (inet_pton and WSAStringToAddress use ntdll's) */
    ck_assert_msg(inet_pton(AF_INET6, text, addr) == 1, "%s does not parse", text);
    ip6_format(addr, out);
    ck_assert_msg(!strcmp(out, canonical), "%s formats as %s, expected %s", text, out, canonical);
    ck_assert(inet_pton(AF_INET6, out, again) == 1 && !memcmp(addr, again, 16));
}

START_TEST(test_ip6_round_trip)
{
    check_ip6("::", "::");
    check_ip6("::1", "::1");
    check_ip6("1::", "1::");
    check_ip6("0:0:0:0:0:0:0:1", "::1");
    check_ip6("2001:DB8:0:0:0:0:0:1", "2001:db8::1");
    check_ip6("2001:0db8:0000:0001:0000:0000:0000:0001", "2001:db8:0:1::1");
    check_ip6("1:0:0:2:0:0:0:3", "1:0:0:2::3");       /* the longer run wins */
    check_ip6("1:0:0:2:3:0:0:4", "1::2:3:0:0:4");     /* the first of two equal runs */
    check_ip6("1:0:2:3:4:5:6:7", "1:0:2:3:4:5:6:7");  /* a single zero group stays */
    check_ip6("1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8");
    check_ip6("fe80::abcd:1", "fe80::abcd:1");
    /* embedded IPv4: mapped, compatible, SIIT, ISATAP */
    check_ip6("::ffff:1.2.3.4", "::ffff:1.2.3.4");
    check_ip6("::ffff:102:304", "::ffff:1.2.3.4");
    check_ip6("::1.2.3.4", "::1.2.3.4");
    check_ip6("::ffff:0:1.2.3.4", "::ffff:0:1.2.3.4");
    check_ip6("fe80::5efe:10.0.0.1", "fe80::5efe:10.0.0.1");
    /* a zero third group keeps the plain hex form (::2 is not ::0.0.0.2) */
    check_ip6("::2", "::2");
    check_ip6("::ffff:0.0.0.1", "::ffff:0:1");
    check_ip6("1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304");
}
END_TEST

START_TEST(test_ports_and_ip4_text)
{
    uint16_t port;
    const char *end;
    char text[IP4_TEXT_MAX];
    static const uint8_t max[4] = { 255, 255, 255, 255 }, zero[4] = { 0 };

    ck_assert(port_parse("65535", &end, &port) && port == 65535 && !*end);
    ck_assert(port_parse("80]", &end, &port) && port == 80 && *end == ']');
    ck_assert(!port_parse("65536", &end, &port));
    ck_assert(!port_parse("123456", &end, &port));
    ck_assert(!port_parse("", &end, &port));
    ck_assert_int_eq(ip4_format(max, text), 15);
    ck_assert_str_eq(text, "255.255.255.255");
    ck_assert_int_eq(ip4_format(zero, text), 7);
    ck_assert_str_eq(text, "0.0.0.0");
}
END_TEST

static Suite *resolve_suite(void)
{
    Suite *s = suite_create("resolve_xlate");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, test_ai_flags);
    tcase_add_test(tc, test_ni_flags);
    tcase_add_test(tc, test_families);
    tcase_add_test(tc, test_eai_errors);
    tcase_add_test(tc, test_ip4_loose);
    tcase_add_test(tc, test_ip6_round_trip);
    tcase_add_test(tc, test_ports_and_ip4_text);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(resolve_suite());
}

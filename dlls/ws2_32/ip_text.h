/*
 * IPv4 / IPv6 addresses as text, by Windows' rules (inet_addr, inet_ntop,
 * WSAAddressToString; inet_pton and WSAStringToAddress use ntdll's parsers,
 * ip_rtl.h).  Portable C with no Windows header: unit-tested natively
 * (tests/unit/test_resolve_xlate.c).
 * Addresses are bytes in network order.
 */
#ifndef MSGSOCK_IP_TEXT_H
#define MSGSOCK_IP_TEXT_H

#include <stddef.h>
#include <stdint.h>

#define IP4_TEXT_MAX 16   /* "255.255.255.255" + NUL */
#define IP6_TEXT_MAX 46   /* INET6_ADDRSTRLEN */

/*
 * inet_addr's form: one to four parts "a", "a.b", "a.b.c", "a.b.c.d", each
 * decimal, octal (leading 0) or hex (0x); the last part fills the bytes left.
 * Returns 1 and sets *end to the first character not parsed, 0 if invalid.
 */
int ip4_parse_loose(const char *text, const char **end, uint8_t addr[4]);
/* Decimal port 0..65535 (1 to 5 digits). */
int port_parse(const char *text, const char **end, uint16_t *port);
/* Writes the address and its NUL; returns the length without the NUL. */
size_t ip4_format(const uint8_t addr[4], char text[IP4_TEXT_MAX]);
/*
 * Lowercase hex without leading zeros, the longest run of two or more zero
 * groups as "::" (the first on a tie), and dotted IPv4 for the IPv4-mapped,
 * IPv4-compatible, SIIT and ISATAP forms.
 */
size_t ip6_format(const uint8_t addr[16], char text[IP6_TEXT_MAX]);

#endif /* MSGSOCK_IP_TEXT_H */

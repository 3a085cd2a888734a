/*
 * ntdll's address-text parsers (ip2string.h).  Windows' own inet_pton,
 * InetPtonW and WSAStringToAddress are built on them; msgsock uses the same
 * ones, so what a failed parse leaves in the caller's buffer is ntdll's, as on
 * Windows.  mingw-w64's mstcpip.h declares all but the two below.
 */
#ifndef MSGSOCK_WS2_32_IP_RTL_H
#define MSGSOCK_WS2_32_IP_RTL_H

#include <winsock2.h>
#include <ws2tcpip.h>
#include <mstcpip.h>

LONG NTAPI RtlIpv6StringToAddressA(PCSTR str, PCSTR *end, IN6_ADDR *addr);
LONG NTAPI RtlIpv6StringToAddressW(PCWSTR str, PCWSTR *end, IN6_ADDR *addr);

#endif /* MSGSOCK_WS2_32_IP_RTL_H */

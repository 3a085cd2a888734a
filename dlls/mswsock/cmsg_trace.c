/*
 * Names a Win32 control buffer's messages and values for trace lines, so that
 * WINEDEBUG=+msgsock shows which options a program's sends and receives really
 * carry (ECN, PKTINFO, UDP_SEND_MSG_SIZE, UDP_COALESCED_INFO, ...).
 */
#include <stdio.h>
#include <string.h>
#include <ws2tcpip.h>
#include <mswsock.h>

#include "cmsg_trace.h"
#include "msgsock/ws_extra.h"

static const char *cmsg_name(int level, int type)
{
    switch (level)
    {
    case IPPROTO_IP:
        switch (type)
        {
        case IP_PKTINFO: return "IP_PKTINFO";
        case IP_TOS: return "IP_TOS";
        case IP_TTL: return "IP_TTL";
        case IP_ECN: return "IP_ECN";
        }
        break;
    case IPPROTO_IPV6:
        switch (type)
        {
        case IPV6_PKTINFO: return "IPV6_PKTINFO";
        case IPV6_HOPLIMIT: return "IPV6_HOPLIMIT";
        case IPV6_TCLASS: return "IPV6_TCLASS";
        case IPV6_ECN: return "IPV6_ECN";
        }
        break;
    case IPPROTO_UDP:
        if (type == UDP_SEND_MSG_SIZE) return "UDP_SEND_MSG_SIZE";
        if (type == UDP_COALESCED_INFO) return "UDP_COALESCED_INFO";
        break;
    }
    return NULL;
}

/* One message's value: an address for PKTINFO, else the leading 4-byte integer. */
static int describe_value(const WSACMSGHDR *cmsg, size_t data_len, char *out, size_t size)
{
    const unsigned char *data = WSA_CMSG_DATA(cmsg);
    DWORD value = 0;

    if (cmsg->cmsg_level == IPPROTO_IP && cmsg->cmsg_type == IP_PKTINFO && data_len >= sizeof(IN_PKTINFO))
        return snprintf(out, size, "%u.%u.%u.%u", data[0], data[1], data[2], data[3]);
    if (cmsg->cmsg_level == IPPROTO_IPV6 && cmsg->cmsg_type == IPV6_PKTINFO && data_len >= sizeof(IN6_PKTINFO))
        return snprintf(out, size, "[%02x%02x:..:%02x%02x] if %lu", data[0], data[1], data[14], data[15],
                        (unsigned long)((const IN6_PKTINFO *)data)->ipi6_ifindex);
    memcpy(&value, data, data_len < sizeof(value) ? data_len : sizeof(value));
    return snprintf(out, size, "%lu", value);
}

const char *cmsg_describe(const char *control, ULONG len, char *out, size_t size)
{
    const char *end = control + len, *p = control;
    size_t used = 0;

    out[0] = 0;
    while (control && p + sizeof(WSACMSGHDR) <= end && used < size)
    {
        const WSACMSGHDR *cmsg = (const WSACMSGHDR *)p;
        size_t data_off = (const char *)WSA_CMSG_DATA(cmsg) - p, data_len;
        const char *name = cmsg_name(cmsg->cmsg_level, cmsg->cmsg_type);

        if (cmsg->cmsg_len < data_off || cmsg->cmsg_len > (size_t)(end - p)) break;
        data_len = cmsg->cmsg_len - data_off;
        if (name) used += snprintf(out + used, size - used, "%s%s=", used ? " " : "", name);
        else used += snprintf(out + used, size - used, "%s%d/%d=", used ? " " : "", cmsg->cmsg_level, cmsg->cmsg_type);
        if (used < size) used += describe_value(cmsg, data_len, out + used, size - used);
        p += WSA_CMSGHDR_ALIGN(cmsg->cmsg_len);
    }
    return out;
}

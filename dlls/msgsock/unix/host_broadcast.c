/*
 * Subnet-directed broadcast addresses of the host's interfaces (address with
 * all host bits set, 127.255.255.255 on lo's 127.0.0.0/8), for MSG_BCAST.
 * Read with getifaddrs, cached under a lock and read again at most once a second.
 */
#include <ifaddrs.h>
#include <pthread.h>
#include <string.h>
#include <time.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "host_broadcast.h"

#define MAX_BROADCASTS  64
#define REFRESH_SECONDS 1

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static uint32_t broadcasts[MAX_BROADCASTS];     /* network order */
static unsigned int broadcast_count;
static time_t read_at;                          /* 0: never read */

/* addr | ~mask for an IPv4 interface address with host bits (not /31, /32). */
static int subnet_broadcast(const struct ifaddrs *ifa, uint32_t *out)
{
    uint32_t addr, mask;

    if (!ifa->ifa_addr || !ifa->ifa_netmask || ifa->ifa_addr->sa_family != AF_INET) return 0;
    addr = ((const struct sockaddr_in *)ifa->ifa_addr)->sin_addr.s_addr;
    mask = ((const struct sockaddr_in *)ifa->ifa_netmask)->sin_addr.s_addr;
    if (ntohl(~mask) < 3) return 0;
    *out = addr | ~mask;
    return 1;
}

static void refresh_locked(time_t now)
{
    struct ifaddrs *list, *ifa;
    uint32_t b;

    read_at = now;
    if (getifaddrs(&list)) return;      /* keep what was known */
    broadcast_count = 0;
    for (ifa = list; ifa && broadcast_count < MAX_BROADCASTS; ifa = ifa->ifa_next)
        if (subnet_broadcast(ifa, &b)) broadcasts[broadcast_count++] = b;
    freeifaddrs(list);
}

int host_is_subnet_broadcast(const uint8_t addr[4])
{
    time_t now = time(NULL);
    uint32_t a;
    unsigned int i;
    int found = 0;

    memcpy(&a, addr, sizeof(a));
    pthread_mutex_lock(&cache_lock);
    if (!read_at || now - read_at >= REFRESH_SECONDS) refresh_locked(now);
    for (i = 0; i < broadcast_count && !found; i++) found = broadcasts[i] == a;
    pthread_mutex_unlock(&cache_lock);
    return found;
}

/*
 * resolve: an ordinary Windows program.  Resolves "localhost" and this
 * machine's own name (from the hosts file, as the host resolver sees it) with
 * getaddrinfo and gethostbyname, maps 127.0.0.1 back with getnameinfo, and
 * round-trips addresses through inet_pton / inet_ntop.  Prints "OK" at the end
 * and exits 0 when every answer is as expected.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <stdio.h>
#include <string.h>

static int failures;

static void check(BOOL cond, const char *what)
{
    if (!cond)
    {
        printf("FAILED: %s (error %d)\n", what, WSAGetLastError());
        failures++;
    }
}

/* Prints every address getaddrinfo gives for name; TRUE if one is loopback 127.0.0.1 or ::1. */
static BOOL show_addrinfo(const char *name)
{
    struct addrinfo hints = { 0 }, *res, *ai;
    char text[INET6_ADDRSTRLEN];
    BOOL loopback = FALSE;
    int ret;

    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    if ((ret = getaddrinfo(name, "80", &hints, &res)))
    {
        printf("getaddrinfo(%s): error %d\n", name, ret);
        return FALSE;
    }
    for (ai = res; ai; ai = ai->ai_next)
    {
        const void *addr = ai->ai_family == AF_INET6 ? (void *)&((SOCKADDR_IN6 *)ai->ai_addr)->sin6_addr
                                                     : (void *)&((SOCKADDR_IN *)ai->ai_addr)->sin_addr;
        inet_ntop(ai->ai_family, addr, text, sizeof(text));
        printf("getaddrinfo(%s): %s port %u\n", name, text, ntohs(((SOCKADDR_IN *)ai->ai_addr)->sin_port));
        if (!strcmp(text, "127.0.0.1") || !strcmp(text, "::1") || !strncmp(text, "127.", 4)) loopback = TRUE;
    }
    freeaddrinfo(res);
    return loopback;
}

static BOOL show_hostent(const char *name)
{
    struct hostent *he = gethostbyname(name);
    int i;

    if (!he)
    {
        printf("gethostbyname(%s): error %d\n", name, WSAGetLastError());
        return FALSE;
    }
    for (i = 0; he->h_addr_list[i]; i++)
        printf("gethostbyname(%s): %s (official name %s)\n", name, inet_ntoa(*(struct in_addr *)he->h_addr_list[i]),
               he->h_name);
    return he->h_addrtype == AF_INET && he->h_addr_list[0];
}

static void test_names(void)
{
    SOCKADDR_IN sin = { 0 };
    char host[NI_MAXHOST], serv[NI_MAXSERV], own[256];

    check(show_addrinfo("localhost"), "localhost resolves to loopback");
    check(show_hostent("localhost"), "gethostbyname(localhost)");
    check(!gethostname(own, sizeof(own)), "gethostname");
    printf("gethostname: %s\n", own);
    check(show_addrinfo(own), "own name resolves to loopback (hosts file)");
    check(show_hostent(own), "gethostbyname(own name)");

    sin.sin_family = AF_INET;
    sin.sin_port = htons(80);
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    check(!getnameinfo((SOCKADDR *)&sin, sizeof(sin), host, sizeof(host), serv, sizeof(serv), NI_NUMERICSERV),
          "getnameinfo(127.0.0.1)");
    printf("getnameinfo(127.0.0.1:80): %s port %s\n", host, serv);
    check(!strcmp(serv, "80"), "numeric service");
    check(!getnameinfo((SOCKADDR *)&sin, sizeof(sin), host, sizeof(host), NULL, 0, NI_NUMERICHOST) &&
          !strcmp(host, "127.0.0.1"), "getnameinfo NI_NUMERICHOST");
}

static void test_text(void)
{
    static const char *const v4[] = { "0.0.0.0", "127.0.0.1", "192.168.1.254" };
    static const char *const v6[] = { "::", "::1", "fe80::1:2:3:4", "2001:db8::ff00:42:8329" };
    char text[INET6_ADDRSTRLEN];
    IN6_ADDR a6;
    IN_ADDR a4;
    int i;

    for (i = 0; i < 3; i++)
    {
        check(inet_pton(AF_INET, v4[i], &a4) == 1, "inet_pton v4");
        check(inet_ntop(AF_INET, &a4, text, sizeof(text)) && !strcmp(text, v4[i]), "inet_ntop v4 round trip");
        printf("inet_pton/inet_ntop: %s -> %s\n", v4[i], text);
    }
    for (i = 0; i < 4; i++)
    {
        check(inet_pton(AF_INET6, v6[i], &a6) == 1, "inet_pton v6");
        check(inet_ntop(AF_INET6, &a6, text, sizeof(text)) && !strcmp(text, v6[i]), "inet_ntop v6 round trip");
        printf("inet_pton/inet_ntop: %s -> %s\n", v6[i], text);
    }
    check(inet_pton(AF_INET, "256.1.1.1", &a4) == 0, "inet_pton rejects 256.1.1.1");
}

int main(void)
{
    WSADATA wsa;

    if (WSAStartup(MAKEWORD(2, 2), &wsa)) { printf("WSAStartup failed\n"); return 1; }
    test_names();
    test_text();
    WSACleanup();
    if (failures) { printf("%d failures\n", failures); return 1; }
    printf("OK\n");
    return 0;
}

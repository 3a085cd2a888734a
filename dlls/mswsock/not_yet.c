/*
 * mswsock exports nobody implements yet.  Each one fails the way Microsoft
 * documents for it, with NOT_YET_ERROR; `make not-yet-table` lists them.
 * Implementing one means deleting its line here.
 */
#include <winsock2.h>
#include <ws2spi.h>
#include <mswsock.h>
#include <nspapi.h>

#include "msgsock/debug.h"

/* The error every stub reports (read by tools/spectool not-yet too). */
#define NOT_YET_ERROR WSAEOPNOTSUPP

/* Failure value plus the thread's error: "call WSAGetLastError / GetLastError". */
#define NOT_YET(type, name, params, failure) \
    type WINAPI name params { FIXME("not implemented yet\n"); SetLastError(NOT_YET_ERROR); return failure; }
/* No result to fail with. */
#define NOT_YET_VOID(name, params) void WINAPI name params { FIXME("not implemented yet\n"); }

/*
 * Never documented by Microsoft; the argument lists are the BSD / service
 * entry point shapes their names come from (see spec/mswsock.spec).
 */
int WINAPI MigrateWinsockConfiguration(DWORD a, DWORD b, DWORD c);
INT WINAPI NPLoadNameSpaces(DWORD *version, void *routines, DWORD *len);
void WINAPI ServiceMain(DWORD argc, WCHAR **argv);
int WINAPI StartWsdpService(void);
void WINAPI StopWsdpService(void);
void WINAPI SvchostPushServiceGlobals(void *globals);
int WINAPI dn_expand(const BYTE *msg, const BYTE *end, const BYTE *src, char *dst, int len);
void * WINAPI getnetbyname(const char *name);
ULONG WINAPI inet_network(const char *text);
SOCKET WINAPI rcmd(char **host, int port, const char *local_user, const char *remote_user, const char *cmd,
                   int *err_fd);
SOCKET WINAPI rexec(char **host, int port, const char *user, const char *password, const char *cmd,
                    int *err_fd);
SOCKET WINAPI rresvport(int *port);
void WINAPI s_perror(const char *message);
int WINAPI sethostname(const char *name, int len);

/* Microsoft-specific extensions (also reached through WSAIoctl) */
NOT_YET(int, WSARecvEx, (SOCKET s, char *buf, int len, int *flags), SOCKET_ERROR)

/* Windows Sockets 1 name service (nspapi.h) */
NOT_YET(INT, GetAddressByNameA, (DWORD name_space, GUID *type, char *name, int *protocols, DWORD resolution,
                                 SERVICE_ASYNC_INFO *async, void *buffer, DWORD *len, char *aliases,
                                 DWORD *aliases_len), SOCKET_ERROR)
NOT_YET(INT, GetAddressByNameW, (DWORD name_space, GUID *type, WCHAR *name, int *protocols, DWORD resolution,
                                 SERVICE_ASYNC_INFO *async, void *buffer, DWORD *len, WCHAR *aliases,
                                 DWORD *aliases_len), SOCKET_ERROR)
NOT_YET(INT, GetNameByTypeA, (GUID *type, char *name, DWORD len), SOCKET_ERROR)
NOT_YET(INT, GetNameByTypeW, (GUID *type, WCHAR *name, DWORD len), SOCKET_ERROR)
NOT_YET(INT, GetServiceA, (DWORD name_space, GUID *guid, char *name, DWORD properties, void *buffer,
                           DWORD *len, SERVICE_ASYNC_INFO *async), SOCKET_ERROR)
NOT_YET(INT, GetServiceW, (DWORD name_space, GUID *guid, WCHAR *name, DWORD properties, void *buffer,
                           DWORD *len, SERVICE_ASYNC_INFO *async), SOCKET_ERROR)
NOT_YET(INT, GetTypeByNameA, (char *name, GUID *type), SOCKET_ERROR)
NOT_YET(INT, GetTypeByNameW, (WCHAR *name, GUID *type), SOCKET_ERROR)
NOT_YET(INT, SetServiceA, (DWORD name_space, DWORD operation, DWORD flags, SERVICE_INFOA *info,
                           SERVICE_ASYNC_INFO *async, DWORD *status), SOCKET_ERROR)
NOT_YET(INT, SetServiceW, (DWORD name_space, DWORD operation, DWORD flags, SERVICE_INFOW *info,
                           SERVICE_ASYNC_INFO *async, DWORD *status), SOCKET_ERROR)
NOT_YET(INT, NSPStartup, (GUID *provider, NSP_ROUTINE *routines), SOCKET_ERROR)
NOT_YET(INT, NPLoadNameSpaces, (DWORD *version, void *routines, DWORD *len), SOCKET_ERROR)

/* Service and configuration entry points */
NOT_YET(int, MigrateWinsockConfiguration, (DWORD a, DWORD b, DWORD c), SOCKET_ERROR)
NOT_YET_VOID(ServiceMain, (DWORD argc, WCHAR **argv))
NOT_YET(int, StartWsdpService, (void), SOCKET_ERROR)
NOT_YET_VOID(StopWsdpService, (void))
NOT_YET_VOID(SvchostPushServiceGlobals, (void *globals))

/* BSD leftovers */
NOT_YET(int, dn_expand, (const BYTE *msg, const BYTE *end, const BYTE *src, char *dst, int len), -1)
NOT_YET(void *, getnetbyname, (const char *name), NULL)
NOT_YET(ULONG, inet_network, (const char *text), INADDR_NONE)
NOT_YET(SOCKET, rcmd, (char **host, int port, const char *local_user, const char *remote_user, const char *cmd,
                       int *err_fd), INVALID_SOCKET)
NOT_YET(SOCKET, rexec, (char **host, int port, const char *user, const char *password, const char *cmd,
                        int *err_fd), INVALID_SOCKET)
NOT_YET(SOCKET, rresvport, (int *port), INVALID_SOCKET)
NOT_YET_VOID(s_perror, (const char *message))
NOT_YET(int, sethostname, (const char *name, int len), SOCKET_ERROR)

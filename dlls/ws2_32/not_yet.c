/*
 * ws2_32 exports nobody implements yet.  Each one fails the way Microsoft
 * documents for it, with NOT_YET_ERROR; `make not-yet-table` lists them.
 * Implementing one means deleting its line here.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <ws2spi.h>
#include <sporder.h>

#include "msgsock/debug.h"

/* The error every stub reports (read by tools/spectool not-yet too). */
#define NOT_YET_ERROR WSAEOPNOTSUPP

/* Failure value plus the thread's error: "WSAGetLastError returns ...". */
#define NOT_YET(type, name, params, failure) \
    type WINAPI name params { FIXME("not implemented yet\n"); SetLastError(NOT_YET_ERROR); return failure; }
/* Failure value plus *lpErrno: the WSC/WPU provider functions. */
#define NOT_YET_ERRNO(type, name, params, error_ptr, failure) \
    type WINAPI name params \
    { FIXME("not implemented yet\n"); if (error_ptr) *(error_ptr) = NOT_YET_ERROR; return failure; }
/* The error code is the return value itself. */
#define NOT_YET_CODE(type, name, params) \
    type WINAPI name params { FIXME("not implemented yet\n"); return NOT_YET_ERROR; }

/* Not in mingw-w64's headers yet (Windows 10 build 20348). */
DWORD WINAPI ProcessSocketNotifications(HANDLE port, UINT32 count, void *registrations, UINT32 timeout,
                                        ULONG max_entries, OVERLAPPED_ENTRY *entries, UINT32 *received);
/* Undocumented, exported by every ws2_32. */
int WINAPI WSApSetPostRoutine(void *routine);
int WINAPI WEP(void);
#ifdef _WIN64
/* mingw-w64 declares it for 32-bit builds only; 64-bit Windows exports it too. */
int WINAPI WSCInstallProviderAndChains(const LPGUID provider, const LPWSTR path, const LPWSTR name, DWORD flags,
                                       const LPWSAPROTOCOL_INFO info, DWORD count, DWORD *id, int *error);
#endif

/* Connections and sockets */
NOT_YET(BOOL, WSAConnectByNameA, (SOCKET s, char *node, char *service, DWORD *local_len,
                                  struct sockaddr *local, DWORD *remote_len, struct sockaddr *remote,
                                  const PTIMEVAL timeout, WSAOVERLAPPED *reserved), FALSE)
NOT_YET(BOOL, WSAConnectByNameW, (SOCKET s, WCHAR *node, WCHAR *service, DWORD *local_len,
                                  struct sockaddr *local, DWORD *remote_len, struct sockaddr *remote,
                                  const PTIMEVAL timeout, WSAOVERLAPPED *reserved), FALSE)
NOT_YET(BOOL, WSAConnectByList, (SOCKET s, SOCKET_ADDRESS_LIST *addresses, DWORD *local_len,
                                 struct sockaddr *local, DWORD *remote_len, struct sockaddr *remote,
                                 const PTIMEVAL timeout, WSAOVERLAPPED *reserved), FALSE)
NOT_YET(SOCKET, WSAJoinLeaf, (SOCKET s, const struct sockaddr *name, int len, WSABUF *caller,
                              WSABUF *callee, QOS *sqos, QOS *gqos, DWORD flags), INVALID_SOCKET)
NOT_YET(BOOL, WSAGetQOSByName, (SOCKET s, WSABUF *name, QOS *qos), FALSE)
NOT_YET_CODE(DWORD, ProcessSocketNotifications, (HANDLE port, UINT32 count, void *registrations,
                                                 UINT32 timeout, ULONG max_entries, OVERLAPPED_ENTRY *entries,
                                                 UINT32 *received))

/* Event and window-message notification */

/* Winsock 1 blocking hooks, removed by Windows Sockets 2.2 */
NOT_YET(FARPROC, WSASetBlockingHook, (FARPROC hook), NULL)
NOT_YET(int, WSAUnhookBlockingHook, (void), SOCKET_ERROR)
NOT_YET(int, WSACancelBlockingCall, (void), SOCKET_ERROR)
NOT_YET(BOOL, WSAIsBlocking, (void), FALSE)
NOT_YET(int, WSApSetPostRoutine, (void *routine), SOCKET_ERROR)
NOT_YET(int, WEP, (void), 0)

/* Protocol catalog and name space queries */
NOT_YET(INT, WSAEnumNameSpaceProvidersExA, (DWORD *len, WSANAMESPACE_INFOEXA *buffer), SOCKET_ERROR)
NOT_YET(INT, WSAEnumNameSpaceProvidersExW, (DWORD *len, WSANAMESPACE_INFOEXW *buffer), SOCKET_ERROR)
NOT_YET(INT, WSAGetServiceClassInfoA, (GUID *provider, GUID *service_class, DWORD *len,
                                       WSASERVICECLASSINFOA *info), SOCKET_ERROR)
NOT_YET(INT, WSAGetServiceClassInfoW, (GUID *provider, GUID *service_class, DWORD *len,
                                       WSASERVICECLASSINFOW *info), SOCKET_ERROR)
NOT_YET(INT, WSAGetServiceClassNameByClassIdA, (GUID *service_class, char *name, DWORD *len), SOCKET_ERROR)
NOT_YET(INT, WSAGetServiceClassNameByClassIdW, (GUID *service_class, WCHAR *name, DWORD *len), SOCKET_ERROR)
NOT_YET(INT, WSAInstallServiceClassA, (WSASERVICECLASSINFOA *info), SOCKET_ERROR)
NOT_YET(INT, WSAInstallServiceClassW, (WSASERVICECLASSINFOW *info), SOCKET_ERROR)
NOT_YET(INT, WSARemoveServiceClass, (GUID *service_class), SOCKET_ERROR)
NOT_YET(INT, WSANSPIoctl, (HANDLE lookup, DWORD code, void *in, DWORD in_len, void *out, DWORD out_len,
                           DWORD *returned, WSACOMPLETION *completion), SOCKET_ERROR)
NOT_YET(INT, WSASetServiceA, (WSAQUERYSETA *info, WSAESETSERVICEOP op, DWORD flags), SOCKET_ERROR)
NOT_YET(INT, WSASetServiceW, (WSAQUERYSETW *info, WSAESETSERVICEOP op, DWORD flags), SOCKET_ERROR)
NOT_YET(INT, WSAProviderConfigChange, (HANDLE *handle, WSAOVERLAPPED *overlapped,
                                       LPWSAOVERLAPPED_COMPLETION_ROUTINE completion), SOCKET_ERROR)
NOT_YET_CODE(int, SetAddrInfoExA, (PCSTR name, PCSTR service, SOCKET_ADDRESS *addresses, DWORD count,
                                   BLOB *blob, DWORD flags, DWORD name_space, GUID *provider, PTIMEVAL timeout,
                                   OVERLAPPED *overlapped, LPLOOKUPSERVICE_COMPLETION_ROUTINE completion,
                                   HANDLE *handle))
NOT_YET_CODE(int, SetAddrInfoExW, (PCWSTR name, PCWSTR service, SOCKET_ADDRESS *addresses, DWORD count,
                                   BLOB *blob, DWORD flags, DWORD name_space, GUID *provider, PTIMEVAL timeout,
                                   OVERLAPPED *overlapped, LPLOOKUPSERVICE_COMPLETION_ROUTINE completion,
                                   HANDLE *handle))

/* Name space provider version 2 (NSPv2) */
NOT_YET(INT, WSAAdvertiseProvider, (const GUID *provider, const LPCNSPV2_ROUTINE *routines), SOCKET_ERROR)
NOT_YET(INT, WSAUnadvertiseProvider, (const GUID *provider), SOCKET_ERROR)
NOT_YET(INT, WSAProviderCompleteAsyncCall, (HANDLE call, INT result), SOCKET_ERROR)

/* Service provider upcalls and catalog configuration (WSC*) */
NOT_YET_ERRNO(int, WSCUpdateProvider, (GUID *provider, const WCHAR *path, const LPWSAPROTOCOL_INFOW info,
                                       DWORD count, int *error), error, SOCKET_ERROR)
NOT_YET_ERRNO(int, WSCSetProviderInfo, (GUID *provider, WSC_PROVIDER_INFO_TYPE type, BYTE *info, size_t size,
                                        DWORD flags, int *error), error, SOCKET_ERROR)
NOT_YET_ERRNO(int, WSCGetApplicationCategory, (LPCWSTR path, DWORD path_len, LPCWSTR extra, DWORD extra_len,
                                               DWORD *categories, int *error), error, SOCKET_ERROR)
NOT_YET_ERRNO(int, WSCSetApplicationCategory, (LPCWSTR path, DWORD path_len, LPCWSTR extra, DWORD extra_len,
                                               DWORD categories, DWORD *previous, int *error), error, SOCKET_ERROR)
NOT_YET_ERRNO(int, WSCInstallProviderAndChains, (const LPGUID provider, const LPWSTR path, const LPWSTR name,
                                                 DWORD flags, const LPWSAPROTOCOL_INFO info, DWORD count,
                                                 DWORD *id, int *error), error, SOCKET_ERROR)
NOT_YET(INT, WSCInstallNameSpace, (WCHAR *identifier, WCHAR *path, DWORD name_space, DWORD version,
                                   GUID *provider), SOCKET_ERROR)
NOT_YET(int, WSCInstallNameSpaceEx, (WCHAR *identifier, WCHAR *path, DWORD name_space, DWORD version,
                                     GUID *provider, BLOB *info), SOCKET_ERROR)
NOT_YET(INT, WSCUnInstallNameSpace, (GUID *provider), SOCKET_ERROR)
NOT_YET(INT, WSCEnableNSProvider, (GUID *provider, BOOL enable), SOCKET_ERROR)
NOT_YET_CODE(int, WSCWriteNameSpaceOrder, (GUID *providers, DWORD count))

#ifdef _WIN64
/* The 32-bit catalog, seen from 64-bit processes */
NOT_YET_ERRNO(int, WSCEnumProtocols32, (int *protocols, WSAPROTOCOL_INFOW *buffer, DWORD *len, int *error),
              error, SOCKET_ERROR)
NOT_YET_ERRNO(int, WSCDeinstallProvider32, (GUID *provider, int *error), error, SOCKET_ERROR)
NOT_YET_ERRNO(int, WSCInstallProvider64_32, (GUID *provider, const WCHAR *path,
                                             const LPWSAPROTOCOL_INFOW info, DWORD count, int *error),
              error, SOCKET_ERROR)
NOT_YET_ERRNO(int, WSCUpdateProvider32, (GUID *provider, const WCHAR *path, const LPWSAPROTOCOL_INFOW info,
                                         DWORD count, int *error), error, SOCKET_ERROR)
NOT_YET_ERRNO(int, WSCGetProviderPath32, (GUID *provider, WCHAR *path, int *len, int *error), error,
              SOCKET_ERROR)
NOT_YET_ERRNO(int, WSCGetProviderInfo32, (GUID *provider, WSC_PROVIDER_INFO_TYPE type, BYTE *info,
                                          size_t *size, DWORD flags, int *error), error, SOCKET_ERROR)
NOT_YET_ERRNO(int, WSCSetProviderInfo32, (GUID *provider, WSC_PROVIDER_INFO_TYPE type, BYTE *info,
                                          size_t size, DWORD flags, int *error), error, SOCKET_ERROR)
NOT_YET_ERRNO(int, WSCInstallProviderAndChains64_32, (const LPGUID provider, const LPWSTR path,
                                                      const LPWSTR path32, const LPWSTR name, DWORD flags,
                                                      const LPWSAPROTOCOL_INFO info, DWORD count, DWORD *id,
                                                      int *error), error, SOCKET_ERROR)
NOT_YET_CODE(int, WSCWriteProviderOrder32, (DWORD *ids, DWORD count))
NOT_YET(INT, WSCEnumNameSpaceProviders32, (DWORD *len, WSANAMESPACE_INFOW *buffer), SOCKET_ERROR)
NOT_YET(INT, WSCEnumNameSpaceProvidersEx32, (DWORD *len, WSANAMESPACE_INFOEXW *buffer), SOCKET_ERROR)
NOT_YET(INT, WSCInstallNameSpace32, (WCHAR *identifier, WCHAR *path, DWORD name_space, DWORD version,
                                     GUID *provider), SOCKET_ERROR)
NOT_YET(int, WSCInstallNameSpaceEx32, (WCHAR *identifier, WCHAR *path, DWORD name_space, DWORD version,
                                       GUID *provider, BLOB *info), SOCKET_ERROR)
NOT_YET(INT, WSCUnInstallNameSpace32, (GUID *provider), SOCKET_ERROR)
NOT_YET(INT, WSCEnableNSProvider32, (GUID *provider, BOOL enable), SOCKET_ERROR)
NOT_YET_CODE(int, WSCWriteNameSpaceOrder32, (GUID *providers, DWORD count))
#endif

/* The base provider's WSP* functions, as WSPStartup puts them in the WSPPROC_TABLE. */
#ifndef MSGSOCK_PROVIDER_CALLS_H
#define MSGSOCK_PROVIDER_CALLS_H

#include "provider.h"

/* wsp_socket.c */
SOCKET WSPAPI wsp_socket(int af, int type, int protocol, WSAPROTOCOL_INFOW *info, GROUP g, DWORD flags, int *err);
int WSPAPI wsp_close_socket(SOCKET s, int *err);
int WSPAPI wsp_bind(SOCKET s, const struct sockaddr *name, int namelen, int *err);
int WSPAPI wsp_connect(SOCKET s, const struct sockaddr *name, int namelen, WSABUF *caller_data,
                       WSABUF *callee_data, QOS *sqos, QOS *gqos, int *err);
int WSPAPI wsp_getsockname(SOCKET s, struct sockaddr *name, int *namelen, int *err);
int WSPAPI wsp_getpeername(SOCKET s, struct sockaddr *name, int *namelen, int *err);
int WSPAPI wsp_listen(SOCKET s, int backlog, int *err);
int WSPAPI wsp_shutdown(SOCKET s, int how, int *err);
int WSPAPI wsp_cleanup(int *err);

/* wsp_sockopt.c */
int WSPAPI wsp_getsockopt(SOCKET s, int level, int name, char *value, int *len, int *err);
int WSPAPI wsp_setsockopt(SOCKET s, int level, int name, const char *value, int len, int *err);

/* wsp_ioctl.c */
int WSPAPI wsp_ioctl(SOCKET s, DWORD code, void *in, DWORD in_len, void *out, DWORD out_len,
                     DWORD *returned, WSAOVERLAPPED *ovl, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine,
                     WSATHREADID *thread, int *err);

/* wsp_transfer.c */
int WSPAPI wsp_send(SOCKET s, WSABUF *bufs, DWORD count, DWORD *sent, DWORD flags, WSAOVERLAPPED *ovl,
                    LPWSAOVERLAPPED_COMPLETION_ROUTINE routine, WSATHREADID *thread, int *err);
int WSPAPI wsp_sendto(SOCKET s, WSABUF *bufs, DWORD count, DWORD *sent, DWORD flags,
                      const struct sockaddr *to, int tolen, WSAOVERLAPPED *ovl,
                      LPWSAOVERLAPPED_COMPLETION_ROUTINE routine, WSATHREADID *thread, int *err);
int WSPAPI wsp_recv(SOCKET s, WSABUF *bufs, DWORD count, DWORD *received, DWORD *flags, WSAOVERLAPPED *ovl,
                    LPWSAOVERLAPPED_COMPLETION_ROUTINE routine, WSATHREADID *thread, int *err);
int WSPAPI wsp_recvfrom(SOCKET s, WSABUF *bufs, DWORD count, DWORD *received, DWORD *flags,
                        struct sockaddr *from, int *fromlen, WSAOVERLAPPED *ovl,
                        LPWSAOVERLAPPED_COMPLETION_ROUTINE routine, WSATHREADID *thread, int *err);
BOOL WSPAPI wsp_get_overlapped_result(SOCKET s, WSAOVERLAPPED *ovl, DWORD *transferred, BOOL wait,
                                      DWORD *flags, int *err);

/* ext_msg.c: the extension functions handed out for WSAID_WSARECVMSG / WSAID_WSASENDMSG */
INT WINAPI msgsock_WSARecvMsg(SOCKET s, WSAMSG *msg, DWORD *received, WSAOVERLAPPED *ovl,
                              LPWSAOVERLAPPED_COMPLETION_ROUTINE routine);
INT WSAAPI msgsock_WSASendMsg(SOCKET s, WSAMSG *msg, DWORD flags, DWORD *sent, WSAOVERLAPPED *ovl,
                              LPWSAOVERLAPPED_COMPLETION_ROUTINE routine);

/* wsp_select.c */
int WSPAPI wsp_select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds, const PTIMEVAL timeout,
                      int *err);
/* the function handed out for WSAID_WSAPOLL */
int WSAAPI msgsock_WSAPoll(WSAPOLLFD *fds, ULONG count, INT timeout);
/* wsp_accept.c */
SOCKET WSPAPI wsp_accept(SOCKET s, struct sockaddr *addr, int *addrlen, LPCONDITIONPROC cond, DWORD_PTR data,
                         int *err);

/* ext_connect.c: handed out for WSAID_CONNECTEX / WSAID_DISCONNECTEX (ext_accept.c: the AcceptEx exports) */
BOOL WINAPI msgsock_ConnectEx(SOCKET s, const struct sockaddr *name, int namelen, void *data, DWORD data_len,
                              DWORD *sent, OVERLAPPED *ovl);
BOOL WINAPI msgsock_DisconnectEx(SOCKET s, OVERLAPPED *ovl, DWORD flags, DWORD reserved);
/* ext_transmit.c: handed out for WSAID_TRANSMITPACKETS (and TransmitFile, exported) */
BOOL WINAPI msgsock_TransmitPackets(SOCKET s, TRANSMIT_PACKETS_ELEMENT *elements, DWORD count, DWORD send_size,
                                    OVERLAPPED *ovl, DWORD flags);

/* wsp_duplicate.c */
int WSPAPI wsp_duplicate_socket(SOCKET s, DWORD pid, WSAPROTOCOL_INFOW *info, int *err);
/* WSASocket given WSADuplicateSocket's structure: the handle it carries. */
SOCKET wsp_adopt_shared(const WSAPROTOCOL_INFOW *info, DWORD flags, int *err);

/* wsp_events.c */
int WSPAPI wsp_event_select(SOCKET s, WSAEVENT event, LONG mask, int *err);
int WSPAPI wsp_enum_network_events(SOCKET s, WSAEVENT event, WSANETWORKEVENTS *events, int *err);
int WSPAPI wsp_async_select(SOCKET s, HWND hwnd, unsigned int msg, LONG mask, int *err);

/* wsp_unsupported.c: table entries for what the provider does not do yet */
void wsp_fill_unsupported(WSPPROC_TABLE *table);

#endif

/* The Winsock error Windows reports for an NTSTATUS left in OVERLAPPED.Internal. */
#ifndef MSGSOCK_STATUS_MAP_H
#define MSGSOCK_STATUS_MAP_H

/*
 * WSAGetOverlappedResult's error for a failed request's status: Windows' own
 * mapping (WSAEINVAL for a status it has no mapping for).  STATUS_PENDING and
 * the HRESULT / NTSTATUS forms of ERROR_IO_INCOMPLETE give WSA_IO_INCOMPLETE.
 */
int status_map_to_wsa(unsigned long status);

#endif

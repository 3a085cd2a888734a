/*
 * What msgsock relies on in Wine's private interface, per Wine version: the one
 * table to check against Wine's sources.  Only dlls/msgsock/host_call.c and
 * dlls/mswsock/wine/ include this.
 *
 * | fact                                   | 8.0 | 9.0 | 10.0 | 11.x | where in Wine's source             |
 * |----------------------------------------|-----|-----|------|------|------------------------------------|
 * | ntdll exports the pointer              | yes | yes | yes  | yes  | dlls/ntdll/ntdll.spec:             |
 * |   __wine_unix_call_dispatcher          |     |     |      |      |   "@ extern -private ..."          |
 * | ntdll exports __wine_unix_call()       | yes | yes | no   | no   | gone in 9.10 (became inline)       |
 * | NtQueryVirtualMemory class 1000 gives  | yes | yes | yes  | yes  | include/winternl.h:                |
 * |   a builtin module's unix library      |     |     |      |      |   MemoryWineUnixFuncs (11.2:       |
 * |                                        |     |     |      |      |   MemoryWineLoadUnixLib, same)     |
 * | wine_server_handle_to_fd exported      | yes | yes | yes  | yes  | dlls/ntdll/ntdll.spec              |
 * | __wine_dbg_get_channel_flags/_header/  | yes | yes | yes  | yes  | dlls/ntdll/ntdll.spec              |
 * |   _output exported                     |     |     |      |      |                                    |
 * | IOCTL_AFD_* / IOCTL_AFD_WINE_* codes   | same| same| same | same | include/wine/afd.h (10.0 adds      |
 * |   and structures used (wine/afd.c)     |     |     |      |      |   299-304, changes none)           |
 * | kernelbase's CreateIoCompletionPort    | yes | yes | yes  | yes  | dlls/kernelbase/sync.c             |
 * |   calls NtSetInformationFile(          |     |     |      |      |                                    |
 * |   FileCompletionInformation)           |     |     |      |      |                                    |
 * | kernel32's SetFileCompletionNotifica-  | yes | yes | yes  | yes  | dlls/kernel32/file.c               |
 * |   tionModes calls NtSetInformationFile(|     |     |      |      |                                    |
 * |   FileIoCompletionNotificationInfo.)   |     |     |      |      |                                    |
 * | kernelbase's CancelIo/CancelIoEx call  | yes | yes | yes  | yes  | dlls/kernelbase/file.c             |
 * |   NtCancelIoFile / NtCancelIoFileEx    |     |     |      |      |                                    |
 * | the server reports no POLLIN to polls  | yes | yes | yes  | yes  | server/sock.c: sock_dispatch_asyncs|
 * |   while a receive is queued on the     |     |     |      |      |   and sock_get_poll_events         |
 * |   socket (it wakes the receive instead)|     |     |      |      |                                    |
 * | an async with an event and no APC      | yes | yes | yes  | yes  | server/async.c: async_set_result   |
 * |   context posts no port packet; one    |     |     |      |      |   and create_async                 |
 * |   with an APC routine on a port-bound  |     |     |      |      |                                    |
 * |   handle is STATUS_INVALID_PARAMETER   |     |     |      |      |                                    |
 * | asyncs end when their issuing thread   | yes | yes | yes  | yes  | server/async.c:                    |
 * |   exits, unless a port takes them      |     |     |      |      |   cancel_terminating_thread_asyncs |
 * | a socket's last close ends its queued  | yes | yes | yes  | yes  | server/async.c: free_async_queue   |
 * |   receives with STATUS_HANDLES_CLOSED  |     |     |      |      |   (from sock_destroy)              |
 *
 * Deliberately absent: wineserver request numbers.  They differ in every
 * release (add_fd_completion is 254 in 8.0, 260 in 9.0, 267 in 10.0, 270 in
 * 11.0) and in wine-staging, and a wrong one runs another request, so msgsock
 * sends none: completion packets go through the documented NtSetIoCompletion
 * to the port msgsock saw the socket being associated with (wine/port_hook.c).
 * Every fact above is looked up at run time; what is missing is reported
 * once, loudly, and WSAStartup fails with WSASYSNOTREADY (wine/support.c).
 */
#ifndef MSGSOCK_WINE_FACTS_H
#define MSGSOCK_WINE_FACTS_H

/* NtQueryVirtualMemory's MEMORY_INFORMATION_CLASS for a module's unix library. */
#define WINE_MEMORY_UNIX_LIBRARY 1000

#define WINE_UNIX_CALL_DISPATCHER "__wine_unix_call_dispatcher"
#define WINE_UNIX_CALL_FUNCTION   "__wine_unix_call"

#endif

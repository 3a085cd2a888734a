/*
 * The calling thread's WSATHREADID for requests that reach the provider
 * without one (WSASendMsg / WSARecvMsg called through their extension
 * pointers): opened with WPUOpenCurrentThread on the thread's first such
 * request and closed when the thread detaches, instead of once per request.
 */
#ifndef MSGSOCK_THREAD_HANDLE_H
#define MSGSOCK_THREAD_HANDLE_H

#include "provider.h"

BOOL thread_handle_init(void);                  /* DLL_PROCESS_ATTACH */
const WSATHREADID *thread_handle_current(void); /* NULL if it cannot be opened */
void thread_handle_detach(void);                /* DLL_THREAD_DETACH, after the thread's requests ended */

#endif
